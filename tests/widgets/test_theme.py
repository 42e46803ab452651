"""Light or dark as the system is, with every text readable on its background (WCAG AA)."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from gui.article_view.lenses import HEDGE_STYLES, SOURCING_STYLES
from gui.article_view.palette import ENTITY_STYLES, FIND_STYLE, FOCUS_STYLE
from gui.article_view.reader import ArticleView
from gui.core.colours import READABLE, blend, contrast, rgb
from gui.core.entities.pipeline import Entity
from gui.sourcing.claims_model import STATUS_COLOURS
from gui.widgets.theme import DARK, LIGHT, fill_style_sheet, readable_colour, theme_for
from tests.pixels import background, dark_palette, text_contrast
from tests.window_helpers import fill_everything, open_window


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    yield from open_window(qtbot, qapp, monkeypatch, tmp_path)


STYLES = {**ENTITY_STYLES, **SOURCING_STYLES, **HEDGE_STYLES, "find": FIND_STYLE,
          "focus": FOCUS_STYLE}  # fmt: skip


@pytest.fixture
def dark(qapp):
    """The application in a dark palette for one test, and back to its own afterwards."""
    original = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    QGuiApplication.processEvents()
    yield
    qapp.setPalette(original)
    QGuiApplication.processEvents()


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_colour_of_both_themes_reads_on_its_background(theme):
    for name, (ink, paper) in theme.pairs().items():
        assert contrast(rgb(ink), rgb(paper)) >= READABLE, name


def test_the_palette_picks_the_theme(qapp):
    assert theme_for(dark_palette()) is DARK
    light = QPalette(QColor("#efefef"))
    assert theme_for(light) is LIGHT


def test_the_style_sheet_names_only_colours_the_themes_have():
    from gui.core.resources import resource

    template = resource("styles", "sourcelight.qss").read_text(encoding="utf-8")
    for theme in (LIGHT, DARK):
        sheet = fill_style_sheet(template, theme)
        assert "@" not in sheet and theme.paper in sheet


def measure(window) -> dict[str, float]:
    """Contrast of the title, origin, profile and a legend chip as drawn in the window."""
    pane = window.pane
    header, legend = pane.header, pane.legend
    chip = legend.buttons["PERSON"]
    return {
        "title": text_contrast(header, header.title.geometry()),
        "origin": text_contrast(header, header.origin.geometry()),
        "profile": text_contrast(header, header.profile.geometry()),
        "legend": text_contrast(legend, chip.geometry()),
        "text": text_contrast(pane.view.viewport(), QRect(0, 0, 600, 80)),
    }


def prepare(window, qtbot) -> None:
    window.pane.header.set_compact(False)
    window.pane.legend.set_folded(False)
    fill_everything(window)
    window.resize(1400, 900)
    qtbot.wait(20)


def test_in_the_light_palette_the_header_and_legend_read(window, qtbot):
    prepare(window, qtbot)
    for part, ratio in measure(window).items():
        assert ratio >= READABLE, part


def test_a_dark_system_palette_turns_the_window_dark_and_keeps_it_readable(
    window, qtbot, qapp, dark
):
    assert DARK.paper in qapp.styleSheet()  # the window followed the palette's change
    prepare(window, qtbot)
    header = window.pane.header
    assert background(header, header.title.geometry()) == rgb(DARK.paper)
    for part, ratio in measure(window).items():
        assert ratio >= READABLE, part


@pytest.fixture
def sheet(qapp):
    """Put back the application's style sheet after a test sets its own."""
    before = qapp.styleSheet()
    yield qapp.setStyleSheet
    qapp.setStyleSheet(before)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("boost", [1.0, 2.2], ids=["reading", "projector"])
def test_text_stays_readable_over_every_highlight(qtbot, sheet, theme, boost):
    from gui.core.resources import resource

    sheet(fill_style_sheet(resource("styles", "sourcelight.qss").read_text("utf-8"), theme))
    view = ArticleView()
    qtbot.addWidget(view)
    view.set_body("word " * 40)
    view.resize(600, 200)
    view.show()
    assert background(view.viewport(), QRect(0, 150, 50, 40)) == rgb(theme.paper)
    for key, style in STYLES.items():
        layer = view.entity_layer
        layer._style_of = lambda _key, style=style: style
        layer.boost = boost
        view.set_entities([Entity(0, 4, "PERSON", "word", "word")])
        rect = view.highlighter.rects_for(0, 4)[0].toAlignedRect().adjusted(1, 1, -1, -4)
        tint = background(view.viewport(), rect)
        assert tint != rgb(theme.paper), key  # the tint is there at all
        assert contrast(tint, rgb(theme.ink)) >= READABLE, key


@pytest.mark.parametrize("base", ["#ffffff", "#1f1f1f"], ids=["light", "dark"])
def test_status_and_source_colours_are_adjusted_to_read_on_any_list(base):
    back = rgb(base)
    chosen = [*STATUS_COLOURS.values(), "#B04A00", "#8a8a8a"]
    assert any(contrast(rgb(colour), back) < READABLE for colour in chosen)  # as chosen
    for colour in chosen:
        shown = readable_colour(colour, QColor(base))
        assert contrast((shown.red(), shown.green(), shown.blue()), back) >= READABLE, colour


def test_list_colours_follow_the_palette(dark):
    shown = readable_colour("#B04A00")  # on the palette's own (dark) base
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    assert contrast((shown.red(), shown.green(), shown.blue()), rgb(base.name())) >= READABLE


def test_blending_is_what_a_painter_does():
    assert blend((255, 0, 0), 255, (0, 0, 0)) == (255, 0, 0)
    assert blend((255, 255, 255), 0, (10, 20, 30)) == (10, 20, 30)
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
