"""A sorted index of highlight spans, to find those that touch one block quickly."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import ge, itemgetter, le, sub

SpanRow = tuple[int, int, str]  # start, end, style: the shape rows come in from the library


@dataclass(frozen=True, order=True)
class Highlight:
    """A span to draw: [start, end) in code points, with a style key and a payload index."""

    start: int
    end: int
    style: str  # e.g. an entity type such as "PERSON"
    item: int = -1  # index of the domain object (entity, annotation) it stands for


class SpanIndex:
    """Spans sorted by start, answering "which overlap [start, end)?" in O(log n + k).

    Spans stay plain tuples and Highlight objects are made only for the few a query returns,
    so indexing the 100k entities of a long article costs milliseconds, not a second.
    """

    def __init__(self, highlights: Iterable[Highlight] = ()) -> None:
        items = list(highlights)
        self._set([(h.start, h.end, h.style) for h in items], [h.item for h in items])

    @classmethod
    def of(cls, spans: Sequence[SpanRow]) -> SpanIndex:
        """An index of (start, end, style) rows; a highlight's item is its row's position."""
        index = cls.__new__(cls)
        index._set(spans, None)
        return index

    def _set(self, rows: Sequence[SpanRow], items: list[int] | None) -> None:
        # Checked with map() over itemgetters: loops in C, a few ms for 100k spans.
        starts = list(map(itemgetter(0), rows))
        if any(map(ge, starts, map(itemgetter(1), rows))):  # empty spans draw nothing: drop
            keep = [i for i, row in enumerate(rows) if row[1] > row[0]]
            items = [items[i] if items else i for i in keep]
            rows = [rows[i] for i in keep]
            starts = [row[0] for row in rows]
        if not all(map(le, starts, islice(starts, 1, None))):  # from the library: sorted
            order = sorted(range(len(rows)), key=lambda i: (rows[i][0], rows[i][1]))
            items = [items[i] if items else i for i in order]
            rows = [rows[i] for i in order]
            starts = [row[0] for row in rows]
        self._rows = rows
        self._items = items
        self._starts = starts
        # The longest span bounds how far back an overlapping span can start.
        ends = map(itemgetter(1), rows)
        self._longest = max(map(sub, ends, starts), default=0)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Highlight]:
        return (self._highlight(i) for i in range(len(self._rows)))

    def _highlight(self, i: int) -> Highlight:
        start, end, style = self._rows[i][:3]
        return Highlight(start, end, style, self._items[i] if self._items is not None else i)

    def overlapping(self, start: int, end: int) -> list[Highlight]:
        """Highlights that share at least one character with [start, end)."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return sorted(self._highlight(i) for i in range(first, last) if self._rows[i][1] > start)

    def at(self, offset: int) -> list[Highlight]:
        """Highlights that contain the character at offset."""
        return self.overlapping(offset, offset + 1)

    def styles(self) -> list[str]:
        """Every style used, once each, in order of first appearance."""
        return list(dict.fromkeys(row[2] for row in self._rows))

    def first_from(self, offset: int) -> Highlight | None:
        """The first highlight starting at or after offset."""
        i = bisect_left(self._starts, offset)
        return self._highlight(i) if i < len(self._rows) else None


def assign_lanes(spans: Sequence[tuple[int, int]]) -> list[int]:
    """A lane per span such that spans sharing a character never share a lane (greedy, by start).

    Overlapping annotations are drawn side by side in their lanes, so each stays visible.
    """
    order = sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1]))
    lane_ends: list[int] = []  # the end of the span last placed in each lane
    lanes = [0] * len(spans)
    for i in order:
        start, end = spans[i]
        lane = next((k for k, busy_until in enumerate(lane_ends) if busy_until <= start), None)
        if lane is None:
            lane = len(lane_ends)
            lane_ends.append(end)
        lane_ends[lane] = end
        lanes[i] = lane
    return lanes
