"""Helpers for the claims tests: the parsed paragraphs of a text, and hand-made attributions."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from gui.core.entities.pipeline import Entity, Pipeline, load_pipeline
from gui.core.normalise import normalise, paragraphs
from gui.core.sourcing.model import Attribution, Source, SpanText

if TYPE_CHECKING:
    from spacy.tokens import Doc


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    """The real pipeline, loaded once per test run (about a second)."""
    return load_pipeline()


def parse(body: str) -> list[tuple[int, Doc]]:
    """(paragraph offset, Doc) pairs of a body, as analyse_sourcing makes them."""
    text = normalise(body).text
    nlp = pipeline().nlp
    return [(span.start, nlp(text[span.start : span.end])) for span in paragraphs(text)]


def entities(body: str) -> list[Entity]:
    """The entities of a body, alias groups included."""
    return pipeline().analyse(body)


def span(body: str, text: str, after: int = 0) -> SpanText:
    """The span of the first `text` in the body at or after `after`."""
    start = body.index(text, after)
    return SpanText(start, start + len(text), text)


def source(body: str, text: str, kind: str = "person", **fields: object) -> Source:
    """A source named by the first `text` in the body."""
    return Source(span(body, text), kind, **fields)  # type: ignore[arg-type]


def attribution(
    body: str,
    content: str,
    who: Source,
    *,
    cue: str | None = None,
    via: tuple[Source, ...] = (),
    kind: str = "direct",
    quote_marks: bool = True,
    number: int = 1,
) -> Attribution:
    """An attribution of the first `content` in the body to `who`."""
    cue_span = span(body, cue) if cue else None
    return Attribution(
        number, kind, cue_span, who, span(body, content), via, "neutral", quote_marks
    )
