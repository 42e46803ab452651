"""Plain-text articles: the body is the decoded file, exactly, apart from a BOM and CRs."""

from __future__ import annotations

from gui.core.articles import ImportedText, Metadata
from gui.core.importing.decoding import ImportFailure, decode_text


def parse(data: bytes, source: str) -> ImportedText:
    """Decode a .txt file; its metadata is guessed later from the header lines."""
    body = decode_text(data, source)
    if not body.strip():
        raise ImportFailure(source, "no text found")
    return ImportedText(body=body, metadata=Metadata(), source=source, format="txt")
