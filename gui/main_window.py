"""The main window: composes the reader, the panels and the menus, and wires them once."""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QProgressBar, QWidget

from gui.article_view.pane import ArticlePane
from gui.core.articles import Article
from gui.core.importing import ImportFailure, import_text
from gui.dialogs.files import ImportFiles, ImportFolder, NewLibrary, OpenLibrary
from gui.dialogs.messages import ConfirmDelete, ErrorMessage, OpenExisting
from gui.dialogs.metadata_dialog import MetadataDialog
from gui.dialogs.outlets_dialog import OutletsDialog
from gui.panels.entities_panel import EntitiesPanel
from gui.panels.library_panel import LibraryPanel
from gui.session import ImportReport, Session
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
        self.import_action = self._action(
            "&Import Files…",
            self.import_files,
            "Ctrl+O",
            "Import .txt, .md, .html, .docx or .pdf articles",
        )
        self.import_folder_action = self._action("Import &Folder…", self.import_folder)
        self.paste_action = self._action(
            "&Paste as New Article",
            self.paste_article,
            "Ctrl+Shift+V",
            "Add the clipboard's text as an article",
        )
        self.open_library_action = self._action("&Open Library…", self.open_library)
        self.new_library_action = self._action("&New Library…", self.new_library)
        quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        file_menu = self.menuBar().addMenu("&File")
        for item in (
            self.import_action,
            self.import_folder_action,
            self.paste_action,
            None,
            self.open_library_action,
            self.new_library_action,
            None,
            quit_action,
        ):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)
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
        edit_menu = self.menuBar().addMenu("&Edit")
        for item in (
            self.copy_action,
            None,
            self.find_action,
            self.find_next_action,
            None,
            self.details_action,
        ):
            edit_menu.addSeparator() if item is None else edit_menu.addAction(item)
        self.zoom_in_action = self._action(
            "Zoom &In",
            lambda: view.set_zoom(view.zoom() + 1),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )
        self.zoom_out_action = self._action(
            "Zoom &Out", lambda: view.set_zoom(view.zoom() - 1), QKeySequence.StandardKey.ZoomOut
        )
        self.zoom_reset_action = self._action("&Actual Size", lambda: view.set_zoom(0), "Ctrl+0")
        view_menu = self.menuBar().addMenu("&View")
        for item in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.zoom_reset_action,
            None,
            self.library_dock.toggleViewAction(),
            self.entities_dock.toggleViewAction(),
        ):
            view_menu.addSeparator() if item is None else view_menu.addAction(item)
        self.addActions([self.find_action, self.find_next_action, self.paste_action])

    def _wire(self) -> None:
        session, pane = self.session, self.pane
        session.library_changed.connect(self._library_changed)
        session.articles_changed.connect(self.refresh_library)
        session.article_opened.connect(self._article_opened)
        session.article_changed.connect(self._article_changed)
        session.spans_loaded.connect(self._spans_loaded)
        session.entities_changed.connect(self._entities_changed)
        session.analysis_progress.connect(self._analysis_progress)
        session.analysis_finished.connect(self._analysis_finished)
        session.pipeline_missing.connect(pane.banner.say)
        session.import_finished.connect(self._import_finished)
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

    def import_files(self) -> None:
        """Ask for files and import them."""
        self.import_paths(ImportFiles.ask(self))

    def import_folder(self) -> None:
        """Ask for a folder and import every article in it."""
        self.import_paths(ImportFolder.ask(self))

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders in the background."""
        if paths and self.session.import_files(paths) is not None:
            self.status_label.setText(f"Importing {len(paths)} item(s)…")

    def paste_article(self) -> None:
        """Add the clipboard's text as a new article."""
        self.add_text(QGuiApplication.clipboard().text())

    def add_text(self, text: str) -> None:
        """Add pasted or dropped text as a new article."""
        try:
            imported = import_text(text)
        except ImportFailure as failure:
            ErrorMessage.ask(
                self, "Nothing to add", f"The clipboard text cannot be used: {failure.reason}."
            )
            return
        self.session.import_text(imported)

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
            self.import_action,
            self.import_folder_action,
            self.paste_action,
            self.details_action,
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

    def _import_finished(self, report: ImportReport) -> None:
        self.status_label.setText(import_summary(report))
        if report.failures:
            ErrorMessage.ask(
                self,
                "Some files were not imported",
                import_summary(report),
                "\n".join(report.failures),
            )
        if report.added:
            self.session.open_article(report.added[0][0])
        elif len(report.duplicates) == 1 and OpenExisting.ask(self, report.duplicates[0][1]):
            self.session.open_article(report.duplicates[0][0])

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
        self.pane.view.set_zoom(self.settings.zoom())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        if files:
            self.import_paths(files)
        elif mime.hasText():
            self.add_text(mime.text())
        event.acceptProposedAction()


def import_summary(report: ImportReport) -> str:
    """One line saying what an import did."""
    parts = []
    if report.added:
        parts.append(f"{len(report.added)} imported")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} already in the library")
    if report.failures:
        parts.append(f"{len(report.failures)} failed")
    return ", ".join(parts) or "Nothing to import"
