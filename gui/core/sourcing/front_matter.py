"""The lines at the top of a body that repeat its metadata: title, byline, credits, dateline.

Importers keep the body as it came, so the title and the credit lines are often its first
lines. They are metadata, not text: entity detection and the sourcing finders read the body
with them blanked out (spaces, so that every offset stays where it was).
"""

from __future__ import annotations

import re

from gui.core.articles import Metadata
from gui.core.text import Span

MAX_LINES = 12  # header lines read at most before the first paragraph
MAX_WORDS = 20  # a header line is short
_SENTENCE_END = tuple(".!?;\"'\u201d\u2019")
_LINE = re.compile(r"[^\n]*")
_BY = re.compile(r"^by\s+", re.IGNORECASE)


def front_matter(body: str, metadata: Metadata | None = None) -> list[Span]:
    """Spans of the lines before the first paragraph that are title, byline, credit or dateline."""
    known = _known(metadata or Metadata())
    spans: list[Span] = []
    for match in _LINE.finditer(body):
        line = match.group().strip()
        if not line:
            continue
        if len(spans) >= MAX_LINES or not (_key(line) in known or _header_like(line)):
            break
        start = match.start() + match.group().index(line)
        spans.append(Span(start, start + len(line)))
    return spans


def blank_front_matter(body: str, metadata: Metadata | None = None) -> str:
    """The body with its front matter turned into spaces (line breaks and offsets kept)."""
    spans = front_matter(body, metadata)
    if not spans:
        return body
    parts, last = [], 0
    for span in spans:
        parts += [body[last : span.start], " " * (span.end - span.start)]
        last = span.end
    return "".join(parts) + body[last:]


def _known(metadata: Metadata) -> set[str]:
    """The metadata's texts as compared with lines."""
    fields = (metadata.title, metadata.byline, metadata.outlet, metadata.dateline)
    return {_key(text) for text in (*fields, *metadata.credits) if text.strip()}


def _key(text: str) -> str:
    """A line compared without case, spacing, and a leading 'By'."""
    return _BY.sub("", " ".join(text.split())).casefold()


def _header_like(line: str) -> bool:
    """A short line that ends no sentence: a headline, a credit, a place, a name."""
    return len(line.split()) <= MAX_WORDS and not line.endswith(_SENTENCE_END)
