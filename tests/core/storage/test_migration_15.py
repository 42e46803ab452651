"""Migration 15: article_count holds the number of articles after every kind of change."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from sqlite_utils import Database

from gui.core.changes import Batch
from gui.core.library.commands import AddArticles, DeleteArticle
from gui.core.storage import apply
from gui.core.storage import migrations as schema
from gui.core.storage.article_list import ArticleList
from gui.core.storage.migration_15_article_count import COUNT, NAME

from .factories import database_before, imported


def kept(db: Database) -> int:
    """The number as the triggers keep it."""
    return int(db.execute(COUNT).fetchone()[0])


def counted(db: Database) -> int:
    """The number of article rows, counted."""
    return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])


def insert(db, article_id: int) -> None:
    """An article row written with plain SQL, as any SQLite client could."""
    db.execute(
        "INSERT INTO articles (id, title, source, format, content_hash, imported_at, body)"
        " VALUES (?, 't', 'f', 'txt', ?, '2026', 'b')",
        [article_id, f"h{article_id}"],
    )


def test_a_new_library_counts_none(library):
    assert kept(library.db) == 0 == ArticleList(library, None).count()


def test_imports_and_their_undo_keep_the_number(library):
    apply(library, AddArticles((imported("One.", "a"), imported("Two.", "b"))))
    undo = apply(library, AddArticles((imported("Three.", "c"), imported("One.", "again"))))
    assert kept(library.db) == counted(library.db) == 3 == ArticleList(library, None).count()
    apply(library, undo)
    assert kept(library.db) == counted(library.db) == 2


def test_deleting_one_or_several_and_the_undo_keep_the_number(library):
    apply(library, AddArticles(tuple(imported(f"Body {n}.", f"t{n}") for n in range(5))))
    ids = [row[0] for row in library.db.execute("SELECT id FROM articles ORDER BY id")]
    undo_one = apply(library, DeleteArticle(ids[0]))
    assert kept(library.db) == counted(library.db) == 4
    undo_some = apply(library, Batch("Delete 3", tuple(DeleteArticle(i) for i in ids[1:4])))
    assert kept(library.db) == counted(library.db) == 1 == ArticleList(library, None).count()
    apply(library, undo_some)
    assert kept(library.db) == counted(library.db) == 4
    apply(library, undo_one)
    assert kept(library.db) == counted(library.db) == 5


def test_rows_written_by_another_sqlite_client_are_counted(file_library, library_path):
    apply(file_library, AddArticles((imported("One.", "a"),)))
    with closing(sqlite3.connect(library_path)) as other:
        insert(other, 50)
        insert(other, 51)
        other.execute("DELETE FROM articles WHERE id = 1")
        other.commit()
    assert kept(file_library.db) == counted(file_library.db) == 2
    assert ArticleList(file_library, None).count() == 2


def test_the_migration_counts_the_articles_a_library_already_has(tmp_path):
    db = database_before(tmp_path / "library.sqlite", NAME)
    for article_id in (1, 2, 3):
        insert(db, article_id)
    assert "article_count" not in db.table_names()
    schema.MIGRATIONS.apply(db)
    assert kept(db) == 3
    insert(db, 9)
    assert kept(db) == 4
    assert schema.schema_version(db) == schema.SCHEMA_VERSION == 15


def test_the_migration_never_lowers_a_later_version(tmp_path):
    db = database_before(tmp_path / "library.sqlite", NAME)
    db.execute("PRAGMA user_version = 16")
    schema.MIGRATIONS.apply(db)
    assert schema.schema_version(db) == 16 and kept(db) == 0


def test_the_list_reads_the_kept_number_instead_of_counting_rows(library):
    apply(library, AddArticles((imported("One.", "a"),)))
    library.db.execute("UPDATE article_count SET articles = 7")  # a number count(*) cannot give
    assert ArticleList(library, None).count() == 7
