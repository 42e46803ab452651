"""The library list as a table model over SQL: rows read a page at a time, as they are shown.

The model holds no copy of the library: rowCount is counted in SQL, and data() reads the page
of PAGE rows a row falls in (keeping the last few pages). Sorting is the database's (sort()
asks for an ORDER BY on an indexed key); a search lists the best-ranked matches.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from gui.core.articles import ArticleSummary
from gui.core.storage import article_list as listing
from gui.core.storage.article_list import ArticleList, Found, ListOrder, Located
from gui.core.storage.search import fts_query
from gui.widgets.table_model import Index

COLUMNS = ("Title", "Outlet", "Date", "Entities")
TOOLTIPS = ("", "", "Publication date, or the import date when unknown", "Entities found")
TITLE, OUTLET, DATE, ENTITIES = range(4)
ORDERS = (listing.TITLE, listing.OUTLET_COLUMN, listing.DATE, listing.ENTITIES)  # by column
PAGE = 100  # rows read at a time
KEPT_PAGES = 40  # pages kept in memory, the most recently used
_KEEP = object()  # _reset(): the source stays as it is
_PLACEHOLDER = ArticleSummary(0, "", "", "", None, "")  # a row gone since the list was counted


@dataclass(frozen=True)
class Ticket:
    """A moment of the list: how often it was read anew and its counts, and its order."""

    resets: int
    recounts: int
    order: ListOrder
    size: int  # rows a page


class LibraryModel(QAbstractTableModel):
    """The library's articles; editing a title asks for a rename instead of changing the row."""

    rename_requested = Signal(int, str)  # article id, new title
    counted = Signal()  # the number of articles listed or found changed: see status()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editable = True
        self._source: ArticleList | None = None
        self._search = ""
        self._order = ListOrder()
        self._total = 0
        self._pages: OrderedDict[int, list[ArticleSummary]] = OrderedDict()
        self._ids: list[int] | None = None  # the whole order: search results, entity counts
        self._found: Found | None = None  # search results (their ids in order, and counts)
        self.rows_read = 0  # rows read from the library since the last reset (for tests)
        self._resets = 0  # lists read anew: a row found before one is not a row of this list
        self._recounts = 0  # entity counts read anew: a page read before one is out of date

    # -- what is listed ---------------------------------------------------------------------

    def set_source(self, source: ArticleList | None) -> None:
        """List the articles of a library (None: nothing), with the current search and order."""
        self._reset(source=source)

    def set_search(self, text: str, column: int | None = None, order=None) -> None:
        """List the best matches of a search-as-you-type string ("" lists everything).

        column and order, when given, sort the new list as sort() would.
        """
        sort = None if column is None else self._order_of(column, order, narrows(text))
        self._reset(search=text, order=sort)

    def refresh(self) -> None:
        """Read the list again (the library changed): count anew, forget the pages read."""
        self._reset()

    def update_counts(self, source: ArticleList | None) -> None:
        """The entity counts changed (an analysis was saved, another pipeline chosen), nothing
        else: the rows shown are read again as they are painted, without a reset.

        Sorted by entity count, the rows keep their places until the list is sorted or read
        anew: sorting 100,000 counts again after each analysis saved would stall the window.
        """
        if source is None or self._source is None:
            self._reset(source=source)
            return
        self._source = source
        self._pages.clear()
        self._recounts += 1
        if self._total:
            self.dataChanged.emit(self.index(0, ENTITIES), self.index(self._total - 1, ENTITIES))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column in SQL; column -1 lists search results by relevance (else by date)."""
        self._reset(order=self._order_of(column, order, narrows(self._search)))

    @property
    def search(self) -> str:
        """The search string the list is narrowed by ("" for none)."""
        return self._search

    @staticmethod
    def _order_of(column: int, order: Qt.SortOrder, searching: bool) -> ListOrder:
        if column < 0:
            return ListOrder(listing.RELEVANCE if searching else listing.DATE, True)
        return ListOrder(ORDERS[column], order == Qt.SortOrder.DescendingOrder)

    def _reset(self, source=_KEEP, search: str | None = None, order: ListOrder | None = None):
        self.beginResetModel()  # views still read the old rows while this is announced
        self._resets += 1
        if source is not _KEEP:
            self._source = source
        self._search = self._search if search is None else search
        searching = narrows(self._search)
        self._order = order or self._order
        if self._order.column == listing.RELEVANCE and not searching:
            self._order = ListOrder()
        self._pages.clear()
        self._ids, self._found, self.rows_read, self._total = None, None, 0, 0
        try:  # a library that fails to answer leaves an empty list, never a half-reset one
            if self._source is None or not self._source.is_open:
                pass
            elif searching:
                by_rank = self._order.column == listing.RELEVANCE
                self._found = self._source.search(self._search, None if by_rank else self._order)
                self._ids = self._found.ids  # the rows are read a page at a time, as shown
                self._total = len(self._ids)
            else:
                self._total = self._source.count()
        finally:
            self.endResetModel()
        self.counted.emit()

    @property
    def order(self) -> ListOrder:
        """How the list is sorted now."""
        return self._order

    def status(self) -> str:
        """What the list shows, in words: how many articles, or how many matches."""
        found = self._found
        if found is None:
            return f"{self._total:,} articles" if self._total != 1 else "1 article"
        if not found.matches:
            return "No articles match"
        more = "more than " if found.capped else ""
        shown = f"the best {len(found.ids):,} of " if len(found.ids) < found.matches else ""
        noun = "article" if found.matches == 1 and not shown else "articles"
        return f"Showing {shown}{more}{found.matches:,} matching {noun}"

    # -- rows -------------------------------------------------------------------------------

    def summary(self, row: int) -> ArticleSummary:
        """The summary shown in a row (read from the library if need be)."""
        number, at = divmod(row, PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._read_page(number)
        else:
            self._pages.move_to_end(number)
        return page[at]

    def known_row(self, article_id: int) -> int | None:
        """The row of an article among the rows in memory (search results, pages read), if any:
        None says that finding it means asking the library."""
        if self._found is not None:
            ids = self._found.ids
            return ids.index(article_id) if article_id in ids else None
        for number, page in self._pages.items():
            for at, shown in enumerate(page):
                if shown.id == article_id:
                    return number * PAGE + at
        return None

    def asks_library(self) -> bool:
        """True when a row not in memory is looked up in the library (not in search results,
        nor in the ids kept for the order by entity count)."""
        return self._found is None and self._order.column != listing.ENTITIES

    def row_of(self, article_id: int) -> int | None:
        """The row showing an article, if it is listed."""
        known = self.known_row(article_id)
        if known is not None or self._found is not None:
            return known
        if self._source is None or not self._source.is_open:
            return None
        if self._order.column == listing.ENTITIES:
            ids = self._ordered_ids()
            return ids.index(article_id) if article_id in ids else None
        # Its page is read with its place, from its sort key: the view shows that page next.
        located = self._source.locate(article_id, self._order, PAGE)
        if located is None or located.row >= self._total:
            return None
        self._keep_page(located.row // PAGE, located.page)
        return located.row

    def ticket(self) -> Ticket:
        """What the list is now, for a row looked up elsewhere (take_located() checks it)."""
        return Ticket(self._resets, self._recounts, self._order, PAGE)

    def take_located(self, ticket: Ticket, located: Located) -> bool:
        """Keep the page of a row found elsewhere (a worker) while the list was as ticket says.

        False when the list has been read anew since (the row may be another's now); a page
        read before the entity counts changed is not kept, its row still is good.
        """
        if ticket.resets != self._resets or ticket.size != PAGE or located.row >= self._total:
            return False
        if ticket.recounts == self._recounts:
            self._keep_page(located.row // PAGE, located.page)
        return True

    def _read_page(self, number: int) -> list[ArticleSummary]:
        offset = number * PAGE
        if not self._source.is_open:  # closed under the list, which is about to be read anew
            return [_PLACEHOLDER] * min(PAGE, self._total - offset)
        if self._found is not None or self._order.column == listing.ENTITIES:
            page = self._source.by_ids(self._ordered_ids()[offset : offset + PAGE])
        else:
            page = self._source.page(self._order, offset, PAGE)
        return self._keep_page(number, page)

    def _keep_page(self, number: int, page: list[ArticleSummary]) -> list[ArticleSummary]:
        # The library may have lost rows since it was counted: show placeholders, not errors.
        missing = min(PAGE, self._total - number * PAGE) - len(page)
        page = page[: len(page) + min(missing, 0)] + [_PLACEHOLDER] * max(missing, 0)
        self.rows_read += len(page)
        self._pages[number] = page
        while len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return page

    def _ordered_ids(self) -> list[int]:
        if self._ids is None:
            self._ids = self._source.ordered_ids(self._order)
        return self._ids

    # -- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return TOOLTIPS[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return _display(self.summary(index.row()), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.summary(index.row()).title
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == ENTITIES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == TITLE and self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() != TITLE:
            return False
        title = str(value).strip()
        if not title:
            return False
        # The session saves the title and the list is read again; the row is not changed here.
        self.rename_requested.emit(self.summary(index.row()).id, title)
        return True


def narrows(search: str) -> bool:
    """True when a search string narrows the list (one of punctuation only lists everything)."""
    return bool(fts_query(search))


def _display(row: ArticleSummary, column: int):
    if column == TITLE:
        return row.title or "Untitled article"
    if column == OUTLET:
        return row.outlet
    if column == DATE:
        return row.published or row.imported_at[:10]
    return "…" if row.entity_count is None else row.entity_count
