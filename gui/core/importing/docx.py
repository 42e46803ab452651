"""Word (.docx) articles: paragraphs and tables in order, core properties as metadata.

The document's XML is streamed out of the zip and read element by element, and reading stops
as soon as the text passes the limit: a .docx is compressed XML, and a file of under a
megabyte can expand to gigabytes (a zip bomb). The zip's declared sizes are checked first,
and no read goes past them, nor past MAX_PART_BYTES.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import datetime
from typing import IO

from lxml import etree

from gui.core.articles import ImportedText, Metadata
from gui.core.importing.decoding import ImportFailure, TextTooLong, check_text_length

NOT_WORD = "not a valid Word document"
MAX_PART_BYTES = 256 * 1024 * 1024  # the most XML read from one part of the package
MAX_SMALL_PART_BYTES = 1024 * 1024  # relationships, content types, properties
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .doc (and .xls) container

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CREATED = "{http://purl.org/dc/terms/}created"
_WORD_TYPES = ("wordprocessingml.document.main", "wordprocessingml.template.main", "ms-word.")
# Inside a paragraph, text is read from runs, and from these wrappers of runs.
_RUN_WRAPPERS = frozenset(
    _W + name for name in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple")
)
_RUN_TEXT = {_W + "tab": "\t", _W + "ptab": "\t", _W + "cr": "\n", _W + "noBreakHyphen": "-"}
_BROKEN = (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError, EOFError)


def parse(data: bytes, source: str) -> ImportedText:
    """Read the paragraphs of a .docx file, apart by blank lines."""
    if data.startswith(_OLE_MAGIC):
        raise ImportFailure(source, f"{NOT_WORD} (an old .doc file? save it as .docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            main, core = _parts(package)
            body = "\n\n".join(_blocks(package, main, source))
            metadata = _metadata(package, core)
    except TextTooLong:
        raise
    except (*_BROKEN, OSError) as exc:  # OSError: a truncated or lying zip member
        raise ImportFailure(source, NOT_WORD) from exc
    if not body:
        raise ImportFailure(source, "no text found")
    return ImportedText(body=body, metadata=metadata, source=source, format="docx")


def _parts(package: zipfile.ZipFile) -> tuple[str, str | None]:
    """The names of the main document part and of the core properties (None when absent)."""
    rels = _small_xml(package, "_rels/.rels")
    targets = {r.get("Type", ""): r.get("Target", "") for r in rels.iter(_PACKAGE_RELS)}
    main = targets.get(_REL + "officeDocument", "").lstrip("/")
    if not main or not _is_word(package, main):
        raise ValueError("no Word document in the package")
    core = next((t for kind, t in targets.items() if kind.endswith("/core-properties")), None)
    return main, core.lstrip("/") if core else None


def _is_word(package: zipfile.ZipFile, main: str) -> bool:
    """True when the package's content types say its main part is a Word document."""
    types = _small_xml(package, "[Content_Types].xml")
    for override in types.iter(_OVERRIDE):
        if override.get("PartName", "").lstrip("/") == main:
            return any(kind in override.get("ContentType", "") for kind in _WORD_TYPES)
    return False


def _small_xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    """A small part of the package, parsed without entities or network."""
    return etree.fromstring(_read(package, name, MAX_SMALL_PART_BYTES), _parser())


def _read(package: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A part's bytes, refused when its declared size passes limit (and never read past it)."""
    info = package.getinfo(name)
    if info.file_size > limit:
        raise ValueError(f"{name} declares {info.file_size:,} bytes")
    with package.open(info) as member:
        return member.read(limit)


def _parser() -> etree.XMLParser:
    """An XML parser that expands no entities, loads nothing, and refuses huge nodes."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _blocks(package: zipfile.ZipFile, main: str, source: str) -> Iterator[str]:
    """The text of each non-empty body paragraph, and each table as one block of rows.

    Raises TextTooLong as soon as the text read passes the limit, even inside one paragraph.
    """
    info = package.getinfo(main)
    if info.file_size > MAX_PART_BYTES:
        limit = MAX_PART_BYTES // (1024 * 1024)
        raise ImportFailure(
            source,
            f"the document declares {info.file_size / 2**20:,.0f} MB of text and markup"
            f" (the limit is {limit} MB); nothing was read",
        )
    length = 0  # characters so far, counted as the text nodes go by
    with package.open(info) as member:
        elements = etree.iterparse(_Capped(member), resolve_entities=False, no_network=True)
        for _, element in elements:
            if element.tag == _W + "t":
                length += len(element.text or "")
                check_text_length(source, length)
            elif _is_block(element):
                text = _table_text(element) if element.tag == _W + "tbl" else _paragraph(element)
                _forget(element)
                if text:
                    yield text


def _is_block(element: etree._Element) -> bool:
    """True for a paragraph or table directly in the document's body."""
    parent = element.getparent()
    return (
        element.tag in (_W + "p", _W + "tbl") and parent is not None and parent.tag == _W + "body"
    )


def _forget(element: etree._Element) -> None:
    """Drop a block read already, and the ones before it, so that memory stays flat."""
    element.clear()
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _paragraph(paragraph: etree._Element) -> str:
    """A paragraph's text, as Word shows it: runs and the wrappers around them, stripped."""
    return "".join(_runs_text(paragraph)).strip()


def _runs_text(parent: etree._Element) -> Iterator[str]:
    """The text of the runs in parent, through hyperlinks, insertions and content controls."""
    for child in parent:
        if child.tag == _W + "r":
            yield from _run_text(child)
        elif child.tag in _RUN_WRAPPERS:
            yield from _runs_text(child)


def _run_text(run: etree._Element) -> Iterator[str]:
    """A run's text: its text nodes, tabs, line breaks and non-breaking hyphens."""
    for child in run:
        if child.tag == _W + "t":
            yield child.text or ""
        elif child.tag == _W + "br":
            kind = child.get(_W + "type")
            yield "\n" if kind in (None, "textWrapping") else ""
        else:
            yield _RUN_TEXT.get(child.tag, "")


def _table_text(table: etree._Element) -> str:
    """A table's rows, one per line, cells apart by " | " (merged cells once)."""
    rows = []
    for row in table.iterchildren(_W + "tr"):
        cells: list[str] = []
        for cell in row.iterchildren(_W + "tc"):
            text = "\n".join(_paragraph(p) for p in cell.iterchildren(_W + "p")).strip()
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _metadata(package: zipfile.ZipFile, core: str | None) -> Metadata:
    """Title, author and creation date from the core properties, when there are any."""
    if core is None or core not in package.namelist():
        return Metadata()
    properties = _small_xml(package, core)
    title = properties.findtext(_DC + "title") or ""
    author = properties.findtext(_DC + "creator") or ""
    created = (properties.findtext(_CREATED) or "").strip()
    published = _date(created)
    raw = created if published and created != published else ""
    return Metadata(
        title=title.strip(), byline=author.strip(), published=published, published_raw=raw
    )


def _date(stamp: str) -> str:
    """The date of a W3CDTF time stamp ("2024-06-07T09:30:00Z") as ISO, or ""."""
    try:
        return datetime.fromisoformat(stamp).date().isoformat()
    except ValueError:
        return ""


class _Capped(io.RawIOBase):
    """A zip member that ends after MAX_PART_BYTES, whatever its header declared."""

    # zipfile already stops at the declared size; this is the second guard.

    def __init__(self, member: IO[bytes]) -> None:
        self._member = member
        self._left = MAX_PART_BYTES

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = self._left if size < 0 else min(size, self._left)
        chunk = self._member.read(size)
        self._left -= len(chunk)
        return chunk
