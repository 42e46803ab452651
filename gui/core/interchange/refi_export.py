"""REFI-QDA export: the codebook as a .qdc file, articles and annotations as a .qdpx project.

REFI-QDA (www.qdasoftware.org) is the exchange standard of QualCoder, MAXQDA, NVivo and
ATLAS.ti. A .qdpx file is a zip holding project.qde (QDA-XML) and the sources' texts in
sources/. Each article is a TextSource whose text is sources/<guid>.txt (UTF-8, the body as
stored); each annotation is a PlainTextSelection with startPosition and endPosition in
Unicode code points, as the standard counts characters, coded with its label's Code; its
note is a Note the selection refers to; each annotator is a User, the selection's creator.
Title, outlet, byline, dateline, date and URL travel as text Variables of the source.
Orphans are left out: their old positions would select other text. GUIDs are UUID v5, so
exporting the same library twice gives the same file; an annotation that came from another
tool keeps its GUID.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from gui.core.annotations.model import Annotation, Label
from gui.core.articles import Article
from gui.core.interchange.common import short, xsd_datetime
from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Sourcelight"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:sourcelight")
PROJECT_FILE = "project.qde"
SOURCES = "sources/"
INTERNAL = "internal://"
VARIABLES = ("outlet", "byline", "dateline", "published", "url")
_P = f"{{{PROJECT_NS}}}"


@dataclass(frozen=True)
class ProjectExport:
    """A .qdpx file and the annotations it could not carry (orphans), named."""

    data: bytes
    left_out: tuple[str, ...]


def guid(kind: str, key: str) -> str:
    """A stable GUID (UUID v5) for one thing of a kind, upper case as the tools write them."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}")).upper()


def annotation_guid(annotation: Annotation, article: Article) -> str:
    """The GUID an annotation had in the file it came from, else one made from its identity."""
    if annotation.iri.lower().startswith("urn:uuid:"):
        try:
            return str(uuid.UUID(annotation.iri[9:])).upper()
        except ValueError:
            pass
    return guid("annotation", f"{article.content_hash}:{annotation.id}:{annotation.created}")


def export_codebook(library: Library) -> bytes:
    """The library's codebook as a REFI-QDA .qdc document (UTF-8 XML)."""
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", ORIGIN)
    codes = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    for label in LabelStore(library).labels():
        _code(codes, label, CODEBOOK_NS)
    return _xml(root)


def export_project(library: Library, article_ids: Sequence[int], name: str) -> ProjectExport:
    """The articles (KeyError for an unknown one) and their annotations as a .qdpx file."""
    articles = [ArticleStore(library).get(article_id) for article_id in article_ids]
    labels = LabelStore(library).labels()
    store = AnnotationStore(library)
    annotations = {a.id: [x for x in store.for_article(a.id) if not x.orphaned] for a in articles}
    left_out = tuple(
        f"article {a.id}: orphaned annotation {short(x.text)!r}"
        for a in articles
        for x in store.for_article(a.id)
        if x.orphaned
    )
    project = _Project(name, labels, articles, annotations).element()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        _write(archive, PROJECT_FILE, _xml(project))
        for article in articles:
            _write(archive, SOURCES + _source_guid(article) + ".txt", article.body.encode("utf-8"))
    return ProjectExport(buffer.getvalue(), left_out)


