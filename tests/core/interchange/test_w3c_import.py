"""Importing W3C Web Annotations: every shape tools write, anchoring, orphans, bad input."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest

from gui.core.annotations.model import Annotation
from gui.core.interchange import (
    InterchangeError,
    NoArticle,
    export_w3c,
    import_annotations,
    import_document,
)
from gui.core.interchange import importer as importer_module
from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    LabelStore,
    Library,
    LibraryError,
    apply,
)
from tests.core.interchange_helpers import (
    BODY,
    add_article,
    annotated_article,
    comparable,
    memory_library,
)

QUOTE = "40 people were killed"
START = BODY.index(QUOTE)


@pytest.fixture
def library() -> Iterator[Library]:
    """A library with the article to import into (id 1)."""
    with memory_library() as lib:
        add_article(lib)
        yield lib


def quote(exact: str = QUOTE, **more: Any) -> dict[str, Any]:
    """A TextQuoteSelector."""
    return {"type": "TextQuoteSelector", "exact": exact, **more}


def position(start: int = START, end: int = START + len(QUOTE)) -> dict[str, Any]:
    """A TextPositionSelector."""
    return {"type": "TextPositionSelector", "start": start, "end": end}


_IDS = itertools.count(1)


def annotation(**fields: Any) -> dict[str, Any]:
    """A W3C Annotation of QUOTE with a comment and a tag, changed by fields; each its own id."""
    data: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": f"urn:uuid:00000000-0000-4000-8000-{next(_IDS):012d}",
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "value": "Check it", "purpose": "commenting"},
            {"type": "TextualBody", "value": "Claim", "purpose": "tagging"},
        ],
        "target": {"source": "https://news.example/mosul", "selector": [position(), quote()]},
    }
    data.update(fields)
    return data


def imported(library: Library, data: object, annotator: str | None = None) -> list[Annotation]:
    """Import data into article 1 and return the article's annotations."""
    import_annotations(library, 1, json.dumps(data), annotator)
    return AnnotationStore(library).for_article(1)


def label_name(library: Library, annotation: Annotation) -> str:
    """The name of an annotation's label."""
    return LabelStore(library).get(annotation.label_id).name


def snapshot(library: Library) -> tuple[object, ...]:
    """Everything an import could change."""
    return (
        AnnotationStore(library).for_article(1),
        LabelStore(library).labels(),
        ArticleStore(library).count(),
    )


@pytest.mark.parametrize(
    "wrap",
    [
        lambda a: a,
        lambda a: [a],
        lambda a: {"type": "AnnotationCollection", "id": "urn:x:c", "first": {"items": [a]}},
        lambda a: {"type": "AnnotationCollection", "id": "urn:x:c", "items": [a]},
        lambda a: {"type": "AnnotationPage", "id": "urn:x:p", "items": [a]},
        lambda a: {"type": "AnnotationPage", "items": a},
        lambda a: {"@type": "oa:Annotation", **{k: v for k, v in a.items() if k != "type"}},
    ],
    ids=["single", "list", "collection-first", "collection-items", "page", "page-one", "oa-prefix"],
)
def test_every_container_shape_is_read(library, wrap):
    (found,) = imported(library, wrap(annotation()))
    assert (found.start, found.end, found.text) == (START, START + len(QUOTE), QUOTE)
    assert (label_name(library, found), found.note, found.orphaned) == ("Claim", "Check it", False)


def test_embedded_next_pages_are_followed_and_links_reported(library):
    second = {"type": "AnnotationPage", "items": [annotation(body="second")], "next": "urn:x:3"}
    first = {"type": "AnnotationPage", "items": [annotation(body="first")], "next": second}
    report = import_annotations(library, 1, json.dumps(first))
    assert report.anchored == 2
    assert report.skipped == ("page urn:x:3: not in the file, its annotations were not read",)


@pytest.mark.parametrize(
    ("body", "tags", "note"),
    [
        ("A plain string body", "Unlabelled", "A plain string body"),
        ({"type": "TextualBody", "value": "No purpose"}, "Unlabelled", "No purpose"),
        ({"value": "Describes", "purpose": "describing"}, "Unlabelled", "Describes"),
        ({"type": "TextualBody", "value": "Hedge", "purpose": "tagging"}, "Hedge", ""),
        ([{"value": "hedge", "purpose": ["tagging"]}, "two"], "Hedge", "two"),
        ({"type": "Choice", "items": [{"value": "first"}, {"value": "x"}]}, "Unlabelled", "first"),
        ([{"value": "a", "purpose": "commenting"}, {"value": "b"}], "Unlabelled", "a\n\nb"),
        ([{"id": "https://example.org/img.png"}], "Unlabelled", ""),
    ],
)
def test_bodies_become_label_and_note(library, body, tags, note):
    (found,) = imported(library, annotation(body=body))
    assert (label_name(library, found), found.note) == (tags, note)


