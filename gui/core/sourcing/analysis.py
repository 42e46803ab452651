"""The sourcing lens in one call: parse the paragraphs once and run every finder over them.

The title, byline and credit lines repeated at the top of the body are metadata: the finders
read the body with them blanked (front_matter.py). The body is normalised one for one (curly
quotes and odd spaces made plain for the model), so that the offsets of the parse are offsets
of the body. Invisible in-word characters (soft hyphens, zero-width spaces) are the one
exception: they are left out of what the finders read, and every finding is mapped back to
the body at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any

from gui.core.articles import Metadata
from gui.core.normalise import NormalisedText, batches, normalise, paragraphs
from gui.core.sourcing.attribution import find_attributions
from gui.core.sourcing.front_matter import blank_front_matter, front_matter
from gui.core.sourcing.hedges import find_hedges
from gui.core.sourcing.integrity import find_integrity
from gui.core.sourcing.lexicons import default_lexicons
from gui.core.sourcing.model import Findings, SpanText
from gui.core.sourcing.numbers import find_numbers
from gui.core.sourcing.profile import sourcing_profile
from gui.core.sourcing.roles import find_roles
from gui.core.sourcing.unattributed import find_unattributed

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from gui.core.entities.pipeline import Entity, Pipeline

Progress = Callable[[int, int], None]


def analyse_sourcing(
    body: str,
    pipeline: Pipeline,
    entities: Sequence[Entity],
    lexicons: Any = None,
    progress: Progress | None = None,
    metadata: Metadata | None = None,
) -> Findings:
    """Everything the sourcing lens finds in `body` (entities as found for the same body).

    metadata: the article's; its outlet is the article's own (an interview it gave is no
    relay), and the lines that repeat it at the top of the body are not read.
    """
    header = front_matter(body, metadata)
    read = blank_front_matter(body, metadata)
    prepared = normalise(read)
    text = _reading_text(read, prepared)
    docs = parse(prepared.text, pipeline, progress, len(body))
    kept = [e for e in entities if not any(s.start <= e.start < s.end for s in header)]
    ents = [_to_reading(e, body, prepared, text) for e in kept] if prepared.positions else kept
    lex = lexicons if lexicons is not None else default_lexicons()
    outlet = metadata.outlet if metadata is not None else ""
    findings = find_all(text, docs, list(ents), lex, outlet)
    if progress is not None:
        progress(len(body), len(body))
    return _to_body(findings, body, prepared) if prepared.positions else findings


def parse(
    text: str, pipeline: Pipeline, progress: Progress | None = None, total: int = 0
) -> list[tuple[int, Doc]]:
    """(paragraph offset, Doc) for every paragraph of the text, fed through nlp.pipe once."""
    spans = paragraphs(text)
    docs: list[tuple[int, Doc]] = []
    for batch in batches(spans):
        pieces = (text[s.start : s.end] for s in batch)
        docs.extend((s.start, doc) for s, doc in zip(batch, pipeline.pipe(pieces), strict=True))
        if progress is not None:
            progress(min(batch[-1].end, total or len(text)), total or len(text))
    return docs


def find_all(
    body: str, docs: list[tuple[int, Doc]], entities: list[Entity], lexicons: Any, outlet: str = ""
) -> Findings:
    """Run attribution, then the claims finders, over parsed paragraphs (outlet: the article's)."""
    attributions = find_attributions(body, docs, entities, lexicons, outlet)
    hedges = find_hedges(body, docs, attributions, lexicons)
    unattributed = find_unattributed(body, docs, attributions, hedges)
    return Findings(
        tuple(attributions),
        tuple(hedges),
        tuple(find_numbers(body, docs, entities, attributions, lexicons)),
        tuple(find_integrity(body, attributions)),
        tuple(find_roles(body, docs, entities, attributions)),
        tuple(unattributed),
        sourcing_profile(body, attributions, hedges, unattributed, entities),
    )


def _reading_text(body: str, prepared: NormalisedText) -> str:
    """The body as the finders read it: without the characters normalise() deleted."""
    if not prepared.positions:
        return body
    kept = [body[prepared.to_original(i)] for i in range(len(prepared.text))]
    return "".join(kept)


def _to_reading(entity: Entity, body: str, prepared: NormalisedText, text: str) -> Entity:
    """An entity moved from body offsets to reading-text offsets."""
    start = _reading_offset(entity.start, prepared)
    end = _reading_offset(entity.end, prepared)
    return replace(entity, start=start, end=max(start, end))


def _reading_offset(offset: int, prepared: NormalisedText) -> int:
    """Reading-text offset of a body offset (deleted characters collapse)."""
    shift = 0
    for position, total in zip(prepared.positions, prepared.shifts, strict=True):
        if position + total <= offset:
            shift = total
    return offset - shift


def _to_body(value: Any, body: str, prepared: NormalisedText) -> Any:
    """A finding (or tuple of findings) with every span mapped back to body offsets."""
    if isinstance(value, tuple):
        return tuple(_to_body(v, body, prepared) for v in value)
    if not is_dataclass(value) or isinstance(value, type):
        return value
    changes = {f.name: _to_body(getattr(value, f.name), body, prepared) for f in fields(value)}
    if {"start", "end", "text"} <= changes.keys():
        span = prepared.original_span(changes["start"], changes["end"])
        changes |= {"start": span.start, "end": span.end, "text": body[span.start : span.end]}
    return replace(value, **changes)


__all__ = ["Findings", "SpanText", "analyse_sourcing", "find_all", "parse"]
