"""Word (.docx) articles: paragraphs and tables in order, core properties as metadata."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from lxml.etree import XMLSyntaxError

from gui.core.articles import ImportedText, Metadata
from gui.core.importing.decoding import ImportFailure

NOT_WORD = "not a valid Word document"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .doc (and .xls) container
_BROKEN = (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, XMLSyntaxError)


def parse(data: bytes, source: str) -> ImportedText:
    """Read the paragraphs of a .docx file, apart by blank lines."""
    document = _open(data, source)
    body = "\n\n".join(_blocks(document))
    if not body:
        raise ImportFailure(source, "no text found")
    return ImportedText(body=body, metadata=_metadata(document), source=source, format="docx")


def _open(data: bytes, source: str) -> Document:
    """The parsed document, or ImportFailure when the bytes are not a Word document."""
    if data.startswith(_OLE_MAGIC):
        raise ImportFailure(source, f"{NOT_WORD} (an old .doc file? save it as .docx)")
    try:
        return docx.Document(io.BytesIO(data))
    except _BROKEN as exc:
        raise ImportFailure(source, NOT_WORD) from exc


def _blocks(document: Document) -> Iterator[str]:
    """The text of each non-empty paragraph, and each table as one block of rows."""
    for item in document.iter_inner_content():
        text = _table_text(item) if isinstance(item, Table) else item.text.strip()
        if text:
            yield text


def _table_text(table: Table) -> str:
    """A table's rows, one per line, cells apart by " | " (merged cells once)."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _metadata(document: Document) -> Metadata:
    """Title, author and creation date from the core properties."""
    properties = document.core_properties
    created = properties.created
    return Metadata(
        title=(properties.title or "").strip(),
        byline=(properties.author or "").strip(),
        published=created.date().isoformat() if created else "",
    )
