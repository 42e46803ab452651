"""Migration 11: a trainer's grade and note on a source, kept for the whole library.

The grade is the Admiralty (NATO) source reliability, A (reliable) to F (cannot be judged);
the source is named by its key, as the findings rows key it (gui.core.tracing), so the grade
shows wherever that source is quoted.
"""

from __future__ import annotations

from sqlite_utils import Database

_SOURCE_GRADES = """
CREATE TABLE source_grades (
    name_key TEXT PRIMARY KEY,  -- the source's key, as quotes.speaker_key and sources.name_key
    name TEXT NOT NULL DEFAULT '',  -- how the source was named when graded
    grade TEXT NOT NULL DEFAULT '' CHECK (grade IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL  -- ISO 8601, UTC
)"""


def source_grades(db: Database) -> None:
    """The table of graded sources (migrations.py registers it as 0011_source_grades)."""
    db.execute(_SOURCE_GRADES)
    db.execute("PRAGMA user_version = 11")
