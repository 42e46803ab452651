"""Across the library: each source once, the figures of one event side by side, outlet relays.

Three tabs over the findings rows of the whole library. Each list is a sum the database
makes; what lies behind the row picked (a source's articles, a group's figures, an edge's
statements) is read when it is picked. The owner says where the library is (library_of)
and when it changed (refresh); the lists are read only while shown, and never written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.core.storage import Library
from gui.core.tracing import queries
from gui.core.tracing.commands import GRADE_NAMES, GRADES
from gui.core.tracing.sources import LibrarySource
from gui.tracing.claims_tab import ClaimsTab
from gui.tracing.outlets_tab import OutletsTab
from gui.tracing.tables import ColumnsModel, read_only_table
from gui.widgets.accessible import describe


def _source_cells(s: LibrarySource) -> tuple:
    return (s.name, ", ".join(s.aliases), s.type, s.articles, s.statements, s.anonymous, s.grade)


def _article_cells(a) -> tuple:
    return (a.published or "undated", a.outlet, a.title, a.name, a.statements)


class LibraryViews(QTabWidget):
    """Sources, Claims and Outlets of the whole library; announces an article to open."""

    open_requested = Signal(int, int, int)  # article id, start, end
    grade_requested = Signal(object, str)  # LibrarySource, its new grade ('' for none)
    note_requested = Signal(object)  # LibrarySource whose note the user wants to edit
    filled = Signal()  # the lists are shown, as read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library_of: Callable[[], Library | None] = lambda: None  # the owner's library
        # The owner's way to read the lists of a library file on a worker: (path, done).
        self.run_later: Callable[[Path, Callable], None] | None = None
        self._stale, self._asked = True, 0
        self.sources = ColumnsModel(
            ("Source", "Also named", "Type", "Articles", "Statements", "Anonymous in", "Grade"),
            _source_cells,
            self,
        )
        self.source_articles = ColumnsModel(
            ("Published", "Outlet", "Article", "Named", "Statements"), _article_cells, self
        )
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find a source by name")
        describe(self.search, "Find a source")
        self.search.textChanged.connect(lambda _: self._fill_sources())
        self.addTab(self._sources_tab(), "&Sources")
        self.claims = ClaimsTab(lambda: self.library, self)
        self.groups, self.figures = self.claims.groups, self.claims.figures
        self.timeline = self.claims.timeline
        self.verdict_requested = self.claims.verdict_requested
        self.relation_requested = self.claims.relation_requested
        self.addTab(self.claims, "&Claims")
        self.outlets = OutletsTab(lambda: self.library, self)
        self.edges, self.statements = self.outlets.edges, self.outlets.statements
        self.addTab(self.outlets, "&Outlets")
        for tab in (self.claims, self.outlets):
            tab.open_requested.connect(self.open_requested)

    @property
    def library(self) -> Library | None:
        """The library shown (the owner's, as it is now)."""
        return self.library_of()

    def refresh(self) -> None:
        """The library changed: read the lists again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.fill()

    def fill(self) -> None:
        """Read the lists: on the owner's worker when it has one (run_later), else now."""
        self._stale = False
        self._asked += 1
        library, asked = self.library, self._asked
        if library is None:
            self.show_lists(queries.LibraryLists())
        elif self.run_later is None or library.path is None:
            self.show_lists(queries.library_lists(library))
        else:
            self.run_later(library.path, lambda lists: self._arrived(asked, lists))

    def show_lists(self, lists: queries.LibraryLists) -> None:
        """Show what was read: the sources (unless a search narrows them), groups, edges."""
        if not self.search.text().strip():
            self.sources.set_rows(lists.sources)
        else:
            self._fill_sources()
        self.source_articles.set_rows([])
        self.claims.show_groups(lists.groups)
        self.outlets.show_edges(lists.edges)
        self.filled.emit()

    def claims_changed(self) -> None:
        """A verdict or relation changed: the figures shown are read again."""
        self.claims.refresh_figures()

    def _arrived(self, asked: int, lists: queries.LibraryLists) -> None:
        """Lists read in the background: shown unless newer ones were asked for since."""
        if asked == self._asked:
            self.show_lists(lists)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.fill()

    def _fill_sources(self) -> None:
        library = self.library
        found = queries.library_sources(library, self.search.text()) if library else []
        self.sources.set_rows(found)
        self.source_articles.set_rows([])

    def _pick_source(self, row: int) -> None:
        if self.library is not None and 0 <= row < self.sources.rowCount():
            found = queries.source_articles(self.library, self.sources.row(row))
            self.source_articles.set_rows(found)

    def grade_menu(self, row: int) -> QMenu:
        """The menu of a source's row: its Admiralty grade (the one it has ticked), its note."""
        source: LibrarySource = self.sources.row(row)
        menu = QMenu(self)
        for grade in ("", *GRADES):
            text = f"&{grade}: {GRADE_NAMES[grade]}" if grade else "&No Grade"
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(source.grade == grade)
            action.triggered.connect(lambda _=False, g=grade: self.grade_requested.emit(source, g))
        menu.addSeparator()
        menu.addAction("Note…", lambda: self.note_requested.emit(source))
        return menu

    def _sources_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.search)
        pair = self._pair("Sources", self.sources, self.source_articles, self._pick_source)
        layout.addWidget(pair)
        table = pair.widget(0)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(lambda at: self._grade_at(table, at))
        return tab

    def _grade_at(self, table: QTableView, at) -> None:
        row = table.indexAt(at).row()
        if row >= 0:
            menu = self.grade_menu(row)
            menu.exec(table.viewport().mapToGlobal(at))
            menu.deleteLater()

    def _pair(
        self, name: str, top: ColumnsModel, bottom: ColumnsModel, pick: Callable
    ) -> QSplitter:
        """A list above the details of its row picked."""
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        upper, lower = (
            read_only_table(self, top, name),
            read_only_table(self, bottom, f"{name}: details"),
        )
        upper.selectionModel().currentRowChanged.connect(lambda now, _: pick(now.row()))
        lower.doubleClicked.connect(lambda index: self._open(bottom, index.row()))
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        return splitter

    def _open(self, model: ColumnsModel, row: int) -> None:
        item = model.row(row)
        start, end = getattr(item, "start", 0), getattr(item, "end", 0)
        self.open_requested.emit(item.article_id, start, end)
