"""HTML pages: the article extracted with trafilatura from the file alone (nothing fetched)."""

from __future__ import annotations

import codecs
import re

import trafilatura
from trafilatura.settings import Document

from gui.core.articles import ImportedText, Metadata
from gui.core.importing.decoding import ImportFailure, decode_text
from gui.core.importing.metadata import read_published

NO_ARTICLE = "no article text found in the page"
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*(?P<name>[\w.:-]+)", re.I)
_SNIFF_BYTES = 4096
# What browsers do (WHATWG Encoding): these labels mean Windows-1252, a UTF-16 label UTF-8.
_AS_WINDOWS_1252 = frozenset({"ascii", "latin-1", "iso8859-1", "cp1252"})


def parse(data: bytes, source: str) -> ImportedText:
    """Extract the article and its metadata from a saved web page."""
    text = decode_text(data, source, declared=declared_charset(data))
    document = _extract(text)
    body = _paragraphs(document.text or "") if document is not None else ""
    if not body:
        raise ImportFailure(source, NO_ARTICLE)
    return ImportedText(body=body, metadata=_metadata(document), source=source, format="html")


def declared_charset(data: bytes) -> str | None:
    """The Python codec named by a <meta charset> near the top of the page, if any."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    try:
        name = codecs.lookup(match["name"].decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name in _AS_WINDOWS_1252:
        return "cp1252"
    return "utf-8" if name.startswith("utf-16") else name


def _extract(text: str) -> Document | None:
    """Run trafilatura on the page text; no URL is given, so nothing can be fetched."""
    document = trafilatura.bare_extraction(
        text,
        url=None,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
    )
    return document if isinstance(document, Document) else None


def _paragraphs(text: str) -> str:
    """One paragraph per extracted line, apart by blank lines; list items stay together."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    parts: list[str] = []
    for index, line in enumerate(lines):
        if index:
            both_items = line.startswith("- ") and lines[index - 1].startswith("- ")
            parts.append("\n" if both_items else "\n\n")
        parts.append(line)
    return "".join(parts)


def _metadata(document: Document) -> Metadata:
    """Title, author, site name, date and canonical URL as trafilatura read them."""
    when = read_published(document.date or "")
    return Metadata(
        title=(document.title or "").strip(),
        byline=(document.author or "").strip(),
        outlet=(document.sitename or "").strip(),
        published=when.published,
        url=(document.url or "").strip(),
        published_raw=when.published_raw,
    )
