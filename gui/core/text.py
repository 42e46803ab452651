"""Spans over an article body, and conversion between Python and UTF-16 offsets.

Offsets everywhere in Sourcelight are Python string indices (code points) into the body.
Qt counts UTF-16 code units, so every character outside the Basic Multilingual Plane
(emoji, some scripts) shifts Qt's positions one further than Python's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [start, end) of code-point offsets into a body."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


class Utf16Index:
    """Converts offsets between Python code points and UTF-16 code units for one text."""

    def __init__(self, text: str) -> None:
        # Python offsets of the characters that take two UTF-16 units; empty for most texts.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_utf16 = [pos + i for i, pos in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of the Python offset."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int) -> int:
        """Python offset of the UTF-16 position (a position inside a pair maps to its char)."""
        if not self._astral:
            return position
        # Astral characters that end at or before the position each add one unit.
        before = bisect_right(self._astral_utf16, position - 2)
        offset = position - before
        if before < len(self._astral_utf16) and self._astral_utf16[before] == position - 1:
            offset -= 1  # inside a surrogate pair: the character itself
        return offset


EXCERPT_CHARS = 30  # the longest quote shown in an undo description


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """text on one line, cut to limit characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


# Punctuation that joins a word to the next and never belongs to a span's meaning.
_JOINERS = ",;:"


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) without the spaces and joining commas a selection picked up at its ends.

    Keyboard selection by words (Ctrl+Shift+Right) takes the space after each word, so
    "reportedly " would be stored; a selection of nothing but spaces becomes empty.
    """
    while start < end and (text[start].isspace() or text[start] in _JOINERS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _JOINERS):
        end -= 1
    return (start, end) if end > start else (start, start)
