"""Restoring a backup: only a sound Sourcelight library goes back, and the restore can be undone."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gui.core.storage import (
    SCHEMA_VERSION,
    ArticleStore,
    LibraryCorrupt,
    LibraryError,
    LibraryTooNew,
    LibraryUnavailable,
    back_up,
    backups,
    check_file,
    open_library,
    restore,
)
from gui.core.storage.integrity import SOUND

from .damage import scribble, snapshot, sound_library, titles
from .factories import imported

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def add(path: Path, title: str) -> None:
    """Add an article titled title to the library file at path."""
    library = open_library(path)
    try:
        ArticleStore(library).add(imported(f"The text of {title}.", title))
    finally:
        library.close()


@pytest.fixture
def backed_up(library_path: Path) -> Path:
    """A library with one article ("Before"), backed up, then given a second ("After")."""
    add(library_path, "Before")
    made = back_up(library_path, now=NOON).made
    add(library_path, "After")
    return made


def test_a_backup_goes_back_and_the_library_as_it_was_is_kept(library_path, backed_up):
    restored = restore(library_path, backed_up, now=NOON + timedelta(hours=1))
    assert titles(library_path) == ["Before"]
    assert check_file(library_path) == SOUND
    assert restored.kept is not None and not restored.kept_damaged
    assert titles(restored.kept) == ["Before", "After"]
    assert restored.kept in [b.path for b in backups(library_path)]
    # and the restore itself is undone by restoring what it kept
    restore(library_path, restored.kept, now=NOON + timedelta(hours=2))
    assert titles(library_path) == ["Before", "After"]


def test_the_restored_library_opens_and_takes_changes(library_path, backed_up):
    restore(library_path, backed_up)
    library = open_library(library_path)
    try:
        ArticleStore(library).add(imported("After the restore.", "Later"))
        assert [s.title for s in ArticleStore(library).summaries()] == ["Later", "Before"]
    finally:
        library.close()


def test_another_program_with_the_library_open_sees_the_restored_one(library_path, backed_up):
    other = open_library(library_path)
    try:
        assert ArticleStore(other).count() == 2
        restore(library_path, backed_up)
        assert [s.title for s in ArticleStore(other).summaries()] == ["Before"]
    finally:
        other.close()


def test_a_damaged_library_is_kept_byte_for_byte_and_replaced(tmp_path):
    path = sound_library(tmp_path / "library.sqlite", articles=20)
    made = back_up(path, now=NOON).made
    scribble(path, seed=2)
    damaged_bytes, _ = snapshot(path)
    restored = restore(path, made, now=NOON + timedelta(hours=1))
    assert restored.kept_damaged
    assert restored.kept.name == "library.sqlite.damaged-20260302T130000Z"
    assert restored.kept.read_bytes() == damaged_bytes
    assert check_file(path) == SOUND
    assert len(titles(path)) == 20


def test_a_file_sqlite_cannot_open_at_all_is_replaced(library_path, backed_up):
    library_path.write_bytes(b"\x00garbage, not a database\x00" * 500)
    restored = restore(library_path, backed_up)
    assert restored.kept_damaged
    assert titles(library_path) == ["Before"]


def test_a_missing_library_is_made_from_the_backup(library_path, backed_up):
    for name in ("library.sqlite", "library.sqlite-wal", "library.sqlite-shm"):
        library_path.with_name(name).unlink(missing_ok=True)
    assert restore(library_path, backed_up).kept is None
    assert titles(library_path) == ["Before"]


def refused(library_path: Path, source: Path, error: type[LibraryError], match: str) -> None:
    """restore() refuses source with error, and the library stays exactly as it was."""
    before = snapshot(library_path)
    listing = sorted(p.name for p in library_path.parent.iterdir())
    with pytest.raises(error, match=match):
        restore(library_path, source)
    assert snapshot(library_path) == before
    assert sorted(p.name for p in library_path.parent.iterdir()) == listing


def test_a_damaged_backup_is_refused(library_path, backed_up):
    library = sound_library(library_path.with_name("other.sqlite"), articles=20)
    scribble(library, seed=4)
    refused(library_path, library, LibraryCorrupt, "its check found")


def test_what_is_not_a_library_is_refused(library_path, backed_up, tmp_path):
    recipes = tmp_path / "recipes.sqlite"
    with closing(sqlite3.connect(recipes)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
    refused(library_path, recipes, LibraryCorrupt, "not a Sourcelight library")
    refused(library_path, tmp_path / "missing.sqlite", LibraryUnavailable, "no such file")
    refused(library_path, library_path, LibraryError, "the library itself")


def test_a_backup_with_a_trigger_of_its_own_is_refused(library_path, backed_up):
    with closing(sqlite3.connect(backed_up)) as db:
        db.execute(
            "CREATE TRIGGER wipe AFTER INSERT ON annotations BEGIN DELETE FROM articles; END"
        )
    refused(library_path, backed_up, LibraryCorrupt, "trigger wipe")


def test_a_backup_from_a_newer_sourcelight_is_refused(library_path, backed_up):
    with closing(sqlite3.connect(backed_up)) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    refused(library_path, backed_up, LibraryTooNew, "newer Sourcelight")
