"""Building an exercise file: a new library with the chosen articles, and nothing of the key.

The file is filled from nothing: the articles, the codebook, the news outlets, the exercise
row, and the findings the trainer lets trainees see. No annotation, note, verdict or other
layer is ever written to it, and sealing it (VACUUM) leaves no free page behind, so that no
byte of the trainer's own work can be read from it, not even with a hex editor.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from gui.core.storage.database import Library
from gui.core.storage.exercise_store import EXERCISE_SETTING
from gui.core.storage.finding_rows_sync import ROW_TABLES
from gui.core.storage.settings_store import PIPELINE_SETTING

# What each kind of finding needs in the file, beside the articles it is about.
_ENTITY_TABLES = ("entities", "analyses")
_SOURCING_TABLES = ("sourcing_cache", "sourcing_corrections", *ROW_TABLES)  # rows: parents first
# The outlets and the chosen pipeline are part of the cache id: without them the trainee's
# window would not find the findings copied, and would look for others of its own.
_ENTITY_SETTINGS = ("outlets", PIPELINE_SETTING)
_SOURCING_SETTINGS = ("lexicon_overrides",)  # the findings' cache is keyed on them


def fill_exercise(
    source: Library,
    target: Library,
    article_ids: Sequence[int],
    info: dict[str, Any],
    entities: bool,
    sourcing: bool,
) -> None:
    """Copy the articles and codebook (and the findings asked for) into a new library.

    target must be freshly created; article ids stay as they are in source. info becomes the
    exercise row. Runs inside one transaction of target.
    """
    src, dst = source.db, target.db
    articles = _in_list("article_id", article_ids)
    settings = [*_ENTITY_SETTINGS, *(_SOURCING_SETTINGS if sourcing else ())]
    with source.errors(), target.transaction():
        dst.execute("DELETE FROM labels")  # the default codebook, replaced by the trainer's
        _copy(src, dst, "labels")
        _copy(src, dst, "articles", *_in_list("id", article_ids))
        _copy(src, dst, "settings", *_in_list("key", settings))
        if entities:
            _copy(src, dst, "corrections")  # the trainer's entity rules shape what is shown
            for table in _ENTITY_TABLES:
                _copy(src, dst, table, *articles)
        if sourcing:
            for table in _SOURCING_TABLES:
                _copy(src, dst, table, *articles)
        dst.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
            [EXERCISE_SETTING, json.dumps(info, ensure_ascii=False)],
        )


def seal(path: Path) -> None:
    """Make the file one self-contained file with no free pages, and on the disk for good.

    The rollback journal replaces the write-ahead log (nothing beside the file to hand out),
    VACUUM rewrites every page from the live rows alone, and fsync makes sure it is written.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("VACUUM")
    finally:
        connection.close()
    fsync(path)


def free_pages(path: Path) -> int:
    """How many free pages (deleted data) a database file holds; 0 after seal()."""
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    connection = sqlite3.connect(uri, uri=True)
    try:
        return int(connection.execute("PRAGMA freelist_count").fetchone()[0])
    finally:
        connection.close()


def fsync(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk, where the system allows it."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if Path(path).is_dir() else os.O_RDONLY
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return  # Windows cannot open a folder: its renames are durable without this
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _in_list(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """A WHERE clause choosing rows whose column is one of values, and its parameters."""
    marks = ", ".join("?" for _ in values)
    return f'WHERE "{column}" IN ({marks})', list(values)


def _copy(source: Database, target: Database, table: str, where: str = "", params=()) -> None:
    """Copy the rows of table chosen by where, every column as it is, when both have it."""
    if not (source[table].exists() and target[table].exists()):
        return
    cursor = source.execute(f'SELECT * FROM "{table}" {where}', list(params))
    columns = [column[0] for column in cursor.description]
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" for _ in columns)
    target.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', cursor)
