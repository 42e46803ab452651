"""Helpers shared by the claims analyses: docs in body offsets, and who covers a span."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from gui.core.entities.pipeline import Entity
from gui.core.sourcing.model import Attribution
from gui.core.span_index import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

Docs = Sequence[tuple[int, "Doc"]]

# Labels of spaCy entities that are figures rather than dates or names.
FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
TIME_LABELS = frozenset({"DATE", "TIME"})
_WORD = re.compile(r"\w+(?:['\u2019-]\w+)*")


class Coverage:
    """The attributions of an article indexed by content span, for fast "who says this?"."""

    def __init__(self, attributions: Sequence[Attribution]) -> None:
        self.attributions = list(attributions)
        rows = [(a.content.start, a.content.end, "") for a in self.attributions]
        self._contents = SpanIndex.of(rows)
        parts = [(a, p) for a in self.attributions for p in (a.cue, a.source.span) if p]
        self._parts = SpanIndex.of([(p.start, p.end, "") for _, p in parts])

    def innermost(self, start: int, end: int) -> Attribution | None:
        """The attribution with the shortest content that contains [start, end), or None."""
        found = [
            self.attributions[h.item]
            for h in self._contents.overlapping(start, end)
            if h.start <= start and end <= h.end
        ]
        return min(found, key=lambda a: a.content.end - a.content.start, default=None)

    def contents(self, start: int, end: int) -> list[Attribution]:
        """Attributions whose content shares a character with [start, end)."""
        return [self.attributions[h.item] for h in self._contents.overlapping(start, end)]

    def touches_cue_or_source(self, start: int, end: int) -> bool:
        """True when a cue or source span shares a character with [start, end)."""
        return bool(self._parts.overlapping(start, end))


class EntitySpans:
    """Entities of one label sorted by start, for "which lie inside this paragraph?"."""

    def __init__(self, entities: Sequence[Entity], label: str) -> None:
        self.entities = sorted(e for e in entities if e.label == label)
        self._starts = [e.start for e in self.entities]
        self._longest = max((e.end - e.start for e in self.entities), default=0)
        self._groups: dict[str, str] = {}
        for entity in self.entities:
            self._groups.setdefault(name_key(entity.text), entity.group)
            self._groups.setdefault(name_key(entity.group), entity.group)

    def inside(self, start: int, end: int) -> list[Entity]:
        """The entities that lie within [start, end)."""
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end)
        return [e for e in self.entities[first:last] if e.end <= end]

    def overlapping(self, start: int, end: int) -> list[Entity]:
        """The entities that share a character with [start, end)."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return [e for e in self.entities[first:last] if e.end > start]

    def group_of_name(self, name: str) -> str:
        """The alias group of an entity written `name` or of that group ('' if none)."""
        return self._groups.get(name_key(name), "")


def name_key(name: str) -> str:
    """A name compared without case and with any spaces as one space."""
    return " ".join(name.split()).lower()


def covering(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The innermost attribution whose content contains [start, end), or None."""
    return Coverage(attributions).innermost(start, end)


def speaker(attribution: Attribution | None) -> str:
    """The named source of an attribution ('' for none: the author speaks)."""
    return attribution.source.name if attribution is not None else ""


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """True when [start, end) and [other_start, other_end) share a character."""
    return start < other_end and other_start < end


def sentences(docs: Docs) -> Iterator[tuple[int, SpacySpan]]:
    """Every sentence of every doc with its paragraph's body offset."""
    for offset, doc in docs:
        for sent in doc.sents:
            yield offset, sent


def token_span(offset: int, tokens: Sequence[Token]) -> tuple[int, int]:
    """Body offsets [start, end) of consecutive tokens."""
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def word_count(text: str) -> int:
    """Number of words in `text` (hyphenated words and contractions count once)."""
    return sum(1 for _ in _WORD.finditer(text))


def is_figure(token: Token) -> bool:
    """True for a number token that is not part of a date or time ("400", "three")."""
    if token.ent_type_ in TIME_LABELS or token.ent_type_ == "ORDINAL":
        return False
    return bool(token.like_num) or (token.ent_type_ in FIGURE_LABELS and token.pos_ == "NUM")
