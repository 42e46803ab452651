"""Articles and their metadata, as imported and as kept in the library."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Metadata:
    """What is known about an article besides its text; every field may be empty."""

    title: str = ""
    outlet: str = ""
    byline: str = ""
    dateline: str = ""
    published: str = ""  # ISO 8601 date when it could be read, else the text as found
    url: str = ""
    credits: tuple[str, ...] = ()  # photo and wire credits, e.g. "AP Photo/Militant Website"
    # The date as the source wrote it, when published was read from it ("" when the same): the
    # library keeps both, articles.published (ISO 8601 or '') and articles.published_raw.
    published_raw: str = ""

    def as_dict(self) -> dict[str, object]:
        """Return the fields as a plain dict (credits as a list), for JSON and SQL."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["credits"] = list(self.credits)
        return values


@dataclass(frozen=True)
class ImportedText:
    """What an importer hands over: the body exactly as it will be stored, and its metadata."""

    body: str
    metadata: Metadata
    source: str  # the file path, or "clipboard"
    format: str  # "txt", "md", "html", "docx", "pdf" or "clipboard"

    @property
    def content_hash(self) -> str:
        """The hash that detects a re-import of the same content."""
        return content_hash(self.body)


@dataclass(frozen=True)
class Article:
    """An article as kept in the library."""

    id: int
    body: str
    metadata: Metadata
    source: str
    format: str
    content_hash: str
    imported_at: str


@dataclass(frozen=True)
class ArticleSummary:
    """One row of the library list: enough to show and sort, without the body."""

    id: int
    title: str
    outlet: str
    published: str
    entity_count: int | None  # None while the article has not been analysed
    imported_at: str


def content_hash(body: str) -> str:
    """SHA-256 of the body's UTF-8 bytes, in hex."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()
