"""The main window: composes the reader, the panels and the menus, and wires them once."""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QToolBar,
    QWidget,
)

from gui.actions import make_action
from gui.annotating.actions import AnnotationActions
from gui.annotating.annotations_panel import AnnotationsPanel
from gui.annotating.display import AnnotationDisplay
from gui.annotating.interchange import InterchangeActions
from gui.annotating.layers import Layers
from gui.annotating.preferences_dialog import PreferencesDialog
from gui.article_view.pane import ArticlePane
from gui.core.articles import Article
from gui.entities.entities_panel import EntitiesPanel
from gui.entities.outlets_dialog import OutletsDialog
from gui.library.files import NewLibrary, OpenLibrary
from gui.library.importing import ImportActions
from gui.library.library_panel import LibraryPanel
from gui.library.metadata_dialog import MetadataDialog
from gui.reports.actions import ReportActions
from gui.session.session import Session
from gui.settings import WindowSettings
from gui.sourcing.actions import SourcingActions
from gui.sourcing.claims_panel import ClaimsPanel
from gui.sourcing.sources_panel import SourcesPanel
from gui.trainer.actions import TrainerActions
from gui.trainer.comparison import Comparison
from gui.trainer.presentation import Presenter
from gui.widgets.messages import ConfirmDelete, ErrorMessage

