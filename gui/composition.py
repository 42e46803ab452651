"""The window's parts: the reader, the panels, the controllers, the tool bar and the menus.

MainWindow shows its frame first and calls compose() once it is on screen, so the first paint
waits for none of the features' imports; everything a part needs is built here, and the
window's own _wire() connects them.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

from gui.actions import fill_menu, make_action
from gui.annotating.actions import AnnotationActions
from gui.annotating.annotations_panel import AnnotationsPanel
from gui.annotating.display import AnnotationDisplay
from gui.annotating.interchange import InterchangeActions
from gui.article_view.layers import Layers
from gui.article_view.pane import ArticlePane
from gui.article_view.reader import READER_KEYS
from gui.entities.actions import EntityActions
from gui.entities.entities_panel import EntitiesPanel
from gui.help.actions import HelpActions
from gui.library.actions import LibraryActions
from gui.library.importing import ImportActions
from gui.library.library_panel import LibraryPanel
from gui.reports.actions import ReportActions
from gui.sourcing.actions import SourcingActions
from gui.sourcing.checks_panel import CHECK_KEYS, ChecksPanel
from gui.sourcing.claims_panel import ClaimsPanel
from gui.sourcing.sources_panel import SourcesPanel
from gui.trainer.actions import TrainerActions
from gui.trainer.comparison import Comparison
from gui.trainer.presentation import PRESENTER_KEYS, Presenter
from gui.widgets.accessible import describe
from gui.widgets.workspace import ANNOTATE, LEFT, PRESETS, READ, RIGHT, TEACH, Workspace


def compose(window: QMainWindow) -> None:
    """Give the window (its session set) every part, as attributes the window wires."""
    compose_reader(window)
    compose_rest(window)


def compose_reader(window: QMainWindow) -> None:
    """The reader and the workspace, not shown yet (compose_rest puts the reader in place).

    show_window builds them in a pass of their own: the reader is a third of the parts' time.
    """
    window.pane = ArticlePane(window)  # a child made after its window shows stays hidden
    window.workspace = Workspace(window)


def compose_rest(window: QMainWindow) -> None:
    """The panels, controllers, tool bar, status bar and menus; the reader put in place."""
    window.setCentralWidget(window.pane)  # in place of the frame's placeholder
    build_panels(window)
    build_controllers(window)
    window.addToolBar(toolbar(window))
    build_status_bar(window)
    build_menus(window)


def build_panels(window) -> None:
    """The panels, each a dock placed by the workspace."""
    window.library_panel = LibraryPanel(window)
    window.entities_panel = EntitiesPanel(window)
    window.annotations_panel = AnnotationsPanel(window)
    window.sources_panel, window.claims_panel = SourcesPanel(window), ClaimsPanel(window)
    window.checks_panel = ChecksPanel(window)
    add = window.workspace.add_panel
    window.library_dock = add(
        "Library", window.library_panel, LEFT, (READ, ANNOTATE), (READ, ANNOTATE),
        "The articles of the library: search, sort, open, rename, delete",
    )  # fmt: skip
    window.entities_dock = add(
        "Entities", window.entities_panel, RIGHT, PRESETS, (READ,),
        "The people, places and organisations the article names, and their mentions",
    )  # fmt: skip
    window.annotations_dock = add(
        "Annotations", window.annotations_panel, RIGHT, (ANNOTATE, TEACH), (ANNOTATE, TEACH),
        "The annotations of the article or the library: filter, jump to one, edit its note",
    )  # fmt: skip
    window.sources_dock = add(
        "Sources", window.sources_panel, RIGHT, PRESETS, (),
        "Who the article quotes, how, and through whom",
    )  # fmt: skip
    window.claims_dock = add(
        "Claims", window.claims_panel, RIGHT, PRESETS, (),
        "The article's figures side by side, with your verdicts and Admiralty grades",
    )  # fmt: skip
    window.checks_dock = add(
        "Checks", window.checks_panel, RIGHT, PRESETS, (),
        "What to check in the article: the lens's doubts, to confirm or dismiss",
    )  # fmt: skip


def build_controllers(window) -> None:
    """Each feature's controller, given the session and the widgets it drives."""
    session, pane = window.session, window.pane
    window.layers = Layers(session, window)
    window.annotate = AnnotationActions(session, pane.view, window)
    window.entities = EntityActions(session, pane, window.entities_panel, window)
    window.display = AnnotationDisplay(
        session, pane, window.annotations_panel, window.layers, window.annotate, window
    )
    window.library_actions = LibraryActions(
        session, window.library_panel, pane.header, window.settings, window
    )
    window.importing = ImportActions(session, window)
    window.interchange = InterchangeActions(session, window)
    window.sourcing = SourcingActions(
        session, pane, window.sources_panel, window.claims_panel, window.checks_panel, window
    )
    window.annotate.menu_extensions += [window.entities.add_to_menu, window.sourcing.add_to_menu]
    window.comparison = Comparison(session, pane, window.layers, window)  # after the display
    window.presenter = Presenter(
        window, pane, window.layers, window.annotate.label_name, window.sourcing.set_lens
    )
    window.presenter.confirmed_checks = window.sourcing.checks.confirmed
    window.trainer = TrainerActions(session, pane.banner, window.layers, window)
    window.reports = ReportActions(session, window.layers, window)
    window.checklist_dock = window.workspace.add_panel(
        "Checklist", window.trainer.checklist, LEFT, PRESETS, PRESETS,
        "The exercise's questions, with your answers saved as you type",
    )  # fmt: skip
    window.workspace.set_available(window.checklist_dock, False)
    window.help = HelpActions(window, [
        ("Reading and annotating", READER_KEYS), ("Checks panel", CHECK_KEYS),
        ("Presentation mode", PRESENTER_KEYS),
    ])  # fmt: skip


