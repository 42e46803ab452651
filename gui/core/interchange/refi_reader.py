"""Reading REFI-QDA files safely: .qdpx projects (zip + QDA-XML) and .qdc codebooks.

Every file is hostile until read: the zip is bounded (members, sizes, compression ratio, no
encryption) and read in memory, never unpacked to disk; the XML is parsed by lxml without
entities, DTDs or network access, and a document with a DOCTYPE is refused outright (XXE,
billion laughs). Element names are matched by local name, so tools that leave out or vary
the namespace still read. Positions count code points, as the standard does; when a
selection's name is its text and only a UTF-16 reading of the positions finds it there, that
reading is taken (some tools count UTF-16 units).
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

from lxml import etree

from gui.core.anchoring import Anchor, anchor_for
from gui.core.annotations.codebook import LabelInfo
from gui.core.articles import Metadata
from gui.core.interchange.common import Incoming, InterchangeError, short, stored_time
from gui.core.interchange.own_text import normalised_source
from gui.core.interchange.refi_export import INTERNAL, ORIGIN, PROJECT_FILE, VARIABLES
from gui.core.text import MAX_TEXT_CHARS, Utf16Index

MAX_MEMBERS = 10_000  # files in one .qdpx
MAX_XML_BYTES = 64 * 1024 * 1024  # project.qde or a .qdc
MAX_SOURCE_BYTES = 20 * 1024 * 1024  # one source text, as for imported articles
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # everything read from one archive
MAX_RATIO = 200  # uncompressed / compressed size of a member larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


@dataclass(frozen=True)
class Source:
    """One text source of a project: its text, metadata and the annotations on it."""

    text: str
    metadata: Metadata
    annotations: tuple[Incoming, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True)
class Project:
    """What a .qdpx holds that Sourcelight reads: the codebook and the text sources."""

    labels: tuple[LabelInfo, ...]
    sources: tuple[Source, ...]
    skipped: tuple[str, ...]


def parse_xml(data: bytes, what: str) -> etree._Element:
    """The root element of an XML document read safely; InterchangeError when it is not one."""
    if len(data) > MAX_XML_BYTES:
        raise InterchangeError(f"{what} is larger than {MAX_XML_BYTES // 2**20} MB")
    if _DOCTYPE.search(data):
        raise InterchangeError(f"{what} declares a DTD or entities, which REFI-QDA files never do")
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise InterchangeError(f"{what} is not well-formed XML: {error}") from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise InterchangeError(f"{what} declares a DTD, which REFI-QDA files never do")
    return root


def read_qdc(data: bytes) -> tuple[LabelInfo, ...]:
    """The codes of a .qdc codebook as labels; InterchangeError when it is none."""
    root = parse_xml(data, "the codebook")
    if _name(root) != "CodeBook":
        raise InterchangeError(f"expected a REFI-QDA CodeBook, not <{_name(root)}>")
    return tuple(info for info, _ in _codes(_child(root, "Codes")))


def read_qdpx(data: bytes) -> Project:
    """The codebook and text sources of a .qdpx project; InterchangeError when it is none."""
    archive = _Archive(data)
    root = parse_xml(archive.read(PROJECT_FILE, MAX_XML_BYTES), PROJECT_FILE)
    if _name(root) != "Project":
        raise InterchangeError(f"expected a REFI-QDA Project, not <{_name(root)}>")
    return _ProjectReader(root, archive).project()


class _Archive:
    """A zip read in memory within bounds."""

    def __init__(self, data: bytes) -> None:
        try:
            self.zip = zipfile.ZipFile(BytesIO(data))
        except (zipfile.BadZipFile, ValueError):
            raise InterchangeError("not a .qdpx project (not a zip archive)") from None
        members = self.zip.infolist()
        if len(members) > MAX_MEMBERS:
            raise InterchangeError(f"holds {len(members)} files (at most {MAX_MEMBERS} are read)")
        self.names = {info.filename.replace("\\", "/").casefold(): info for info in members}
        self.total = 0

    def read(self, name: str, limit: int) -> bytes:
        """One member's bytes (names match without case), checked against the bounds."""
        info = self.names.get(name.casefold())
        if info is None:
            raise InterchangeError(f"the project has no {name}")
        if info.flag_bits & 0x1:
            raise InterchangeError(f"{name} is encrypted")
        compressed = max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and info.file_size / compressed > MAX_RATIO:
            raise InterchangeError(f"{name} unpacks to {info.file_size} bytes: a zip bomb?")
        try:
            with self.zip.open(info) as member:
                data = member.read(limit + 1)  # the header's size may lie
        except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError) as error:
            raise InterchangeError(f"{name} cannot be read: {error}") from None
        self.total += len(data)
        if len(data) > limit or self.total > MAX_TOTAL_BYTES:
            raise InterchangeError(f"{name} is larger than {limit // 2**20} MB")
        return data


