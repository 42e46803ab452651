"""Storage of exercises: migrations 4 and 5, the trainer's records and keys, filling a file."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.entities.pipeline import Entity
from gui.core.storage import (
    SCHEMA_VERSION,
    AnnotationStore,
    ArticleStore,
    EntityStore,
    LabelStore,
    Library,
    LibraryReadOnly,
    open_library,
)
from gui.core.storage import migrations as schema
from gui.core.storage.commands_store import carry_out
from gui.core.storage.exercise_file import fill_exercise, free_pages, seal
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.commands import (
    ForgetExercise,
    KeyAnnotation,
    RecordExercise,
    ReturnRecord,
    SetExerciseState,
)
from tests.core.interchange_helpers import add_label, annotate
from tests.core.storage.factories import imported, old_article

BODY = "Officials said 40 people died in Mosul.\n"
INFO = {"exercise_id": "ex-1", "title": "Mosul", "created": "2024-05-01T10:00:00+00:00"}


def returned(file_hash: str = "h1", layer: str = "Ana", exercise_id: str = "ex-1") -> ReturnRecord:
    """A record of a returned file."""
    return ReturnRecord(exercise_id, "t-1", "Ana", layer, file_hash, 2, {"q": "a"}, "2024-05-02")


KEY = (KeyAnnotation(7, 1, 1, "Claim", 15, 29, "40 people died", "said ", " in", "the key"),)


def record(path: str = "", articles=(), key=(), state: str = "written") -> RecordExercise:
    """The command recording INFO."""
    return RecordExercise(INFO, path, tuple(articles), "Maria" if key else "", key, "f", state)


def test_migrations_four_and_six_add_the_exercise_tables(library):
    assert SCHEMA_VERSION == schema.schema_version(library.db) >= 6  # later ones add more
    names = set(library.db.table_names())
    assert {"exercises", "exercise_articles", "exercise_returns", "exercise_key"} <= names
    columns = {c.name for c in library.db["exercises"].columns}
    assert {"key_layer", "file_hash", "state"} <= columns
    assert "handed_in" in {c.name for c in library.db["exercise_returns"].columns}


def test_migration_four_upgrades_a_schema_three_library_in_place(library_path):
    first_three = Migrations("sourcelight")
    first_three(name="0001_initial")(schema.initial_schema)
    first_three(name="0002_annotations")(schema.annotations_schema)
    first_three(name="0003_sourcing")(schema.sourcing_schema)
    db = Database(library_path)
    first_three.apply(db)
    old_article(db, BODY, "Toll")
    db.conn.commit()
    db.close()
    with closing(sqlite3.connect(library_path)) as before:
        assert before.execute("PRAGMA user_version").fetchone() == (3,)
    library = open_library(library_path)
    try:
        assert schema.schema_version(library.db) == SCHEMA_VERSION
        assert ArticleStore(library).count() == 1
        assert ExerciseStore(library).exercises() == []
    finally:
        library.close()


def test_an_exercise_is_recorded_with_its_articles_and_key(library):
    article = ArticleStore(library).add(imported(BODY, "Toll"))
    store = ExerciseStore(library)
    store.record_exercise(record("/tmp/mosul.sourcelight", [(article, "hash-1")], KEY))
    found = store.exercise("ex-1")
    assert (found.info, found.title, found.path) == (INFO, "Mosul", "/tmp/mosul.sourcelight")
    assert (found.articles, found.key_layer, found.state) == (
        ((article, "hash-1"),),
        "Maria",
        "written",
    )
    assert store.key("ex-1") == list(KEY)
    assert store.exercise("ex-2") is None
    assert store.exercises() == [found]
    assert store.source_article("ex-1", "hash-1") == article
    assert store.source_article("ex-1", "hash-2") is None
    ArticleStore(library).delete(article)
    assert store.source_article("ex-1", "hash-1") is None  # the article is gone
    assert store.exercise("ex-1") == found  # the record stays, and its key
    assert store.key("ex-1") == list(KEY)


def test_forgetting_an_exercise_takes_its_key_and_the_undo_brings_both_back(library):
    store = ExerciseStore(library)
    carry_out(library, record(key=KEY, state="writing"))
    undo = carry_out(library, ForgetExercise("ex-1")).inverse
    assert store.exercise("ex-1") is None and store.key("ex-1") == []
    carry_out(library, undo)
    assert store.key("ex-1") == list(KEY) and store.exercise("ex-1").state == "writing"
    back = carry_out(library, SetExerciseState("ex-1", "written")).inverse
    assert store.exercise("ex-1").state == "written" and back.state == "writing"
    with pytest.raises(sqlite3.IntegrityError):
        carry_out(library, SetExerciseState("ex-1", "lost"))


def test_returns_are_recorded_once_per_file(library):
    store = ExerciseStore(library)
    store.record_exercise(record())
    store.record_return(returned("h1"))
    store.record_return(returned("h2", "Ana (2)"))
    assert store.find_return("ex-1", "h1") == replace(returned("h1"), id=1)  # given by the library
    assert store.find_return("ex-1", "h3") is None
    assert [r.layer for r in store.returns("ex-1")] == ["Ana", "Ana (2)"]
    assert store.returns() == store.returns("ex-1")
    with pytest.raises(sqlite3.IntegrityError):
        store.record_return(returned("h1"))
    with pytest.raises(sqlite3.IntegrityError):
        store.record_return(returned("h9", exercise_id="unknown"))  # no such exercise


def test_layer_names_are_annotators_and_returned_layers(library):
    article = ArticleStore(library).add(imported(BODY, "Toll"))
    annotate(library, article, "Mosul", annotator="Maria")
    store = ExerciseStore(library)
    store.record_exercise(record())
    store.record_return(returned(layer="Ben"))
    assert store.layer_names() == {"Maria", "Ben"}


def test_settings_rows_hold_json(library):
    store = ExerciseStore(library)
    assert store.setting("trainee") is None
    store.put_setting("trainee", {"name": "Zoë", "trainee_id": "t"})
    assert store.setting("trainee") == '{"name": "Zoë", "trainee_id": "t"}'


def test_a_read_only_library_refuses_records(tmp_path):
    path = tmp_path / "ro.sqlite"
    open_library(path).close()
    library = open_library(path, read_only=True)
    try:
        with pytest.raises(LibraryReadOnly):
            ExerciseStore(library).record_exercise(record())
    finally:
        library.close()


def filled(library: Library, target_path: Path, entities: bool, sourcing: bool) -> Library:
    """A new library filled from library's first two articles."""
    target = open_library(target_path)
    fill_exercise(library, target, [1, 2], {"format": "x", "title": "t"}, entities, sourcing)
    return target


