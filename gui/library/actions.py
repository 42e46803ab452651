"""The library in the window: its list, opening and creating libraries, an article's details.

The panel and the header announce what the user asks; this controller asks the user what only
they can answer and hands the change to the session.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from gui.actions import make_action
from gui.article_view.header import ArticleHeader
from gui.core.articles import Article
from gui.core.changes import Change
from gui.core.importing import ImportFailure, import_file
from gui.core.storage.article_list import ArticleList, Located, locate_at
from gui.core.storage.backup import backups
from gui.core.storage.restore import Restored
from gui.library.files import NewLibrary, OpenLibrary, ReplacementFile
from gui.library.library_model import Ticket
from gui.library.library_panel import LibraryPanel
from gui.library.metadata_dialog import MetadataDialog
from gui.library.restore_dialog import ConfirmRestore, RestoreBackupDialog
from gui.session.background import Worker
from gui.session.session import Session
from gui.settings import WindowSettings
from gui.widgets.messages import ConfirmDelete, ErrorMessage, InfoMessage

LIST_CHANGES = Change.ARTICLES | Change.METADATA  # the rows listed, titles, dates
SELECT_AFTER_MS = 20  # the opened article's row is selected this long after its text shows


class LibraryActions(QObject):
    """Keeps the library list up to date and carries out what it and the header ask for."""

    def __init__(
        self,
        session: Session,
        panel: LibraryPanel,
        header: ArticleHeader,
        settings: WindowSettings,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.panel, self.header = session, panel, header
        self.settings, self.parent_widget = settings, parent
        self._locator = Worker(serial=True, parent=self)  # finds the opened article's row
        self.open_library_action = make_action(self, "&Open Library…", self.open_library)
        self.new_library_action = make_action(self, "&New Library…", self.new_library)
        self.restore_action = make_action(
            self,
            "Restore &Backup…",
            self.restore_backup,
            tip="Put back a backup of the library (the library as it is now is kept)",
        )
        self.details_action = make_action(self, "Article &Details…", self.edit_details)
        self.replace_action = make_action(
            self,
            "&Replace Article Text…",
            self.replace_text,
            tip="Load an updated version; annotations move with their text",
        )
        session.changed.connect(self._changed)
        session.article_opened.connect(self._article_opened)
        session.library_opened.connect(self._library_opened)
        session.restore_finished.connect(self._restored)
        panel.open_requested.connect(session.open_article)
        panel.delete_requested.connect(self.delete_articles)
        panel.model.rename_requested.connect(session.rename)
        header.edit_requested.connect(self.edit_details)

    def refresh(self) -> None:
        """Read the library list again (the search, sort and selection stay as they were)."""
        self.panel.set_source(self._article_list())
        if self.session.current and not self.panel.has_selection():
            self.panel.select_article(self.session.current.id)

    def _article_list(self) -> ArticleList | None:
        session = self.session
        library = session.library if session.articles else None
        pipeline = session.entity_service.pipeline_id()
        return None if library is None else ArticleList(library, pipeline)

    def edit_details(self) -> None:
        """Edit the open article's metadata."""
        article = self.session.current
        if article is None or self.session.read_only:
            return
        metadata = MetadataDialog.ask(self.parent_widget, article.metadata)
        if metadata is not None and metadata != article.metadata:
            self.session.update_metadata(article.id, metadata)

    def replace_text(self) -> None:
        """Give the open article a new text from a file; annotations are re-anchored."""
        article = self.session.current
        path = ReplacementFile.ask(self.parent_widget) if article else None
        if path is None:
            return
        try:
            imported = import_file(path)
        except ImportFailure as failure:
            ErrorMessage.ask(self.parent_widget, "Text not replaced", str(failure))
            return
        if imported.body == article.body:
            InfoMessage.ask(self.parent_widget, "Same text", "The file has the same text.")
            return
        if self.session.replace_body(article.id, imported.body):
            orphans = sum(a.orphaned for a in self.session.annotations())
            placed = len(self.session.annotations()) - orphans
            InfoMessage.ask(
                self.parent_widget,
                "Text replaced",
                f"{placed} annotations found their text again; {orphans} are orphaned and "
                "listed in the Annotations panel to re-attach or delete.",
            )

    def delete_articles(self, article_ids: list[int]) -> None:
        """Delete articles after the user confirms."""
        titles = [self.session.articles.get(i).metadata.title or "Untitled" for i in article_ids]
        if ConfirmDelete.ask(self.parent_widget, titles):
            self.session.delete_articles(article_ids)

    def open_library(self) -> None:
        """Ask for a library file and open it."""
        path = OpenLibrary.ask(self.parent_widget)
        if path is not None:
            self.session.open_library(path)

    def new_library(self) -> None:
        """Ask where to create a library and open it there."""
        path = NewLibrary.ask(self.parent_widget)
        if path is None:
            return
        if path.exists():
            ErrorMessage.ask(
                self.parent_widget,
                "Library exists",
                f"{path} already exists. Use Open Library to open it.",
            )
            return
        self.session.open_library(path)

    def restore_backup(self) -> None:
        """Choose a backup of the library, confirm, and put it back (in the background)."""
        path = self.session.library_file
        if path is None:
            InfoMessage.ask(
                self.parent_widget, "No backups", "A library kept in memory has no backups."
            )
            return
        source = RestoreBackupDialog.ask(self.parent_widget, path, backups(path))
        if source is not None and ConfirmRestore.ask(self.parent_widget, path, source):
            self.session.restore_backup(source)

    def _restored(self, restored: Restored) -> None:
        kept = restored.kept
        if kept is None:
            where = "There was no library to keep."
        elif restored.kept_damaged:
            where = f"The damaged library's bytes are kept as {kept}."
        else:
            where = f"The library as it was is kept as {kept.name}: Restore Backup… undoes this."
        InfoMessage.ask(
            self.parent_widget, "Backup restored", f"{restored.source.name} is back. {where}"
        )

    def _changed(self, changes: Change) -> None:
        if changes & LIST_CHANGES:
            self.refresh()
        elif changes & Change.ANALYSIS:  # entity counts only: the rows shown are read again
            self.panel.model.update_counts(self._article_list())
        if changes & Change.METADATA and self.session.current is not None:
            article = self.session.current
            self.header.set_metadata(article.metadata, article.source)

    def _library_opened(self) -> None:
        read_only = self.session.read_only
        self.panel.set_read_only(read_only)
        self.header.set_editable(not read_only)
        self.details_action.setEnabled(not read_only)
        self.replace_action.setEnabled(not read_only)

    def _article_opened(self, article: Article | None) -> None:
        if article is None:
            return
        # Its row is found a pass later, once the text has painted: in a big library that
        # counts the rows before it, reading index pages (30-50 ms when they are cold).
        QTimer.singleShot(SELECT_AFTER_MS, self, lambda: self._select_current(article.id))
        library = self.session.library
        if library and library.path:
            self.settings.set_last_article(str(library.path), article.id)

    def _select_current(self, article_id: int) -> None:
        """Select the row of the article opened, unless another has been opened since.

        A row not in memory is found on a worker, through a connection of its own, with the
        page it is on: in a big library whose pages are not in memory yet (its first open
        after a restart) that read held the window 130-370 ms.
        """
        if not self._is_current(article_id):
            return
        model, library = self.panel.model, self.session.library
        if (
            library is None
            or library.path is None  # in memory: no other connection can read it
            or not model.asks_library()
            or model.known_row(article_id) is not None
        ):
            self.panel.select_article(article_id)
            return
        ticket = model.ticket()
        self._locator.start(
            locate_at,
            library.path,
            self.session.entity_service.pipeline_id(),
            article_id,
            ticket.order,
            ticket.size,
            finished=lambda located: self._located(article_id, ticket, located),
            failed=lambda _message, _trace: self._select_here(article_id),
        )

    def _located(self, article_id: int, ticket: Ticket, located: Located | None) -> None:
        if located is None or not self._is_current(article_id):
            return  # not listed, or another article opened meanwhile
        if self.panel.model.take_located(ticket, located):
            self.panel.select_article(article_id, located.row)
        else:  # the list was read anew meanwhile: look again, here
            self._select_here(article_id)

    def _select_here(self, article_id: int) -> None:
        """Look the row up on this thread (the worker could not, or its answer is too old)."""
        if self._is_current(article_id):
            self.panel.select_article(article_id)

    def _is_current(self, article_id: int) -> bool:
        current = self.session.current
        return current is not None and current.id == article_id
