"""The library schema and its migrations; PRAGMA user_version records how far a file has come.

Each migration ends by setting user_version to its number, inside its own transaction, so any
SQLite client can tell which schema a library file has, and an older Sourcelight can refuse a
newer file before writing anything to it.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("sourcelight")
SCHEMA_VERSION = 1  # the highest schema this code knows: the number of the last migration

FTS_COLUMNS = ("title", "outlet", "byline", "body")
# Diacritics folded away, so that "mosul" finds "Mōsul"; no stemming, so prefixes stay exact.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

_ARTICLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    byline TEXT NOT NULL DEFAULT '',
    dateline TEXT NOT NULL DEFAULT '',
    published TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL DEFAULT '',
    credits TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings
    source TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the body: one article per content
    imported_at TEXT NOT NULL,  -- ISO 8601, UTC
    -- Last: SQLite reads a row's columns in order, and a 5 MB body spans a thousand pages
    -- that every query for a later column would otherwise walk through.
    body TEXT NOT NULL
)"""

_ENTITIES = """
CREATE TABLE entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,  -- code-point offsets into articles.body, half-open
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    grp TEXT NOT NULL  -- the alias group, e.g. 'Islamic State'
)"""

_ANALYSES = """
CREATE TABLE analyses (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    pipeline_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,  -- the body the entities were found in
    entity_count INTEGER NOT NULL,
    analysed_at TEXT NOT NULL  -- ISO 8601, UTC
)"""

_SETTINGS = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL  -- JSON
)"""


def schema_version(db: Database) -> int:
    """The schema version of the file (0 for a new or foreign one); reads, never writes."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def has_foreign_tables(db: Database) -> bool:
    """True when the file holds tables that no Sourcelight migration made (another app's file)."""
    rows = db.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite%' AND name != ?",
        [Migrations.migrations_table],
    ).fetchone()
    return rows[0] > 0


def _set_version(db: Database, version: int) -> None:
    """Record the schema version in the file header (inside the migration's transaction)."""
    db.execute(f"PRAGMA user_version = {int(version)}")


@MIGRATIONS(name="0001_initial")
def initial_schema(db: Database) -> None:
    """Articles with full-text search, entity analyses, and settings."""
    for sql in (_ARTICLES, _ENTITIES, _ANALYSES, _SETTINGS):
        db.execute(sql)
    db.table("entities").create_index(["article_id"])
    db.table("articles").enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZER)
    _set_version(db, 1)
