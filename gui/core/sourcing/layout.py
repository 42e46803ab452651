"""Where a quote sits: its paragraph, its sentence around the marks, and what runs into it.

All look-ups bisect sorted offsets, so that a 1 MB text with thousands of quotes stays fast.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gui.core.sourcing.doc_text import doc_text
from gui.core.sourcing.model import SpanText
from gui.core.sourcing.quotes import MARKS, is_closed
from gui.core.sourcing.sources import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gui.core.entities.pipeline import Entity

Zone = tuple[int, int]
_ABBREVIATIONS = words(
    "mr mrs ms dr gen gov sen rep lt col maj capt sgt st jr sr prof rev no inc corp co ltd "
    "vs jan feb aug sept oct nov dec"
)
_TERMINAL = re.compile(r"[.!?](?=[\"'\u201d\u2019]?\s+[\"\u201c'\u2018A-Z0-9]|[\"\u201d]?\s*$)")
_NO_ZONE: Zone = (0, 0)


class Layout:
    """Paragraphs and quotes of one body, with the geometry attribution needs."""

    def __init__(self, body: str, docs: Sequence[tuple[int, Doc]], quotes: list[SpanText]) -> None:
        self.body = body
        self.offsets = [offset for offset, _doc in docs]
        self.ends = [offset + len(doc_text(doc)) for offset, doc in docs]
        self.quotes = quotes
        self._starts = [q.start for q in quotes]

    def paragraph(self, pos: int) -> int:
        """Index of the paragraph containing `pos` (the one before it, between paragraphs)."""
        return max(0, bisect_right(self.offsets, pos) - 1)

    def paragraph_span(self, pos: int) -> Zone:
        """Start and end of the paragraph containing `pos`."""
        if not self.offsets:
            return 0, len(self.body)
        index = self.paragraph(pos)
        return self.offsets[index], self.ends[index]

    def quote_at(self, pos: int) -> SpanText | None:
        """The quote whose content contains `pos`, if any."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.quotes[i].end:
            return self.quotes[i]
        return None

    def quotes_in(self, start: int, end: int) -> list[SpanText]:
        """The quotes that overlap [start, end)."""
        first = max(0, bisect_right(self._starts, start) - 1)
        return [q for q in self.quotes[first : bisect_left(self._starts, end)] if q.end > start]

    def zones(self, index: int) -> tuple[Zone, Zone]:
        """The parts of quote `index`'s sentence before its opening and after its closing mark."""
        quote = self.quotes[index]
        return self._before(index, quote), self._after(index, quote)

    def _before(self, index: int, quote: SpanText) -> Zone:
        """From the sentence start (or the last quote's closing mark) to the opening mark."""
        mark = mark_before(self.body, quote.start)
        start = self.paragraph_span(quote.start)[0]
        if index:
            start = max(start, mark_after(self.body, self.quotes[index - 1].end) + 1)
        ends = [
            m.end() for m in _TERMINAL.finditer(self.body, start, mark) if self.ends_at(m.start())
        ]
        return (ends[-1] if ends else start), mark

    def _after(self, index: int, quote: SpanText) -> Zone:
        """From the closing mark to the sentence end or the next quote; empty after a full stop."""
        if quote.text[-1:] == ".":
            return _NO_ZONE
        if is_closed(self.body, quote):
            close = mark_after(self.body, quote.end) + 1
        elif self.body[quote.end : quote.end + 1] == ",":
            close = quote.end  # an unclosed quote cut before its '..., said X'
        else:
            return _NO_ZONE
        stop = self.paragraph_span(quote.end)[1]
        if index + 1 < len(self.quotes):
            stop = min(stop, self.quotes[index + 1].start - 1)
        ends = [
            m.start() for m in _TERMINAL.finditer(self.body, close, stop) if self.ends_at(m.start())
        ]
        return close, (ends[0] + 1 if ends else stop)

    def ends_at(self, pos: int) -> bool:
        """True when the full stop at `pos` ends a sentence (not 'U.S.' or 'Gen.')."""
        word = re.search(r"[\w.]*$", self.body[max(0, pos - 12) : pos])
        text = word.group(0) if word else ""
        if "." in text or (len(text) == 1 and text.isupper()):
            return False
        return text.lower() not in _ABBREVIATIONS

    def same_sentence(self, first: SpanText, second: SpanText) -> bool:
        """True when nothing ends a sentence between two spans of one paragraph."""
        between = self.body[first.end : second.start]
        if "\n" in between or first.text[-1:] in ".?!":
            return False
        stops = _TERMINAL.finditer(self.body, first.end, second.start)
        return not any(self.ends_at(m.start()) for m in stops)

    def attribution_follows(self, quote: SpanText) -> bool:
        """True for '"...," X said' and '"...?" X asked': look after the quote first."""
        return self.body[quote.end : quote.end + 1] == "," or quote.text[-1:] in "?!"

    def embedded_left(self, quote: SpanText, cue_end: int | None) -> bool:
        """True when a word of the reporter's (not the cue ending at `cue_end`) runs into it."""
        mark = mark_before(self.body, quote.start)
        line = self.body.rfind("\n", 0, mark) + 1
        before = self.body[line:mark].rstrip()
        if not before or not before[-1].isalnum():
            return False
        return cue_end is None or cue_end != line + len(before)

    def embedded_right(self, quote: SpanText) -> bool:
        """True when the sentence goes on after the closing mark ('the "will" to fight')."""
        if not is_closed(self.body, quote) or self.body[quote.end : quote.end + 1] == ",":
            return False
        if quote.text[-1:] in ".?!":
            return False
        rest = self.body[mark_after(self.body, quote.end) + 1 :].lstrip(" ")
        return bool(rest) and rest[0].isalnum()


