"""Migration 15: the number of articles in the library, kept in one row by triggers on articles.

The library list asks how many articles there are as soon as a library opens, on the window's
thread. count(*) walks a whole index for that: 3-11 ms at 100,000 articles when its pages are
in memory, 60-140 ms when the system has dropped them. article_count holds the number in one
row; a trigger adds one for every article inserted and takes one away for every article
deleted, in the statement that does it, so whatever writes the rows (the one writer, an undo,
any SQLite client) the number is that of the rows.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

VERSION = 15
NAME = "0015_article_count"

_ARTICLE_COUNT = """
CREATE TABLE article_count (  -- How many articles the library holds, in one row (by trigger).
    id INTEGER PRIMARY KEY CHECK (id = 1),  -- always 1: the table has one row
    articles INTEGER NOT NULL  -- the number of rows of articles
)"""
TRIGGERS = (
    "CREATE TRIGGER article_count_added AFTER INSERT ON articles"
    " BEGIN UPDATE article_count SET articles = articles + 1 WHERE id = 1; END",
    "CREATE TRIGGER article_count_removed AFTER DELETE ON articles"
    " BEGIN UPDATE article_count SET articles = articles - 1 WHERE id = 1; END",
)
# The number as the triggers keep it (ArticleList.count reads it).
COUNT = "SELECT articles FROM article_count WHERE id = 1"


def register(migrations: Migrations) -> None:
    """Add migration 15 to the library's migrations (later_migrations calls it)."""
    migrations(name=NAME)(article_count)


def article_count(db: Database) -> None:
    """The one-row table, filled with the articles the library has, and its triggers."""
    db.execute(_ARTICLE_COUNT)
    db.execute("INSERT INTO article_count (id, articles) SELECT 1, count(*) FROM articles")
    for sql in TRIGGERS:
        db.execute(sql)
    # Never lower: a file that got a later migration first (from a branch build) keeps it.
    current = int(db.execute("PRAGMA user_version").fetchone()[0])
    db.execute(f"PRAGMA user_version = {max(current, VERSION)}")
