"""The header and legend give the text its room: each folds to one line, and says what it hides."""

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication

from gui.article_view.header import ArticleHeader
from gui.article_view.legend import Legend
from gui.article_view.lenses import HEDGE_NAMES, SOURCING_NAMES
from gui.core.annotations.model import Label
from gui.core.articles import Metadata
from gui.core.entities.pipeline import ENTITY_TYPES

METADATA = Metadata(
    title="Fuel depot fire kills dozens in port as officials give conflicting tolls",
    outlet="Reuters",
    byline="A. Writer",
    dateline="Sablonne",
    published="2026-03-03",
    credits=("Reuters Photo/Coast Guard",),
    url="https://example.org/fire",
)


def full_legend(qtbot, width: int) -> Legend:
    legend = Legend()
    qtbot.addWidget(legend)
    legend.set_labels([*ENTITY_TYPES] * 2)
    legend.set_finding_counts([*SOURCING_NAMES, *HEDGE_NAMES])
    legend.set_lens("All")
    legend.resize(width, 200)
    legend.show()
    QGuiApplication.processEvents()
    return legend


def shown(legend: Legend) -> list:
    return [chip for chip in legend.chips() if chip.isVisibleTo(legend)]


def test_a_folded_legend_keeps_to_one_line_with_a_count_of_the_rest(qtbot):
    legend = full_legend(qtbot, 700)
    offered = [chip for chip in legend.chips() if legend.offered(chip)]
    assert len(offered) == 9 + len(SOURCING_NAMES) + len(HEDGE_NAMES)
    unfolded_height = legend.layout().heightForWidth(700)
    with qtbot.waitSignal(legend.folded_changed):
        legend.set_folded(True)
    on_line = shown(legend)
    assert 0 < len(on_line) < len(offered)
    assert legend.overflow == offered[len(on_line) :]  # the rest, in the legend's order
    assert legend.more_button.isVisibleTo(legend)
    assert legend.more_button.text() == f"+{len(legend.overflow)}"
    one_row = max(chip.sizeHint().height() for chip in on_line)
    assert legend.layout().heightForWidth(700) < one_row * 1.6 < unfolded_height
    right = max(chip.geometry().right() for chip in on_line)
    assert right < legend.more_button.geometry().left() <= 700


def test_the_count_badge_menu_switches_the_folded_kinds(qtbot):
    legend = full_legend(qtbot, 600)
    legend.set_folded(True)
    legend.more_menu.aboutToShow.emit()
    actions = [a for a in legend.more_menu.actions() if a.isCheckable()]
    assert [a.text() for a in actions] == [chip.text() for chip in legend.overflow]
    with qtbot.waitSignal(legend.hidden_changed) as hidden:
        actions[0].trigger()
    assert not legend.overflow[0].isChecked() and hidden.args[0]
    whole = next(a for a in legend.more_menu.actions() if "Whole" in a.text())
    whole.trigger()
    assert not legend.folded and shown(legend) == [c for c in legend.chips() if legend.offered(c)]


def test_a_wide_folded_legend_needs_no_badge(qtbot):
    legend = full_legend(qtbot, 4000)
    legend.set_folded(True)
    assert not legend.overflow and not legend.more_button.isVisibleTo(legend)


def test_an_ampersand_in_a_label_name_shows_as_itself(qtbot):
    legend = full_legend(qtbot, 600)
    legend.set_annotation_labels([Label(1, "Q&A", "#123456", "1", "", 0)])
    legend.set_annotation_counts([1, 1])
    chip = legend.label_buttons["label:1"]
    assert chip.text() == "Q&&A 2"  # a lone & would underline the A and hide itself


def test_the_header_collapses_to_one_line_and_keeps_everything_in_its_tooltip(qtbot):
    header = ArticleHeader()
    qtbot.addWidget(header)
    header.set_metadata(METADATA, "fire.html")
    header.set_profile("Sources: 2 named, 1 anonymous")
    header.resize(500, 300)
    header.show()
    full_height = header.sizeHint().height()
    with qtbot.waitSignal(header.compact_changed):
        header.fold_button.click()
    assert header.compact and header.line.isVisibleTo(header)
    for label in (header.title, header.origin, header.credits, header.source, header.profile):
        assert not label.isVisibleTo(header)
    assert header.sizeHint().height() < full_height / 2
    assert header.line.text().startswith(METADATA.title) and "Reuters" in header.line.text()
    assert header.line.shown_text().endswith("…")  # cut to the width, not wrapped
    for part in ("Reuters Photo/Coast Guard", "example.org", "1 anonymous"):
        assert part in header.line.toolTip()
    header.fold_button.click()
    assert not header.compact and header.title.isVisibleTo(header)
    assert header.profile.isVisibleTo(header)


def test_the_header_line_is_one_line_at_any_width(qtbot):
    header = ArticleHeader()
    qtbot.addWidget(header)
    header.set_metadata(METADATA)
    header.set_compact(True)
    heights = set()
    for width in (320, 640, 1280):
        header.resize(QSize(width, 100))
        heights.add(header.heightForWidth(width) if header.hasHeightForWidth() else 0)
        heights.add(header.sizeHint().height())
    assert len(heights - {0}) == 1
