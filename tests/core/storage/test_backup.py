"""Rolling backups through SQLite's backup API: they open, hold the data, and rotate."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from gui.core.storage import ArticleStore, LibraryError, backup_library, open_library
from gui.core.storage import backup as backup_module
from gui.core.storage.backup import backup_path

from .factories import imported


def titles(path: Path) -> list[str]:
    """The article titles in the library file at path, read by plain sqlite3."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("SELECT title FROM articles ORDER BY id")]


def add_article(library, n: int) -> None:
    """Add a small article titled 'Article n'."""
    ArticleStore(library).add(imported(f"Text number {n}.", f"Article {n}"))


def test_backup_opens_as_a_library_and_holds_the_data(file_library, library_path):
    add_article(file_library, 1)
    made = backup_library(file_library)
    assert made == library_path.with_name("library.sqlite.backup-1")
    copy = open_library(made, read_only=True)
    try:
        assert [s.title for s in ArticleStore(copy).summaries("number")] == ["Article 1"]
        assert copy.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        copy.close()


def test_backup_is_one_file_without_a_journal_beside_it(file_library, library_path):
    made = backup_library(file_library)
    assert made is not None
    with closing(sqlite3.connect(made)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not made.with_name(made.name + "-wal").exists()


def test_rotation_keeps_the_newest_copies_newest_first(file_library, library_path):
    for n in range(1, 6):
        add_article(file_library, n)
        backup_library(file_library, keep=3)
    backups = sorted(p.name for p in library_path.parent.glob("library.sqlite.backup*"))
    assert backups == [f"library.sqlite.backup-{n}" for n in (1, 2, 3)]
    assert [len(titles(backup_path(library_path, n))) for n in (1, 2, 3)] == [5, 4, 3]


def test_keep_one_replaces_the_single_copy(file_library, library_path):
    add_article(file_library, 1)
    backup_library(file_library, keep=1)
    add_article(file_library, 2)
    backup_library(file_library, keep=1)
    assert titles(backup_path(library_path, 1)) == ["Article 1", "Article 2"]
    assert not backup_path(library_path, 2).exists()


def test_memory_and_read_only_libraries_are_not_backed_up(library, library_path):
    assert backup_library(library) is None
    open_library(library_path).close()
    read_only = open_library(library_path, read_only=True)
    try:
        assert backup_library(read_only) is None
    finally:
        read_only.close()
    assert list(library_path.parent.glob("*.backup*")) == []


def test_a_failed_backup_leaves_the_older_ones_alone(file_library, library_path, monkeypatch):
    add_article(file_library, 1)
    backup_library(file_library)

    def fail(library, target):
        target.write_bytes(b"half a copy")
        raise LibraryError("Could not back up: the disk is full.")

    monkeypatch.setattr(backup_module, "_copy", fail)
    with pytest.raises(LibraryError, match="disk is full"):
        backup_library(file_library)
    assert titles(backup_path(library_path, 1)) == ["Article 1"]
    assert sorted(p.name for p in library_path.parent.iterdir() if "backup" in p.name) == [
        "library.sqlite.backup-1"
    ]


def test_keep_must_be_at_least_one(file_library):
    with pytest.raises(ValueError):
        backup_library(file_library, keep=0)
