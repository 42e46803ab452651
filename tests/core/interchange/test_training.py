"""Training data: examples from what an article has, as JSON Lines and as a spaCy DocBin."""

from __future__ import annotations

import json

import spacy
from spacy.tokens import DocBin

from gui.core.articles import Article, Metadata
from gui.core.entities.pipeline import Entity
from gui.core.findings import ArticleFindings
from gui.core.interchange.training import (
    ENTITIES,
    QUOTES,
    TrainingSpan,
    example,
    to_docbin,
    to_jsonl,
)
from gui.core.sourcing.model import Attribution, Findings, Source, SpanText

BODY = "“We stay,” Dana Kovac said in Porto Zarr. \U0001f642 Police confirmed it.\n"


def span(text: str) -> SpanText:
    """The first occurrence of text in BODY."""
    start = BODY.index(text)
    return SpanText(start, start + len(text), text)


def shown() -> ArticleFindings:
    """An article with two entities (one overlapping the other) and one quote."""
    article = Article(7, BODY, Metadata(title="Port"), "/tmp/port.txt", "txt", "hash", "")
    entities = (
        Entity(*_at("Dana Kovac"), "PERSON", "Dana Kovac", "Dana Kovac"),
        Entity(*_at("Porto Zarr"), "PLACE", "Porto Zarr", "Porto Zarr"),
        Entity(*_at("Porto"), "ORG", "Porto", "Porto"),
    )
    said = Attribution(1, "direct", span("said"), Source(span("Dana Kovac")), span("We stay,"))
    return ArticleFindings(article, entities, Findings(attributions=(said,)))


def _at(text: str) -> tuple[int, int]:
    start = BODY.index(text)
    return start, start + len(text)


def test_jsonl_lines_carry_text_spans_in_code_points_and_meta():
    (line,) = to_jsonl([example(shown(), QUOTES)]).splitlines()
    record = json.loads(line)
    assert record["text"] == BODY
    assert [(BODY[s["start"] : s["end"]], s["label"]) for s in record["spans"]] == [
        ("We stay,", "QUOTE"),
        ("Dana Kovac", "SOURCE"),
    ]
    assert record["meta"] == {"article": 7, "title": "Port"}


def test_a_docbin_holds_non_overlapping_entities_and_says_what_it_left_out():
    made = example(shown(), ENTITIES)
    broken = made.__class__(
        made.text, (*made.spans, TrainingSpan(2, 4, "ODD")), made.article_id, made.title
    )
    data, dropped = to_docbin([broken], ENTITIES)
    assert dropped == ["article 7: ODD 2..4"]  # inside the token "We"
    (doc,) = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Dana Kovac", "PERSON"),
        ("Porto Zarr", "PLACE"),  # the longer of the two overlapping ones
    ]
