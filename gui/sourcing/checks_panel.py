"""The Checks panel: every check the lens makes for the article, in words; confirm or dismiss.

Picking a check asks the reader to show its text; the buttons (and C, D, R) ask to keep the
user's verdict, which the controller turns into an undoable command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.sourcing.check_commands import CheckDecision
from gui.core.sourcing.checks import CHECK_NAMES, Check
from gui.core.storage.rows import count
from gui.widgets.accessible import describe
from gui.widgets.table_model import SIZING_ROWS, Index, RowsModel
from gui.widgets.theme import readable_colour

STATUS_NAMES = {"": "Open", "confirmed": "Confirmed", "dismissed": "Dismissed"}
_STATUS_COLOURS = {"confirmed": "#B04A00", "dismissed": "#7F7F7F"}
# The verdicts the panel offers: the status kept, its button, its key (in the list).
DECISIONS = (("confirmed", "&Confirm", "C"), ("dismissed", "&Dismiss", "D"), ("", "&Reopen", "R"))
# How the shortcut reference says them.
CHECK_KEYS = tuple((key, f"{text[1:]} the selected check") for _, text, key in DECISIONS)


class ChecksModel(RowsModel):
    """One row per check, with the user's verdict."""

    HEADERS = ("Status", "Check", "What to check")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.decisions: Mapping[str, CheckDecision] = {}

    def set_checks(self, checks: Sequence[Check], decisions: Mapping[str, CheckDecision]) -> None:
        """Show these checks with their verdicts."""
        self.decisions = dict(decisions)
        self.set_rows(checks)

    def status(self, row: int) -> str:
        """The verdict on a row's check ('' while open)."""
        decision = self.decisions.get(self.row(row).key)
        return decision.status if decision else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        check: Check = self._rows[index.row()]
        status = self.status(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            kind = CHECK_NAMES.get(check.kind, check.kind)
            return (STATUS_NAMES[status], kind, check.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return check.message
        if role == Qt.ItemDataRole.ForegroundRole and status in _STATUS_COLOURS:
            return readable_colour(_STATUS_COLOURS[status])  # on a light or a dark list
        return None


class ChecksPanel(QWidget):
    """Lists the checks; announces which one the user picks and what they decide."""

    check_picked = Signal(int, int)  # start, end of its first span
    decision_requested = Signal(str, str, str)  # check key, kind, status ("" reopens it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ChecksModel(self)
        self.read_only = False
        self.summary = QLabel(wordWrap=True, objectName="checksSummary")
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(SIZING_ROWS)
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        describe(self.table, "Checks", "What to check in the article; C confirms, D dismisses")
        self.buttons = {}
        row = QHBoxLayout()
        for status, text, key in DECISIONS:
            button = QPushButton(text, self)
            button.setToolTip(f"{text.replace('&', '')} the selected check ({key})")
            button.clicked.connect(lambda _=False, s=status: self.decide(s))
            QShortcut(QKeySequence(key), self.table, lambda s=status: self.decide(s))
            row.addWidget(button)
            self.buttons[status] = button
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.set_checks([], {})

    def set_checks(self, checks: Sequence[Check], decisions: Mapping[str, CheckDecision]) -> None:
        """Show an article's checks and the verdicts on them."""
        current = self.selected()
        self.model.set_checks(checks, decisions)
        self._summarise()
        if current is not None:
            keys = [c.key for c in checks]
            if current.key in keys:
                self.table.selectRow(keys.index(current.key))
        self._enable()

    def selected(self) -> Check | None:
        """The check selected, if any."""
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def decide(self, status: str) -> None:
        """Ask to keep a verdict on the selected check ('' reopens it)."""
        check = self.selected()
        if check is not None:
            self.decision_requested.emit(check.key, check.kind, status)

    def _summarise(self) -> None:
        """How many checks there are, and how many are still open."""
        total = self.model.rowCount()
        if not total:
            self.summary.setText("No checks for this article.")
            return
        open_count = sum(1 for row in range(total) if not self.model.status(row))
        checks = count(total, "check")
        self.summary.setText(f"{checks}, {open_count} open. Pick one to see it in the text.")

    def set_read_only(self, read_only: bool) -> None:
        """Offer no verdict in a library that cannot keep one (read-only, or damaged)."""
        self.read_only = read_only
        self._enable()

    def _enable(self) -> None:
        """Buttons only with a check selected, in a library that can keep the verdict."""
        for button in self.buttons.values():
            button.setEnabled(self.selected() is not None and not self.read_only)

    def _picked(self, current, _previous=None) -> None:
        self._enable()
        if current.isValid():
            spans = self.model.row(current.row()).spans
            if spans:
                self.check_picked.emit(spans[0].start, spans[0].end)
