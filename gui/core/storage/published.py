"""An article's date as the library keeps it: articles.published holds an ISO 8601 date or ''
only (so dates sort and compare), articles.published_raw the text as the source wrote it.

Metadata carries the date as shown (the ISO date, else the text) and the raw text when it
differs; every write of an articles row goes through published_columns.
"""

from __future__ import annotations

from gui.core.articles import Metadata
from gui.core.importing.metadata import published_iso


def published_columns(metadata: Metadata) -> tuple[str, str]:
    """(published, published_raw) as stored: an ISO 8601 date or '', and the text as found."""
    raw = metadata.published_raw or metadata.published
    return published_iso(metadata.published) or published_iso(raw), raw


def published_metadata(published: str, raw: str) -> dict[str, str]:
    """The Metadata fields of the stored columns: the ISO date, else the text as found."""
    shown = published or raw
    return {"published": shown, "published_raw": raw if raw != shown else ""}
