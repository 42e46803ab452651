"""PDF articles: the text layer of every page, and the document information."""

from __future__ import annotations

import io

from pypdf import DocumentInformation, PageObject, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from gui.core.articles import ImportedText, Metadata
from gui.core.importing.decoding import ImportFailure, check_text_length
from gui.core.text import normalise_body

NOT_PDF = "not a valid PDF file (damaged or incomplete)"
NO_TEXT = "the PDF has no text layer (scanned?)"
LOCKED = "the PDF is password-protected"


def parse(data: bytes, source: str) -> ImportedText:
    """Read the text of every page, pages apart by blank lines."""
    reader = _open(data, source)
    _unlock(reader, source)
    try:
        pages = _pages_text(reader, source)
        metadata = _metadata(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ImportFailure(source, NOT_PDF) from exc
    body = "\n\n".join(pages)
    if not body:
        raise ImportFailure(source, NO_TEXT)
    return ImportedText(body=body, metadata=metadata, source=source, format="pdf")


def _open(data: bytes, source: str) -> PdfReader:
    """The reader, or ImportFailure when the bytes are not a PDF."""
    if b"%PDF-" not in data[:1024]:
        raise ImportFailure(source, NOT_PDF)
    try:
        return PdfReader(io.BytesIO(data))
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ImportFailure(source, NOT_PDF) from exc


def _unlock(reader: PdfReader, source: str) -> None:
    """Open an encrypted PDF with the empty password (permissions only), or refuse it."""
    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("")
    except DependencyError as exc:
        reason = f"{LOCKED} with AES, which needs the 'cryptography' package"
        raise ImportFailure(source, reason) from exc
    if not unlocked:
        raise ImportFailure(source, f"{LOCKED} (no password given)")


def _pages_text(reader: PdfReader, source: str) -> list[str]:
    """The text of each page that has some; stops with TextTooLong once they pass the limit."""
    pages: list[str] = []
    length = 0
    for page in reader.pages:
        text = _page_text(page)
        if text:
            pages.append(text)
            length += len(text) + 2
            check_text_length(source, length)
    return pages


def _page_text(page: PageObject) -> str:
    """A page's text with \\n line endings and no trailing spaces."""
    text = normalise_body(page.extract_text() or "")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _metadata(reader: PdfReader) -> Metadata:
    """Title, author and creation date from the document information dictionary."""
    info = reader.metadata
    if info is None:
        return Metadata()
    return Metadata(
        title=str(info.title or "").strip(),
        byline=str(info.author or "").strip(),
        published=(published := _created(info)),
        published_raw=str(info.get("/CreationDate") or "").strip() if published else "",
    )


def _created(info: DocumentInformation) -> str:
    """The creation date as ISO, or "" when absent or unreadable."""
    try:
        created = info.creation_date
    except (ValueError, TypeError, PyPdfError):
        return ""
    return created.date().isoformat() if created else ""
