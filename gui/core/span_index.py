"""A sorted index of highlight spans, to find those that touch one block quickly."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Highlight:
    """A span to draw: [start, end) in code points, with a style key and a payload index."""

    start: int
    end: int
    style: str  # e.g. an entity type such as "PERSON"
    item: int = -1  # index of the domain object (entity, annotation) it stands for


class SpanIndex:
    """Highlights sorted by start, answering "which overlap [start, end)?" in O(log n + k)."""

    def __init__(self, highlights: Iterable[Highlight] = ()) -> None:
        self._items: list[Highlight] = sorted(h for h in highlights if h.end > h.start)
        self._starts = [h.start for h in self._items]
        # The longest span bounds how far back an overlapping span can start.
        self._longest = max((h.end - h.start for h in self._items), default=0)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return iter(self._items)

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Highlights that share at least one character with [start, end)."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return [h for h in self._items[first:last] if h.end > start]

    def at(self, offset: int) -> list[Highlight]:
        """Highlights that contain the character at offset."""
        return self.overlapping(offset, offset + 1)

    def styles(self) -> Sequence[str]:
        """Every style used, once each, in order of first appearance."""
        return list(dict.fromkeys(h.style for h in self._items))

    def first_from(self, offset: int) -> Highlight | None:
        """The first highlight starting at or after offset."""
        i = bisect_right(self._starts, offset - 1)
        return self._items[i] if i < len(self._items) else None
