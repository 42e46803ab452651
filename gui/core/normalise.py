"""Text prepared for the NLP model, with a map back to the offsets of the original body.

The small English model was trained on plain ASCII spacing and straight quotes: a no-break
space inside "Qassem Soleimani" makes it stop at "Qassem". Spaces and quotes are therefore
replaced one for one (offsets unchanged); soft hyphens and zero-width characters, which would
split a word in two, are deleted and remembered, so that every offset maps back exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gui.core.text import Span

_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACES += "\u202f\u205f\u3000"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_HYPHENS = "\u2010\u2011"
_LINE_BREAKS = "\u2028\u2029\u0085"

_TABLE: dict[int, str] = {ord(c): " " for c in _SPACES}
_TABLE |= {ord(c): "'" for c in _SINGLE_QUOTES}
_TABLE |= {ord(c): '"' for c in _DOUBLE_QUOTES}
_TABLE |= {ord(c): "-" for c in _HYPHENS}
_TABLE |= {ord(c): "\n" for c in _LINE_BREAKS}

# Invisible characters that sit inside words: soft hyphen, zero-width space/joiners,
# word joiner, byte-order mark.
_DROPPED = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# A paragraph: a line, whichever of the breaks normalise() maps to "\n" ends it, so that the
# body and the text the model reads are cut alike.
_BLOCK = re.compile("[^\n\r\u2028\u2029\x85]+")
# A sentence ends at one of these marks, then closing quotes or brackets (curly ones too: the
# body keeps them, the model's text has them straightened), then white space.
_SENTENCE_END = re.compile("[.!?;:][\"'\u2019\u201d\u00bb)\\]]*\\s+")
_DOUBLE_MARKS = re.compile(f'[{re.escape(_DOUBLE_QUOTES)}"]')
_SPACE = re.compile(r"\s")

# Characters the model is given at once; a longer paragraph is cut at sentence ends. The
# sourcing rules slow down with the square of a paragraph's length (a 100,000-character one
# took 700 s here, the same text in paragraphs 0.2 s), so long ones must not reach them whole.
MAX_CHUNK = 2_000


@dataclass(frozen=True)
class NormalisedText:
    """The text the model reads, and where each of its characters came from."""

    text: str
    # Normalised positions from which on `shift` more characters had been deleted before them.
    positions: tuple[int, ...] = ()
    shifts: tuple[int, ...] = ()

    def to_original(self, offset: int) -> int:
        """Original offset of the character at `offset` in the normalised text."""
        i = bisect_right(self.positions, offset)
        return offset + (self.shifts[i - 1] if i else 0)

    def original_span(self, start: int, end: int) -> Span:
        """Original span of the normalised, non-empty span [start, end)."""
        if end <= start:
            first = self.to_original(start)
            return Span(first, first)
        return Span(self.to_original(start), self.to_original(end - 1) + 1)


def normalise(text: str) -> NormalisedText:
    """Map spaces, quotes and hyphens to ASCII one for one; delete invisible in-word marks."""
    mapped = text.translate(_TABLE)
    if not _DROPPED.search(mapped):
        return NormalisedText(mapped)
    positions: list[int] = []
    shifts: list[int] = []
    for deleted, match in enumerate(_DROPPED.finditer(mapped)):
        positions.append(match.start() - deleted)
        shifts.append(deleted + 1)
    return NormalisedText(_DROPPED.sub("", mapped), tuple(positions), tuple(shifts))


BATCH_CHARS = 20_000  # characters fed to the model between two progress reports


def paragraphs(text: str, limit: int | None = None) -> list[Span]:
    """Spans of the non-blank lines of `text`, stripped; lines over `limit` are split.

    limit None: MAX_CHUNK. A line is cut at the last sentence end that leaves no quotation
    open, so that a quote is not split in two; failing that at a sentence end, a space, or
    the limit itself. The body and the model's text (normalise()) are cut in the same places.
    """
    limit = MAX_CHUNK if limit is None else limit
    spans: list[Span] = []
    for match in _BLOCK.finditer(text):
        start, end = _strip(text, match.start(), match.end())
        if start < end:
            spans.extend(_split_long(text, start, end, limit))
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) past whitespace at both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_long(text: str, start: int, end: int, limit: int) -> list[Span]:
    """Cut [start, end) into pieces of at most `limit`, at sentence ends where possible."""
    pieces: list[Span] = []
    while end - start > limit:
        cut = _cut_point(text, start, start + limit)
        piece_start, piece_end = _strip(text, start, cut)
        if piece_start < piece_end:
            pieces.append(Span(piece_start, piece_end))
        start, end = _strip(text, cut, end)
    if start < end:
        pieces.append(Span(start, end))
    return pieces


def _cut_point(text: str, start: int, stop: int) -> int:
    """Where to cut text[start:stop]: the last sentence end outside a quotation, else ahead.

    Else the last sentence end, else the last space, else `stop`.
    """
    floor = start + (stop - start) // 2  # never cut so early that pieces get tiny
    ends = [match.end() for match in _SENTENCE_END.finditer(text, floor, stop)]
    if ends:
        marks = [match.start() for match in _DOUBLE_MARKS.finditer(text, start, stop)]
        outside = [end for end in ends if bisect_left(marks, end) % 2 == 0]
        return (outside or ends)[-1]
    space = deque(_SPACE.finditer(text, floor, stop), maxlen=1)
    return space[0].end() if space else stop


def batches(spans: Sequence[Span], chars: int = BATCH_CHARS) -> Iterator[list[Span]]:
    """Consecutive paragraphs, about `chars` characters at a time (between progress reports)."""
    batch: list[Span] = []
    size = 0
    for span in spans:
        batch.append(span)
        size += len(span)
        if size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