def test_a_single_motivation_is_the_purpose_of_bodies_without_one(library):
    (found,) = imported(library, annotation(motivation="tagging", body={"value": "Opinion"}))
    assert (label_name(library, found), found.note) == ("Opinion", "")


def test_unknown_tags_join_the_codebook_and_known_ones_win(library):
    body = [{"value": t, "purpose": "tagging"} for t in ("casualties", "claim", "disputed")]
    (found,) = imported(library, annotation(body=body))
    assert label_name(library, found) == "Claim"  # known, whatever the case
    assert found.note == "Tags: casualties, disputed"
    (rumour,) = imported(library, annotation(body={"value": "Rumour", "purpose": "tagging"}))[1:]
    label = LabelStore(library).get(rumour.label_id)
    assert (label.name, label.hotkey) == ("Rumour", "")
    assert label.colour.startswith("#") and label.position == 7


def test_bodyvalue_and_hypothesis_fields_are_notes_and_tags(library):
    (found,) = imported(library, annotation(body=None) | {"bodyValue": "short note"})
    assert (label_name(library, found), found.note) == ("Unlabelled", "short note")
    hypothesis = {"target": [{"selector": [quote()]}], "text": "h note", "tags": ["Source"]}
    found = imported(library, hypothesis)[1]
    assert (label_name(library, found), found.note) == ("Source", "h note")


@pytest.mark.parametrize(
    ("creator", "expected"),
    [
        ({"type": "Person", "name": "Ana"}, "Ana"),
        ({"type": "Person", "nickname": "ana_k"}, "ana_k"),
        ("acct:ana@example.org", "acct:ana@example.org"),
        ([{"type": "Software"}, {"name": "Second"}], "Second"),
        (None, "given"),
    ],
)
def test_the_annotator_comes_from_the_creator_else_the_option(library, creator, expected):
    (found,) = imported(library, annotation(creator=creator), annotator="given")
    assert found.annotator == expected


def test_without_creator_or_option_the_annotator_is_imported(library):
    assert imported(library, annotation())[0].annotator == "imported"


def test_times_are_kept_in_utc_and_missing_ones_stamped(library):
    data = annotation(created="2024-05-02T11:30:00+02:00", modified="2024-05-03T00:00:00Z")
    (found,) = imported(library, data)
    assert (found.created, found.modified) == (
        "2024-05-02T09:30:00+00:00",
        "2024-05-03T00:00:00+00:00",
    )
    stamped = imported(library, annotation(body="other", created="yesterday"))[1]
    assert stamped.created and stamped.modified == stamped.created


@pytest.mark.parametrize(
    "target",
    [
        {"selector": quote()},
        [{"selector": []}, {"source": "urn:x", "selector": [quote()]}],
        {"selector": [{"type": "RangeSelector"}, quote()]},
        {"selector": {"type": "FragmentSelector", "value": "p1", "refinedBy": quote()}},
        {"selector": [quote(refinedBy={"type": "TextPositionSelector", "start": 0, "end": 1})]},
        {"selector": [position()]},
    ],
    ids=["object", "list", "other-selectors", "refined-quote", "refinement-ignored", "position"],
)
def test_targets_and_selectors_in_any_form(library, target):
    (found,) = imported(library, annotation(target=target))
    assert (found.text, found.start, found.orphaned) == (QUOTE, START, False)


def test_a_quote_found_elsewhere_moves_and_a_lost_one_is_an_orphan(library):
    moved = annotation(target={"selector": [position(3, 24), quote()]})
    lost = annotation(body="lost", target={"selector": [position(), quote("in Aleppo")]})
    report = import_annotations(library, 1, json.dumps([moved, lost]))
    assert (report.anchored, report.orphaned, report.skipped) == (1, 1, ())
    placed, orphan = AnnotationStore(library).for_article(1)
    assert (placed.start, placed.text, placed.orphaned) == (START, QUOTE, False)
    assert (orphan.text, orphan.orphaned, orphan.note) == ("in Aleppo", True, "lost")


def test_context_picks_the_right_one_of_repeated_quotes(library):
    second = BODY.index("Fighters left Mosul", 1)
    selector = quote("Fighters left Mosul", prefix="reportedly lower. ", suffix=", residents")
    (found,) = imported(library, annotation(target={"selector": selector}))
    assert found.start == second
    first = imported(library, annotation(body="x", target={"selector": quote("Fighters")}))[0]
    assert (first.start, first.text) == (0, "Fighters")  # no context: the first one


