"""EntityStore: the cache answers per pipeline and body, keeps three pipelines; migration 8."""

from __future__ import annotations

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.articles import content_hash
from gui.core.entities.pipeline import Entity
from gui.core.sourcing.model import Findings
from gui.core.storage import (
    SCHEMA_VERSION,
    ArticleStore,
    EntityStore,
    LibraryFull,
    LibraryReadOnly,
    SourcingStore,
    open_library,
)
from gui.core.storage import migrations as schema

from .factories import imported, old_article

BODY = "Abu Bakr al-Baghdadi spoke in Mosul on Friday, Amaq said."
FOUND = [
    Entity(0, 20, "PERSON", "Abu Bakr al-Baghdadi", "Abu Bakr al-Baghdadi"),
    Entity(30, 35, "PLACE", "Mosul", "Mosul"),
    Entity(39, 45, "DATE", "Friday", "Friday"),
    Entity(47, 51, "OUTLET", "Amaq", "Amaq"),
]


@pytest.fixture
def article_id(library):
    """The id of an article in the in-memory library."""
    return ArticleStore(library).add(imported(BODY, "Speech"))


@pytest.fixture
def store(library):
    """An EntityStore over the in-memory library."""
    return EntityStore(library)


def test_nothing_is_cached_before_a_save(store, article_id):
    assert store.cached(article_id, "pipeline-1") is None
    assert store.counts(article_id) == {}


def test_saved_entities_come_back_in_saved_order(store, article_id):
    unsorted = [FOUND[2], FOUND[0], FOUND[3], FOUND[1]]
    store.save(article_id, "pipeline-1", unsorted)
    assert store.cached(article_id, "pipeline-1") == unsorted


def test_an_empty_analysis_is_cached_as_empty(store, article_id):
    store.save(article_id, "pipeline-1", [])
    assert store.cached(article_id, "pipeline-1") == []


def test_another_pipeline_misses_the_cache(store, article_id):
    store.save(article_id, "pipeline-1", FOUND)
    assert store.cached(article_id, "pipeline-2") is None


def test_a_changed_body_misses_the_cache(library, store, article_id):
    store.save(article_id, "pipeline-1", FOUND)
    body = BODY.replace("Friday", "Monday")
    library.db.execute(
        "UPDATE articles SET body = ?, content_hash = ? WHERE id = ?",
        [body, content_hash(body), article_id],
    )
    assert store.cached(article_id, "pipeline-1") is None
    assert ArticleStore(library).summaries()[0].entity_count is None


def test_a_save_replaces_only_that_pipelines_entities(store, article_id):
    store.save(article_id, "pipeline-1", FOUND)
    store.save(article_id, "pipeline-2", FOUND[:2])
    store.save(article_id, "pipeline-2", FOUND[:1])
    assert store.cached(article_id, "pipeline-2") == FOUND[:1]
    assert store.cached(article_id, "pipeline-1") == FOUND  # switching back costs nothing
    assert store.counts(article_id, "pipeline-2") == {"PERSON": 1}
    assert store.counts(article_id) == {"PERSON": 1}  # no pipeline: the latest analysis


def test_only_the_three_latest_pipelines_are_kept(library, store, article_id):
    for number in range(1, 6):
        store.save(article_id, f"pipeline-{number}", FOUND[: number % 3 + 1])
    kept = [store.cached(article_id, f"pipeline-{number}") for number in range(1, 6)]
    assert kept[:2] == [None, None]
    assert kept[2:] == [FOUND[:1], FOUND[:2], FOUND[:3]]
    pipelines = library.db.execute("SELECT DISTINCT pipeline_id FROM entities ORDER BY 1")
    assert [row[0] for row in pipelines] == ["pipeline-3", "pipeline-4", "pipeline-5"]


def test_counts_follow_the_legend_order(store, article_id):
    extra = Entity(0, 3, "ZZZ", "Abu", "Abu")  # a label outside the legend goes last
    store.save(article_id, "p", [extra, *reversed(FOUND), FOUND[1]])
    counts = store.counts(article_id)
    assert list(counts.items()) == [
        ("PERSON", 1),
        ("OUTLET", 1),
        ("PLACE", 2),
        ("DATE", 1),
        ("ZZZ", 1),
    ]


