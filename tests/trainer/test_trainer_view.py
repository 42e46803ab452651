"""Layers and presentation mode: what a trainer shows the class, one step at a time."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.article_view.layers import FINDINGS
from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.widgets.messages import ErrorMessage
from tests.fakes import install_fake_pipeline

ARTICLE = "Talks\n\nCarter met officials in Baghdad, Reuters reported on Monday.\n"


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: None))
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    session = window.session
    session.annotator = "trainer"
    labels = session.labels()
    for who, text, label, note in (
        ("trainer", "Carter met officials", 0, "the key's claim"),
        ("Ana", "Reuters reported", 1, "Ana's source"),
        ("trainer", "on Monday", 2, ""),
    ):
        start = ARTICLE.index(text)
        anchor = anchor_for(ARTICLE, start, start + len(text))
        annotation = Annotation(0, session.current.id, labels[label].id, anchor, note, who, "", "")
        assert session.execute(AddAnnotation(annotation, labels[label].name))
    yield window
    session.wait_for_background()
    session.close_library()


def drawn(window):
    return sorted((a.annotator, a.text) for a in window.pane.view.annotation_layer_items())


def test_layers_show_hide_and_draw_in_their_own_line(window):
    layers = window.layers
    assert layers.names() == ["trainer", "Ana"]
    assert len(drawn(window)) == 3
    pens = window.pane.view.annotation_layer.pens
    assert len(set(pens)) == 2  # the trainer's boxes solid, Ana's dashed
    layers.toggle("Ana", False)
    assert drawn(window) == [("trainer", "Carter met officials"), ("trainer", "on Monday")]
    layers.toggle(FINDINGS, False)
    assert not window.pane.view.entity_layer.visible
    layers.toggle(FINDINGS, True)
    assert window.pane.view.entity_layer.visible


def test_presentation_mode_reveals_layers_and_steps_through_notes(window, qtbot):
    view = window.pane.view
    size = view.font().pointSizeF()
    window.presenter.action.trigger()
    assert window.presenter.active and not window.library_dock.isVisible()
    assert not window.menuBar().isVisible() and view.font().pointSizeF() > size + 4
    assert drawn(window) == []  # "what did you find?"
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert {who for who, _ in drawn(window)} == {"Ana"}
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert {who for who, _ in drawn(window)} == {"Ana", "trainer"}  # then the key
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert "the key&#x27;s claim" in window.presenter.caption.text()
    start, end = view.highlighter.spotlight
    assert ARTICLE[start:end] == "Carter met officials"
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert "Ana&#x27;s source" in window.presenter.caption.text()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert "the key&#x27;s claim" in window.presenter.caption.text()
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not window.presenter.active and window.menuBar().isVisible()
    assert view.font().pointSizeF() == size
    assert len(drawn(window)) == 3 and window.library_dock.isVisible()


def test_preferences_set_the_name_on_new_annotations(window, qtbot, monkeypatch):
    from gui.annotating.preferences_dialog import Preferences, PreferencesDialog

    chosen = classmethod(lambda cls, parent, name, model, pipelines: Preferences("Dana", model))
    monkeypatch.setattr(PreferencesDialog, "ask", chosen)
    window.preferences_action.trigger()
    assert window.session.annotator == "Dana" and window.settings.annotator() == "Dana"
    start = ARTICLE.index("Baghdad")
    window.pane.view.select_span(start, start + len("Baghdad"))
    window.pane.view.setFocus()
    qtbot.keyClick(window.pane.view, Qt.Key.Key_1)
    assert "Dana" in window.layers.names()


def distance(first: str, second: str) -> float:
    """How far apart two #rrggbb colours are (Euclidean, in RGB)."""
    a, b = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in (first, second))
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def test_the_compare_overlay_never_passes_for_a_label_or_an_entity():
    from gui.article_view.palette import ENTITY_STYLES, OVERLAY_STYLES
    from gui.core.annotations.codebook import NEW_LABEL_COLOURS
    from gui.core.annotations.model import DEFAULT_CODEBOOK

    given = [label.colour for label in DEFAULT_CODEBOOK] + list(NEW_LABEL_COLOURS)
    given += [style.colour for style in ENTITY_STYLES.values()]
    for kind, style in OVERLAY_STYLES.items():
        nearest = min(given, key=lambda colour, s=style: distance(colour, s.colour))
        assert distance(nearest, style.colour) >= 60, (kind, nearest)
        assert style.hatch != Qt.BrushStyle.NoBrush  # no label box is ever hatched
    assert len({s.colour for s in OVERLAY_STYLES.values()}) == 3
    assert len({s.hatch for s in OVERLAY_STYLES.values()}) == 3


def test_label_boxes_are_drawn_without_a_hatch(window):
    view = window.pane.view
    from gui.article_view.reader import label_key

    for label in window.session.labels():
        assert view.label_style(label_key(label.id)).hatch == Qt.BrushStyle.NoBrush
