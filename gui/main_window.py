"""The main window: composes the reader, the panels and the menus, and wires them once.

Each feature's controller gets the session and the widgets it drives; the cross-feature
wiring is all here, in _wire(). The window itself computes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

from gui.actions import fill_menu, make_action
from gui.annotating.actions import AnnotationActions
from gui.annotating.annotations_panel import AnnotationsPanel
from gui.annotating.display import AnnotationDisplay
from gui.annotating.interchange import InterchangeActions
from gui.annotating.preferences_dialog import PreferencesDialog
from gui.article_view.layers import Layers
from gui.article_view.pane import ArticlePane
from gui.article_view.reader import READER_KEYS
from gui.core.articles import Article
from gui.core.changes import Change
from gui.core.entities.models import installed_pipelines
from gui.entities.actions import EntityActions
from gui.entities.entities_panel import EntitiesPanel
from gui.help.actions import HelpActions
from gui.library.actions import LibraryActions
from gui.library.importing import ImportActions
from gui.library.library_model import ENTITIES as ENTITY_COUNTS
from gui.library.library_panel import LibraryPanel
from gui.reports.actions import ReportActions
from gui.session.session import Session
from gui.settings import SavedLayout, WindowSettings, screen_key, starts_compact
from gui.sourcing.actions import SourcingActions
from gui.sourcing.checks_panel import CHECK_KEYS, ChecksPanel
from gui.sourcing.claims_panel import ClaimsPanel
from gui.sourcing.sources_panel import SourcesPanel
from gui.trainer.actions import TrainerActions
from gui.trainer.comparison import Comparison
from gui.trainer.presentation import PRESENTER_KEYS, Presenter
from gui.widgets.accessible import describe
from gui.widgets.messages import ErrorMessage
from gui.widgets.workspace import ANNOTATE, LEFT, PRESETS, READ, RIGHT, TEACH, Workspace

APP_NAME = "Sourcelight"
DEFAULT_SIZE = QSize(1360, 860)


class MainWindow(QMainWindow):
    """Sourcelight's window. Widgets announce intent; the session acts; this file wires."""

    def __init__(self, session: Session, settings: WindowSettings | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings or WindowSettings()
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.pane = ArticlePane(self)
        self.setCentralWidget(self.pane)
        self.workspace = Workspace(self)
        self._build_panels()
        self._build_controllers()
        self.addToolBar(self._toolbar())
        self._build_status_bar()
        self._build_menus()
        self._wire()
        self._restore()
        self._update_title()

    # -- composition ----------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.library_panel = LibraryPanel(self)
        self.entities_panel = EntitiesPanel(self)
        self.annotations_panel = AnnotationsPanel(self)
        self.sources_panel, self.claims_panel = SourcesPanel(self), ClaimsPanel(self)
        self.checks_panel = ChecksPanel(self)
        add = self.workspace.add_panel
        self.library_dock = add(
            "Library", self.library_panel, LEFT, (READ, ANNOTATE), (READ, ANNOTATE),
            "The articles of the library: search, sort, open, rename, delete",
        )  # fmt: skip
        self.entities_dock = add(
            "Entities", self.entities_panel, RIGHT, PRESETS, (READ,),
            "The people, places and organisations the article names, and their mentions",
        )  # fmt: skip
        self.annotations_dock = add(
            "Annotations", self.annotations_panel, RIGHT, (ANNOTATE, TEACH), (ANNOTATE, TEACH),
            "The annotations of the article or the library: filter, jump to one, edit its note",
        )  # fmt: skip
        self.sources_dock = add(
            "Sources", self.sources_panel, RIGHT, PRESETS, (),
            "Who the article quotes, how, and through whom",
        )  # fmt: skip
        self.claims_dock = add(
            "Claims", self.claims_panel, RIGHT, PRESETS, (),
            "The article's figures side by side, with your verdicts and Admiralty grades",
        )  # fmt: skip
        self.checks_dock = add(
            "Checks", self.checks_panel, RIGHT, PRESETS, (),
            "What to check in the article: the lens's doubts, to confirm or dismiss",
        )  # fmt: skip

    def _build_controllers(self) -> None:
        session, pane = self.session, self.pane
        self.layers = Layers(session, self)
        self.annotate = AnnotationActions(session, pane.view, self)
        self.entities = EntityActions(session, pane, self.entities_panel, self)
        self.display = AnnotationDisplay(
            session, pane, self.annotations_panel, self.layers, self.annotate, self
        )
        self.library_actions = LibraryActions(
            session, self.library_panel, pane.header, self.settings, self
        )
        self.importing = ImportActions(session, self)
        self.interchange = InterchangeActions(session, self)
        self.sourcing = SourcingActions(
            session, pane, self.sources_panel, self.claims_panel, self.checks_panel, self
        )
        self.annotate.menu_extensions += [self.entities.add_to_menu, self.sourcing.add_to_menu]
        self.comparison = Comparison(session, pane, self.layers, self)  # after the display
        self.presenter = Presenter(
            self, pane, self.layers, self.annotate.label_name, self.sourcing.set_lens
        )
        self.presenter.confirmed_checks = self.sourcing.checks.confirmed
        self.trainer = TrainerActions(session, pane.banner, self.layers, self)
        self.reports = ReportActions(session, self.layers, self)
        self.checklist_dock = self.workspace.add_panel(
            "Checklist", self.trainer.checklist, LEFT, PRESETS, PRESETS,
            "The exercise's questions, with your answers saved as you type",
        )  # fmt: skip
        self.workspace.set_available(self.checklist_dock, False)
        self.help = HelpActions(self, [
            ("Reading and annotating", READER_KEYS), ("Checks panel", CHECK_KEYS),
            ("Presentation mode", PRESENTER_KEYS),
        ])  # fmt: skip

    def _toolbar(self):
        toolbar = self.annotate.toolbar(self)
        toolbar.addSeparator()
        toolbar.addActions(self.sourcing.lens_group.actions())
        describe(toolbar, "Annotate and lens toolbar", "Undo, labels, notes, and the lenses")
        return toolbar

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(maximumWidth=180, textVisible=False)
        describe(self.progress, "Finding entities", "How far the analysis of the article is")
        self.progress.hide()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_menus(self) -> None:
        view, find_bar = self.pane.view, self.pane.find_bar
        annotate, interchange, importing = self.annotate, self.interchange, self.importing
        library, entities = self.library_actions, self.entities
        self.import_action = importing.import_action
        self.import_folder_action = importing.import_folder_action
        self.paste_action = importing.paste_action
        self.details_action = library.details_action
        self.outlets_action = entities.outlets_action
        quit_action = make_action(self, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        fill_menu(self.menuBar().addMenu("&File"), [
            self.import_action, self.import_folder_action, self.paste_action, None,
            library.replace_action, interchange.export_action, interchange.import_action,
            None, self.reports.print_action, self.reports.export_action,
            None, self.trainer.new_action, self.trainer.import_action, self.trainer.returns_action,
            self.trainer.answer_sheet_action,
            None, library.open_library_action, library.new_library_action,
            library.restore_action, None, quit_action,
        ])  # fmt: skip
        self.copy_action = make_action(self, "&Copy", view.copy, QKeySequence.StandardKey.Copy)
        self.find_action = make_action(
            self, "&Find…", find_bar.open_bar, QKeySequence.StandardKey.Find
        )
        self.find_next_action = make_action(
            self, "Find &Next", find_bar.next, QKeySequence.StandardKey.FindNext
        )
        self.find_previous_action = make_action(
            self, "Find Pre&vious", find_bar.previous, QKeySequence.StandardKey.FindPrevious
        )
        self.preferences_action = make_action(
            self, "&Preferences…", self.edit_preferences, QKeySequence.StandardKey.Preferences
        )
        fill_menu(self.menuBar().addMenu("&Edit"), [
            annotate.undo_action, annotate.redo_action, None, self.copy_action, None,
            self.find_action, self.find_next_action, self.find_previous_action, None,
            self.details_action, None, self.preferences_action,
        ])  # fmt: skip
        fill_menu(self.menuBar().addMenu("&Annotate"), [
            annotate.label_button, annotate.note_action, annotate.delete_action, None,
            annotate.codebook_action, entities.corrections_action, self.outlets_action,
            self.sourcing.lexicons_action,
        ])  # fmt: skip
        self._build_view_menu()
        self.menuBar().addMenu(self.help.menu)
        describe(self.menuBar(), "Menu bar")
        self.addActions([self.find_action, self.find_next_action, self.paste_action])

    def _build_view_menu(self) -> None:
        view = self.pane.view
        self.zoom_in_action = make_action(
            self, "Zoom &In", lambda: view.set_zoom(view.zoom() + 1),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )  # fmt: skip
        self.zoom_out_action = make_action(
            self, "Zoom &Out", lambda: view.set_zoom(view.zoom() - 1),
            QKeySequence.StandardKey.ZoomOut,
        )  # fmt: skip
        self.zoom_reset_action = make_action(
            self, "&Actual Size", lambda: view.set_zoom(0), "Ctrl+0"
        )
        pane, workspace = self.pane, self.workspace
        self.fold_legend_action = make_action(
            self, "Fold the &Legend", pane.legend.set_folded, "Ctrl+Shift+L",
            "Keep the legend to one line; the other kinds wait in its +N menu",
        )  # fmt: skip
        self.compact_header_action = make_action(
            self, "Compact &Header", pane.header.set_compact, "Ctrl+Shift+H",
            "The article's title and origin on one line",
        )  # fmt: skip
        for action in (self.fold_legend_action, self.compact_header_action):
            action.setCheckable(True)
        fill_menu(self.menuBar().addMenu("&View"), [
            self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, None,
            *self.sourcing.lens_group.actions(), self.layers.menu.menuAction(),
            self.presenter.action, self.comparison.action, self.comparison.stop_action, None,
            self.fold_legend_action, self.compact_header_action, None,
            workspace.menu.menuAction(), workspace.panels_menu.menuAction(),
            workspace.reset_action,
        ])  # fmt: skip

    def _wire(self) -> None:
        session, pane, status = self.session, self.pane, self.status_label
        session.library_opened.connect(self._library_opened)
        session.article_opened.connect(self._article_opened)
        session.changed.connect(self._changed)
        session.error.connect(lambda title, text: ErrorMessage.ask(self, title, text))
        session.analysis_progress.connect(self._analysis_progress)
        session.analysis_finished.connect(self._analysis_finished)
        session.pipeline_missing.connect(pane.banner.say)
        session.sourcing_service.failed.connect(status.setText)
        self.importing.status.connect(status.setText)
        self.comparison.status.connect(status.setText)
        self.layers.changed.connect(
            lambda: pane.view.set_findings_shown(self.layers.findings_shown())
        )
        self.entities.group_shown.connect(lambda: self.workspace.reveal(self.entities_dock))
        self.trainer.exercise_opened.connect(
            lambda on: self.workspace.set_available(self.checklist_dock, on)
        )
        self.trainer.findings_allowed.connect(self._allow_findings)
        pane.view.zoom_changed.connect(self.settings.set_zoom)
        pane.legend.folded_changed.connect(self.fold_legend_action.setChecked)
        pane.header.compact_changed.connect(self.compact_header_action.setChecked)

    # -- user actions ---------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders, e.g. those named on the command line."""
        self.importing.import_paths(paths)

    def delete_articles(self, article_ids: list[int]) -> None:
        """Delete articles after the user confirms."""
        self.library_actions.delete_articles(article_ids)

    def edit_preferences(self) -> None:
        """Set the name that marks the user's annotations, and the library's spaCy pipeline."""
        model = self.session.pipeline_model()
        chosen = PreferencesDialog.ask(self, self.session.annotator, model, installed_pipelines())
        if chosen is None:
            return
        if chosen.annotator:
            self.settings.set_annotator(chosen.annotator)
            if self.trainer.info is None:  # in an exercise file the trainee's name stays
                self.session.annotator = chosen.annotator
        if chosen.model != model and self.session.library and not self.session.read_only:
            self.session.set_pipeline_model(chosen.model)

    # -- session events -------------------------------------------------------------------

    def _library_opened(self) -> None:
        library = self.session.library
        writable = not self.session.read_only
        annotate, interchange, importing = self.annotate, self.interchange, self.importing
        for action in (
            annotate.label_button, annotate.note_action, annotate.delete_action,
            annotate.codebook_action, self.entities.corrections_action, self.outlets_action,
            interchange.import_action, importing.import_action, importing.import_folder_action,
            importing.paste_action, self.sourcing.lexicons_action, self.trainer.new_action,
            self.trainer.import_action,  # an exercise is recorded here, returns are kept here
        ):  # fmt: skip
            action.setEnabled(writable)
        where = str(library.path) if library and library.path else "in memory"
        self.status_label.setText(f"Library: {where}")
        notice = "you can read and search, but nothing can be changed."
        text = (library.damage or f"Read-only library ({where}): {notice}") if library else ""
        self.pane.banner.say(text if library and library.read_only else "")  # damaged: says so
        self._update_title()
        self.trainer.library_opened()  # after the banner above: an exercise has its own

    def _article_opened(self, article: Article | None) -> None:
        self.pane.show_article(article)
        self._update_title()

    def _changed(self, changes: Change) -> None:
        if changes & Change.METADATA:
            self._update_title()

    def _allow_findings(self, shown) -> None:
        """Panels, lenses and menu entries only for the findings an exercise lets trainees see."""
        for dock, allowed in (
            (self.entities_dock, shown.entities), (self.sources_dock, shown.sourcing),
            (self.claims_dock, shown.sourcing), (self.checks_dock, shown.sourcing),
        ):  # fmt: skip
            self.workspace.set_available(dock, allowed)
        self.sourcing.allow_lenses(shown.entities, shown.sourcing)
        self.layers.findings_allowed = shown.entities or shown.sourcing
        self.library_panel.table.setColumnHidden(ENTITY_COUNTS, not shown.entities)

    def _analysis_progress(self, done: int, total: int) -> None:
        self.progress.show()
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        percent = 100 * done // max(total, 1)
        self.pane.legend.set_status(f"Finding entities… {percent} %")

    def _analysis_finished(self) -> None:
        self.progress.hide()
        self.pane.legend.set_status("")

    def _update_title(self) -> None:
        article = self.session.current
        title = article.metadata.title if article else ""
        self.setWindowTitle(f"{title} — {APP_NAME}" if title else APP_NAME)

    # -- window events --------------------------------------------------------------------

    def screen_size(self) -> QSize:
        """The size of the screen the window is on: layouts are remembered per size."""
        return self.screen().size()

    def _restore(self) -> None:
        screen = self.screen_size()
        first_time = self.settings.layout(screen_key(screen)) is None
        self.fit_to_screen(screen)
        room = self.screen().availableSize()
        if first_time and DEFAULT_SIZE.boundedTo(room) != DEFAULT_SIZE:
            self.setWindowState(Qt.WindowState.WindowMaximized)  # a laptop: all of its screen
        self.pane.view.set_zoom(self.settings.zoom())
        self.session.annotator = self.settings.annotator() or self.session.annotator

    def fit_to_screen(self, screen: QSize) -> None:
        """Lay the window out as it last was on a screen of this size, or as suits one."""
        saved = self.settings.layout(screen_key(screen))
        if saved is not None and saved.panels == self.workspace.signature():
            self.restoreGeometry(saved.geometry)
            self.workspace.preset = saved.preset if saved.preset in PRESETS else READ
            self.workspace.preset_actions[self.workspace.preset].setChecked(True)
            self.restoreState(saved.state)
            self.pane.legend.set_folded(saved.legend_folded)
            self.pane.header.set_compact(saved.header_compact)
            return
        self.resize(DEFAULT_SIZE.boundedTo(screen))
        compact = starts_compact(screen)
        self.pane.legend.set_folded(compact)
        self.pane.header.set_compact(compact)
        self.workspace.apply(saved.preset if saved and saved.preset in PRESETS else READ)

    def save_layout(self) -> None:
        """Remember the layout for screens of this size."""
        self.settings.save_layout(
            screen_key(self.screen_size()),
            SavedLayout(
                geometry=self.saveGeometry(),
                state=self.saveState(),
                panels=self.workspace.signature(),
                preset=self.workspace.preset,
                legend_folded=self.pane.legend.folded,
                header_compact=self.pane.header.compact,
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.trainer.checklist.flush()
        if self.presenter.active:  # the layout to keep is the everyday one
            self.presenter.set_presenting(False)
        self.save_layout()
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if self.importing.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.importing.drop(event.mimeData())
        event.acceptProposedAction()