class _ProjectReader:
    """Reads one project.qde: users, codes, variables and notes first, then the sources."""

    def __init__(self, root: etree._Element, archive: _Archive) -> None:
        self.root, self.archive = root, archive
        # Sourcelight writes no user for annotations that have no annotator: keep them so.
        self.unnamed = "" if root.get("origin", "").startswith(ORIGIN) else None
        users = _child(root, "Users")
        self.users = {u.get("guid", "").upper(): u.get("name", "") for u in _all(users, "User")}
        self.codes = {g: info for info, g in _codes(_child(_child(root, "CodeBook"), "Codes"))}
        variables = _child(root, "Variables")
        self.variables = {v.get("guid", "").upper(): v.get("name", "") for v in _all(variables)}
        self.notes = {
            note.get("guid", "").upper(): _text(_child(note, "PlainTextContent"))
            for note in _all(_child(root, "Notes"), "Note")
        }

    def project(self) -> Project:
        """The codebook and every text source that could be read."""
        sources, skipped = [], []
        for number, element in enumerate(_all(_child(self.root, "Sources")), 1):
            name = element.get("name") or f"source {number}"
            if _name(element) != "TextSource":
                skipped.append(f"{name}: a {_name(element)}, not a text (only texts are read)")
                continue
            try:
                sources.append(self._source(element, name))
            except InterchangeError as problem:
                skipped.append(f"{name}: {problem}")
        if not sources and not self.codes:
            raise InterchangeError("the project has no text sources and no codes")
        return Project(tuple(self.codes.values()), tuple(sources), tuple(skipped))

    def _source(self, element: etree._Element, name: str) -> Source:
        """One TextSource with its selections."""
        text = self._source_text(element)
        if not text.strip():
            raise InterchangeError("its text is empty")
        found, skipped = [], []
        for selection in _all(element, "PlainTextSelection"):
            incoming, problem = self._selection(selection, text)
            found += incoming
            skipped += [f"{name}: {problem}"] if problem else []
        if _child(element, "Coding") is not None:
            skipped.append(f"{name}: codes of the whole source are not read (only of spans)")
        text, placed = normalised_source(text, found)  # CR LF and the like, as every import
        if len(text) > MAX_TEXT_CHARS:  # as for every import: what the text becomes counts
            raise InterchangeError(
                f"its text passes the limit of {MAX_TEXT_CHARS:,} characters ({len(text):,})"
            )
        return Source(text, self._metadata(element, name), placed, tuple(skipped))

    def _source_text(self, element: etree._Element) -> str:
        """The text of a source: embedded, or an internal file of the archive."""
        content = _child(element, "PlainTextContent")
        if content is not None:
            return _text(content)
        path = element.get("plainTextPath", "")
        if not path.startswith(INTERNAL) or ".." in path or "/" in path[len(INTERNAL) :]:
            raise InterchangeError(f"its text is not inside the project ({path or 'no path'})")
        data = self.archive.read("sources/" + path[len(INTERNAL) :], MAX_SOURCE_BYTES)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InterchangeError("its text file is not UTF-8") from None

    def _metadata(self, element: etree._Element, name: str) -> Metadata:
        """The title, and the text variables Sourcelight knows (outlet, byline, ...)."""
        values: dict[str, str] = {}
        for holder in _all(element, "VariableValue"):
            ref = _child(holder, "VariableRef")
            field = self.variables.get(
                (ref.get("targetGUID", "") if ref is not None else "").upper()
            )
            if field in VARIABLES and field not in values:
                values[field] = _text(_child(holder, "TextValue")).strip()
        return Metadata(title=name, **values)

    def _selection(self, element: etree._Element, text: str) -> tuple[list[Incoming], str]:
        """The annotations of one PlainTextSelection (one per coding), or why there are none."""
        label = element.get("name", "")
        span = _span(element, text, label)
        if span is None:
            return [], f"selection {short(label)!r}: its positions are outside the text"
        anchor = anchor_for(text, *span)
        codings = _all(element, "Coding")
        notes = [self.notes.get(_target(ref), "") for ref in _refs(element)]
        found = []
        for number, coding in enumerate(codings or [None]):
            # The first coding is the selection itself; more codings of it are more annotations.
            owner = element if number == 0 or coding is None else coding
            found.append(self._incoming(element, coding, anchor, notes, _uuid_iri(owner)))
        return found, ""

    def _incoming(
        self,
        element: etree._Element,
        coding: etree._Element | None,
        anchor: Anchor,
        notes: list[str],
        iri: str,
    ) -> Incoming:
        """One coding of a selection as an annotation."""
        tags: tuple[str, ...] = ()
        if coding is not None:
            ref = _child(coding, "CodeRef")
            code = self.codes.get((ref.get("targetGUID", "") if ref is not None else "").upper())
            tags = (code.name,) if code else ()
            notes = notes + [
                self.notes.get(r.get("targetGUID", "").upper(), "") for r in _refs(coding)
            ]
        creator = (coding.get("creatingUser") if coding is not None else None) or element.get(
            "creatingUser", ""
        )
        return Incoming(
            anchor=anchor,
            tags=tags,
            note="\n\n".join(n for n in notes if n),
            annotator=self.users.get(creator.upper()) or self.unnamed,
            created=stored_time(element.get("creationDateTime")),
            modified=stored_time(element.get("modifiedDateTime")),
            name=f"selection {short(anchor.exact)!r}",
            iri=iri,
        )


