"""The reader draws each entity's colour exactly under its text and is usable by keyboard."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from gui.article_view.palette import style_for
from gui.article_view.reader import ArticleView, entity_tooltip
from gui.core.entities.pipeline import Entity

# Astral characters (emoji, mathematical letters) before the names shift Qt's UTF-16
# positions away from Python's: the highlight must follow Python's offsets.
BODY = (
    "🙂🙂🙂 \U0001d504\U0001d505 Reporters met Ashton Carter in Baghdad."
    "\n\nSecond paragraph 😀 about Reuters."
)

WHITE = QColor("white")


def entity(text: str, label: str, occurrence: int = 0) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = BODY.index(text, start + 1)
    return Entity(start, start + len(text), label, text, text)


@pytest.fixture
def view(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.set_body(BODY)
    view.show()
    qtbot.waitExposed(view)
    return view


def tinted(image, rect, style, page=WHITE) -> float:
    """Share of the pixels along the rectangle's top row that carry the style's tint."""
    fill = style.fill()
    alpha = fill.alphaF()
    expected = [
        round(f * alpha + p * (1 - alpha))
        for f, p in zip(fill.getRgb()[:3], page.getRgb()[:3], strict=True)
    ]
    hits = total = 0
    for x in range(int(rect.left()) + 1, int(rect.right()) - 1):
        pixel = QColor(image.pixel(x, int(rect.top()) + 1))
        total += 1
        hits += all(
            abs(a - b) <= 40
            for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), expected, strict=True)
        )
    return hits / max(total, 1)


def qt_rect(view, start, end):
    """Where Qt itself places [start, end), from UTF-16 positions computed independently."""
    utf16 = lambda i: len(BODY[:i].encode("utf-16-le")) // 2  # noqa: E731
    cursor = QTextCursor(view.document())
    cursor.setPosition(utf16(start))
    left = view.cursorRect(cursor)
    cursor.setPosition(utf16(end))
    right = view.cursorRect(cursor)
    return left.united(right)


def test_highlight_sits_exactly_under_the_entity_text(view, qtbot):
    carter = entity("Ashton Carter", "PERSON")
    view.set_entities([carter, entity("Baghdad", "PLACE"), entity("Reuters", "OUTLET")])
    rects = view.highlighter.rects_for(carter.start, carter.end)
    assert len(rects) == 1
    expected = qt_rect(view, carter.start, carter.end)
    assert abs(rects[0].left() - expected.left()) <= 1
    assert abs(rects[0].right() - expected.right()) <= 2
    image = view.viewport().grab().toImage()
    assert tinted(image, rects[0], style_for("PERSON")) > 0.6
    # The words before it stay untinted.
    before = qt_rect(view, BODY.index("Reporters"), BODY.index("Reporters") + 9)
    assert tinted(image, before.toRectF(), style_for("PERSON")) < 0.1


def test_each_type_gets_its_own_colour_and_hidden_types_vanish(view):
    place, outlet = entity("Baghdad", "PLACE"), entity("Reuters", "OUTLET")
    view.set_entities([place, outlet])
    rect = view.highlighter.rects_for(place.start, place.end)[0]
    image = view.viewport().grab().toImage()
    assert tinted(image, rect, style_for("PLACE")) > 0.6
    assert tinted(image, rect, style_for("OUTLET")) < 0.1
    view.set_hidden_types({"PLACE"})
    image = view.viewport().grab().toImage()
    assert tinted(image, rect, style_for("PLACE")) < 0.1


def test_entity_under_the_mouse_and_its_tooltip(view, qtbot):
    carter = entity("Ashton Carter", "PERSON")
    view.set_entities([carter])
    rect = view.highlighter.rects_for(carter.start, carter.end)[0]
    assert view.entity_at(rect.center().toPoint()) == carter
    assert view.entity_at(QPoint(int(rect.left()) - 40, int(rect.center().y()))) is None
    with qtbot.waitSignal(view.entity_clicked) as clicked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert clicked.args == [carter]
    grouped = Entity(0, 5, "ORG", "ISIL", "Islamic State")
    assert "People" in entity_tooltip(carter)
    assert "Islamic State" in entity_tooltip(grouped)


def test_keyboard_selection_extends_by_character_and_word(view, qtbot):
    view.setFocus()
    view.select_span(BODY.index("Reporters"), BODY.index("Reporters"))
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    start, end = view.selected_span()
    assert BODY[start:end] == "Rep"
    qtbot.keyClick(
        view,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    start, end = view.selected_span()
    assert BODY[start:end].strip() == "Reporters"


def test_select_span_round_trips_python_offsets(view):
    start = BODY.index("😀")
    view.select_span(start, start + 1)
    assert view.selected_span() == (start, start + 1)
    assert view.textCursor().selectedText() == "😀"


def test_zoom_changes_type_size_within_bounds(view):
    size = view.font().pointSizeF()
    view.set_zoom(3)
    assert view.font().pointSizeF() == size + 3
    view.set_zoom(100)
    assert view.zoom() == 20
    view.set_zoom(0)
    assert view.font().pointSizeF() == size


def test_reading_column_stays_narrow_in_a_wide_window(view, qtbot):
    view.resize(2400, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 1400)
    assert view.viewport().width() > 500


def test_legend_counts_types_and_toggles_them(qtbot):
    from gui.article_view.legend import Legend

    legend = Legend()
    qtbot.addWidget(legend)
    legend.set_labels(["PERSON", "PERSON", "OUTLET"] + ["DATE"] * 1200)
    assert legend.buttons["PERSON"].text() == "People 2"
    assert legend.buttons["DATE"].text() == "Dates 1,200"
    assert legend.buttons["PLACE"].isHidden()
    with qtbot.waitSignal(legend.hidden_changed) as hidden:
        legend.buttons["OUTLET"].click()
    assert hidden.args == [{"OUTLET"}]
    # Many large counts wrap onto more rows instead of forcing the window wider.
    legend.show()
    one_row = legend.layout().heightForWidth(2000)
    assert legend.minimumSizeHint().width() < 250
    assert legend.layout().heightForWidth(250) > one_row
