"""Sourcelight's own JSON: one article with everything that hangs on it, lossless both ways.

Layout (version 2; version 1 files, from before annotations, still import): the article's
fields at the top level (id, metadata, source, format, content_hash, imported_at, text), the
entities with the pipeline that found them, the annotations with their anchors and label
names, the codebook, the entity correction rules, and the sourcing findings with the user's
verdicts and corrections (see sourcing_json; added within version 2, optional on import).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from gui.core.anchoring import Anchor
from gui.core.annotations.codebook import LabelInfo
from gui.core.annotations.model import Annotation, Label
from gui.core.articles import Article, ImportedText, Metadata
from gui.core.changes import Command
from gui.core.entities.commands import AddCorrection, SaveEntities
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity
from gui.core.findings import library_cache_id
from gui.core.interchange.common import (
    Incoming,
    InterchangeError,
    Parsed,
    fields_without,
    load_json,
    position_problem,
    quote_text,
    text_field,
)
from gui.core.interchange.own_text import normalised_export
from gui.core.interchange.sourcing_json import import_sourcing, sourcing_section
from gui.core.library.commands import DeleteArticle
from gui.core.sourcing.model import Findings
from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    CorrectionStore,
    EntityStore,
    LabelStore,
    Library,
    apply,
)
from gui.core.text import MAX_TEXT_CHARS, normalise_body

FORMAT_KEY = "sourcelight_export"
VERSION = 2  # raised when the layout changes; files up to this version can be read
_ANCHOR_TEXTS = ("exact", "prefix", "suffix")
_METADATA_TEXTS = ("title", "outlet", "byline", "dateline", "published", "url", "published_raw")


@dataclass(frozen=True)
class ArticleAdded:
    """What bringing an exported article into a library did, and the commands that undo it."""

    article_id: int
    added: bool  # False: the library already had this text, under article_id
    inverses: tuple[Command, ...]  # in the order of the changes
    skipped: tuple[str, ...]  # entities or rules that could not be read


def export_json(
    library: Library,
    article_id: int,
    entities: Sequence[Entity] | None = None,
    pipeline: str = "",
    findings: Findings | None = None,
    findings_pipeline: str = "",
) -> dict[str, Any]:
    """The article with its entities, annotations, codebook, corrections and sourcing, as JSON.

    entities None: those cached for the current pipeline (none when it has not run yet);
    findings None: the sourcing findings cached for the current text (None if there are none).
    KeyError when the library has no such article.
    """
    article = ArticleStore(library).get(article_id)
    if entities is None:
        entities, pipeline = _cached_entities(library, article_id)
    labels = {label.id: label for label in LabelStore(library).labels()}
    annotations = AnnotationStore(library).for_article(article_id)
    return {
        **_article_dict(article),
        "pipeline": pipeline,
        "entities": [entity_dict(entity) for entity in entities],
        "annotations": [_annotation_dict(a, labels) for a in annotations],
        "codebook": [_label_dict(label) for label in labels.values()],
        "corrections": [_correction_dict(c) for c in CorrectionStore(library).corrections()],
        "sourcing": sourcing_section(library, article_id, findings, findings_pipeline, entities),
    }


def is_own_export(data: object) -> bool:
    """True when data is a Sourcelight JSON export (of any version)."""
    return isinstance(data, dict) and FORMAT_KEY in data


def check_version(document: dict[str, Any]) -> None:
    """InterchangeError unless the document is an export this version can read."""
    version = document.get(FORMAT_KEY)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise InterchangeError(f"{FORMAT_KEY} must be a version number, not {version!r}")
    if version > VERSION:
        raise InterchangeError(
            f"written by a newer Sourcelight (export version {version}; this one reads up to"
            f" {VERSION})"
        )


def parse_json(document: dict[str, Any]) -> Parsed:
    """The annotations, labels and article hash of an own-JSON export."""
    check_version(document)
    items = document.get("annotations", [])
    if not isinstance(items, list):
        raise InterchangeError("'annotations' must be a list")
    found: list[Incoming] = []
    skipped: list[str] = []
    for number, item in enumerate(items, 1):
        try:
            found.append(_incoming(item, f"annotation {number}"))
        except InterchangeError as problem:
            skipped.append(f"annotation {number}: {problem}")
    digest = text_field(document, "content_hash")
    return Parsed(tuple(found), tuple(skipped), _codebook(document), (digest,) if digest else ())


def import_article_export(library: Library, data: bytes | str | dict[str, Any]) -> int:
    """Bring the article of an own-JSON export into the library (once) and return its id.

    Its entities come along when it is new; correction rules the library lacks are added, and
    so are the claim verdicts, relations and sourcing corrections the article lacks.
    One transaction: on any error nothing changes.
    """
    document = load_json(data)
    if not is_own_export(document):
        raise InterchangeError("not a Sourcelight JSON export")
    document = normalised_export(document)
    with library.transaction():
        return add_article(library, document).article_id


def add_article(library: Library, document: dict[str, Any]) -> ArticleAdded:
    """import_article_export() inside the caller's transaction, saying what it did."""
    check_version(document)
    imported = _imported_text(document)
    store = ArticleStore(library)
    existing = store.find_by_hash(imported.content_hash)
    article_id = existing if existing is not None else store.add(imported)
    skipped: list[str] = []
    inverses: list[Command] = []
    if existing is None:
        inverses.append(DeleteArticle(article_id))
        skipped += _save_entities(library, article_id, document)
    rules, rule_problems = _corrections(document, CorrectionStore(library).corrections())
    inverses += [apply(library, AddCorrection(rule)) for rule in rules]
    sourcing_inverses, sourcing_problems = import_sourcing(library, article_id, document)
    inverses += sourcing_inverses
    problems = (*skipped, *rule_problems, *sourcing_problems)
    return ArticleAdded(article_id, existing is None, tuple(inverses), problems)


