"""Training data out: what an article has, as examples for spaCy and Prodigy.

Two sets of spans per article: its entities as the user corrected them (labels PERSON, ORG,
OUTLET, PLACE, ...), or its quotes and their sources as the sourcing lens shows them after the
user's corrections (QUOTE for what is said, SOURCE for who says it). Written as JSON Lines in
the {"text", "spans": [{"start", "end", "label"}]} shape (offsets in code points, as Python
and Prodigy count), or as a spaCy DocBin: entities as doc.ents, quotes and sources in
doc.spans["sc"] (they may overlap), tokenised by a blank English pipeline (no model needed).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gui.core.findings import ArticleFindings

ENTITIES, QUOTES = "entities", "quotes"
SPAN_SETS = (ENTITIES, QUOTES)
SPAN_KEY = "sc"  # spaCy's default key for span categorisation
QUOTE_LABEL, SOURCE_LABEL = "QUOTE", "SOURCE"


@dataclass(frozen=True, order=True)
class TrainingSpan:
    """A labelled span of an example's text (code-point offsets)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Example:
    """One article as training data: its text, its spans, and where it came from."""

    text: str
    spans: tuple[TrainingSpan, ...]
    article_id: int
    title: str


def example(shown: ArticleFindings, spans: str = ENTITIES) -> Example:
    """The article's entities (spans "entities") or quotes and sources ("quotes")."""
    found = _entity_spans(shown) if spans == ENTITIES else _quote_spans(shown)
    article = shown.article
    return Example(article.body, tuple(sorted(set(found))), article.id, article.metadata.title)


def _entity_spans(shown: ArticleFindings) -> list[TrainingSpan]:
    """The corrected entities."""
    return [TrainingSpan(e.start, e.end, e.label) for e in shown.entities if e.end > e.start]


def _quote_spans(shown: ArticleFindings) -> list[TrainingSpan]:
    """What each attribution says, and the words naming its source."""
    spans: list[TrainingSpan] = []
    for attribution in shown.findings.attributions if shown.findings else ():
        content = attribution.content
        spans.append(TrainingSpan(content.start, content.end, QUOTE_LABEL))
        source = attribution.source.span
        if source is not None and source.end > source.start:
            spans.append(TrainingSpan(source.start, source.end, SOURCE_LABEL))
    return [span for span in spans if span.end > span.start]


def to_jsonl(examples: Iterable[Example]) -> str:
    """One JSON object per line: text, spans, and meta naming the article."""
    lines = [json.dumps(_record(e), ensure_ascii=False) for e in examples]
    return "".join(line + "\n" for line in lines)


def _record(item: Example) -> dict[str, Any]:
    """An example as Prodigy reads it."""
    spans = [{"start": s.start, "end": s.end, "label": s.label} for s in item.spans]
    meta = {"article": item.article_id, "title": item.title}
    return {"text": item.text, "spans": spans, "meta": meta}


def to_docbin(examples: Sequence[Example], spans: str = ENTITIES) -> tuple[bytes, list[str]]:
    """A spaCy DocBin of the examples, and the spans that fall inside a token (left out)."""
    spacy = importlib.import_module("spacy")
    tokens = importlib.import_module("spacy.tokens")
    nlp = spacy.blank("en")
    docs, dropped = [], []
    for item in examples:
        doc = nlp.make_doc(item.text)
        found = []
        for span in item.spans:
            made = doc.char_span(span.start, span.end, label=span.label)
            if made is None:  # not on token boundaries: training on it would teach noise
                dropped.append(f"article {item.article_id}: {span.label} {span.start}..{span.end}")
            else:
                found.append(made)
        _attach(doc, found, spans, spacy)
        docs.append(doc)
    return tokens.DocBin(docs=docs, store_user_data=False).to_bytes(), dropped


def _attach(doc: Any, found: list[Any], spans: str, spacy: Any) -> None:
    """Entities as doc.ents (overlaps resolved longest first), quotes in doc.spans."""
    if spans == ENTITIES:
        doc.ents = spacy.util.filter_spans(found)
    else:
        doc.spans[SPAN_KEY] = found