def test_an_orphan_with_only_a_quote_is_kept_at_the_start(library):
    (orphan,) = imported(library, annotation(target={"selector": quote("Palmyra")}))
    assert (orphan.start, orphan.end, orphan.text, orphan.orphaned) == (0, 7, "Palmyra", True)


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        ("just text", "not an annotation but a string"),
        ({"type": "Note", "target": {}}, "a Note, not an Annotation"),
        ({"type": "Annotation", "body": "no target"}, "without a target"),
        (annotation(target="https://news.example/mosul"), "selects no text"),
        (annotation(target={"selector": {"type": "CssSelector"}}), "selects no text"),
        (annotation(target={"selector": quote("")}), "has no text (exact)"),
        (annotation(target={"selector": position(9, 2)}), "is not a span"),
        (annotation(target={"selector": position(0, 10**6)}), "outside the text"),
    ],
)
def test_items_that_are_no_annotations_of_text_are_skipped_with_a_reason(library, item, reason):
    report = import_annotations(library, 1, json.dumps([annotation(), item]))
    assert report.anchored == 1
    (skipped,) = report.skipped
    assert skipped.startswith("item 2") and reason in skipped


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b'{"type": "Annotation", ', "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("42", "not a number"),
        ('"text"', "not a string"),
        ('{"hello": "world"}', "an object without a type"),
        ('{"type": "Person"}', "not Person"),
        ('{"type": "AnnotationCollection", "first": "https://x.org/p1"}', "not in the file"),
    ],
)
def test_unreadable_files_raise_and_change_nothing(library, data, message):
    before = snapshot(library)
    with pytest.raises(InterchangeError, match=message) as raised:
        import_annotations(library, 1, data)
    assert isinstance(raised.value, ValueError)
    assert snapshot(library) == before


def test_a_failure_midway_rolls_the_whole_import_back(library, monkeypatch):
    calls = []

    def failing(lib, command):
        calls.append(command)
        if len(calls) == 3:
            raise LibraryError("disk full")
        return apply(lib, command)

    monkeypatch.setattr(importer_module, "apply", failing)
    before = snapshot(library)
    items = [annotation(body={"value": f"New {n}", "purpose": "tagging"}) for n in range(3)]
    with pytest.raises(LibraryError):
        import_annotations(library, 1, json.dumps(items))
    assert len(calls) == 3
    assert snapshot(library) == before


def test_the_report_undo_takes_the_import_back_and_redo_restores_it(library):
    tags = {"value": "Brand new", "purpose": "tagging"}
    report = import_annotations(library, 1, json.dumps([annotation(body=tags), annotation()]))
    after = snapshot(library)
    redo = apply(library, report.undo)
    assert AnnotationStore(library).for_article(1) == []
    assert "Brand new" not in {label.name for label in LabelStore(library).labels()}
    apply(library, redo)
    assert snapshot(library) == after


def test_w3c_round_trip_into_a_fresh_library():
    with memory_library() as source, memory_library() as target:
        article_id = annotated_article(source).article_id
        exported = export_w3c(source, article_id)
        body = ArticleStore(source).get(article_id).body
        copy_id = add_article(target, body)
        report = import_annotations(target, copy_id, json.dumps(exported, ensure_ascii=False))
        assert (report.anchored, report.orphaned) == (3, 1)
        # W3C has no creator without a name: who made it is "imported" on the way back.
        expected = [
            (*row[:3], row[3] or "imported", *row[4:]) for row in comparable(source, article_id)
        ]
        assert comparable(target, copy_id) == expected


def test_without_an_article_the_target_urn_names_it(library):
    exported = export_w3c(library, 1)
    content_hash = ArticleStore(library).get(1).content_hash
    item = annotation(target={"source": f"urn:sourcelight:article:{content_hash}"})
    item["target"]["selector"] = quote()
    report = import_document(library, json.dumps(item))
    assert (report.article_id, report.anchored, report.article_added) == (1, 1, False)
    assert exported["total"] == 0
    with pytest.raises(NoArticle):
        import_document(library, json.dumps(annotation()))


def test_an_unknown_article_is_a_key_error(library):
    with pytest.raises(KeyError):
        import_annotations(library, 5, json.dumps(annotation()))


def test_the_same_span_and_label_by_two_people_are_two_annotations(library):
    creator = lambda name: {"type": "Person", "name": name}  # noqa: E731
    imported(library, annotation(creator=creator("Ana")))
    found = imported(
        library, [annotation(creator=creator("Ben")), annotation(creator=creator("Ana"))]
    )
    assert sorted(a.annotator for a in found) == ["Ana", "Ben"]  # Ana's twice is one
    found = imported(library, annotation(), annotator="Cleo")  # unattributed: the option's name
    assert sorted(a.annotator for a in found) == ["Ana", "Ben", "Cleo"]
