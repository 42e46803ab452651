"""Opening libraries: creation, migration, reopening, and every way a file can refuse."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from gui.core.storage import (
    SCHEMA_VERSION,
    ArticleStore,
    EntityStore,
    LibraryCorrupt,
    LibraryFull,
    LibraryLocked,
    LibraryReadOnly,
    LibraryTooNew,
    LibraryUnavailable,
    OutletStore,
    default_library_path,
    open_library,
)
from gui.core.storage.migrations import MIGRATIONS, schema_version

from .factories import big_body, imported

TABLES = {"articles", "entities", "analyses", "settings", "articles_fts"}
PRAGMAS = ("journal_mode", "foreign_keys", "busy_timeout")


def snapshot(path: Path) -> tuple[bytes, int]:
    """The file's bytes and modification time, to prove nothing was written."""
    return path.read_bytes(), path.stat().st_mtime_ns


def make_library(path: Path) -> None:
    """A closed library file at path holding one article."""
    lib = open_library(path)
    ArticleStore(lib).add(imported("Fighters left Mosul.", "Mosul"))
    lib.close()


@contextmanager
def other_connection(path: Path, journal_mode: str = "wal") -> Iterator[sqlite3.Connection]:
    """A second program's connection that holds the write lock for the whole block."""
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute(f"PRAGMA journal_mode = {journal_mode}")
        other.execute("BEGIN EXCLUSIVE")
        yield other
        other.execute("ROLLBACK")


@contextmanager
def permissions(path: Path, mode: int) -> Iterator[None]:
    """chmod path for the block, and give it back its write bit afterwards."""
    path.chmod(mode)
    try:
        yield
    finally:
        path.chmod(0o755 if path.is_dir() else 0o644)


def test_memory_library_is_migrated_from_empty(library):
    assert set(library.db.table_names()) >= TABLES
    assert schema_version(library.db) == SCHEMA_VERSION
    assert MIGRATIONS.pending(library.db) == []
    assert library.db.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert (library.created, library.read_only, library.path) == (True, False, None)


def test_new_file_is_created_with_its_folders_in_wal_mode(tmp_path):
    path = tmp_path / "a" / "b" / "library.sqlite"
    lib = open_library(path)
    pragmas = [lib.db.execute(f"PRAGMA {name}").fetchone()[0] for name in PRAGMAS]
    lib.close()
    assert path.is_file()
    assert (lib.created, lib.read_only, lib.path) == (True, False, path)
    assert pragmas == ["wal", 1, 2000]


def test_reopening_keeps_everything(library_path):
    make_library(library_path)
    first = open_library(library_path)
    article_id = ArticleStore(first).find_by_hash(imported("Fighters left Mosul.").content_hash)
    OutletStore(first).set_outlets(["Amaq"])
    first.close()
    lib = open_library(library_path)
    summaries = ArticleStore(lib).summaries("mosu")
    outlets = OutletStore(lib).outlets()
    lib.close()
    assert lib.created is False
    assert [s.id for s in summaries] == [article_id]
    assert outlets == ["Amaq"]


def test_migrations_run_once(library_path):
    make_library(library_path)
    lib = open_library(library_path)
    applied = MIGRATIONS.applied(lib.db)
    lib.close()
    assert [m.name for m in applied] == [
        "0001_initial",
        "0002_annotations",
        "0003_sourcing",
        "0004_exercises",
        "0005_annotation_iri",
        "0006_exercise_key",
        "0007_check_decisions",
        "0008_results_per_pipeline",
        "0009_finding_rows",
        "0010_library_list",
        "0011_source_grades",
        "0012_cross_claim_relations",
        "0013_source_totals",
        "0014_source_groups",
        "0015_article_count",
    ]


@pytest.mark.parametrize("read_only", [False, True])
def test_newer_schema_is_refused_without_a_write(library_path, read_only):
    make_library(library_path)
    with closing(sqlite3.connect(library_path)) as other:
        other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = snapshot(library_path)
    with pytest.raises(LibraryTooNew) as raised:
        open_library(library_path, read_only=read_only)
    assert str(raised.value) == (
        f"{library_path} was written by a newer version of Sourcelight (schema"
        f" {SCHEMA_VERSION + 1}; this version reads up to {SCHEMA_VERSION})."
        " Update Sourcelight to open it."
    )
    assert snapshot(library_path) == before


@pytest.mark.parametrize(
    "content",
    [b"This is not a database. " * 200, b"SQLite format 3\x00" + bytes(range(256)) * 40],
    ids=["text", "damaged-header"],
)
def test_not_a_database_is_refused_untouched(library_path, content):
    library_path.write_bytes(content)
    before = snapshot(library_path)
    with pytest.raises(LibraryCorrupt, match=str(library_path)):
        open_library(library_path)
    assert snapshot(library_path) == before


