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
from gui.core.tracing.claims import ClaimGroup
from gui.core.tracing.commands import GRADE_NAMES, GRADES
from gui.core.tracing.outlets import RelayEdge
from gui.core.tracing.sources import LibrarySource
from gui.tracing.tables import read_only_table
from gui.tracing.timeline import TimelinePlot
from gui.widgets.accessible import describe
from gui.widgets.table_model import Index, RowsModel


class _Columns(RowsModel):
    """A table whose cells a function of the row object gives."""

    def __init__(self, headers: tuple[str, ...], cells: Callable, parent=None) -> None:
        super().__init__(parent)
        self.HEADERS = headers
        self._cells = cells

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._cells(self._rows[index.row()])[index.column()]


def _source_cells(s: LibrarySource) -> tuple:
    return (s.name, ", ".join(s.aliases), s.type, s.articles, s.statements, s.anonymous, s.grade)


def _article_cells(a) -> tuple:
    return (a.published or "undated", a.outlet, a.title, a.name, a.statements)


def _group_cells(g: ClaimGroup) -> tuple:
    return (g.event, g.counted, g.figures)


def _figure_cells(f) -> tuple:
    value = "" if f.value is None else f"{f.value:g}"
    return (f.published or "undated", f.outlet, f.text, value, f.source or "the author")


def _edge_cells(e: RelayEdge) -> tuple:
    return (e.source, e.target, e.count)


def _statement_cells(s) -> tuple:
    return (s.outlet, s.article_id, s.text)


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
        self.sources = _Columns(
            ("Source", "Also named", "Type", "Articles", "Statements", "Anonymous in", "Grade"),
            _source_cells,
            self,
        )
        self.source_articles = _Columns(
            ("Published", "Outlet", "Article", "Named", "Statements"), _article_cells, self
        )
        self.groups = _Columns(("Event", "Counted", "Figures"), _group_cells, self)
        self.figures = _Columns(
            ("Published", "Outlet", "Figure", "Value", "Given by"), _figure_cells, self
        )
        self.edges = _Columns(("From", "To", "Statements"), _edge_cells, self)
        self.statements = _Columns(("Outlet", "Article", "Statement"), _statement_cells, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find a source by name")
        describe(self.search, "Find a source")
        self.search.textChanged.connect(lambda _: self._fill_sources())
        self.addTab(self._sources_tab(), "&Sources")
        self.timeline = TimelinePlot(self)
        claims = self._pair("Claims", self.groups, self.figures, self._pick_group)
        claims.addWidget(self.timeline)
        self.addTab(claims, "&Claims")
        self.addTab(self._pair("Outlets", self.edges, self.statements, self._pick_edge), "&Outlets")

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
        self.groups.set_rows(lists.groups)
        self.edges.set_rows(lists.edges)
        for details in (self.source_articles, self.figures, self.statements):
            details.set_rows([])
        self.timeline.set_series({})
        self.filled.emit()

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

    def _pick_group(self, row: int) -> None:
        if self.library is not None and 0 <= row < self.groups.rowCount():
            group = queries.group_figures(self.library, self.groups.row(row))
            self.figures.set_rows(group.figures)
            self.timeline.set_series(group.series())

    def _pick_edge(self, row: int) -> None:
        if self.library is not None and 0 <= row < self.edges.rowCount():
            self.statements.set_rows(queries.edge_statements(self.library, self.edges.row(row)))

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

    def _pair(self, name: str, top: _Columns, bottom: _Columns, pick: Callable) -> QSplitter:
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

    def _open(self, model: _Columns, row: int) -> None:
        item = model.row(row)
        start, end = getattr(item, "start", 0), getattr(item, "end", 0)
        self.open_requested.emit(item.article_id, start, end)
