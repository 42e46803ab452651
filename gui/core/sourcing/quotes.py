"""Quotation marks paired by the app itself: curly and straight, wire reopen convention.

Only double marks open a quote: single marks and apostrophes (don't, customers') are left
alone, so a ‘nested’ quote inside a double one is part of it, never a quote of its own.
A quote that runs past the end of its paragraph continues when the next paragraph opens with
a mark (the wire habit for long quotes); otherwise it ends with its paragraph. An unpaired
closing mark is ignored. Nothing here can fail on odd marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.normalise import paragraphs
from gui.core.sourcing.model import SpanText

OPENERS = "\u201c\u201e\u201f\u00ab"  # “ „ ‟ «
CLOSERS = "\u201d\u00bb"  # ” »
STRAIGHT = '"\u2033'  # " and the double prime some editors type for it
MARKS = OPENERS + CLOSERS + STRAIGHT
_BEFORE_OPEN = "([{\u2014\u2013-/:"  # characters after which a mark opens
_AFTER_CLOSE = ".,;:!?)]}\u2014\u2013-\u2026"  # characters before which a mark closes


@dataclass(frozen=True)
class Mark:
    """A double quotation mark at `pos`; role is "open", "close" or "either"."""

    pos: int
    role: str


def mark_role(text: str, pos: int) -> str:
    """Whether the mark at `pos` opens, closes, or could do either (from its neighbours)."""
    left = text[pos - 1] if pos > 0 else " "
    right = text[pos + 1] if pos + 1 < len(text) else " "
    opens = (left.isspace() or left in _BEFORE_OPEN or left in MARKS) and not right.isspace()
    closes = (right.isspace() or right in _AFTER_CLOSE or right in MARKS) and not left.isspace()
    char = text[pos]
    if char in OPENERS:
        return "close" if closes and not opens else "open"
    if char in CLOSERS:
        return "open" if opens and not closes else "close"
    if opens != closes:
        return "open" if opens else "close"
    return "either"


def find_marks(text: str, start: int, end: int) -> list[Mark]:
    """The double quotation marks of text[start:end] with their roles."""
    return [Mark(i, mark_role(text, i)) for i in range(start, end) if text[i] in MARKS]


def pair_quotes(text: str) -> list[SpanText]:
    """Content spans of the quotes of `text` (marks excluded), in text order."""
    quotes: list[SpanText] = []
    spans = paragraphs(text)
    carried: int | None = None  # start of a quote continuing from the previous paragraph
    for index, para in enumerate(spans):
        marks = find_marks(text, para.start, para.end)
        if carried is not None and marks and marks[0].pos == para.start:
            marks = marks[1:]  # the reopening mark of a continued quote
        elif carried is not None:
            carried = None
        found, open_at = _pair_paragraph(text, marks, carried, para.end)
        quotes.extend(found)
        carried = None
        if open_at is not None:
            following = spans[index + 1] if index + 1 < len(spans) else None
            if following is not None and _reopens(text, following.start):
                carried = open_at
            else:
                quotes.extend(_content(text, open_at, para.end))
    return quotes


def _pair_paragraph(
    text: str, marks: list[Mark], open_at: int | None, end: int
) -> tuple[list[SpanText], int | None]:
    """Quotes closed inside one paragraph, and the start of one left open at its end."""
    found: list[SpanText] = []
    for mark in marks:
        role = mark.role
        if role == "either":
            role = "close" if open_at is not None else "open"
        if role == "close":
            if open_at is not None:
                found.extend(_content(text, open_at, mark.pos))
                open_at = None
        elif open_at is None:
            open_at = mark.pos + 1
        else:  # a second opening mark: the first quote was never closed
            found.extend(_content(text, open_at, mark.pos))
            open_at = mark.pos + 1
    return found, open_at


def _reopens(text: str, start: int) -> bool:
    """True when the paragraph starting at `start` opens with a quotation mark."""
    return text[start] in MARKS and mark_role(text, start) != "close"


def _content(text: str, start: int, end: int) -> list[SpanText]:
    """The quote content text[start:end] without outer spaces and a trailing comma."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start:
        return []
    return [SpanText(start, end, text[start:end])]


def is_closed(text: str, quote: SpanText) -> bool:
    """True when a closing mark follows the quote (it did not just run to its paragraph end)."""
    pos = quote.end
    while pos < len(text) and text[pos] in " ,\t":
        pos += 1
    return pos < len(text) and text[pos] in MARKS
