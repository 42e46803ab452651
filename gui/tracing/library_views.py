"""Across the library: each source once, the figures of one event side by side, outlet relays.

Three tabs over the findings rows of the whole library. Each list is a sum the database
makes; what lies behind the row picked (a source's articles, a group's figures, an edge's
statements) is read when it is picked, and the sources a search finds when typing pauses.
The owner says where the library is and how to read it in the background (reads) and when
it changed (refresh); the lists are read only while shown, and never written. Every read
runs on the owner's worker, so the window stays responsive while a big library answers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
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
from gui.core.tracing import queries, reads_at
from gui.core.tracing.commands import GRADE_NAMES, GRADES
from gui.core.tracing.outlet_graph import GraphLayout
from gui.core.tracing.sources import LibrarySource
from gui.tracing.claims_tab import ClaimsTab
from gui.tracing.outlets_tab import OutletsTab
from gui.tracing.reads import LatestRead, Reads
from gui.tracing.tables import ColumnsModel, StatusLine, counted, read_only_table
from gui.widgets.accessible import describe

_TYPING_MS = 150  # a search is read this long after the last key typed


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
    sources_shown = Signal()  # the sources list shows what the search asks for
    articles_shown = Signal()  # the articles of the source picked are listed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads = Reads()  # the owner sets its library_of and run_later
        self._stale = True
        self._all: tuple[LibrarySource, ...] | None = None  # the whole list, as read last
        self._source: LibrarySource | None = None  # the source whose articles were asked for
        self._listed = ""  # what the sources list holds, in words
        self.status = StatusLine(self, "Sources: what is listed")
        self._lists = self._read("the library's lists", self._lists_arrived)
        self._found = self._read("the sources", self._show_sources)
        self._articles = self._read("the source's articles", self._show_articles)
        self._typing = QTimer(self, singleShot=True, interval=_TYPING_MS)
        self._typing.timeout.connect(self._find_sources)
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
        self.search.textChanged.connect(self._search_changed)
        self.addTab(self._sources_tab(), "&Sources")
        self.claims = ClaimsTab(self.reads, self)
        self.groups, self.figures = self.claims.groups, self.claims.figures
        self.timeline = self.claims.timeline
        self.verdict_requested = self.claims.verdict_requested
        self.relation_requested = self.claims.relation_requested
        self.addTab(self.claims, "&Claims")
        self.outlets = OutletsTab(self.reads, self)
        self.edges, self.statements = self.outlets.edges, self.outlets.statements
        self.addTab(self.outlets, "&Outlets")
        for tab in (self.claims, self.outlets):
            tab.open_requested.connect(self.open_requested)

    @property
    def library(self) -> Library | None:
        """The library shown (the owner's, as it is now)."""
        return self.reads.library

    def refresh(self) -> None:
        """The library changed: read the lists again now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.fill()

    def fill(self) -> None:
        """Read the lists: on the owner's worker when it has one (reads.run_later), else now."""
        self._stale = False
        for read in (self._found, self._articles):  # what they would show is read again
            read.drop()
        self.claims.drop_reads()
        self.outlets.drop_reads()
        if self.library is None:
            self._lists.drop()
            self.show_lists(queries.LibraryLists())
            return
        for status in (self.status, self.claims.status, self.outlets.status):
            status.reading()
        self._lists.ask(reads_at.panel_lists)

    def show_lists(self, lists: queries.LibraryLists, layout: GraphLayout | None = None) -> None:
        """Show what was read: the sources (unless a search narrows them), groups, edges."""
        self._all = lists.sources
        self._articles.drop()
        if not self.search.text().strip():
            self._show_sources(lists.sources)
        else:
            self._find_sources()
        self.claims.show_groups(lists.groups)
        self.outlets.show_edges(lists.edges, layout)
        self.filled.emit()

    def _read(self, what: str, arrived: Callable) -> LatestRead:
        """A kind of read whose answers go to arrived, its failures said in the status line."""
        read = LatestRead(self.reads, self)
        read.arrived.connect(arrived)
        read.failed.connect(lambda message: self.status.failed(f"Could not read {what}: {message}"))
        return read

    def _lists_arrived(self, read: reads_at.PanelLists) -> None:
        self.show_lists(read.lists, read.layout)

    def claims_changed(self) -> None:
        """A verdict or relation changed: the figures shown are read again."""
        self.claims.refresh_figures()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.fill()

    def _search_changed(self, text: str) -> None:
        """Typing: find the sources once it pauses; the search cleared: the whole list, now."""
        if not text.strip() and (self._all is not None or self._lists.busy):
            self._typing.stop()
            self._found.drop()
            if not self._lists.busy:  # else the lists on their way show them all
                self._show_sources(self._all)
        else:
            self._typing.start()

    def _find_sources(self) -> None:
        """Read the sources the search names (all of them for none)."""
        self._typing.stop()
        self._articles.drop()
        text = self.search.text().strip()
        self.status.reading(f"Finding “{text}”…" if text else "Reading the sources…")
        self._found.ask(queries.library_sources, text)

    def _show_sources(self, found) -> None:
        self.sources.set_rows(found)
        self.source_articles.set_rows([])
        text = self.search.text().strip()
        held = f" whose names hold “{text}”" if text else ""
        self._listed = f"{counted(len(found), 'source', 'sources')}{held}."
        self.status.done(f"{self._listed} Pick one for the articles quoting it.")
        self.sources_shown.emit()

    def _pick_source(self, row: int) -> None:
        if 0 <= row < self.sources.rowCount():
            self._source = source = self.sources.row(row)
            self.source_articles.set_rows([])
            self.status.reading(f"{self._listed} Reading the articles quoting {source.name}…")
            self._articles.ask(queries.source_articles, source)

    def _show_articles(self, found) -> None:
        self.source_articles.set_rows(found)
        quoting = counted(len(found), "article quotes", "articles quote")
        self.status.done(f"{self._listed} {quoting} {self._source.name}.")
        self.articles_shown.emit()

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
        layout.addWidget(self.status)
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