APP_NAME = "Sourcelight"


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
        self.library_panel = LibraryPanel(self)
        self.library_panel.setMinimumWidth(360)
        self.entities_panel = EntitiesPanel(self)
        self.entities_panel.setMinimumWidth(330)
        self.library_dock = self._dock(
            "Library", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.entities_dock = self._dock(
            "Entities", self.entities_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.annotations_panel = AnnotationsPanel(self)
        self.annotations_dock = self._dock(
            "Annotations", self.annotations_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.sources_panel, self.claims_panel = SourcesPanel(self), ClaimsPanel(self)
        self.sources_dock = self._dock(
            "Sources", self.sources_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.tabifyDockWidget(self.entities_dock, self.sources_dock)
        self.entities_dock.raise_()
        self.claims_dock = self._dock(
            "Claims", self.claims_panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.annotate = AnnotationActions(session, self.pane.view, self)
        self.interchange = InterchangeActions(session, self)
        self.importing = ImportActions(session, self)
        self.sourcing = SourcingActions(
            session, self.pane, self.sources_panel, self.claims_panel, self
        )
        self.annotate.menu_extensions.append(self.sourcing.add_to_menu)
        self.layers = Layers(session, self)
        self.presenter = Presenter(self, self.layers)
        self.comparison = Comparison(self)
        self.trainer = TrainerActions(self)
        self.reports = ReportActions(self)
        self.checklist_dock = self._dock(
            "Checklist", self.trainer.checklist, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.checklist_dock.hide()
        toolbar = self.annotate.toolbar(self)
        toolbar.addSeparator()
        toolbar.addActions(self.sourcing.lens_group.actions())
        self.addToolBar(toolbar)
        self._build_status_bar()
        self._build_menus()
        self._wire()
        self.resize(1360, 860)
        self._restore()
        self._update_title()

    # -- composition ----------------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        self.progress = QProgressBar(maximumWidth=180, textVisible=False)
        self.progress.hide()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.statusBar().addPermanentWidget(self.progress)

    def _build_menus(self) -> None:
        view = self.pane.view
        annotate, interchange = self.annotate, self.interchange
        importing = self.importing
        self.import_action = importing.import_action
        self.import_folder_action = importing.import_folder_action
        self.paste_action = importing.paste_action
        self.open_library_action = make_action(self, "&Open Library…", self.open_library)
        self.new_library_action = make_action(self, "&New Library…", self.new_library)
        quit_action = make_action(self, "&Quit", self.close, QKeySequence.StandardKey.Quit)
        _fill(self.menuBar().addMenu("&File"), [
            self.import_action, self.import_folder_action, self.paste_action, None,
            interchange.replace_action, interchange.export_action, interchange.import_action,
            None, self.reports.print_action, self.reports.export_action,
            None, self.trainer.new_action, self.trainer.import_action,
            None, self.open_library_action, self.new_library_action, None, quit_action,
        ])  # fmt: skip
        self.copy_action = make_action(self, "&Copy", view.copy, QKeySequence.StandardKey.Copy)
        self.find_action = make_action(
            self, "&Find…", self.pane.find_bar.open_bar, QKeySequence.StandardKey.Find
        )
        self.find_next_action = make_action(
            self, "Find &Next", self.pane.find_bar.next, QKeySequence.StandardKey.FindNext
        )
        self.details_action = make_action(self, "Article &Details…", self.edit_details)
        self.preferences_action = make_action(self, "&Preferences…", self.edit_preferences)
        self.outlets_action = make_action(
            self, "News &Outlets…", self.edit_outlets, tip="The names always marked as news outlets"
        )
        _fill(self.menuBar().addMenu("&Edit"), [
            annotate.undo_action, annotate.redo_action, None, self.copy_action, None,
            self.find_action, self.find_next_action, None, self.details_action, None,
            self.preferences_action,
        ])  # fmt: skip
        _fill(self.menuBar().addMenu("&Annotate"), [
            annotate.label_button, annotate.note_action, annotate.delete_action, None,
            annotate.codebook_action, annotate.corrections_action, self.outlets_action,
            self.sourcing.lexicons_action,
        ])  # fmt: skip
        self.zoom_in_action = make_action(
            self,
            "Zoom &In",
            lambda: view.set_zoom(view.zoom() + 1),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )
        self.zoom_out_action = make_action(
            self,
            "Zoom &Out",
            lambda: view.set_zoom(view.zoom() - 1),
            QKeySequence.StandardKey.ZoomOut,
        )
        self.zoom_reset_action = make_action(
            self, "&Actual Size", lambda: view.set_zoom(0), "Ctrl+0"
        )
        _fill(self.menuBar().addMenu("&View"), [
            self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, None,
            *self.sourcing.lens_group.actions(), self.layers.menu.menuAction(),
            self.presenter.action, self.comparison.action, self.comparison.stop_action, None,
            self.library_dock.toggleViewAction(), self.entities_dock.toggleViewAction(),
            self.sources_dock.toggleViewAction(), self.claims_dock.toggleViewAction(),
            self.annotations_dock.toggleViewAction(),
        ])  # fmt: skip
        self.addActions([self.find_action, self.find_next_action, self.paste_action])

    def _wire(self) -> None:
        session, pane = self.session, self.pane
        session.library_changed.connect(self._library_changed)
        session.articles_changed.connect(self.refresh_library)
        session.article_opened.connect(self._article_opened)
        session.article_changed.connect(self._article_changed)
        session.spans_loaded.connect(self._spans_loaded)
        session.entities_changed.connect(self._entities_changed)
        self.display = AnnotationDisplay(self)
        session.sourcing_service.failed.connect(self.status_label.setText)
        self.layers.changed.connect(
            lambda: pane.view.set_findings_shown(self.layers.findings_shown())
        )
        session.analysis_progress.connect(self._analysis_progress)
        session.analysis_finished.connect(self._analysis_finished)
        session.pipeline_missing.connect(pane.banner.say)
        self.importing.status.connect(self.status_label.setText)
        session.error.connect(lambda title, text: ErrorMessage.ask(self, title, text))
        self.library_panel.search_changed.connect(self.refresh_library)
        self.library_panel.open_requested.connect(session.open_article)
        self.library_panel.delete_requested.connect(self.delete_articles)
        self.library_panel.model.rename_requested.connect(session.rename)
        self.entities_panel.mention_requested.connect(pane.view.select_span)
        pane.view.entity_clicked.connect(
            lambda e: self.entities_panel.show_group(e.group or e.text)
        )
        pane.view.entity_clicked.connect(lambda _e: self.entities_dock.show())
        pane.view.zoom_changed.connect(self.settings.set_zoom)
        pane.header.edit_requested.connect(self.edit_details)

    # -- user actions ---------------------------------------------------------------------

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders, e.g. those named on the command line."""
        self.importing.import_paths(paths)

    def edit_details(self) -> None:
        """Edit the open article's metadata."""
        article = self.session.current
        if article is None or self.session.read_only:
            return
        metadata = MetadataDialog.ask(self, article.metadata)
        if metadata is not None and metadata != article.metadata:
            self.session.update_metadata(article.id, metadata)

    def edit_preferences(self) -> None:
        """Set the name that marks the user's annotations."""
        name = PreferencesDialog.ask(self, self.session.annotator)
        if name:
            self.settings.set_annotator(name)
            if self.trainer.info is None:  # in an exercise file the trainee's name stays
                self.session.annotator = name

    def edit_outlets(self) -> None:
        """Edit the library's list of news outlets."""
        if self.session.library is None or self.session.read_only:
            return
        names = OutletsDialog.ask(self, self.session.outlets())
        if names is not None and names != self.session.outlets():
            self.session.set_outlets(names)

    def delete_articles(self, article_ids: list[int]) -> None:
        """Delete articles after the user confirms."""
        titles = [self.session.articles.get(i).metadata.title or "Untitled" for i in article_ids]
        if ConfirmDelete.ask(self, titles):
            self.session.delete_articles(article_ids)

    def open_library(self) -> None:
        """Ask for a library file and open it."""
        path = OpenLibrary.ask(self)
        if path is not None:
            self.session.open_library(path)

    def new_library(self) -> None:
        """Ask where to create a library and open it there."""
        path = NewLibrary.ask(self)
        if path is None:
            return
        if path.exists():
            ErrorMessage.ask(
                self, "Library exists", f"{path} already exists. Use Open Library to open it."
            )
            return
        self.session.open_library(path)

    # -- session events -------------------------------------------------------------------

    def refresh_library(self) -> None:
        """Reload the library list with the current search."""
        self.library_panel.model.set_summaries(
            self.session.summaries(self.library_panel.search.text())
        )
        if self.session.current:
            self.library_panel.select_article(self.session.current.id)

    def _library_changed(self) -> None:
        library = self.session.library
        read_only = self.session.read_only
        for action in (
            self.annotate.label_button,
            self.annotate.note_action,
            self.annotate.delete_action,
            self.annotate.codebook_action,
            self.annotate.corrections_action,
            self.interchange.replace_action,
            self.interchange.import_action,
            self.import_action,
            self.import_folder_action,
            self.paste_action,
            self.details_action,
            self.outlets_action,
        ):
            action.setEnabled(not read_only)
        self.library_panel.set_read_only(read_only)
        self.pane.header.set_editable(not read_only)
        where = str(library.path) if library and library.path else "in memory"
        self.status_label.setText(f"Library: {where}")
        self.pane.banner.say(
            f"Read-only library ({where}): you can read and search, but nothing can be changed."
            if library and library.read_only
            else ""
        )
        self._update_title()
        self.trainer.library_opened()  # after the banner above: an exercise has its own

    def _article_opened(self, article: Article | None) -> None:
        self.pane.show_article(article)
        self.entities_panel.set_entities(article.body if article else "", [])
        if article is not None:
            self.library_panel.select_article(article.id)
            library = self.session.library
            if library and library.path:
                self.settings.set_last_article(str(library.path), article.id)
        self._update_title()

    def docks_and_toolbars(self) -> list[QWidget]:
        """The docks and toolbars that are open, for presentation mode to hide."""
        widgets = [*self.findChildren(QDockWidget), *self.findChildren(QToolBar)]
        return [widget for widget in widgets if widget.isVisible()]

    def _article_changed(self, article: Article) -> None:
        self.pane.header.set_metadata(article.metadata, article.source)
        self._update_title()

    def _entities_changed(self, article_id: int, entities: list) -> None:
        current = self.session.current
        if current is None or current.id != article_id:
            return
        self.pane.view.set_entities(entities)
        self.pane.legend.set_labels(e.label for e in entities)
        # The text and its highlights paint first; the panel's lists follow a moment later.
        QTimer.singleShot(0, lambda: self._fill_entities_panel(article_id, entities))

    def _spans_loaded(self, article_id: int, spans: list) -> None:
        current = self.session.current
        if current is not None and current.id == article_id:
            self.pane.view.set_spans(spans)
            self.pane.legend.set_labels(map(itemgetter(2), spans))

    def _fill_entities_panel(self, article_id: int, entities: list) -> None:
        current = self.session.current
        if current is not None and current.id == article_id:
            self.entities_panel.set_entities(current.body, entities)

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

    def _restore(self) -> None:
        if geometry := self.settings.geometry():
            self.restoreGeometry(geometry)
        if state := self.settings.state():
            self.restoreState(state)
        else:  # first run: the two right-hand panels share the height evenly
            self.resizeDocks(
                [self.entities_dock, self.annotations_dock], [400, 400], Qt.Orientation.Vertical
            )
        self.pane.view.set_zoom(self.settings.zoom())
        self.session.annotator = self.settings.annotator() or self.session.annotator

    def closeEvent(self, event: QCloseEvent) -> None:
        self.trainer.checklist.flush()
        self.settings.save_window(self.saveGeometry(), self.saveState())
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        if self.importing.accepts(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        self.importing.drop(event.mimeData())
        event.acceptProposedAction()


def _fill(menu: QMenu, items: list[QAction | None]) -> None:
    """Add actions to a menu; None stands for a separator."""
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
