"""The user's verdicts on the sourcing lens's checks: reads, and the handlers of their commands.

take_rows/restore_rows keep an article's verdicts in its snapshot, so that undoing the
article's deletion brings them back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlite_utils import Database

from gui.core.library.commands import TableRows
from gui.core.sourcing.check_commands import (
    CheckCommand,
    CheckDecision,
    ClearCheckDecision,
    SetCheckDecision,
)
from gui.core.storage.database import Library, LibraryError, utc_now

TABLE = "check_decisions"
COLUMNS = ("article_id", "check_key", "kind", "status", "note", "annotator", "modified")
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM {TABLE}"
_REPLACE = f"INSERT OR REPLACE INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * 7)})"
_INSERT = _REPLACE.replace("INSERT OR REPLACE", "INSERT")

Handler = Callable[[Library, Any], CheckCommand]


class CheckStore:
    """Reads the verdicts on an article's checks."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def decisions(self, article_id: int) -> dict[str, CheckDecision]:
        """The article's verdicts by check key."""
        rows = self._rows(f"{_SELECT} WHERE article_id = ? ORDER BY check_key", [article_id])
        return {row[1]: CheckDecision(*row) for row in rows}

    def decision(self, article_id: int, key: str) -> CheckDecision | None:
        """The verdict on one check, or None while it is open."""
        rows = self._rows(f"{_SELECT} WHERE article_id = ? AND check_key = ?", [article_id, key])
        return CheckDecision(*rows[0]) if rows else None

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run a query, SQLite failures as LibraryError."""
        with self._library.errors():
            return self._library.db.execute(sql, params).fetchall()


def take_rows(db: Database, article_id: int) -> tuple[TableRows, ...]:
    """The article's verdicts, to be put back by restore_rows."""
    sql = f"{_SELECT} WHERE article_id = ? ORDER BY check_key"
    return ((TABLE, tuple(db.execute(sql, [article_id]).fetchall())),)


def restore_rows(db: Database, rows: Sequence[TableRows]) -> None:
    """Insert rows taken by take_rows, as they were."""
    for table, table_rows in rows:
        if table != TABLE:
            raise LibraryError(f"Cannot restore rows of an unknown table {table!r}.")
        db.conn.executemany(_INSERT, table_rows)


def _set(library: Library, command: SetCheckDecision) -> CheckCommand:
    """Keep a verdict; the inverse puts back the one before, or reopens the check."""
    found = library.db.execute("SELECT 1 FROM articles WHERE id = ?", [command.article_id])
    if found.fetchone() is None:
        raise LibraryError("That article is no longer in the library.")
    if not command.check_key:
        raise LibraryError("A verdict needs the check it is about.")
    old = CheckStore(library).decision(command.article_id, command.check_key)
    c = command
    row = (c.article_id, c.check_key, c.kind, c.status, c.note, c.annotator)
    library.db.execute(_REPLACE, [*row, c.modified or utc_now()])
    return SetCheckDecision.of(old) if old else ClearCheckDecision(c.article_id, c.check_key)


def _clear(library: Library, command: ClearCheckDecision) -> CheckCommand:
    """Forget a verdict; the inverse puts it back with its time."""
    old = CheckStore(library).decision(command.article_id, command.check_key)
    if old is None:
        raise LibraryError("That verdict is no longer in the library.")
    sql = f"DELETE FROM {TABLE} WHERE article_id = ? AND check_key = ?"
    library.db.execute(sql, [old.article_id, old.check_key])
    return SetCheckDecision.of(old)


HANDLERS: dict[type, Handler] = {SetCheckDecision: _set, ClearCheckDecision: _clear}
