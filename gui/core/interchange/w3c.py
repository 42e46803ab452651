"""W3C Web Annotation Data Model (JSON-LD) export: an AnnotationCollection with one page.

Each annotation becomes an Annotation whose bodies are TextualBodies (the note with purpose
"commenting", the label with purpose "tagging") and whose target names the article's text by
its content hash (urn:sourcelight:article:<sha256>; the article's URL, when known, is its
scope) and selects the span with a TextPositionSelector and a TextQuoteSelector. Positions
count Unicode code points, as the model requires.

An orphan (its text is no longer in the article) is selected by its quote alone: a position
would select other text. It says it is an orphan, and where it last was, in Sourcelight's own
terms (sourcelight:orphaned, sourcelight:lastPosition), which other tools may ignore.
An annotation that came from a file keeps the id it had there.
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import quote

from gui.core.annotations.model import Annotation
from gui.core.articles import Article
from gui.core.interchange.common import article_urn, xsd_datetime
from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
TERMS = "urn:sourcelight:terms#"  # Sourcelight's own terms, beside the model's
ORPHAN_CONTEXT: list[Any] = [CONTEXT, {"sourcelight": TERMS}]
ORPHANED = "sourcelight:orphaned"
LAST_POSITION = "sourcelight:lastPosition"
ANNOTATOR_URN = "urn:sourcelight:annotator:"  # + the percent-encoded name
GENERATOR = {"id": "urn:sourcelight:software", "type": "Software", "name": "Sourcelight"}


def export_w3c(library: Library, article_id: int) -> dict[str, Any]:
    """The article's annotations as an AnnotationCollection (KeyError for an unknown article).

    The collection embeds its one AnnotationPage as "first"; a collection without
    annotations has no page, only "total": 0.
    """
    article = ArticleStore(library).get(article_id)
    names = {label.id: label.name for label in LabelStore(library).labels()}
    annotations = AnnotationStore(library).for_article(article_id)
    items = [annotation_w3c(a, article, names.get(a.label_id, "")) for a in annotations]
    collection_id, page_id = _urn(article, "collection"), _urn(article, "page-1")
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": _collection_label(article),
        "total": len(items),
    }
    if items:
        page = {"id": page_id, "type": "AnnotationPage", "partOf": collection_id}
        collection["first"] = {**page, "startIndex": 0, "items": items}
        collection["last"] = page_id  # the one page is the first and the last
    return collection


def annotation_w3c(annotation: Annotation, article: Article, label: str) -> dict[str, Any]:
    """One annotation as a W3C Annotation (with its own @context, so it stands alone too)."""
    data: dict[str, Any] = {
        "@context": ORPHAN_CONTEXT if annotation.orphaned else CONTEXT,
        "id": annotation_id(annotation, article),
        "type": "Annotation",
        "motivation": "commenting" if annotation.note else "tagging",
    }
    data.update(_times(annotation))
    if annotation.annotator:
        data["creator"] = creator(annotation.annotator)
    data["generator"] = dict(GENERATOR)
    data["body"] = _bodies(annotation, label)
    data["target"] = _target(annotation, article)
    if annotation.orphaned:
        data[ORPHANED] = True
        data[LAST_POSITION] = {"start": annotation.start, "end": annotation.end}
    return data


def creator(name: str) -> dict[str, str]:
    """The Person who made an annotation, named by an IRI made from their name."""
    return {"id": ANNOTATOR_URN + quote(name, safe=""), "type": "Person", "name": name}


def _times(annotation: Annotation) -> dict[str, str]:
    """created and modified as xsd:dateTime in UTC, leaving out any that cannot be read."""
    times = {"created": xsd_datetime(annotation.created)}
    times["modified"] = xsd_datetime(annotation.modified)
    return {key: value for key, value in times.items() if value is not None}


def _bodies(annotation: Annotation, label: str) -> list[dict[str, str]]:
    """The note (if any) and the label, as TextualBodies with their purposes."""
    bodies = []
    if annotation.note:
        bodies.append(_textual(annotation.note, "commenting"))
    if label:
        bodies.append(_textual(label, "tagging"))
    return bodies


def _textual(value: str, purpose: str) -> dict[str, str]:
    """A plain-text TextualBody."""
    return {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}


def _target(annotation: Annotation, article: Article) -> dict[str, Any]:
    """The article's text, and the span in it by position and by quote."""
    anchor = annotation.anchor
    target: dict[str, Any] = {"source": article_urn(article.content_hash)}
    if article.metadata.url:
        target["scope"] = article.metadata.url
    by_quote = {
        "type": "TextQuoteSelector",
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
    }
    if annotation.orphaned:  # its old place holds other text now
        target["selector"] = [by_quote]
    else:
        by_position = {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end}
        target["selector"] = [by_position, by_quote]
    return target


def annotation_id(annotation: Annotation, article: Article) -> str:
    """The id an export gives an annotation: the one its file gave it, else one made here."""
    return annotation.iri or _urn(article, f"annotation-{annotation.id}-{annotation.created}")


def _urn(article: Article, name: str) -> str:
    """A urn:uuid that stays the same between exports of the same library (a UUID v5)."""
    seed = f"sourcelight:{article.imported_at}:{article.id}:{name}"
    return uuid.uuid5(uuid.NAMESPACE_URL, seed).urn


def _collection_label(article: Article) -> str:
    """The collection's human-readable label."""
    title = article.metadata.title
    return f"Annotations on “{title}”" if title else f"Annotations on article {article.id}"
