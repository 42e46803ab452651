"""Migration 10: the library list sorted and searched in SQL at any size.

One index per sort of the list, on the very expression the list orders by (gui.core.storage.
article_list), so a page of a 100,000-article library is read from the index, not sorted. The
search index is made again with prefix indexes: search as you type ends every query with a
prefix ("mos*"), which without them merges the lists of every word that starts so.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.storage.search import FTS_COLUMNS, FTS_TOKENIZER

# The sort keys: the shown date (published, else the import date) and title ("Untitled
# article" when empty), and the outlet; NOCASE folds ASCII case, as any SQLite client can.
SHOWN_DATE = "(CASE {a}published WHEN '' THEN {a}imported_at ELSE {a}published END)"
SHOWN_TITLE = "(CASE {a}title WHEN '' THEN 'Untitled article' ELSE {a}title END) COLLATE NOCASE"
OUTLET = "{a}outlet COLLATE NOCASE"
SORT_INDEXES = {"articles_by_date": SHOWN_DATE, "articles_by_title": SHOWN_TITLE}
SORT_INDEXES["articles_by_outlet"] = OUTLET
SORT_INDEXES["articles_by_import"] = "{a}imported_at"  # the newest article, opened first
# Prefixes of one to three characters get their own index entries (the FTS5 prefix option).
FTS_PREFIXES = "1 2 3"


def sort_key(expression: str, alias: str = "a") -> str:
    """A sort key expression, its columns qualified by the table alias."""
    return expression.format(a=f"{alias}." if alias else "")


def articles_fts_sql() -> str:
    """The CREATE statement of the articles' search index (external content: the articles)."""
    columns = ", ".join(f'"{column}"' for column in FTS_COLUMNS)
    return (
        f'CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (\n    {columns},\n'
        f"    tokenize='{FTS_TOKENIZER}',\n    prefix='{FTS_PREFIXES}',\n"
        '    content="articles"\n)'
    )


def register(migrations: Migrations) -> None:
    """Add migration 10 to the library's migrations (later_migrations calls it)."""
    migrations(name="0010_library_list")(library_list_schema)


def library_list_schema(db: Database) -> None:
    """Indexes on the library list's sort keys, and a search index with prefix indexes.

    Registered as migration 10 by gui.core.storage.migrations (which this module may not import).
    """
    for name, expression in SORT_INDEXES.items():
        db.execute(f"CREATE INDEX {name} ON articles ({sort_key(expression, '')}, id)")
    # The triggers that keep the index up to date name the table, so they carry on as they are.
    db.execute("DROP TABLE articles_fts")
    db.execute(articles_fts_sql())
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    db.execute("PRAGMA user_version = 10")