def _write(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    """Add a member with a fixed time, so that the same project gives the same bytes."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


class _Project:
    """Builds project.qde for some articles, their annotations and the codebook."""

    def __init__(
        self,
        name: str,
        labels: Sequence[Label],
        articles: Sequence[Article],
        annotations: dict[int, list[Annotation]],
    ) -> None:
        self.name, self.labels, self.articles = name, labels, articles
        self.annotations = annotations
        self.label_names = {label.id: label.name for label in labels}
        every = [a for items in annotations.values() for a in items]
        self.users = sorted({a.annotator for a in every if a.annotator})
        self.notes: list[tuple[str, Annotation]] = []

    def element(self) -> etree._Element:
        """The Project element with its users, codebook, variables, sources and notes."""
        root = etree.Element(_P + "Project", nsmap={None: PROJECT_NS})
        root.set("name", self.name)
        root.set("origin", ORIGIN)
        if self.users:
            users = etree.SubElement(root, _P + "Users")
            for user in self.users:
                etree.SubElement(users, _P + "User", guid=guid("user", user), name=user)
        codebook = etree.SubElement(root, _P + "CodeBook")
        codes = etree.SubElement(codebook, _P + "Codes")
        for label in self.labels:
            _code(codes, label, PROJECT_NS)
        self._variables(root)
        sources = etree.SubElement(root, _P + "Sources")
        for article in self.articles:
            self._source(sources, article)
        self._notes(root)
        return root

    def _variables(self, root: etree._Element) -> None:
        """The metadata fields as text variables."""
        variables = etree.SubElement(root, _P + "Variables")
        for field in VARIABLES:
            attrs = {"guid": guid("variable", field), "name": field, "typeOfVariable": "Text"}
            etree.SubElement(variables, _P + "Variable", attrs)

    def _source(self, sources: etree._Element, article: Article) -> None:
        """One article as a TextSource with its selections and metadata."""
        source_guid = _source_guid(article)
        attrs = {
            "guid": source_guid,
            "name": article.metadata.title or f"Article {article.id}",
            "plainTextPath": f"{INTERNAL}{source_guid}.txt",
        }
        _stamp(attrs, "creationDateTime", article.imported_at)
        element = etree.SubElement(sources, _P + "TextSource", attrs)
        for annotation in self.annotations[article.id]:
            self._selection(element, annotation, article)
        for field in VARIABLES:
            value = getattr(article.metadata, field)
            if value:
                holder = etree.SubElement(element, _P + "VariableValue")
                etree.SubElement(holder, _P + "VariableRef", targetGUID=guid("variable", field))
                etree.SubElement(holder, _P + "TextValue").text = value

    def _selection(self, parent: etree._Element, annotation: Annotation, article: Article) -> None:
        """One annotation: a PlainTextSelection coded with its label, and its note."""
        selection_guid = annotation_guid(annotation, article)
        attrs = {
            "guid": selection_guid,
            "name": annotation.text,
            "startPosition": str(annotation.start),
            "endPosition": str(annotation.end),
        }
        attrs.update(self._audit(annotation))
        element = etree.SubElement(parent, _P + "PlainTextSelection", attrs)
        coding = {"guid": guid("coding", selection_guid)}
        coding.update({k: v for k, v in self._audit(annotation).items() if k.startswith("creat")})
        coded = etree.SubElement(element, _P + "Coding", coding)
        label = self.label_names.get(annotation.label_id, "")
        etree.SubElement(coded, _P + "CodeRef", targetGUID=guid("label", label))
        if annotation.note:
            note_guid = guid("note", selection_guid)
            etree.SubElement(element, _P + "NoteRef", targetGUID=note_guid)
            self.notes.append((note_guid, annotation))

    def _audit(self, annotation: Annotation) -> dict[str, str]:
        """Who made an annotation and when, as the standard's audit attributes."""
        attrs: dict[str, str] = {}
        if annotation.annotator:
            attrs["creatingUser"] = guid("user", annotation.annotator)
        _stamp(attrs, "creationDateTime", annotation.created)
        if annotation.annotator and annotation.modified:
            attrs["modifyingUser"] = attrs["creatingUser"]
        _stamp(attrs, "modifiedDateTime", annotation.modified)
        return attrs

    def _notes(self, root: etree._Element) -> None:
        """The annotations' notes, each a Note with its text."""
        if not self.notes:
            return
        notes = etree.SubElement(root, _P + "Notes")
        for note_guid, annotation in self.notes:
            attrs = {"guid": note_guid, "name": f"Note on “{short(annotation.text)}”"}
            attrs.update({k: v for k, v in self._audit(annotation).items() if "modif" not in k})
            note = etree.SubElement(notes, _P + "Note", attrs)
            etree.SubElement(note, _P + "PlainTextContent").text = annotation.note


def _code(parent: etree._Element, label: Label, namespace: str) -> None:
    """A label as a codable Code with its colour and description."""
    attrs = {"guid": guid("label", label.name), "name": label.name, "isCodable": "true"}
    attrs["color"] = label.colour.upper()
    code = etree.SubElement(parent, f"{{{namespace}}}Code", attrs)
    if label.description:
        etree.SubElement(code, f"{{{namespace}}}Description").text = label.description


def _source_guid(article: Article) -> str:
    """The GUID of an article's text: the same text has the same GUID in every library."""
    return guid("article", article.content_hash)


def _stamp(attrs: dict[str, Any], key: str, stored: str) -> None:
    """Set an xsd:dateTime attribute from a stored time, when it can be read."""
    value = xsd_datetime(stored)
    if value is not None:
        attrs[key] = value


def _xml(root: etree._Element) -> bytes:
    """An element as a UTF-8 XML document."""
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
