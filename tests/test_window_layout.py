"""Reading first at every size: the text gets the room, panels sit in tabs, layouts are kept."""

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QLabel

from gui.article_view.lenses import LENSES
from gui.main_window import MainWindow
from gui.settings import WindowSettings
from gui.tracing.actions import install as install_tracing
from gui.widgets.workspace import ANNOTATE, READ, RIGHT, TEACH
from tests.window_helpers import fill_everything, lay_out_for, open_window


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    yield from open_window(qtbot, qapp, monkeypatch, tmp_path)


LAPTOP = QSize(1280, 720)
MINIMUM_LINES = 20


def visible_lines(view) -> int:
    """Lines of text wholly inside the reader's viewport, counted from its layout."""
    bottom = view.viewport().rect().bottom()
    count = 0
    for block, rect in view.highlighter.visible_blocks():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            top = rect.top() + line.y()
            count += top >= 0 and top + line.height() <= bottom
    return count


@pytest.mark.parametrize("lens", LENSES)
def test_at_1280x720_the_article_shows_twenty_lines_in_every_lens(window, qtbot, lens):
    lay_out_for(window, qtbot, LAPTOP)
    fill_everything(window)  # every chip of every lens, a long profile: the worst case
    window.sourcing.set_lens(lens)
    qtbot.wait(10)  # the layout settles after the legend's chips change
    lines = visible_lines(window.pane.view)
    spacing = window.pane.view.fontMetrics().lineSpacing()
    assert lines >= MINIMUM_LINES, (lines, window.pane.view.viewport().height(), spacing)


def test_on_a_small_screen_the_header_and_legend_start_folded(window, qtbot):
    lay_out_for(window, qtbot, LAPTOP)
    fill_everything(window)
    pane = window.pane
    assert pane.header.compact and pane.legend.folded
    assert window.fold_legend_action.isChecked() and window.compact_header_action.isChecked()
    one_line = pane.legend.layout().heightForWidth(10_000)
    assert pane.legend.height() <= one_line + 1
    assert pane.header.height() < 2.5 * pane.header.line.sizeHint().height()
    lay_out_for(window, qtbot, QSize(1920, 1080))
    assert not pane.header.compact and not pane.legend.folded
    window.compact_header_action.trigger()  # the View menu folds it again
    assert pane.header.compact


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen, floating the dock
def test_workspaces_put_panels_in_tabs_and_reset_layout_undoes_the_users_moves(window, qtbot):
    lay_out_for(window, qtbot, LAPTOP)
    right = [window.entities_dock, window.sources_dock, window.claims_dock]
    assert all(window.dockWidgetArea(dock) == RIGHT for dock in right)
    assert set(window.tabifiedDockWidgets(window.entities_dock)) >= set(right[1:])
    assert window.library_dock.isVisible() and not window.annotations_dock.isVisible()
    window.workspace.preset_actions[ANNOTATE].trigger()
    assert window.annotations_dock.isVisible() and window.library_dock.isVisible()
    assert window.workspace.preset == ANNOTATE
    window.workspace.preset_actions[TEACH].trigger()
    assert not window.library_dock.isVisible() and window.annotations_dock.isVisible()
    # The user floats one panel and closes another; Reset Layout puts them back.
    window.sources_dock.setFloating(True)
    window.claims_dock.close()
    window.workspace.reset_action.trigger()
    assert not window.sources_dock.isFloating() and window.claims_dock.isVisible()
    assert window.dockWidgetArea(window.sources_dock) == RIGHT
    assert window.workspace.preset == TEACH


def test_the_layout_is_remembered_per_screen_size(window, qtbot):
    lay_out_for(window, qtbot, LAPTOP)
    window.workspace.apply(ANNOTATE)
    window.pane.header.set_compact(False)
    window.screen_size = lambda: LAPTOP
    window.save_layout()
    settings = WindowSettings()
    saved = settings.layout("1280x720")
    assert saved.preset == ANNOTATE and not saved.header_compact and saved.legend_folded
    assert settings.layout("1920x1080") is None  # another size keeps its own
    other = MainWindow(window.session, settings)
    install_tracing(other)  # as gui.app.make_window builds the window: the panels it adds
    qtbot.addWidget(other)
    other.fit_to_screen(LAPTOP)
    assert other.workspace.preset == ANNOTATE and not other.pane.header.compact
    other.fit_to_screen(QSize(1920, 1080))  # nothing saved there: the defaults for its size
    assert other.workspace.preset == READ and not other.pane.legend.folded


def test_a_layout_saved_with_other_panels_is_not_restored_over_new_ones(window, qtbot):
    lay_out_for(window, qtbot, LAPTOP)
    window.workspace.apply(TEACH)
    window.screen_size = lambda: LAPTOP
    window.save_layout()
    window.workspace.add_panel("Checks", QLabel("checks"), RIGHT, (READ,))
    window.fit_to_screen(LAPTOP)  # the saved state knows nothing of Checks
    assert window.workspace.preset == TEACH  # the workspace chosen is kept all the same


def test_a_new_panel_needs_one_call_to_join_tabs_workspaces_menus_and_screen_readers(window):
    panel = QLabel("checks")
    dock = window.workspace.add_panel(
        "Checks", panel, RIGHT, (READ, ANNOTATE), (ANNOTATE,), "What the checks found"
    )
    QApplication.processEvents()  # the dock layout takes the new tab in
    assert dock in window.tabifiedDockWidgets(window.entities_dock)
    assert dock.toggleViewAction() in window.workspace.panels_menu.actions()
    assert panel.accessibleName() == "Checks" and dock.accessibleName() == "Checks panel"
    window.workspace.apply(ANNOTATE)
    assert dock.isVisible() and dock.visibleRegion().isEmpty()  # a tab behind Annotations
    window.workspace.reveal(dock)
    QApplication.processEvents()
    assert not dock.visibleRegion().isEmpty()
    window.workspace.apply(TEACH)
    assert not dock.isVisible()


def test_a_panel_shown_from_the_panels_menu_comes_to_the_front_of_its_tabs(window, qtbot):
    lay_out_for(window, qtbot, LAPTOP)
    dock = window.claims_dock  # in the right side's tabs, with Entities and Sources
    dock.close()
    window.entities_dock.raise_()
    QApplication.processEvents()
    dock.toggleViewAction().trigger()  # what choosing it in View > Panels does
    QApplication.processEvents()
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()
    assert window.entities_dock.visibleRegion().isEmpty()
