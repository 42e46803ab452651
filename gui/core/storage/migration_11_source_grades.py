"""Migration 11: a trainer's grade and note on a source, and the indexes tracing reads by.

The grade is the Admiralty (NATO) source reliability, A (reliable) to F (cannot be judged);
the source is named by its key, as the findings rows key it (gui.core.tracing), so the grade
shows wherever that source is quoted. The indexes let the library-wide lists be sums SQLite
makes from an index alone (the Sources list of 100,000 articles in a fraction of a second).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

NAME = "0011_source_grades"

_SOURCE_GRADES = """
CREATE TABLE source_grades (  -- A trainer's grade and note on a source, for the whole library.
    name_key TEXT PRIMARY KEY,  -- the source's key, as sources.name_key and quotes.speaker_key
    name TEXT NOT NULL DEFAULT '',  -- how the source was named when graded
    grade TEXT NOT NULL DEFAULT '',  -- Admiralty reliability: A (reliable) to F (cannot judge)
    note TEXT NOT NULL DEFAULT '',  -- why, in the trainer's words
    updated_at TEXT NOT NULL,  -- when it was last set (ISO 8601, UTC)
    CHECK (grade IN ('', 'A', 'B', 'C', 'D', 'E', 'F'))
)"""

TRACE_INDEXES = {  # table: the index tracing reads it by
    "sources": "CREATE INDEX IF NOT EXISTS sources_by_key_cover ON sources"
    " (name_key, name, type, anonymous, statements, relayed)",
    "numeric_claims": "CREATE INDEX IF NOT EXISTS numeric_claims_by_pair"
    " ON numeric_claims (event, counted)",
    "quotes": "CREATE INDEX IF NOT EXISTS quotes_outlet_speakers ON quotes (speaker_type)"
    " WHERE speaker_type = 'outlet'",
}


def register(migrations: Migrations) -> None:
    """Add migration 11 to the library's migrations (later_migrations calls it)."""
    migrations(name=NAME)(source_grades)


def source_grades(db: Database) -> None:
    """The table of graded sources and the tracing indexes."""
    db.execute(_SOURCE_GRADES)
    trace_indexes(db)
    db.execute("PRAGMA user_version = 11")


def trace_indexes(db: Database) -> None:
    """The indexes of TRACE_INDEXES, on those of its tables the library has."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table, sql in TRACE_INDEXES.items():
        if table in tables:
            db.execute(sql)
