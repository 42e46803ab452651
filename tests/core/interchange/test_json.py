"""Sourcelight's own JSON: lossless export, and a round trip into a fresh library."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from gui.core.entities.commands import AddCorrection
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity
from gui.core.interchange import (
    InterchangeError,
    export_json,
    import_annotations,
    import_article_export,
    import_document,
)
from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    CorrectionStore,
    EntityStore,
    LabelStore,
    Library,
    LibraryReadOnly,
    apply,
)
from tests.core.interchange_helpers import (
    BODY,
    METADATA,
    NOTE,
    add_article,
    annotate,
    annotated_article,
    comparable,
    memory_library,
)

ENTITIES = [
    Entity(14, 19, "PLACE", "Mosul", "Mosul"),
    Entity(26, 38, "PERSON", "Dana Example", "x"),
]


@pytest.fixture
def library() -> Iterator[Library]:
    """The library exported from."""
    with memory_library() as lib:
        yield lib


@pytest.fixture
def fresh() -> Iterator[Library]:
    """A fresh library to import into."""
    with memory_library() as lib:
        yield lib


def exported(library: Library) -> tuple[int, dict]:
    """The annotated article with entities and a correction, exported (through JSON text)."""
    article_id = annotated_article(library).article_id
    EntityStore(library).save(article_id, "test-pipeline", ENTITIES)
    rule = Correction(0, "type", "Mosul", "PLACE", "", "2024-05-03T10:00:00+00:00")
    apply(library, AddCorrection(rule))
    document = export_json(library, article_id, ENTITIES, "test-pipeline")
    return article_id, json.loads(json.dumps(document, ensure_ascii=False))


def test_export_holds_article_entities_annotations_codebook_and_corrections(library):
    article_id, document = exported(library)
    assert document["sourcelight_export"] == 2
    assert document["text"] == BODY
    assert document["metadata"] == METADATA.as_dict()
    assert document["content_hash"] == ArticleStore(library).get(article_id).content_hash
    assert document["pipeline"] == "test-pipeline"
    assert [e["text"] for e in document["entities"]] == ["Mosul", "Dana Example"]
    first = document["annotations"][0]
    assert set(first) == {
        "id", "label", "anchor", "note", "annotator", "created", "modified", "orphaned",
        "iri",
    }  # fmt: skip
    assert first["label"] == "Claim" and first["note"] == NOTE
    assert set(first["anchor"]) == {"start", "end", "exact", "prefix", "suffix"}
    assert [a["orphaned"] for a in document["annotations"]].count(True) == 1
    rumour = next(label for label in document["codebook"] if label["name"] == "Rumour")
    assert (rumour["colour"], rumour["hotkey"]) == ("#ABCDEF", "8")
    assert document["corrections"] == [
        {
            "kind": "type",
            "text": "Mosul",
            "label": "PLACE",
            "group": "",
            "created": "2024-05-03T10:00:00+00:00",
        }
    ]


def test_export_without_entities_given_uses_none_when_nothing_is_cached(library):
    article_id = add_article(library)
    document = export_json(library, article_id)
    assert (document["entities"], document["pipeline"]) == ([], "")


def test_export_of_an_unknown_article_is_a_key_error(library):
    with pytest.raises(KeyError):
        export_json(library, 99)


def test_round_trip_into_a_fresh_library_gives_the_same_annotations(library, fresh):
    article_id, document = exported(library)
    report = import_document(fresh, json.dumps(document, ensure_ascii=False).encode("utf-8"))
    assert (report.anchored, report.orphaned, report.skipped) == (3, 1, ())
    assert report.article_added
    assert comparable(fresh, report.article_id) == comparable(library, article_id)
    copy = ArticleStore(fresh).get(report.article_id)
    original = ArticleStore(library).get(article_id)
    assert (copy.body, copy.metadata, copy.content_hash) == (
        original.body,
        original.metadata,
        original.content_hash,
    )
    assert EntityStore(fresh).cached(report.article_id, "test-pipeline") == ENTITIES
    assert [(c.kind, c.text, c.label, c.created) for c in CorrectionStore(fresh).corrections()] == [
        ("type", "Mosul", "PLACE", "2024-05-03T10:00:00+00:00")
    ]
    rumour = next(label for label in LabelStore(fresh).labels() if label.name == "Rumour")
    assert (rumour.colour, rumour.hotkey, rumour.description) == ("#ABCDEF", "8", "About Rumour")


def test_round_trip_export_again_is_the_same_but_for_ids(library, fresh):
    _, document = exported(library)
    report = import_document(fresh, json.dumps(document))
    again = export_json(fresh, report.article_id, ENTITIES, "test-pipeline")

    def without_ids(doc: dict) -> list[dict]:
        return [{k: v for k, v in a.items() if k != "id"} for a in doc["annotations"]]

    assert without_ids(again) == without_ids(document)


def test_importing_twice_adds_nothing_the_second_time(library, fresh):
    _, document = exported(library)
    first = import_document(fresh, json.dumps(document))
    second = import_document(fresh, json.dumps(document))
    assert second.article_id == first.article_id and not second.article_added
    assert (second.anchored, second.orphaned, second.duplicates) == (0, 0, 4)
    assert len(AnnotationStore(fresh).for_article(first.article_id)) == 4
    assert len(CorrectionStore(fresh).corrections()) == 1


def test_import_into_an_edited_text_reanchors(library, fresh):
    _, document = exported(library)
    edited = "Update: casualty figures revised.\n\n" + BODY
    article_id = add_article(fresh, edited)
    report = import_annotations(fresh, article_id, json.dumps(document))
    assert (report.anchored, report.orphaned) == (3, 1)
    for annotation in AnnotationStore(fresh).for_article(article_id):
        if not annotation.orphaned:
            assert edited[annotation.start : annotation.end] == annotation.text


def test_import_article_export_adds_the_article_once(library, fresh):
    _, document = exported(library)
    article_id = import_article_export(fresh, json.dumps(document))
    assert import_article_export(fresh, document) == article_id
    assert ArticleStore(fresh).count() == 1
    assert AnnotationStore(fresh).for_article(article_id) == []  # the article only


def test_a_version_1_export_brings_its_article_without_annotations(fresh):
    old = {"sourcelight_export": 1, "metadata": {"title": "Old"}, "text": BODY, "entities": []}
    report = import_document(fresh, json.dumps(old))
    assert report.article_added and (report.anchored, report.orphaned) == (0, 0)
    assert ArticleStore(fresh).get(report.article_id).metadata.title == "Old"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sourcelight_export": 99}, "newer Sourcelight"),
        ({"sourcelight_export": "2"}, "version number"),
        ({"annotations": {"not": "a list"}}, "'annotations' must be a list"),
        ({"text": ""}, "no article text"),
    ],
)
def test_unusable_exports_are_refused_and_change_nothing(library, fresh, change, message):
    _, document = exported(library)
    with pytest.raises(InterchangeError, match=message):
        import_document(fresh, json.dumps({**document, **change}))
    assert ArticleStore(fresh).count() == 0
    assert len(LabelStore(fresh).labels()) == 7


def test_broken_annotations_are_skipped_with_reasons(library, fresh):
    _, document = exported(library)
    broken = [
        "not an object",
        {"label": "Claim"},
        {"anchor": {"start": 5, "end": 2, "exact": "x"}},
        {"anchor": {"start": 0, "end": 2, "exact": ""}},
        {"anchor": {"start": "0", "end": 2, "exact": "x"}},
    ]
    document["annotations"] = document["annotations"][:1] + broken
    report = import_document(fresh, json.dumps(document))
    assert report.anchored == 1
    assert [reason.split(":")[0] for reason in report.skipped] == [
        f"annotation {n}" for n in range(2, 7)
    ]
    assert "no anchor" in report.skipped[1]


def test_an_empty_annotator_stays_empty_and_a_missing_one_is_filled_in(library, fresh):
    article_id = add_article(library)
    annotate(library, article_id, "40 people", annotator="")
    document = export_json(library, article_id)
    import_document(fresh, json.dumps(document))
    assert [a.annotator for a in AnnotationStore(fresh).for_article(1)] == [""]
    del document["annotations"][0]["annotator"]
    document["annotations"][0]["note"] = "different, so not a duplicate"
    import_document(fresh, json.dumps(document), annotator="sam")
    assert sorted(a.annotator for a in AnnotationStore(fresh).for_article(1)) == ["", "sam"]


def test_a_read_only_library_refuses_the_import(library, fresh):
    _, document = exported(library)
    fresh.read_only = True
    with pytest.raises(LibraryReadOnly):
        import_document(fresh, json.dumps(document))


def test_undo_of_a_whole_import_removes_article_rules_and_labels_and_redo_restores(library, fresh):
    _, document = exported(library)
    report = import_document(fresh, json.dumps(document))
    after = comparable(fresh, report.article_id)
    redo = apply(fresh, report.undo)
    assert ArticleStore(fresh).count() == 0
    assert CorrectionStore(fresh).corrections() == []
    assert "Rumour" not in {label.name for label in LabelStore(fresh).labels()}
    apply(fresh, redo)
    assert comparable(fresh, report.article_id) == after
    assert EntityStore(fresh).cached(report.article_id, "test-pipeline") == ENTITIES
    assert len(CorrectionStore(fresh).corrections()) == 1


def test_a_second_layers_identical_annotation_is_imported_and_scored_as_a_match(library, fresh):
    from gui.core.trainer.scoring import compare_layers

    article_id = add_article(library)
    annotate(library, article_id, "40 people", annotator="key")
    add_article(fresh)
    annotate(fresh, 1, "40 people", annotator="key")
    document = export_json(library, article_id)
    document["annotations"][0]["annotator"] = "Ana"
    report = import_document(fresh, json.dumps(document))
    assert (report.anchored, report.duplicates) == (1, 0)
    found = AnnotationStore(fresh).for_article(1)
    labels = LabelStore(fresh).labels()
    result = compare_layers(ArticleStore(fresh).get(1).body, found, labels, "key", "Ana")
    assert (result.score().matches, result.score().misses) == (1, 0)
    again = import_document(fresh, json.dumps(document))
    assert (again.anchored, again.duplicates) == (0, 1)  # Ana's own twice is a duplicate
