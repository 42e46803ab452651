"""The numeric claims of an article, grouped by event, with the user's verdicts and grades."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from gui.core.sourcing.model import NumericClaim
from gui.core.tracing.claim_links import FigureRelation
from gui.widgets.table_model import Index, RowsModel
from gui.widgets.theme import readable_colour

COLUMNS = ("Event", "Figure", "Counted", "Window", "Source", "Status", "Grade", "Relations", "Note")
STATUS_COLOURS = {"verified": "#1A7F37", "disputed": "#B04A00", "false": "#C00000"}
RELATION_NAMES = {
    "corroborates": "corroborates",
    "different_scope": "different scope",
    "contradicts": "contradicts",
}


class ClaimsModel(RowsModel):
    """One row per figure, sorted by event group then position."""

    HEADERS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._assessments: dict[str, object] = {}
        self._relations: dict[str, list[str]] = {}
        self._pairs: dict[frozenset, str] = {}

    def set_claims(
        self,
        numbers: Sequence[NumericClaim],
        assessments: dict,
        relations: Sequence,
        across: Sequence[tuple[str, FigureRelation]] = (),
    ) -> None:
        """Show claims with their assessments and the relations the user set between them.

        across: (claim key, relation) of the relations to figures of other articles.
        """
        self.beginResetModel()
        self._rows = sorted(numbers, key=lambda n: (n.group, n.span.start))
        self._assessments = dict(assessments)
        by_key = {n.key: n.span.text for n in numbers}
        self._relations = {}
        self._pairs = {frozenset((r.key_a, r.key_b)): r.relation for r in relations}
        for relation in relations:
            name = RELATION_NAMES.get(relation.relation, relation.relation)
            for this, other in ((relation.key_a, relation.key_b), (relation.key_b, relation.key_a)):
                self._relations.setdefault(this, []).append(f"{name} {by_key.get(other, other)}")
        for key, relation in across:
            self._relations.setdefault(key, []).append(relation.described())
        self.endResetModel()

    def claim(self, row: int) -> NumericClaim:
        """The claim shown in a row."""
        return self._rows[row]

    def relation(self, key_a: str, key_b: str) -> str:
        """How the user said two claims relate ("" when they said nothing)."""
        return self._pairs.get(frozenset((key_a, key_b)), "")

    def assessment(self, row: int):
        """The user's assessment of the claim in a row, if any."""
        return self._assessments.get(self._rows[row].key)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        number = self._rows[index.row()]
        assessment = self._assessments.get(number.key)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(number, assessment, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and assessment:
            colour = STATUS_COLOURS.get(assessment.status)
            return readable_colour(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(number, assessment, index.column()) or None
        return None

    def _display(self, number: NumericClaim, assessment, column: int) -> str:
        if column == 0:
            return f"#{number.group} {number.event}".strip()
        if column == 1:
            return number.span.text
        if column == 2:
            return number.counted
        if column == 3:
            return number.window
        if column == 4:
            return " ← ".join([*number.via, number.source or "the article itself"])
        if column == 7:
            return "; ".join(self._relations.get(number.key, []))
        if column == 5:
            return assessment.status if assessment else "unverified"
        if column == 6:
            return f"{assessment.source_grade}{assessment.info_grade}" if assessment else ""
        return assessment.note if assessment else ""
