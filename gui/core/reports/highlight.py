"""The article text as HTML with entity marks and annotation boxes at exact code-point offsets.

Spans may nest or overlap, and HTML elements may only nest, so the text is cut into segments
at every start and end of a span; each segment opens and closes, innermost last, an element
for every span that covers it. Annotations go outside entities (boxes around tints); among
spans of one kind the one that starts first (then the longer) goes outside. A span's first and
last segments carry the classes a-first and a-last (for the box's sides), and its reference
number follows its last character.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from gui.core.reports.markup import esc

ANNOTATION, ENTITY = 0, 1  # nesting rank: annotations outside entities


@dataclass(frozen=True)
class Highlight:
    """A span [start, end) to mark: its element, classes, tooltip, and reference number."""

    start: int
    end: int
    rank: int  # ANNOTATION or ENTITY
    tag: str  # "span" for annotations, "mark" for entities
    classes: str
    title: str = ""
    ref: str = ""  # shown as <sup class="ref ..."> after the span's last character
    ref_class: str = ""  # extra class of that reference (its label colour)
    data: str = ""  # data-ann value: which annotation this is


Segment = tuple[int, int, tuple[Highlight, ...]]


def valid(highlights: Sequence[Highlight], length: int) -> list[Highlight]:
    """The highlights that lie inside a text of this length and cover at least one character."""
    return [h for h in highlights if 0 <= h.start < h.end <= length]


def segments(length: int, highlights: Sequence[Highlight]) -> Iterator[Segment]:
    """(start, end, covering highlights outermost first) for consecutive pieces of the text."""
    spans = valid(highlights, length)
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for index, h in enumerate(spans):
        starting[h.start].append(index)
        ending[h.end].append(index)
    active: set[int] = set()
    for start, end in pairwise(sorted({0, length, *starting, *ending})):
        active.difference_update(ending.get(start, ()))
        active.update(starting.get(start, ()))
        order = sorted(active, key=lambda i: (spans[i].rank, spans[i].start, -spans[i].end, i))
        yield start, end, tuple(spans[i] for i in order)


def highlighted_html(text: str, highlights: Sequence[Highlight]) -> str:
    """text, HTML-escaped, with every highlight's elements (valid nesting, no text changed)."""
    return "".join(_segment(text, *segment) for segment in segments(len(text), highlights))


def _segment(text: str, start: int, end: int, covering: tuple[Highlight, ...]) -> str:
    """One segment: its opening tags, its text, and its closing tags (with references)."""
    opened = "".join(_open(h, start, end) for h in covering)
    closed, refs = [], 0
    for h in reversed(covering):
        closed.append(_close(h, end, "," if refs else ""))
        refs += bool(h.ref and h.end == end)
    return f"{opened}{esc(text[start:end])}{''.join(closed)}"


def _open(h: Highlight, start: int, end: int) -> str:
    """The opening tag of h in the segment [start, end)."""
    sides = (" a-first" if h.start == start else "") + (" a-last" if h.end == end else "")
    classes = h.classes + (sides if h.rank == ANNOTATION else "")
    title = f' title="{esc(h.title)}"' if h.title else ""
    data = f' data-ann="{esc(h.data)}"' if h.data else ""
    return f'<{h.tag} class="{classes}"{title}{data}>'


def _close(h: Highlight, end: int, separator: str) -> str:
    """The closing tag of h, preceded by its reference when its last character is here.

    separator goes before the reference when another one was just written ("6,4", not "64").
    """
    if h.ref and h.end == end:
        return f'<sup class="ref {h.ref_class}">{separator}{esc(h.ref)}</sup></{h.tag}>'
    return f"</{h.tag}>"