def _uuid_iri(element: etree._Element) -> str:
    """urn:uuid:<guid> for an element's GUID ("" when it has no valid one)."""
    try:
        return uuid.UUID(element.get("guid", "").strip("{}")).urn
    except ValueError:
        return ""


def _span(element: etree._Element, text: str, name: str) -> tuple[int, int] | None:
    """A selection's span in code points (or in UTF-16 units, when its name confirms those)."""
    try:
        start, end = int(element.get("startPosition", "")), int(element.get("endPosition", ""))
    except ValueError:
        return None
    if 0 <= start < end <= len(text) and (not name or text[start:end] == name):
        return start, end
    units = Utf16Index(text)
    converted = units.from_utf16(start), units.from_utf16(end)
    inside = 0 <= converted[0] < converted[1] <= len(text)
    if name and inside and text[converted[0] : converted[1]] == name:
        return converted
    return (start, end) if 0 <= start < end <= len(text) else None


def _codes(parent: etree._Element | None) -> Iterator[tuple[LabelInfo, str]]:
    """Every Code (nested ones too) as a label and its GUID."""
    for code in _all(parent, "Code"):
        name = " ".join(code.get("name", "").split())
        if name:
            colour = code.get("color", "")
            colour = colour.upper() if _COLOUR.fullmatch(colour) else ""
            info = LabelInfo(name, colour, "", _text(_child(code, "Description")).strip())
            yield info, code.get("guid", "").upper()
        yield from _codes(code)


def _target(ref: etree._Element | None) -> str:
    """The GUID a reference element points to, upper case ("" for none)."""
    return "" if ref is None else ref.get("targetGUID", "").upper()


def _refs(element: etree._Element) -> list[etree._Element]:
    """The NoteRef children of an element."""
    return _all(element, "NoteRef")


def _name(element: etree._Element) -> str:
    """An element's name without its namespace."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    """The first child element called name (any namespace), or None."""
    return next((c for c in _all(element) if _name(c) == name), None)


def _all(element: etree._Element | None, name: str = "") -> list[etree._Element]:
    """The child elements (called name, when given) of an element that may be None."""
    if element is None:
        return []
    return [c for c in element if isinstance(c.tag, str) and (not name or _name(c) == name)]


def _text(element: etree._Element | None) -> str:
    """The text of an element ("" for None)."""
    return "" if element is None else "".join(element.itertext())