def mark_before(body: str, pos: int) -> int:
    """Position of the opening mark of content starting at `pos` (or `pos` if none)."""
    i = pos - 1
    while i >= 0 and body[i] in " \t":
        i -= 1
    return i if i >= 0 and body[i] in MARKS else pos


def mark_after(body: str, pos: int) -> int:
    """Position of the closing mark after content ending at `pos`."""
    i = pos
    while i < len(body) and body[i] in " \t,":
        i += 1
    return i


def in_range(starts: Sequence[int], start: int, end: int) -> range:
    """Indexes of the sorted `starts` that lie in [start, end)."""
    return range(bisect_left(starts, start), bisect_left(starts, end))


def header_paragraphs(docs: Sequence[tuple[int, Doc]]) -> frozenset[int]:
    """Indexes of title, credit and dateline lines: short lines with no sentence ending."""
    headers = set()
    for index, (_offset, doc) in enumerate(docs):
        text = doc_text(doc).rstrip(" \"'\u201d\u2019)")
        if text and text[-1] not in ".!?:;" and len(text.split()) <= 20:
            headers.add(index)
    return frozenset(headers)


def outside_headers(
    entities: Sequence[Entity], docs: Sequence[tuple[int, Doc]], headers: frozenset[int]
) -> list[Entity]:
    """The entities that are not in title, credit or dateline lines."""
    starts = sorted(docs[i][0] for i in headers)
    ends = {docs[i][0]: docs[i][0] + len(docs[i][1].text) for i in headers}

    def in_header(pos: int) -> bool:
        """True when `pos` lies in a header line."""
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[starts[i]]

    return [e for e in entities if not in_header(e.start)]


def subject_offsets(docs: Sequence[tuple[int, Doc]]) -> list[int]:
    """Sorted offsets of the tokens that are subjects of a verb (for pronoun antecedents)."""
    deps = ("nsubj", "nsubjpass")
    return sorted(offset + t.idx for offset, doc in docs for t in doc if t.dep_ in deps)
