"""Small helpers the stores' writes share: one row by id, whether it exists, a counted noun."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from gui.core.storage.database import LibraryError


def update_row(db: Database, table: str, row_id: int, **columns: Any) -> None:
    """UPDATE one row of table by id (table and column names are ours, never the user's)."""
    assignments = ", ".join(f'"{name}" = ?' for name in columns)
    db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*columns.values(), row_id])


def exists(db: Database, table: str, row_id: int) -> bool:
    """True when table has a row with this id."""
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None


def require(db: Database, table: str, row_id: int, message: str) -> None:
    """LibraryError(message) unless table has a row with this id."""
    if not exists(db, table, row_id):
        raise LibraryError(message)


def count(n: int, noun: str) -> str:
    """'1 annotation', '3 annotations'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