def entity_dict(entity: Entity) -> dict[str, Any]:
    """An entity as JSON-ready data, with offsets into the article text."""
    return {
        "start": entity.start,
        "end": entity.end,
        "text": entity.text,
        "label": entity.label,
        "group": entity.group,
    }


def _cached_entities(library: Library, article_id: int) -> tuple[list[Entity], str]:
    """The entities saved for the current pipeline and body, with its id; else none."""
    current = library_cache_id(library)
    cached = EntityStore(library).cached(article_id, current) if current else None
    return (cached, current) if cached is not None else ([], "")


def _article_dict(article: Article) -> dict[str, Any]:
    """The article's own fields, with the format marker first."""
    return {
        FORMAT_KEY: VERSION,
        "id": article.id,
        "metadata": article.metadata.as_dict(),
        "source": article.source,
        "format": article.format,
        "content_hash": article.content_hash,
        "imported_at": article.imported_at,
        "text": article.body,
    }


def _annotation_dict(annotation: Annotation, labels: dict[int, Label]) -> dict[str, Any]:
    """An annotation with its anchor and its label's name."""
    label = labels.get(annotation.label_id)
    return {
        "id": annotation.id,
        "label": label.name if label else "",
        "anchor": asdict(annotation.anchor),
        "note": annotation.note,
        "annotator": annotation.annotator,
        "created": annotation.created,
        "modified": annotation.modified,
        "orphaned": annotation.orphaned,
        "iri": annotation.iri,
    }


def _label_dict(label: Label) -> dict[str, Any]:
    """A codebook entry, without the library's id (annotations name labels)."""
    return fields_without(label, "id")


def _correction_dict(rule: Correction) -> dict[str, Any]:
    """A correction rule, without the library's id (the list is in the order they apply)."""
    return fields_without(rule, "id")


def _incoming(item: object, name: str) -> Incoming:
    """An exported annotation, read back; InterchangeError says what is wrong with it."""
    if not isinstance(item, dict):
        raise InterchangeError("not an object")
    annotator = item.get("annotator")
    label = text_field(item, "label").strip()
    return Incoming(
        anchor=_anchor(item.get("anchor")),
        tags=(label,) if label else (),
        note=text_field(item, "note"),
        annotator=annotator if isinstance(annotator, str) else None,
        created=text_field(item, "created"),
        modified=text_field(item, "modified"),
        name=name,
        orphaned=item.get("orphaned") is True,
        iri=text_field(item, "iri"),
    )


