"""The numeric claims of an article, grouped by event, with the user's verdicts and grades."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from gui.widgets.table_model import Index, RowsModel

COLUMNS = ("Event", "Figure", "Counted", "Window", "Source", "Status", "Grade", "Relations", "Note")
STATUS_COLOURS = {"verified": "#1A7F37", "disputed": "#B04A00", "false": "#C00000"}
RELATION_NAMES = {
    "corroborates": "corroborates",
    "different_scope": "different scope",
    "contradicts": "contradicts",
}


def claim_key(number: dict) -> str:
    """The stable key of a numeric claim: its text and where it starts."""
    return f"{number['text']}@{number['start']}"


class ClaimsModel(RowsModel):
    """One row per figure, sorted by event group then position."""

    HEADERS = COLUMNS

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._assessments: dict[str, object] = {}
        self._relations: dict[str, list[str]] = {}

    def set_claims(self, numbers: Sequence[dict], assessments: dict, relations: Sequence) -> None:
        """Show claims with their assessments and the relations the user set between them."""
        self.beginResetModel()
        self._rows = sorted(numbers, key=lambda n: (n.get("group", 0), n["start"]))
        self._assessments = dict(assessments)
        by_key = {claim_key(n): n["text"] for n in numbers}
        self._relations = {}
        for relation in relations:
            name = RELATION_NAMES.get(relation.relation, relation.relation)
            for this, other in ((relation.key_a, relation.key_b), (relation.key_b, relation.key_a)):
                self._relations.setdefault(this, []).append(f"{name} {by_key.get(other, other)}")
        self.endResetModel()

    def claim(self, row: int) -> dict:
        """The claim shown in a row."""
        return self._rows[row]

    def assessment(self, row: int):
        """The user's assessment of the claim in a row, if any."""
        return self._assessments.get(claim_key(self._rows[row]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        number = self._rows[index.row()]
        assessment = self._assessments.get(claim_key(number))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(number, assessment, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 5 and assessment:
            colour = STATUS_COLOURS.get(assessment.status)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._display(number, assessment, index.column()) or None
        return None

    def _display(self, number: dict, assessment, column: int) -> str:
        if column == 0:
            return f"#{number.get('group', 0)} {number.get('event', '')}".strip()
        if column == 1:
            return number["text"]
        if column == 2:
            return number.get("counted", "")
        if column == 3:
            return number.get("window", "")
        if column == 4:
            chain = [*number.get("via", []), number.get("source") or "the article itself"]
            return " ← ".join(chain)
        if column == 7:
            return "; ".join(self._relations.get(claim_key(number), []))
        if column == 5:
            return assessment.status if assessment else "unverified"
        if column == 6:
            return f"{assessment.source_grade}{assessment.info_grade}" if assessment else ""
        return assessment.note if assessment else ""