def test_the_summary_counts_the_entities(library, store, article_id):
    store.save(article_id, "pipeline-1", FOUND)
    assert ArticleStore(library).summaries()[0].entity_count == 4


def test_saving_for_a_missing_article_is_a_key_error(store):
    with pytest.raises(KeyError):
        store.save(42, "pipeline-1", FOUND)


def test_a_failed_save_keeps_the_previous_entities(file_library):
    article_id = ArticleStore(file_library).add(imported(BODY))
    store = EntityStore(file_library)
    store.save(article_id, "pipeline-1", FOUND)
    pages = file_library.db.execute("PRAGMA page_count").fetchone()[0]
    file_library.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    many = [Entity(n, n + 5, "PLACE", "Mosul", "Mosul") for n in range(100_000)]
    with pytest.raises(LibraryFull):
        store.save(article_id, "pipeline-2", many)
    assert store.cached(article_id, "pipeline-1") == FOUND
    assert store.cached(article_id, "pipeline-2") is None


def test_a_hundred_thousand_entities_round_trip(store, article_id):
    many = [Entity(n, n + 5, "PLACE", f"Place {n}", "Place") for n in range(100_000)]
    store.save(article_id, "pipeline-1", many)
    assert store.cached(article_id, "pipeline-1") == many
    assert store.counts(article_id) == {"PLACE": 100_000}


def test_a_read_only_library_refuses_a_save(library_path):
    lib = open_library(library_path)
    article_id = ArticleStore(lib).add(imported(BODY))
    lib.close()
    lib = open_library(library_path, read_only=True)
    with pytest.raises(LibraryReadOnly):
        EntityStore(lib).save(article_id, "pipeline-1", FOUND)
    assert EntityStore(lib).cached(article_id, "pipeline-1") is None
    lib.close()


def test_cached_spans_match_cached_entities_row_for_row(store, article_id):
    assert store.cached_spans(article_id, "pipeline-1") is None
    unsorted = [FOUND[2], FOUND[0], FOUND[3], FOUND[1]]
    store.save(article_id, "pipeline-1", unsorted)
    spans = store.cached_spans(article_id, "pipeline-1")
    assert spans == [(e.start, e.end, e.label) for e in store.cached(article_id, "pipeline-1")]
    assert store.cached_spans(article_id, "pipeline-2") is None


# Migration 8


def schema_seven_library(path) -> None:
    """A library file as schema 7 left it: one analysis and one findings set per article."""
    first_seven = Migrations("sourcelight")
    for step in schema.MIGRATIONS._migrations[:7]:
        first_seven(name=step.name)(step.fn)
    db = Database(path)
    first_seven.apply(db)
    article = old_article(db, BODY, "Speech")
    for entity in FOUND:
        db.execute(
            'INSERT INTO entities (article_id, start, "end", label, text, grp)'
            " VALUES (?, ?, ?, ?, ?, ?)",
            [article, entity.start, entity.end, entity.label, entity.text, entity.group],
        )
    db.execute("INSERT INTO analyses SELECT id, 'p1', content_hash, 4, imported_at FROM articles")
    db.execute(
        "INSERT INTO sourcing_cache SELECT id, 'cache-1', content_hash, '{}', imported_at"
        " FROM articles"
    )
    db.conn.commit()
    db.close()


def test_migration_eight_keeps_every_result_under_its_pipeline(library_path):
    schema_seven_library(library_path)
    library = open_library(library_path)
    try:
        assert schema.schema_version(library.db) == SCHEMA_VERSION >= 8
        store = EntityStore(library)
        assert store.cached(1, "p1") == FOUND
        assert SourcingStore(library).latest(1) == ("cache-1", Findings())
        store.save(1, "p2", FOUND[:1])
        assert (store.cached(1, "p1"), store.cached(1, "p2")) == (FOUND, FOUND[:1])
        assert [s.entity_count for s in ArticleStore(library).summaries(pipeline_id="p1")] == [4]
        assert [s.entity_count for s in ArticleStore(library).summaries(pipeline_id="p2")] == [1]
        assert [s.entity_count for s in ArticleStore(library).summaries(pipeline_id="p3")] == [None]
    finally:
        library.close()