def _anchor(value: object) -> Anchor:
    """The anchor of an exported annotation, checked."""
    if not isinstance(value, dict):
        raise InterchangeError("no anchor")
    start, end = value.get("start"), value.get("end")
    if problem := position_problem(start, end):
        raise InterchangeError(f"the anchor's {problem}")
    if any(not isinstance(value.get(key, ""), str) for key in _ANCHOR_TEXTS):
        raise InterchangeError("the anchor's exact, prefix and suffix must be text")
    if not value.get("exact"):
        raise InterchangeError("the anchor has no text (exact)")
    exact, prefix, suffix = (quote_text(value.get(key, "")) for key in _ANCHOR_TEXTS)
    return Anchor(start, end, exact, prefix, suffix)


def _codebook(document: dict[str, Any]) -> tuple[LabelInfo, ...]:
    """The labels an export describes (malformed entries are passed over)."""
    entries = document.get("codebook", [])
    if not isinstance(entries, list):
        return ()
    return tuple(
        LabelInfo(
            name=text_field(entry, "name").strip(),
            colour=text_field(entry, "colour"),
            hotkey=text_field(entry, "hotkey"),
            description=text_field(entry, "description"),
        )
        for entry in entries
        if isinstance(entry, dict) and text_field(entry, "name").strip()
    )


def _imported_text(document: dict[str, Any]) -> ImportedText:
    """The article of an export as an importer would hand it over."""
    body = document.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InterchangeError("the export carries no article text")
    if len(body) > MAX_TEXT_CHARS:
        raise InterchangeError(
            f"the article's text passes the limit of {MAX_TEXT_CHARS:,} characters"
            f" ({len(body):,}); nothing was imported"
        )
    body = normalise_body(body)
    raw = document.get("metadata")
    raw = raw if isinstance(raw, dict) else {}
    credits = raw.get("credits")
    metadata = Metadata(
        **{key: text_field(raw, key) for key in _METADATA_TEXTS},
        credits=tuple(c for c in credits if isinstance(c, str))
        if isinstance(credits, list)
        else (),
    )
    source = text_field(document, "source") or "Sourcelight export"
    return ImportedText(body, metadata, source, text_field(document, "format") or "json")


def _save_entities(library: Library, article_id: int, document: dict[str, Any]) -> list[str]:
    """Store the export's entities for its pipeline; returns what could not be read."""
    pipeline = text_field(document, "pipeline")
    items = document.get("entities")
    if not pipeline or not isinstance(items, list):
        return []
    body = document["text"]
    entities, skipped = [], []
    for number, item in enumerate(items, 1):
        entity = _entity(item, body)
        if entity is None:
            skipped.append(f"entity {number}: not an entity of this text")
        else:
            entities.append(entity)
    apply(library, SaveEntities(article_id, pipeline, tuple(sorted(entities))))
    return skipped


def _entity(item: object, body: str) -> Entity | None:
    """An exported entity, if it is well formed and lies within body."""
    if not isinstance(item, dict):
        return None
    start, end = item.get("start"), item.get("end")
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
        return None
    texts = [item.get(key) for key in ("label", "text", "group")]
    if not 0 <= start < end <= len(body) or not all(isinstance(t, str) for t in texts):
        return None
    return Entity(start, end, *texts)


def _corrections(
    document: dict[str, Any], known: Sequence[Correction]
) -> tuple[list[Correction], list[str]]:
    """The export's correction rules that the library lacks, and what could not be read."""
    items = document.get("corrections")
    have = {(r.kind, r.text, r.label, r.group) for r in known}
    rules, skipped = [], []
    for number, item in enumerate(items if isinstance(items, list) else [], 1):
        try:
            rule = _correction(item)
        except (InterchangeError, ValueError) as problem:
            skipped.append(f"correction {number}: {problem}")
            continue
        if (rule.kind, rule.text, rule.label, rule.group) not in have:
            have.add((rule.kind, rule.text, rule.label, rule.group))
            rules.append(rule)
    return rules, skipped


def _correction(item: object) -> Correction:
    """An exported rule, checked by Correction itself (ValueError when it makes no sense)."""
    if not isinstance(item, dict):
        raise InterchangeError("not an object")
    fields = ("kind", "text", "label", "group", "created")
    return Correction(0, *(text_field(item, key) for key in fields))
