"""The main window: composes the reader, the panels and the menus, and wires them once."""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QProgressBar, QWidget

from gui.annotation_actions import AnnotationActions
from gui.article_view.pane import ArticlePane
from gui.core.articles import Article
from gui.core.storage.annotations_store import AnnotationStore
from gui.dialogs.files import NewLibrary, OpenLibrary
from gui.dialogs.messages import ConfirmDelete, ErrorMessage
from gui.dialogs.metadata_dialog import MetadataDialog
from gui.dialogs.outlets_dialog import OutletsDialog
from gui.import_actions import ImportActions
from gui.interchange_actions import InterchangeActions
from gui.panels.annotations_panel import AnnotationsPanel
from gui.panels.entities_panel import EntitiesPanel
from gui.panels.library_panel import LibraryPanel
from gui.session import Session
from gui.settings import WindowSettings

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
        self.annotate = AnnotationActions(session, self.pane.view, self)
        self.interchange = InterchangeActions(session, self)
        self.importing = ImportActions(session, self)
        self.addToolBar(self.annotate.toolbar(self))
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

    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        view = self.pane.view
        annotate, interchange = self.annotate, self.interchange
        importing = self.importing
        self.import_action = importing.import_action
        self.import_folder_action = importing.import_folder_action
        self.paste_action = importing.paste_action
        self.open_library_action = self._action("&Open Library…", self.open_library)
        self.new_library_action = self._action("&New Library…", self.new_library)
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        _fill(self.menuBar().addMenu("&File"), [
            self.import_action, self.import_folder_action, self.paste_action, None,
            interchange.replace_action, interchange.export_action, interchange.import_action,
            None, self.open_library_action, self.new_library_action, None, quit_action,
        ])  # fmt: skip
        self.copy_action = self._action("&Copy", view.copy, QKeySequence.StandardKey.Copy)
        self.find_action = self._action(
            "&Find…", self.pane.find_bar.open_bar, QKeySequence.StandardKey.Find
        )
        self.find_next_action = self._action(
            "Find &Next", self.pane.find_bar.next, QKeySequence.StandardKey.FindNext
        )
        self.details_action = self._action("Article &Details…", self.edit_details)
        self.outlets_action = self._action(
            "News &Outlets…", self.edit_outlets, tip="The names always marked as news outlets"
        )
        _fill(self.menuBar().addMenu("&Edit"), [
            annotate.undo_action, annotate.redo_action, None, self.copy_action, None,
            self.find_action, self.find_next_action, None, self.details_action,
        ])  # fmt: skip
        _fill(self.menuBar().addMenu("&Annotate"), [
            annotate.label_button, annotate.note_action, annotate.delete_action, None,
            annotate.codebook_action, annotate.corrections_action, self.outlets_action,
        ])  # fmt: skip
        self.zoom_in_action = self._action(
            "Zoom &In",
            lambda: view.set_zoom(view.zoom() + 1),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )
        self.zoom_out_action = self._action(
            "Zoom &Out", lambda: view.set_zoom(view.zoom() - 1), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self._action("&Actual Size", lambda: view.set_zoom(0), "Ctrl+0")
        _fill(self.menuBar().addMenu("&View"), [
            self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action, None,
            self.library_dock.toggleViewAction(), self.entities_dock.toggleViewAction(),
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
        session.annotations_changed.connect(self._annotations_changed)
        session.labels_changed.connect(self._labels_changed)
        panel = self.annotations_panel
        panel.jump_requested.connect(self.jump_to_annotation)
        panel.note_requested.connect(self.annotate.edit_note)
        panel.delete_requested.connect(self.annotate.delete_annotation)
        panel.reattach_requested.connect(self.annotate.reattach)
        panel.scope_changed.connect(lambda _whole: self._refresh_annotation_list())
        panel.search_changed.connect(lambda _text: self._refresh_annotation_list())
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

    def _article_opened(self, article: Article | None) -> None:
        self.pane.show_article(article)
        self.entities_panel.set_entities(article.body if article else "", [])
        if article is not None:
            self.library_panel.select_article(article.id)
            library = self.session.library
            if library and library.path:
                self.settings.set_last_article(str(library.path), article.id)
        self._update_title()

    def jump_to_annotation(self, annotation) -> None:
        """Show an annotation: open its article if need be and select its text."""
        current = self.session.current
        if current is None or current.id != annotation.article_id:
            self.session.open_article(annotation.article_id)
        if not annotation.orphaned:
            self.pane.view.select_span(annotation.start, annotation.end)

    def _annotations_changed(self) -> None:
        annotations = self.session.annotations()
        self.pane.view.set_annotations(annotations)
        self.pane.legend.set_annotation_counts(a.label_id for a in annotations if not a.orphaned)
        self._refresh_annotation_list(annotations)

    def _labels_changed(self) -> None:
        labels = self.session.labels()
        self.pane.view.set_labels(labels)
        self.pane.legend.set_annotation_labels(labels)
        self.annotations_panel.set_labels(labels)
        self._annotations_changed()

    def _refresh_annotation_list(self, annotations: list | None = None) -> None:
        """List the open article's annotations, or search the whole library's."""
        panel, session = self.annotations_panel, self.session
        labels = self.annotate.labels()
        if session.library is None:
            panel.set_annotations([], labels)
        elif panel.whole_library.isChecked():
            found = AnnotationStore(session.library).search(panel.search.text())
            titles = {s.id: s.title for s in session.summaries()}
            panel.set_annotations(found, labels, titles)
        else:
            listed = session.annotations() if annotations is None else annotations
            panel.set_annotations(listed, labels)

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

    def closeEvent(self, event: QCloseEvent) -> None:
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
