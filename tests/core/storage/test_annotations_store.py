"""Reading annotations, the codebook and the rules; migration 2 on new and old libraries."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation, SaveLabel
from gui.core.annotations.model import DEFAULT_CODEBOOK, Annotation, Label
from gui.core.entities.commands import AddCorrection
from gui.core.entities.corrections import Correction
from gui.core.storage import (
    SCHEMA_VERSION,
    AnnotationStore,
    ArticleStore,
    CorrectionStore,
    LabelStore,
    Library,
    apply,
    open_library,
)
from gui.core.storage import migrations as schema

from .factories import imported, old_article

FIRST = 'Officials said fighters left Palmyra. A witness said "they fled" at dawn.'
SECOND = "Reports from Mosul: the mayor's office denies everything."


def annotate(library: Library, article: int, body: str, quote: str, label: int, note: str = ""):
    """Save an annotation on quote and return it as stored."""
    start = body.index(quote)
    new = Annotation(
        0, article, label, anchor_for(body, start, start + len(quote)), note, "", "", ""
    )
    return AnnotationStore(library).get(apply(library, AddAnnotation(new)).annotation_id)  # type: ignore[attr-defined]


@pytest.fixture
def filled(library: Library):
    """A library with two articles and four annotations under two labels."""
    claim, source = (label.id for label in LabelStore(library).labels()[:2])
    one = ArticleStore(library).add(imported(FIRST))
    two = ArticleStore(library).add(imported(SECOND))
    saved = [
        annotate(library, one, FIRST, "A witness said", source, "anonymous, unverified"),
        annotate(library, one, FIRST, "fighters left Palmyra", claim, "Check with Tadmur"),
        annotate(library, two, SECOND, "the mayor's office denies", claim),
        annotate(library, one, FIRST, "fighters", source),
    ]
    return library, saved, claim, source


def test_new_library_holds_the_default_codebook(library):
    labels = LabelStore(library).labels()
    assert [replace(label, id=0) for label in labels] == list(DEFAULT_CODEBOOK)
    assert len({label.id for label in labels}) == len(labels)


def test_labels_come_in_codebook_order(library):
    apply(library, SaveLabel(Label(0, "First!", "#000000", "", "", -1)))
    assert LabelStore(library).labels()[0].name == "First!"
    with pytest.raises(KeyError):
        LabelStore(library).get(999)


def test_article_annotations_come_by_position(filled):
    library, saved, _, _ = filled
    found = AnnotationStore(library).for_article(saved[0].article_id)
    assert [a.text for a in found] == ["fighters", "fighters left Palmyra", "A witness said"]


def test_get_reads_one_annotation_and_knows_when_it_is_gone(filled):
    library, saved, _, _ = filled
    assert AnnotationStore(library).get(saved[1].id) == saved[1]
    with pytest.raises(KeyError):
        AnnotationStore(library).get(999)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", [3, 1, 0, 2]),
        ("witn", [0]),  # a prefix of a word in the excerpt
        ("tadmur", [1]),  # a word of the note
        ("office mayor", [2]),  # every word, in any order
        ('"they fled"', []),  # quotes are searched for, never obeyed
        ("AND OR NOT * ^ :", []),
        ("fighters", [3, 1]),
    ],
)
def test_search_across_the_library_is_safe_as_you_type(filled, search, expected):
    library, saved, _, _ = filled
    found = AnnotationStore(library).search(search)
    assert [a.id for a in found] == [saved[i].id for i in expected]


def test_search_narrows_to_a_label(filled):
    library, saved, claim, source = filled
    assert [a.id for a in AnnotationStore(library).search("", claim)] == [saved[1].id, saved[2].id]
    assert [a.id for a in AnnotationStore(library).search("fight", source)] == [saved[3].id]


def test_corrections_come_in_the_order_they_apply(library):
    for rule in (Correction(0, "type", "Palmyra", "PLACE"), Correction(0, "remove", "Tuesday")):
        apply(library, AddCorrection(rule))
    rules = CorrectionStore(library).corrections()
    assert [(r.id, r.kind, r.text, r.label) for r in rules] == [
        (1, "type", "Palmyra", "PLACE"),
        (2, "remove", "Tuesday", ""),
    ]
    assert all(r.created for r in rules)


# Migration 2


def schema_one_library(path: Path) -> None:
    """A library file as Sourcelight with schema 1 left it: one article with entities."""
    first_only = Migrations("sourcelight")
    first_only(name="0001_initial")(schema.initial_schema)
    db = Database(path)
    first_only.apply(db)
    article = old_article(db, FIRST, "Palmyra")
    # Written as that schema had it: one analysis per article, entities without a pipeline.
    db.execute(
        'INSERT INTO entities (article_id, start, "end", label, text, grp)'
        " VALUES (?, 29, 36, 'PLACE', 'Palmyra', 'Palmyra')",
        [article],
    )
    db.execute("INSERT INTO analyses SELECT id, 'p1', content_hash, 1, imported_at FROM articles")
    db.conn.commit()
    db.close()


def test_migration_two_upgrades_a_schema_one_library_in_place(library_path):
    schema_one_library(library_path)
    with closing(sqlite3.connect(library_path)) as before:
        assert before.execute("PRAGMA user_version").fetchone() == (1,)
    library = open_library(library_path)
    try:
        assert library.created is False
        assert schema.schema_version(library.db) == SCHEMA_VERSION
        assert [m.name for m in schema.MIGRATIONS.applied(library.db)][:2] == [
            "0001_initial",
            "0002_annotations",
        ]
        [summary] = ArticleStore(library).summaries("palmyra")
        assert (summary.title, summary.entity_count) == ("Palmyra", 1)
        assert [label.name for label in LabelStore(library).labels()][:2] == ["Claim", "Source"]
        annotate(library, summary.id, FIRST, "Palmyra", LabelStore(library).labels()[0].id)
        assert len(AnnotationStore(library).search("palmyra")) == 1
    finally:
        library.close()


def test_an_upgraded_library_opens_again_without_migrating(library_path):
    schema_one_library(library_path)
    open_library(library_path).close()
    library = open_library(library_path)
    try:
        assert len(LabelStore(library).labels()) == len(DEFAULT_CODEBOOK)
        assert schema.MIGRATIONS.pending(library.db) == []
    finally:
        library.close()


def test_migration_five_gives_old_annotations_an_empty_iri_and_keeps_new_ones(library_path):
    first_four = Migrations("sourcelight")
    for name, step in (
        ("0001_initial", schema.initial_schema),
        ("0002_annotations", schema.annotations_schema),
        ("0003_sourcing", schema.sourcing_schema),
        ("0004_exercises", schema.exercises_schema),
    ):
        first_four(name=name)(step)
    db = Database(library_path)
    first_four.apply(db)
    article = old_article(db, FIRST, "Palmyra")
    db.execute(
        'INSERT INTO annotations (article_id, label_id, start, "end", exact, prefix, suffix,'
        " note, annotator, created, modified, orphaned) VALUES (?, 1, 0, 9, 'Officials', '',"
        " '', '', 'dana', '', '', 0)",
        [article],
    )
    db.conn.commit()
    db.close()
    library = open_library(library_path)
    try:
        (kept,) = AnnotationStore(library).for_article(article)
        assert kept.iri == ""
        made = replace(kept, id=0, iri="urn:uuid:6f1c3f8e-1d2b-4c59-9a43-0f6f4b1e9d01")
        added = apply(library, AddAnnotation(made, "Claim")).annotation_id
        assert AnnotationStore(library).get(added).iri == made.iri
    finally:
        library.close()
