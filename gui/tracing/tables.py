"""The read-only tables the tracing panels list their rows in, their one kind of model, and the
line that says what a table shows or is still reading."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.accessible import describe
from gui.widgets.table_model import SIZING_ROWS, Index, RowsModel
from gui.widgets.theme import readable_colour


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
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setResizeContentsPrecision(SIZING_ROWS)  # 60,000 sources: measure a few rows only
    header.setStretchLastSection(True)
    describe(table, name)
    return table


READING = "Reading…"


def counted(count: int, one: str, many: str) -> str:
    """ "1 statement", "2,140 statements": a count and the word that goes with it."""
    return f"{count:,} {one if count == 1 else many}"


def under_status(parent: QWidget, status: QLabel, table: QWidget) -> QWidget:
    """A box of a status line above its table, for a splitter's pane (which touch its edges)."""
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    status.setContentsMargins(4, 2, 4, 2)
    layout.addWidget(status)
    layout.addWidget(table, 1)
    return box


class StatusLine(QLabel):
    """What the lists beside it show, or that they are being read, or what went wrong."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(READING, parent, wordWrap=True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        describe(self, name)
        self.failing = False

    def reading(self, text: str = READING) -> None:
        """A read runs: say so."""
        self._say(text, False)

    def done(self, text: str) -> None:
        """What was read, in a few words."""
        self._say(text, False)

    def failed(self, text: str) -> None:
        """A read went wrong: say what (in the colour of errors)."""
        self._say(text, True)

    def _say(self, text: str, failing: bool) -> None:
        self.failing = failing
        palette = self.parentWidget().palette() if self.parentWidget() else self.palette()
        if failing:
            red = readable_colour("#C00000", palette.color(QPalette.ColorRole.Window))
            palette.setColor(QPalette.ColorRole.WindowText, red)
        self.setPalette(palette)
        self.setText(text)