def test_damaged_library_is_refused_untouched(library_path):
    make_library(library_path)
    data = bytearray(library_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, past the header
    library_path.write_bytes(bytes(data))
    before = snapshot(library_path)
    with pytest.raises(LibraryCorrupt, match="damaged"):
        open_library(library_path)
    assert snapshot(library_path) == before


def test_another_apps_database_is_refused_untouched(library_path):
    with closing(sqlite3.connect(library_path)) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
    before = snapshot(library_path)
    with pytest.raises(LibraryCorrupt, match="not a Sourcelight library"):
        open_library(library_path)
    assert snapshot(library_path) == before


def test_an_empty_file_becomes_a_library(library_path):
    library_path.touch()
    lib = open_library(library_path)
    lib.close()
    assert lib.created is True
    assert library_path.stat().st_size > 0


def test_a_folder_is_not_a_library(tmp_path):
    with pytest.raises(LibraryUnavailable, match="folder"):
        open_library(tmp_path)


def test_a_file_in_the_way_of_the_folder(tmp_path):
    (tmp_path / "taken").write_text("a file")
    with pytest.raises(LibraryUnavailable, match="taken"):
        open_library(tmp_path / "taken" / "library.sqlite")


def test_read_only_needs_an_existing_file(library_path):
    with pytest.raises(LibraryUnavailable, match="no such library file"):
        open_library(library_path, read_only=True)
    assert not library_path.exists()


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_library_locked_by_another_program_is_refused(library_path, journal_mode):
    make_library(library_path)
    with other_connection(library_path, journal_mode), pytest.raises(LibraryLocked) as raised:
        open_library(library_path, busy_timeout=0.05)
    assert str(library_path) in str(raised.value)


def test_a_write_while_locked_fails_and_changes_nothing(file_library):
    store = ArticleStore(file_library)
    store.add(imported("First."))
    with other_connection(file_library.path), pytest.raises(LibraryLocked):
        store.add(imported("Second."))
    assert store.count() == 1
    store.add(imported("Second."))
    assert store.count() == 2


def assert_read_only_and_untouched(path: Path, folder_listing: list[str], **options) -> None:
    """Open path, read it, fail to write it, and check nothing changed in its folder."""
    before = snapshot(path)
    lib = open_library(path, **options)
    store = ArticleStore(lib)
    titles = [s.title for s in store.summaries("mosul")]
    with pytest.raises(LibraryReadOnly):
        store.add(imported("Another article."))
    with pytest.raises(LibraryReadOnly):
        OutletStore(lib).set_outlets(["Amaq"])
    lib.close()
    assert (lib.read_only, titles) == (True, ["Mosul"])
    assert snapshot(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == folder_listing


def test_a_read_only_file_opens_read_only_without_a_write(library_path):
    make_library(library_path)
    with permissions(library_path, 0o444):
        assert_read_only_and_untouched(library_path, ["library.sqlite"])


def test_a_file_in_a_read_only_folder_opens_read_only_without_a_write(tmp_path):
    path = tmp_path / "shelf" / "library.sqlite"
    make_library(path)
    with permissions(path.parent, 0o555):
        assert_read_only_and_untouched(path, ["library.sqlite"])


def test_a_file_the_system_will_not_let_us_write_opens_read_only(library_path, monkeypatch):
    # Root passes every os.access check, so stand in for a user who may not write.
    make_library(library_path)
    monkeypatch.setattr(os, "access", lambda path, mode, **kwargs: mode != os.W_OK)
    assert_read_only_and_untouched(library_path, ["library.sqlite"])


def test_read_only_can_be_asked_for(library_path):
    make_library(library_path)
    # A reader beside a possible writer goes through the WAL: its -wal/-shm may appear.
    assert_read_only_and_untouched(
        library_path, ["library.sqlite", "library.sqlite-shm", "library.sqlite-wal"], read_only=True
    )


def test_a_read_only_library_sees_a_writers_uncheckpointed_changes(library_path):
    make_library(library_path)
    writer = open_library(library_path)
    writer.db.execute("PRAGMA wal_autocheckpoint = 0")
    ArticleStore(writer).add(imported("Second article, about Raqqa.", "Raqqa"))
    reader = open_library(library_path, read_only=True)
    titles = [s.title for s in ArticleStore(reader).summaries()]
    reader.close()
    writer.close()
    assert titles == ["Raqqa", "Mosul"]


def test_an_old_read_only_file_cannot_be_upgraded(library_path):
    library_path.touch()
    with permissions(library_path, 0o444), pytest.raises(LibraryReadOnly, match="upgrading"):
        open_library(library_path)
    assert library_path.read_bytes() == b""


def test_an_in_memory_library_can_be_read_only():
    lib = open_library(None, read_only=True)
    with pytest.raises(LibraryReadOnly, match="in-memory"):
        ArticleStore(lib).add(imported("Text."))
    lib.close()


def test_disk_full_rolls_the_whole_action_back(file_library):
    articles, entities = ArticleStore(file_library), EntityStore(file_library)
    first = articles.add(imported("A short article."))
    pages = file_library.db.execute("PRAGMA page_count").fetchone()[0]
    file_library.db.execute(f"PRAGMA max_page_count = {pages + 4}")
    with pytest.raises(LibraryFull, match="disk is full"):
        articles.add(imported(big_body(100_000), "Too big"))
    assert [s.id for s in articles.summaries()] == [first]
    assert articles.summaries("too") == []
    assert entities.cached(first, "p") is None
    file_library.db.execute("PRAGMA max_page_count = 1073741823")
    articles.add(imported(big_body(100_000), "Fits now"))
    assert articles.count() == 2


def test_one_transaction_spans_a_whole_user_action(library):
    store = ArticleStore(library)
    with pytest.raises(RuntimeError), library.transaction():
        store.add(imported("One."))
        store.add(imported("Two."))
        raise RuntimeError("the action failed half-way")
    assert store.count() == 0


def test_default_library_path_is_in_the_user_data_folder():
    path = default_library_path()
    assert path.name == "library.sqlite"
    assert path.parent.name == "Sourcelight"
