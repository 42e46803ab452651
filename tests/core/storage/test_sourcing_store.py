"""Sourcing verdicts, relations and corrections: undoable commands, the cache, migration 3."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.changes import Batch
from gui.core.entities.pipeline import Entity
from gui.core.library.commands import DeleteArticle, ReplaceBody
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    ClaimAssessment,
    ClaimRelation,
    ClearClaimAssessment,
    ClearClaimRelation,
    RemoveSourcingCorrection,
    SetClaimAssessment,
    SetClaimRelation,
    SourcingCorrection,
    claim_key,
    split_claim_key,
)
from gui.core.sourcing.model import Findings, Hedge, NumericClaim, SpanText
from gui.core.storage import (
    SCHEMA_VERSION,
    ArticleStore,
    Library,
    LibraryError,
    LibraryReadOnly,
    SourcingStore,
    apply,
    open_library,
)
from gui.core.storage import migrations as schema
from gui.core.storage.sourcing_store import TABLES, findings_cache_id

from .factories import imported, old_article

BODY = (
    "About 400 civilians were killed since Wednesday, activists said. Police put the toll at"
    ' up to 300. "We saw the bodies," a witness told Reuters.'
)
OTHER_BODY = "Officials said 12 people were hurt."
LONG_AGO = "2020-01-02T03:04:05+00:00"
FINDINGS = Findings(numbers=(NumericClaim(1, SpanText(0, 9, "About 400"), 400),))
ABOUT_400 = claim_key("About 400", 0)
UP_TO_300 = claim_key("up to 300", BODY.index("up to 300"))
QUOTE = "We saw the bodies,"
BASE_TABLES = ("articles", "entities", "analyses", "annotations")


@dataclass(frozen=True)
class World:
    """Ids of what seed() put into a library."""

    article: int
    other_article: int
    correction: int


def seed(library: Library) -> World:
    """Two articles; the first with an assessment, a relation, a correction and cached findings."""
    articles = ArticleStore(library)
    first = articles.add(imported(BODY, "Toll disputed"))
    second = articles.add(imported(OTHER_BODY, "Hurt"))
    apply(library, SetClaimAssessment(first, ABOUT_400, "disputed", "C", "3", "two counts", "sam"))
    apply(library, SetClaimRelation(first, UP_TO_300, ABOUT_400, "different_scope", "police"))
    apply(library, SetClaimAssessment(second, claim_key("12", 15), "verified", modified=LONG_AGO))
    start = BODY.index(QUOTE)
    fix = SourcingCorrection(0, first, "speaker", start, start + len(QUOTE), QUOTE, "Ali Hassan")
    correction = apply(library, AddSourcingCorrection(fix))
    SourcingStore(library).save_cache(first, "pipeline-1", FINDINGS)
    return World(first, second, correction.correction_id)  # type: ignore[union-attr]


def snapshot(library: Library) -> dict[str, Any]:
    """Every row of the sourcing tables (by key) and of the tables an article deletion touches."""
    rows = {}
    for table, (_, order) in TABLES.items():
        rows[table] = library.db.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
    for table in BASE_TABLES:
        rows[table] = library.db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    return rows


def assert_sound(library: Library) -> None:
    """The file is consistent and no reference dangles."""
    assert library.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert library.db.execute("PRAGMA foreign_key_check").fetchall() == []


def quote_correction(world: World, kind: str = "add_quote", value: str = "Police") -> Any:
    """A correction of the sentence about the police, as a new one."""
    start = BODY.index("Police")
    end = BODY.index("300.") + 3
    return SourcingCorrection(0, world.article, kind, start, end, BODY[start:end], value)


CASES: dict[str, Callable[[World], Any]] = {
    "assess a new claim": lambda w: SetClaimAssessment(
        w.article, UP_TO_300, "verified", "A", "1", "police figure", "sam"
    ),
    "change an assessment": lambda w: SetClaimAssessment(w.article, ABOUT_400, "false", "E", "5"),
    "clear an assessment": lambda w: ClearClaimAssessment(w.article, ABOUT_400),
    "relate two claims": lambda w: SetClaimRelation(
        w.article, claim_key("the bodies", 99), ABOUT_400, "contradicts", "a person says so"
    ),
    "change a relation": lambda w: SetClaimRelation(
        w.article, ABOUT_400, UP_TO_300, "corroborates"
    ),
    "clear a relation given the other way round": lambda w: ClearClaimRelation(
        w.article, UP_TO_300, ABOUT_400
    ),
    "add a quote": lambda w: AddSourcingCorrection(quote_correction(w)),
    "remove a quote": lambda w: AddSourcingCorrection(quote_correction(w, "remove_quote", "")),
    "remove a correction": lambda w: RemoveSourcingCorrection(w.correction),
    "delete the article": lambda w: DeleteArticle(w.article),
    "batch": lambda w: Batch(
        "Review the toll",
        (
            SetClaimAssessment(w.article, UP_TO_300, "unverified", "B"),
            ClearClaimRelation(w.article, ABOUT_400, UP_TO_300),
            RemoveSourcingCorrection(w.correction),
        ),
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_inverse_restores_exactly_and_redo_repeats_with_the_same_ids(library, name):
    command = CASES[name](seed(library))
    before = snapshot(library)
    inverse = apply(library, command)
    after = snapshot(library)
    assert after != before
    redo = apply(library, inverse)
    assert snapshot(library) == before
    assert apply(library, redo) == inverse
    assert snapshot(library) == after
    assert_sound(library)


@pytest.mark.parametrize("name", CASES)
def test_a_failing_apply_changes_nothing(library, name):
    command = CASES[name](seed(library))
    before = snapshot(library)
    doomed = SetClaimAssessment(999, ABOUT_400, "verified")
    with pytest.raises(LibraryError, match="no longer in the library"):
        apply(library, Batch("Doomed", (command, doomed)))
    assert snapshot(library) == before


def test_the_store_reads_what_the_commands_wrote(library):
    world = seed(library)
    store = SourcingStore(library)
    assessment = store.assessments(world.article)[ABOUT_400]
    assert (assessment.status, assessment.grade, assessment.note) == (
        "disputed",
        "C3",
        "two counts",
    )
    assert assessment.annotator == "sam" and assessment.modified > LONG_AGO
    assert list(store.assessments(world.other_article).values()) == [
        ClaimAssessment(world.other_article, "12@15", "verified", modified=LONG_AGO)
    ]
    [relation] = store.relations(world.article)
    assert (relation.key_a, relation.key_b) == (ABOUT_400, UP_TO_300)  # smaller key first
    assert store.relation(world.article, UP_TO_300, ABOUT_400) == relation
    [correction] = store.corrections(world.article)
    assert (correction.kind, correction.exact, correction.value) == ("speaker", QUOTE, "Ali Hassan")
    assert BODY[correction.start : correction.end] == QUOTE and correction.created > LONG_AGO


def test_corrections_are_listed_in_the_order_they_apply(library):
    world = seed(library)
    second = apply(library, AddSourcingCorrection(quote_correction(world))).correction_id
    ids = [c.id for c in SourcingStore(library).corrections(world.article)]
    assert ids == [world.correction, second]


def test_undoing_an_article_deletion_brings_its_sourcing_back(library):
    world = seed(library)
    store = SourcingStore(library)
    before = (store.assessments(world.article), store.relations(world.article))
    undo = apply(library, DeleteArticle(world.article))
    assert store.assessments(world.article) == {} and store.corrections(world.article) == []
    apply(library, undo)
    assert (store.assessments(world.article), store.relations(world.article)) == before
    assert [c.id for c in store.corrections(world.article)] == [world.correction]
    assert store.cached(world.article, "pipeline-1") == FINDINGS


def test_deleting_an_article_outside_commands_deletes_its_sourcing(library):
    world = seed(library)
    ArticleStore(library).delete(world.article)
    for table in TABLES:
        count = library.db.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", [1])
        assert count.fetchone() == (0,), table


def test_the_cache_holds_only_for_its_pipeline_and_the_current_body(library):
    world = seed(library)
    store = SourcingStore(library)
    assert store.cached(world.article, "pipeline-1") == FINDINGS
    assert store.cached(world.article, "pipeline-2") is None
    assert store.latest(world.article) == ("pipeline-1", FINDINGS)
    assert store.cached(world.other_article, "pipeline-1") is None
    store.save_cache(world.article, "pipeline-2", Findings(hedges=(Hedge(0, 1, "ü", "doubt"),)))
    assert store.cached(world.article, "pipeline-1") == FINDINGS  # kept for a switch back
    assert store.cached(world.article, "pipeline-2").hedges[0].text == "ü"
    assert store.latest(world.article)[0] == "pipeline-2"
    for number in (3, 4):
        store.save_cache(world.article, f"pipeline-{number}", Findings())
    assert store.cached(world.article, "pipeline-1") is None  # only the three latest stay
    assert store.cached(world.article, "pipeline-2").hedges[0].text == "ü"
    apply(library, ReplaceBody(world.article, BODY + " Updated."))
    assert store.cached(world.article, "pipeline-2") is None
    assert store.latest(world.article) is None


def test_the_cache_refuses_an_unknown_article_and_a_read_only_library(library):
    with pytest.raises(KeyError):
        SourcingStore(library).save_cache(42, "p", Findings())
    library.read_only = True
    with pytest.raises(LibraryReadOnly):
        SourcingStore(library).save_cache(1, "p", Findings())


def test_the_cache_keeps_the_json_text_and_reads_it_back_typed(library):
    world = seed(library)
    [(text,)] = library.db.execute("SELECT findings FROM sourcing_cache").fetchall()
    assert json.loads(text) == FINDINGS.to_json()
    library.db.execute("UPDATE sourcing_cache SET findings = ?", ['{"numbers": [{"id": "1"}]}'])
    store = SourcingStore(library)
    assert store.cached(world.article, "pipeline-1") is None  # damaged: found again
    assert store.latest(world.article) is None


def test_the_cache_id_follows_the_pipeline_and_the_entities():
    entities = [Entity(0, 5, "PERSON", "Carter", "Ashton Carter")]
    base = findings_cache_id("spacy-3.8/model", entities)
    assert base.startswith("spacy-3.8/model/sourcing-")
    assert findings_cache_id("spacy-3.8/model", entities) == base
    assert findings_cache_id("spacy-3.8/model", []) != base
    assert findings_cache_id("spacy-3.9/model", entities) != base


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda w: ClearClaimAssessment(w.article, UP_TO_300), "assessment is no longer"),
        (lambda w: ClearClaimRelation(w.article, ABOUT_400, "x@1"), "relation is no longer"),
        (lambda w: RemoveSourcingCorrection(999), "correction is no longer"),
        (lambda w: SetClaimAssessment(999, ABOUT_400), "article is no longer"),
        (lambda w: SetClaimRelation(999, ABOUT_400, UP_TO_300, "corroborates"), "article is"),
        (lambda w: AddSourcingCorrection(replace(quote_correction(w), article_id=9)), "article"),
        (lambda w: SetClaimAssessment(w.article, ""), "needs the claim"),
        (lambda w: AddSourcingCorrection(replace(quote_correction(w), id=1)), "already in"),
    ],
)
def test_commands_on_what_is_gone_or_clashing_are_refused(library, change, message):
    world = seed(library)
    before = snapshot(library)
    with pytest.raises(LibraryError, match=message):
        apply(library, change(world))
    assert snapshot(library) == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: SetClaimAssessment(1, ABOUT_400, "true"), "unknown verification status"),
        (lambda: SetClaimAssessment(1, ABOUT_400, "verified", "G"), "not a source grade"),
        (lambda: ClaimAssessment(1, ABOUT_400, "verified", "A", "7"), "not an information grade"),
        (lambda: SetClaimRelation(1, ABOUT_400, ABOUT_400, "corroborates"), "itself"),
        (lambda: ClaimRelation(1, ABOUT_400, UP_TO_300, "refutes"), "unknown relation"),
        (lambda: SourcingCorrection(0, 1, "rename", 0, 1, "x", "y"), "unknown sourcing"),
        (lambda: SourcingCorrection(0, 1, "speaker", 0, 1, "x", " "), "speaker's name"),
        (lambda: SourcingCorrection(0, 1, "remove_quote", 5, 1, "x"), "not a span"),
    ],
)
def test_values_that_make_no_sense_cannot_be_made(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_the_schema_itself_refuses_bad_rows(library):
    world = seed(library)
    bad = [
        ("INSERT INTO claim_relations VALUES (?, 'b@1', 'a@1', 'corroborates', '', '')", "CHECK"),
        ("INSERT INTO claim_assessments VALUES (?, 'a@1', 'true', '', '', '', '', '')", "CHECK"),
        ("INSERT INTO claim_assessments VALUES (?, 'a@1', 'false', 'Z', '', '', '', '')", "CHECK"),
    ]
    for sql, message in bad:
        with pytest.raises(sqlite3.IntegrityError, match=message):
            library.db.execute(sql, [world.article])


def test_undo_descriptions_name_the_claims_and_quotes(library):
    world = seed(library)
    assert SetClaimAssessment(1, ABOUT_400).description == "Assess 'About 400'"
    relate = SetClaimRelation(1, ABOUT_400, UP_TO_300, "different_scope")
    assert relate.description == "Mark 'About 400' and 'up to 300' of different scope"
    speaker = AddSourcingCorrection(SourcingCorrection(0, 1, "speaker", 0, 3, "We saw", "Ali"))
    assert speaker.description == "Change speaker of 'We saw' to 'Ali'"
    assert AddSourcingCorrection(quote_correction(world)).description.startswith("Add quote")
    undo = apply(library, RemoveSourcingCorrection(world.correction))
    assert undo.description == f"Change speaker of '{QUOTE}' to 'Ali Hassan'"


def test_claim_keys_are_text_and_start():
    assert claim_key("about 400", 1234) == "about 400@1234"
    assert NumericClaim(1, SpanText(88, 97, "up to 300")).key == "up to 300@88"
    assert split_claim_key("3 @ 4 people@17") == ("3 @ 4 people", 17)
    assert split_claim_key("no key") is None


# Migration 3


def schema_two_library(path: Path) -> None:
    """A library file as Sourcelight with schema 2 left it: one article."""
    first_two = Migrations("sourcelight")
    first_two(name="0001_initial")(schema.initial_schema)
    first_two(name="0002_annotations")(schema.annotations_schema)
    db = Database(path)
    first_two.apply(db)
    old_article(db, BODY, "Toll disputed")
    db.conn.commit()
    db.close()


def test_migration_three_upgrades_a_schema_two_library_in_place(library_path):
    schema_two_library(library_path)
    with closing(sqlite3.connect(library_path)) as before:
        assert before.execute("PRAGMA user_version").fetchone() == (2,)
    library = open_library(library_path)
    try:
        assert library.created is False
        assert schema.schema_version(library.db) == SCHEMA_VERSION >= 3
        assert "0003_sourcing" in {m.name for m in schema.MIGRATIONS.applied(library.db)}
        assert set(library.db.table_names()) >= set(TABLES)
        [summary] = ArticleStore(library).summaries("toll")
        apply(library, SetClaimAssessment(summary.id, ABOUT_400, "verified", "B", "2"))
        assert SourcingStore(library).assessments(summary.id)[ABOUT_400].grade == "B2"
    finally:
        library.close()
    reopened = open_library(library_path)
    try:
        assert schema.MIGRATIONS.pending(reopened.db) == []
        assert len(SourcingStore(reopened).assessments(1)) == 1
    finally:
        reopened.close()
