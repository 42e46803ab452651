"""The one text model: bodies as stored, spans over them, and Python against UTF-16 offsets.

Offsets everywhere in Sourcelight are Python string indices (code points) into the body.
Qt counts UTF-16 code units, so every character outside the Basic Multilingual Plane
(emoji, some scripts) shifts Qt's positions one further than Python's. Every way text comes
in goes through normalise_body() first, so that no other difference is left: Qt's text
document turns CR LF into one paragraph break (every later position drifts by one) and
shows lone CRs, U+2029 and its frame markers as paragraph breaks of its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

# The longest body Sourcelight keeps (about 5,000 pages of a book); no offset can pass it.
MAX_TEXT_CHARS = 10_000_000

_CRLF = re.compile("\r\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Line and paragraph separators that are one character each; CR LF is handled before them.
# CR, U+2029 and Qt's frame markers (U+FDD0, U+FDD1) start a new block in Qt's document; U+2028,
# NEL, VT and FF are separators to Python's str.splitlines() (and to a reader) but not to Qt.
_BREAKS = str.maketrans(dict.fromkeys("\r\u2028\u2029\x85\x0b\x0c\ufdd0\ufdd1", "\n"))
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # from JSON "\\udce9" or an escaped file name
_CR_LF = re.compile("\r\n")


def normalise_body(text: str) -> str:
    """text as every article body is stored: one "\\n" per line break, nothing Qt changes.

    A leading byte-order mark goes; CR LF becomes "\\n"; each other separator (see _BREAKS)
    becomes "\\n" one for one; a lone surrogate, which neither SQLite nor Qt can keep,
    becomes U+FFFD.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").translate(_BREAKS)
    return _LONE_SURROGATE.sub("\ufffd", text)


def normalised_offsets(text: str) -> Callable[[int], int]:
    """Maps an offset into text to the same place in normalise_body(text).

    Only a leading BOM and the LF of each CR LF are removed; an offset between CR and LF
    lands after the line break.
    """
    bom = 1 if text.startswith("\ufeff") else 0
    removed = [m.start() + 1 for m in _CR_LF.finditer(text)]  # where each dropped LF was

    def mapped(offset: int) -> int:
        return max(0, offset - bisect_left(removed, offset) - bom)

    return mapped


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


def _has_astral(text: str) -> bool:
    """True when some character of text lies outside the Basic Multilingual Plane."""
    if text.isascii():  # known without reading the text
        return False
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


class Utf16Index:
    """Converts offsets between Python code points and UTF-16 code units for one text."""

    def __init__(self, text: str) -> None:
        # Python offsets of the characters that take two UTF-16 units; empty for most texts,
        # which two checks in C tell at once (the search itself takes 30 ms on 5 MB).
        self._astral = [m.start() for m in _ASTRAL.finditer(text)] if _has_astral(text) else []
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


class DocumentIndex(Utf16Index):
    """Offsets between Python code points and the positions of a rich text document.

    Such a document (Qt's) counts UTF-16 units and takes CR LF as one paragraph separator.
    Importers normalise line endings now, but a library made before they did still holds
    bodies with CR LF; this keeps their highlights and selections on the right words.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._length = len(text)
        # The LF of each CR LF pair: the document has no position of its own for it.
        self._lf = [m.start() + 1 for m in _CRLF.finditer(text)] if "\r\n" in text else []

    def to_utf16(self, offset: int) -> int:
        """Document position of the Python offset."""
        return super().to_utf16(offset) - bisect_left(self._lf, offset)

    def from_utf16(self, position: int) -> int:
        """Python offset of a document position (inside a surrogate pair: its character)."""
        if not self._lf:
            return super().from_utf16(position)
        end = self.to_utf16(self._length)
        if position >= end:
            return self._length + position - end  # past the text: the block's separator
        low, high = 0, self._length
        while low < high:  # the last offset whose position is not past the one asked for
            middle = (low + high + 1) // 2
            if self.to_utf16(middle) <= position:
                low = middle
            else:
                high = middle - 1
        return low


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
