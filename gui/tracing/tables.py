"""The read-only tables the tracing panels list their rows in, and their one kind of model."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from gui.widgets.accessible import describe
from gui.widgets.table_model import Index, RowsModel


class ColumnsModel(RowsModel):
    """A table whose cells a function of the row object gives (tooltips: the cell's text)."""

    def __init__(self, headers: tuple[str, ...], cells: Callable, parent=None) -> None:
        super().__init__(parent)
        self.HEADERS = headers
        self._cells = cells

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells(self._rows[index.row()])[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._cells(self._rows[index.row()])[index.column()]
            return str(text) if isinstance(text, str) and len(text) > 30 else None
        return None


def read_only_table(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A table of whole-row selection, sized to its contents, named for screen readers."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    describe(table, name)
    return table
