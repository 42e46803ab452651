"""The Sources panel: who is quoted, their type, channel and relay chain; picking one marks them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.sourcing.summary import SourceRow
from gui.widgets.accessible import describe
from gui.widgets.table_model import SIZING_ROWS, Index, RowsModel
from gui.widgets.theme import readable_colour

TYPE_NAMES = {
    "person": "Named person",
    "institution": "Institution",
    "outlet": "News outlet",
    "anonymous": "Anonymous or vague",
    "pronoun": "Pronoun",
    "description": "Description",
    "unknown": "Unknown",
}


class SourcesModel(RowsModel):
    """One row per source."""

    HEADERS = ("Source", "Type", "Channel", "Chain", "Statements", "Relayed")

    def source(self, row: int) -> SourceRow:
        """The source shown in a row."""
        return self.row(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.anonymous:
            return readable_colour("#B04A00")
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = "; ".join(row.chains)
            return tip + (" — speaker inferred: verify" if row.verify else "")
        return None

    @staticmethod
    def _display(row: SourceRow, column: int):
        name = row.name + (" (verify)" if row.verify else "")
        kind = TYPE_NAMES.get(row.type, row.type)
        chains = "; ".join(f"article ← {chain}" for chain in row.chains)
        said, relayed = len(row.statements), len(row.relayed)
        return (name, kind, ", ".join(row.channels), chains, said, relayed)[column]


class SourcesPanel(QWidget):
    """Lists an article's sources; picking one asks to mark its statements."""

    statements_requested = Signal(list)  # [(start, end)]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SourcesModel(self)
        self.profile = QLabel(wordWrap=True, objectName="sourcingProfile")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        describe(self.table, "Sources", "Who the article quotes; pick one to mark what they say")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(SIZING_ROWS)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.profile)
        layout.addWidget(self.table)

    def set_sources(self, rows: Sequence[SourceRow], profile_text: str) -> None:
        """Show an article's sources and its sourcing profile."""
        self.model.set_rows(rows)
        self.profile.setText(profile_text or "No quotes or reported statements found yet.")

    def _picked(self, current, _previous=None) -> None:
        if current.isValid():
            row = self.model.source(current.row())
            spans = [*row.statements, *row.relayed]
            self.statements_requested.emit([(s.start, s.end) for s in spans])
