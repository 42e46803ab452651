"""W3C files between tools: orphans, ids, label purposes, Hypothesis's files, UTF-16 counts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from gui.core.interchange import export_w3c, import_annotations, import_document
from gui.core.storage import AnnotationStore, LabelStore, Library
from tests.core.interchange_helpers import BODY, add_article, annotated_article, memory_library

QUOTE = "40 people were killed"


@pytest.fixture
def library() -> Iterator[Library]:
    """A fresh in-memory library."""
    with memory_library() as lib:
        yield lib


def items(library: Library, article_id: int) -> list[dict[str, Any]]:
    """The exported annotations of an article, through JSON text."""
    return json.loads(json.dumps(export_w3c(library, article_id)))["first"]["items"]


def test_an_orphan_is_exported_by_its_quote_with_its_last_place_as_our_own_term(library):
    made = annotated_article(library)
    (orphan,) = [item for item in items(library, made.article_id) if "sourcelight:orphaned" in item]
    stored = AnnotationStore(library).get(made.orphan_id)
    assert orphan["target"]["selector"] == [
        {"type": "TextQuoteSelector", "exact": "much", "prefix": stored.anchor.prefix,
         "suffix": stored.anchor.suffix}
    ]  # fmt: skip
    assert orphan["sourcelight:orphaned"] is True
    assert orphan["sourcelight:lastPosition"] == {"start": stored.start, "end": stored.end}
    assert orphan["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert orphan["@context"][1] == {"sourcelight": "urn:sourcelight:terms#"}


def test_ids_and_orphans_survive_a_round_trip_through_another_library(library):
    made = annotated_article(library)
    exported = export_w3c(library, made.article_id)
    with memory_library() as other:
        copy_id = add_article(other)  # the same text: the file names it by its hash
        report = import_document(other, json.dumps(exported))
        assert (report.article_id, report.anchored, report.orphaned) == (copy_id, 3, 1)
        again = export_w3c(other, copy_id)
        orphan = next(a for a in AnnotationStore(other).for_article(copy_id) if a.orphaned)
    ids = lambda collection: sorted(a["id"] for a in collection["first"]["items"])  # noqa: E731
    assert ids(again) == ids(exported)
    original = AnnotationStore(library).get(made.orphan_id)
    assert (orphan.start, orphan.end, orphan.text) == (original.start, original.end, "much")
    assert import_document(library, json.dumps(again)).duplicates == 4  # known by their ids


@pytest.mark.parametrize("purpose", ["identifying", "classifying"])
def test_identifying_and_classifying_bodies_become_labels(library, purpose):
    article_id = add_article(library)
    body = [
        {"type": "TextualBody", "value": "Needs verification", "purpose": purpose},
        {"type": "TextualBody", "value": "a comment", "purpose": "commenting"},
    ]
    data = annotation_of(QUOTE, body=body)
    import_annotations(library, article_id, json.dumps(data))
    (found,) = AnnotationStore(library).for_article(article_id)
    assert LabelStore(library).get(found.label_id).name == "Needs verification"
    assert found.note == "a comment"


def annotation_of(exact: str, start: int | None = None, **fields: Any) -> dict[str, Any]:
    """A W3C annotation of exact (at start, when given)."""
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": exact}]
    if start is not None:
        selectors.insert(0, {"type": "TextPositionSelector", "start": start, "end": start + 2})
    return {"type": "Annotation", "target": {"selector": selectors}, **fields}


def hypothesis_row(user: str, text: str, tags: list[str], exact: str, **more: Any) -> dict:
    """One annotation as Hypothesis's API and client export write it."""
    return {
        "id": f"h{len(text)}{user[5:8]}",
        "created": "2024-05-02T09:30:00.123456+00:00",
        "updated": "2024-05-03T10:00:00.000000+00:00",
        "user": user,
        "uri": "https://news.example/mosul",
        "text": text,
        "tags": tags,
        "target": [
            {
                "source": "https://news.example/mosul",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/p[3]", "endContainer": "/p[3]"},
                    {"type": "TextQuoteSelector", "exact": exact, "prefix": "", "suffix": ""},
                ],
            }
        ],
        "links": {"html": f"https://hypothes.is/a/h{len(text)}{user[5:8]}"},
        **more,
    }


HYPOTHESIS_ROWS = [
    hypothesis_row("acct:ana_k@hypothes.is", "says who?", ["Source"], "a local official"),
    hypothesis_row("acct:ben@hypothes.is", "count differs", ["Claim"], QUOTE),
]


@pytest.mark.parametrize(
    "document",
    [
        {
            "export_date": "2024-05-04T08:00:00.000Z",
            "export_userid": "acct:ana_k@hypothes.is",
            "client_version": "1.1500.0",
            "annotations": HYPOTHESIS_ROWS,
        },
        {"total": 2, "rows": HYPOTHESIS_ROWS},
    ],
    ids=["client-export", "api-search"],
)
def test_hypothesis_files_import_with_each_user_as_a_layer(library, document):
    article_id = add_article(library)
    report = import_annotations(library, article_id, json.dumps(document))
    assert (report.anchored, report.skipped) == (2, ())
    found = {a.annotator: a for a in AnnotationStore(library).for_article(article_id)}
    assert set(found) == {"ana_k", "ben"}
    assert AnnotationStore(library).annotators(article_id) == ["ana_k", "ben"]
    ben = found["ben"]
    assert (ben.text, ben.note, LabelStore(library).get(ben.label_id).name) == (
        QUOTE,
        "count differs",
        "Claim",
    )
    assert ben.modified == "2024-05-03T10:00:00+00:00"
    assert ben.iri == "https://hypothes.is/a/h13ben"


def test_positions_counted_in_utf16_units_are_converted_when_the_quote_confirms_them(library):
    # Six emoji (two UTF-16 units each) before two "no"s three characters apart: read as code
    # points, the UTF-16 start of the first lands nearer the second.
    body = "\U0001f642" * 6 + " Answer: no, no. Then silence.\n"
    article_id = add_article(library, body)
    first = body.index("no")
    utf16_start = len(body[:first].encode("utf-16-le")) // 2
    import_annotations(library, article_id, json.dumps(annotation_of("no", utf16_start)))
    (found,) = AnnotationStore(library).for_article(article_id)
    assert (found.start, found.text, found.orphaned) == (first, "no", False)


def test_code_point_positions_are_taken_as_they_are(library):
    article_id = add_article(library)
    start = BODY.index(QUOTE)
    selector = {"type": "TextPositionSelector", "start": start, "end": start + len(QUOTE)}
    data = {"type": "Annotation", "target": {"selector": [selector]}}
    import_annotations(library, article_id, json.dumps(data))
    (found,) = AnnotationStore(library).for_article(article_id)
    assert (found.start, found.text) == (start, QUOTE)
