"""Backups: checked copies through SQLite's backup API, made only when the library changed,
never of a damaged library, never in place of a good copy, and kept by count and age."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gui.core.storage import (
    ArticleStore,
    BackupPolicy,
    LibraryError,
    back_up,
    backups,
    check_file,
    open_library,
)
from gui.core.storage import backup as backup_module
from gui.core.storage.database import revision
from gui.core.storage.integrity import SOUND, Verdict

from .damage import scribble, snapshot, sound_library, titles
from .factories import imported

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def add_article(path: Path, n: int) -> None:
    """Add a small article titled 'Article n' to the library file at path."""
    library = open_library(path)
    try:
        ArticleStore(library).add(imported(f"Text number {n}.", f"Article {n}"))
    finally:
        library.close()


def backup_files(path: Path) -> list[str]:
    """The names of every file beside the library that is a backup or part of one."""
    return sorted(p.name for p in path.parent.iterdir() if ".backup" in p.name)


def test_a_backup_opens_as_a_library_holds_the_data_and_passes_its_check(library_path):
    add_article(library_path, 1)
    made = back_up(library_path, now=NOON).made
    assert made == library_path.with_name("library.sqlite.backup-20260302T120000Z")
    assert titles(made) == ["Article 1"]
    assert check_file(made) == SOUND
    with closing(sqlite3.connect(made)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert backup_files(library_path) == [made.name]  # one file, nothing beside it


def test_nothing_changed_no_copy_made(library_path):
    add_article(library_path, 1)
    first = back_up(library_path, now=NOON)
    again = back_up(library_path, now=NOON + timedelta(hours=1))
    assert first.made is not None and again.made is None
    assert "nothing changed" in again.reason
    open_library(library_path).close()  # opening (and reading) changes nothing either
    assert back_up(library_path, now=NOON + timedelta(hours=2)).made is None
    add_article(library_path, 2)
    assert back_up(library_path, now=NOON + timedelta(hours=3)).made is not None


def test_every_saved_change_renews_the_revision_and_nothing_else_does(library_path):
    library = open_library(library_path)
    try:
        store = ArticleStore(library)
        start = revision(library.db)
        store.add(imported("One."))
        after_add = revision(library.db)
        with library.transaction():
            pass  # a transaction that changes nothing
        assert revision(library.db) == after_add != start
        store.add(imported("Two."))
        assert revision(library.db) not in (after_add, start)
    finally:
        library.close()


@pytest.mark.parametrize("opens", [3])
def test_a_damaged_library_never_replaces_a_good_backup(tmp_path, opens):
    # The failure of the issue: three opens of a damaged library replaced all three backups.
    path = sound_library(tmp_path / "library.sqlite", articles=20)
    good = [back_up(path, BackupPolicy(recent=3), now=NOON)]
    add_article(path, 100)
    good.append(back_up(path, BackupPolicy(recent=3), now=NOON + timedelta(minutes=1)))
    kept = {p.made: snapshot(p.made) for p in good}
    add_article(path, 101)  # changed since the last backup: only the check stops a copy
    scribble(path, seed=5)
    for n in range(opens):
        result = back_up(path, BackupPolicy(recent=3), now=NOON + timedelta(hours=n + 1))
        assert result.made is None and "damaged" in result.reason
    assert {p: snapshot(p) for p in kept} == kept
    assert backup_files(path) == sorted(p.name for p in kept)


def test_a_copy_that_fails_its_check_is_not_kept(library_path, monkeypatch):
    add_article(library_path, 1)
    older = back_up(library_path, now=NOON).made
    add_article(library_path, 2)
    damaged = Verdict(False, ("Page 4: btreeInitPage() returns error code 11",))
    monkeypatch.setattr(
        backup_module,
        "check_file",
        lambda path, foreign=False: damaged if ".partial" in path.name else SOUND,
    )
    with pytest.raises(LibraryError, match=r"not kept.*Page 4"):
        back_up(library_path, now=NOON + timedelta(hours=1))
    assert backup_files(library_path) == [older.name]
    assert titles(older) == ["Article 1"]


def test_a_failed_write_leaves_the_older_backups_alone(library_path, monkeypatch):
    add_article(library_path, 1)
    older = back_up(library_path, now=NOON).made
    add_article(library_path, 2)

    def fail(source, target, name):
        target.write_bytes(b"half a copy")
        raise LibraryError("Could not back up: the disk is full.")

    monkeypatch.setattr(backup_module, "_copy", fail)
    with pytest.raises(LibraryError, match="disk is full"):
        back_up(library_path, now=NOON + timedelta(hours=1))
    assert backup_files(library_path) == [older.name]


def test_the_policy_keeps_the_newest_and_the_newest_older_than_each_age(library_path):
    policy = BackupPolicy(recent=2, ages=(timedelta(days=1), timedelta(days=7)))
    days_ago = [30, 10, 8, 3, 2, 1.5, 0.5, 0.2]
    now = NOON + timedelta(days=30)
    removed = []
    for n, age in enumerate(days_ago):
        add_article(library_path, n)
        removed += back_up(library_path, policy, now=now - timedelta(days=age)).removed
    kept = [round((now - b.made) / timedelta(days=1), 1) for b in backups(library_path)]
    # The two newest; the newest over a day old (1.5); over a week old, 10: when the 8-day
    # copy was let go it was under a week old, and the 10-day one was already over.
    assert kept == [0.2, 0.5, 1.5, 10.0]
    assert len(removed) == len(days_ago) - len(kept)


def test_older_numbered_backups_are_listed_by_age_and_let_go_in_turn(library_path):
    add_article(library_path, 1)
    legacy = library_path.with_name("library.sqlite.backup-1")
    legacy.write_bytes(library_path.read_bytes())
    old = (NOON - timedelta(days=40)).timestamp()
    os.utime(legacy, (old, old))
    assert [b.path for b in backups(library_path)] == [legacy]
    for n in range(4):
        add_article(library_path, n + 2)
        back_up(library_path, BackupPolicy(recent=3, ages=()), now=NOON + timedelta(hours=n))
    assert legacy not in [b.path for b in backups(library_path)]
    assert not legacy.exists()


def test_unrelated_files_beside_the_library_are_never_touched(library_path):
    add_article(library_path, 1)
    notes = library_path.with_name("library.sqlite.backup-notes.txt")
    notes.write_text("my own notes")
    for n in range(5):
        add_article(library_path, n + 2)
        back_up(library_path, BackupPolicy(recent=1, ages=()), now=NOON + timedelta(hours=n))
    assert notes.read_text() == "my own notes"


def test_a_backup_while_another_program_writes_is_consistent(library_path):
    add_article(library_path, 1)
    writer = open_library(library_path)
    try:
        writer.db.execute("PRAGMA wal_autocheckpoint = 0")
        ArticleStore(writer).add(imported("Written, not yet checkpointed.", "Second"))
        made = back_up(library_path, verdict=SOUND, now=NOON).made
    finally:
        writer.close()
    assert titles(made) == ["Article 1", "Second"]


def test_keep_at_least_one():
    with pytest.raises(ValueError):
        BackupPolicy(recent=0)
