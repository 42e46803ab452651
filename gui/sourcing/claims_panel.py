"""The Claims panel: figures side by side by event; the user sets verdicts, grades, relations."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.core.sourcing.commands import (
    INFO_CREDIBILITY,
    INFO_GRADES,
    SOURCE_GRADES,
    SOURCE_RELIABILITY,
    STATUSES,
    ClaimAssessment,
    split_claim_key,
)
from gui.core.sourcing.model import NumericClaim
from gui.sourcing.claims_model import ClaimsModel
from gui.widgets.accessible import describe
from gui.widgets.table_model import SIZING_ROWS

STATUS_NAMES = {
    "unverified": "Unverified",
    "verified": "Verified",
    "disputed": "Disputed",
    "false": "False",
}
NOT_GRADED = ("", "Not graded")
# Each Admiralty grade with its meaning: a letter alone means nothing to most readers.
SOURCE_CHOICES = (
    *((grade, f"{grade} — {SOURCE_RELIABILITY[grade].capitalize()}") for grade in SOURCE_GRADES),
    NOT_GRADED,
)
INFO_CHOICES = (
    *((grade, f"{grade} — {INFO_CREDIBILITY[grade].capitalize()}") for grade in INFO_GRADES),
    NOT_GRADED,
)
RELATIONS = (("corroborates", "Corroborates"), ("different_scope", "Different scope"),
             ("contradicts", "Contradicts"))  # fmt: skip


class ClaimsPanel(QWidget):
    """Lists numeric claims; asks the window to save what the user decides about them."""

    claim_picked = Signal(int, int)  # start, end
    assessment_requested = Signal(str, dict)  # claim key, fields to change
    note_requested = Signal(str, str)  # claim key, current note
    relation_requested = Signal(str, str, str)  # key a, key b, relation ("" clears it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClaimsModel(self)
        self.hint = QLabel(
            "Figures about the same event share a number. Right-click to set a verdict, an "
            "Admiralty grade or a note; select two to say how they relate. Only you can say "
            "“contradicts”.",
            wordWrap=True,
        )
        self.table = QTableView(self)
        self.table.setModel(self.model)
        describe(self.table, "Claims", "The article's figures; right-click one to judge it")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZING_ROWS)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_menu)
        self.table.clicked.connect(self._picked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        # Relations a person set to other articles' figures (in Across the Library > Claims).
        self.across = QLabel(self, wordWrap=True)
        self.across.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        describe(self.across, "Relations to figures of other articles")
        self.across.hide()
        layout.addWidget(self.across)

    def set_claims(
        self,
        numbers: Sequence[NumericClaim],
        assessments: dict,
        relations: Sequence,
        across: Sequence = (),
    ) -> None:
        """Show the article's numeric claims, keeping the ones selected (a verdict was set).

        across: (claim key, FigureRelation) of its figures' relations to other articles'.
        """
        keys = {self.model.claim(row).key for row in self.selected_rows()}
        self.model.set_claims(numbers, assessments, relations, across)
        lines = [f"• {_figure_text(key)} {relation.described()}" for key, relation in across]
        self.across.setText("\n".join(["Across the library:", *lines]) if lines else "")
        self.across.setVisible(bool(lines))
        selection = self.table.selectionModel()
        for row in range(self.model.rowCount()):
            if self.model.claim(row).key in keys:
                flags = QItemSelectionModel.SelectionFlag.Select
                selection.select(
                    self.model.index(row, 0), flags | QItemSelectionModel.SelectionFlag.Rows
                )

    def selected_rows(self) -> list[int]:
        """The rows selected, top to bottom."""
        return sorted(index.row() for index in self.table.selectionModel().selectedRows())

    def menu(self) -> QMenu:
        """What can be decided about the selected claims."""
        menu = QMenu(self)
        rows = self.selected_rows()
        if len(rows) == 2:
            keys = [self.model.claim(row).key for row in rows]
            relation = menu.addMenu("&Relation Between the Two")
            group, now = QActionGroup(relation), self.model.relation(*keys)
            for value, text in (*RELATIONS, ("", "No Relation")):
                action = relation.addAction(
                    text, lambda v=value: self.relation_requested.emit(*keys, v)
                )
                action.setCheckable(True)
                action.setChecked(value == now)
                group.addAction(action)
        if len(rows) == 1:
            key = self.model.claim(rows[0]).key
            self._assessment_menus(menu, key, self.model.assessment(rows[0]))
        return menu

    def _assessment_menus(self, menu: QMenu, key: str, assessment) -> None:
        """Verdict and grade menus, the claim's current value ticked in each."""
        current = assessment or ClaimAssessment(0, key)  # unassessed: unverified, ungraded
        for title, field, choices in (
            ("&Verdict", "status", [(s, STATUS_NAMES[s]) for s in STATUSES]),
            ("&Source Reliability (A-F)", "source_grade", SOURCE_CHOICES),
            ("&Information Credibility (1-6)", "info_grade", INFO_CHOICES),
        ):
            sub = menu.addMenu(title)
            group = QActionGroup(sub)  # one value at a time, shown as the one ticked
            for value, text in choices:
                action = sub.addAction(text, lambda f=field, v=value: self._assess(key, f, v))
                action.setCheckable(True)
                action.setChecked(getattr(current, field) == value)
                group.addAction(action)
        note = assessment.note if assessment else ""
        menu.addAction("&Note…", lambda: self.note_requested.emit(key, note))

    def _assess(self, key: str, field: str, value: str) -> None:
        self.assessment_requested.emit(key, {field: value})

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu()
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(position))

    def _picked(self, index) -> None:
        claim = self.model.claim(index.row())
        self.claim_picked.emit(claim.span.start, claim.span.end)


def _figure_text(key: str) -> str:
    """The figure a claim key names, as written."""
    parts = split_claim_key(key)
    return parts[0] if parts else key