@pytest.fixture
def source(library):
    """Three articles, entities, a custom label, and two layers of annotations."""
    articles = ArticleStore(library)
    for n in range(3):
        articles.add(imported(f"{BODY}{n}", f"Article {n}"))
    EntityStore(library).save(1, "p", [Entity(33, 38, "PLACE", "Mosul", "Mosul")])
    add_label(library, "Rumour", hotkey="8")
    annotate(library, 1, "Mosul", "Rumour", annotator="Maria")
    annotate(library, 2, "Officials", "Source", annotator="Maria")
    annotate(library, 2, "40 people", "Claim", annotator="Colleague")
    annotate(library, 3, "died", "Claim", annotator="Maria")
    return library


def test_fill_copies_articles_codebook_and_findings_but_never_an_annotation(source, tmp_path):
    target = filled(source, tmp_path / "e.sqlite", entities=True, sourcing=True)
    try:
        assert [s.title for s in ArticleStore(target).summaries()] == ["Article 1", "Article 0"]
        assert ArticleStore(target).get(1) == ArticleStore(source).get(1)
        assert LabelStore(target).labels() == LabelStore(source).labels()
        assert EntityStore(target).cached(1, "p") == EntityStore(source).cached(1, "p")
        assert AnnotationStore(target).search() == []
        assert ExerciseStore(target).setting("exercise") == '{"format": "x", "title": "t"}'
    finally:
        target.close()


def test_fill_without_findings(source, tmp_path):
    target = filled(source, tmp_path / "e.sqlite", entities=False, sourcing=False)
    try:
        assert ArticleStore(target).count() == 2
        assert EntityStore(target).counts(1) == {}
        for table in ("entities", "analyses", "sourcing_cache", "corrections"):
            assert target.db[table].count == 0
        assert "Rumour" in {label.name for label in LabelStore(target).labels()}
    finally:
        target.close()


def test_sealing_leaves_one_file_without_free_pages(source, tmp_path):
    path = tmp_path / "e.sqlite"
    filled(source, path, entities=False, sourcing=False).close()
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("CREATE TABLE junk AS SELECT randomblob(100000) AS secret")
        db.execute("DROP TABLE junk")  # dropped rows leave free pages behind
    assert free_pages(path) > 0
    seal(path)
    assert free_pages(path) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["e.sqlite"]
    assert path.read_bytes()[18:20] == b"\x01\x01"  # a rollback journal, not a WAL
