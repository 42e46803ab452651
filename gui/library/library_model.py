"""The library list as a table model: one row per article summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal

from gui.core.articles import ArticleSummary
from gui.widgets.table_model import Index, RowsModel

COLUMNS = ("Title", "Outlet", "Date", "Entities")
TOOLTIPS = ("", "", "Publication date, or the import date when unknown", "Entities found")
TITLE, OUTLET, DATE, ENTITIES = range(4)


class LibraryModel(RowsModel):
    """Article summaries; editing a title asks for a rename instead of changing the row."""

    rename_requested = Signal(int, str)  # article id, new title

    HEADERS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editable = True

    def set_summaries(self, rows: Sequence[ArticleSummary]) -> None:
        """Replace every row."""
        self.set_rows(rows)

    def summary(self, row: int) -> ArticleSummary:
        """The summary shown in a row."""
        return self.row(row)

    def row_of(self, article_id: int) -> int | None:
        """The row showing an article, if it is listed."""
        return next((i for i, s in enumerate(self._rows) if s.id == article_id), None)

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
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title
        if role == Qt.ItemDataRole.UserRole:  # the sort key
            return self._sort_key(row, index.column())
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
        # The session saves the title and reloads the list; the row itself is not changed here.
        self.rename_requested.emit(self._rows[index.row()].id, title)
        return True

    @staticmethod
    def _display(row: ArticleSummary, column: int):
        if column == TITLE:
            return row.title or "Untitled article"
        if column == OUTLET:
            return row.outlet
        if column == DATE:
            return row.published or row.imported_at[:10]
        return "…" if row.entity_count is None else row.entity_count

    @staticmethod
    def _sort_key(row: ArticleSummary, column: int):
        if column == ENTITIES:
            return -1 if row.entity_count is None else row.entity_count
        if column == DATE:
            return row.published or row.imported_at
        return (LibraryModel._display(row, column) or "").casefold()
