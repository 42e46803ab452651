"""Table models for the Entities panel: alias groups of an article, and one group's mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from gui.article_view.legend import swatch
from gui.core.bulk import gc_paused
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES, Entity
from gui.widgets.table_model import Index, RowsModel

CONTEXT = 40  # characters of text shown on each side of a mention


@dataclass(frozen=True)
class EntityGroup:
    """An alias group: one thing, however the article names it."""

    key: str
    label: str
    mentions: tuple[Entity, ...]

    @property
    def names(self) -> list[str]:
        """The distinct ways the article names it, most frequent first."""
        return [name for name, _ in Counter(m.text for m in self.mentions).most_common()]


def build_groups(entities: Sequence[Entity]) -> list[EntityGroup]:
    """Alias groups of the entities, most mentioned first."""
    with gc_paused():
        return _build_groups(entities)


def _build_groups(entities: Sequence[Entity]) -> list[EntityGroup]:
    by_key: dict[str, list[Entity]] = {}
    for entity in entities:
        by_key.setdefault(entity.group or entity.text, []).append(entity)
    # One counting pass over all mentions; a group takes its most frequent label.
    labels = Counter((entity.group or entity.text, entity.label) for entity in entities)
    label_of: dict[str, tuple[int, str]] = {}
    for (key, label), count in labels.items():
        label_of[key] = max(label_of.get(key, (0, label)), (count, label))
    groups = [EntityGroup(key, label_of[key][1], tuple(ms)) for key, ms in by_key.items()]
    return sorted(groups, key=lambda g: (-len(g.mentions), g.key.casefold()))


def context(body: str, entity: Entity, width: int = CONTEXT) -> tuple[str, str]:
    """The text just before and just after a mention, each on one line."""
    before = body[max(entity.start - width, 0) : entity.start]
    after = body[entity.end : entity.end + width]
    return " ".join(before.split()), " ".join(after.split())


def excerpt(body: str, entity: Entity) -> str:
    """The mention with a little text on each side, on one line."""
    before, after = context(body, entity)
    return f"…{before} 【{entity.text}】 {after}…"


class GroupsModel(RowsModel):
    """One row per alias group: name, type, number of mentions."""

    HEADERS = ("Entity", "Type", "#")

    def set_groups(self, groups: Sequence[EntityGroup]) -> None:
        """Replace every row."""
        self.set_rows(groups)

    def group(self, row: int) -> EntityGroup:
        """The group shown in a row."""
        return self.row(row)

    def row_of(self, key: str) -> int | None:
        """The row of a group key, if listed."""
        return next((i for i, g in enumerate(self._rows) if g.key == key), None)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                group.key,
                ENTITY_TYPE_NAMES.get(group.label, group.label),
                len(group.mentions),
            )[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return swatch(group.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Named as: " + ", ".join(group.names)
        return None


class MentionsModel(RowsModel):
    """The mentions of one group in reading order, as a concordance: before, mention, after."""

    HEADERS = ("Before", "Mention", "After")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._body = ""

    def set_mentions(self, body: str, mentions: Sequence[Entity]) -> None:
        """Replace every row."""
        self._body = body
        self.set_rows(sorted(mentions))

    def mention(self, row: int) -> Entity:
        """The entity shown in a row."""
        return self.row(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        mention = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            before, after = context(self._body, mention)
            return (before[-16:], mention.text, after)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == 1:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return excerpt(self._body, mention)
        return None