def toolbar(window):
    """The tool bar: undo, labels, notes, and the lenses."""
    toolbar = window.annotate.toolbar(window)
    toolbar.addSeparator()
    toolbar.addActions(window.sourcing.lens_group.actions())
    describe(toolbar, "Annotate and lens toolbar", "Undo, labels, notes, and the lenses")
    return toolbar


def build_status_bar(window) -> None:
    """The status bar's message and the analysis's progress."""
    window.progress = QProgressBar(maximumWidth=180, textVisible=False)
    describe(window.progress, "Finding entities", "How far the analysis of the article is")
    window.progress.hide()
    window.status_label = QLabel()
    window.statusBar().addPermanentWidget(window.status_label)
    window.statusBar().addPermanentWidget(window.progress)


def build_menus(window) -> None:
    """The menu bar: File, Edit, Annotate, View and Help."""
    view, find_bar = window.pane.view, window.pane.find_bar
    annotate, interchange, importing = window.annotate, window.interchange, window.importing
    library, entities, trainer = window.library_actions, window.entities, window.trainer
    window.import_action = importing.import_action
    window.import_folder_action = importing.import_folder_action
    window.paste_action = importing.paste_action
    window.details_action = library.details_action
    window.outlets_action = entities.outlets_action
    quit_action = make_action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    fill_menu(window.menuBar().addMenu("&File"), [
        window.import_action, window.import_folder_action, window.paste_action, None,
        library.replace_action, interchange.export_action, interchange.import_action,
        None, window.reports.print_action, window.reports.export_action,
        None, trainer.new_action, trainer.import_action, trainer.returns_action,
        trainer.answer_sheet_action,
        None, library.open_library_action, library.new_library_action,
        library.restore_action, None, quit_action,
    ])  # fmt: skip
    window.copy_action = make_action(window, "&Copy", view.copy, QKeySequence.StandardKey.Copy)
    window.find_action = make_action(
        window, "&Find…", find_bar.open_bar, QKeySequence.StandardKey.Find
    )
    window.find_next_action = make_action(
        window, "Find &Next", find_bar.next, QKeySequence.StandardKey.FindNext
    )
    window.find_previous_action = make_action(
        window, "Find Pre&vious", find_bar.previous, QKeySequence.StandardKey.FindPrevious
    )
    window.preferences_action = make_action(
        window, "&Preferences…", window.edit_preferences, QKeySequence.StandardKey.Preferences
    )
    fill_menu(window.menuBar().addMenu("&Edit"), [
        annotate.undo_action, annotate.redo_action, None, window.copy_action, None,
        window.find_action, window.find_next_action, window.find_previous_action, None,
        window.details_action, None, window.preferences_action,
    ])  # fmt: skip
    fill_menu(window.menuBar().addMenu("&Annotate"), [
        annotate.label_button, annotate.note_action, annotate.delete_action, None,
        annotate.codebook_action, entities.corrections_action, window.outlets_action,
        window.sourcing.lexicons_action,
    ])  # fmt: skip
    build_view_menu(window)
    window.menuBar().addMenu(window.help.menu)
    describe(window.menuBar(), "Menu bar")
    window.addActions([window.find_action, window.find_next_action, window.paste_action])


def build_view_menu(window) -> None:
    """The View menu: zoom, lenses, layers, presentation, the legend, header and workspace."""
    view = window.pane.view
    window.zoom_in_action = make_action(
        window, "Zoom &In", lambda: view.set_zoom(view.zoom() + 1),
        [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
    )  # fmt: skip
    window.zoom_out_action = make_action(
        window, "Zoom &Out", lambda: view.set_zoom(view.zoom() - 1),
        QKeySequence.StandardKey.ZoomOut,
    )  # fmt: skip
    window.zoom_reset_action = make_action(
        window, "&Actual Size", lambda: view.set_zoom(0), "Ctrl+0"
    )
    pane, workspace = window.pane, window.workspace
    window.fold_legend_action = make_action(
        window, "Fold the &Legend", pane.legend.set_folded, "Ctrl+Shift+L",
        "Keep the legend to one line; the other kinds wait in its +N menu",
    )  # fmt: skip
    window.compact_header_action = make_action(
        window, "Compact &Header", pane.header.set_compact, "Ctrl+Shift+H",
        "The article's title and origin on one line",
    )  # fmt: skip
    for action in (window.fold_legend_action, window.compact_header_action):
        action.setCheckable(True)
    fill_menu(window.menuBar().addMenu("&View"), [
        window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action, None,
        *window.sourcing.lens_group.actions(), window.layers.menu.menuAction(),
        window.presenter.action, window.comparison.action, window.comparison.stop_action, None,
        window.fold_legend_action, window.compact_header_action, None,
        workspace.menu.menuAction(), workspace.panels_menu.menuAction(),
        workspace.reset_action,
    ])  # fmt: skip
