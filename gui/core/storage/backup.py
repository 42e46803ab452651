"""Rolling backups of the library file through SQLite's online backup API.

The newest copy is `<file>.backup-1`, the one before it `<file>.backup-2`, and so on up to
`keep`. A copy is written beside them first and only then takes its place, so a failed backup
leaves the older ones as they were.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from gui.core.storage.database import Library, LibraryError, library_error


def backup_path(path: Path, number: int) -> Path:
    """Where the number-th newest backup of the library at path lives."""
    return path.with_name(f"{path.name}.backup-{number}")


def backup_library(library: Library, keep: int = 3) -> Path | None:
    """Copy the library to `<file>.backup-1` after moving older copies up; None if not a file.

    Read-only and in-memory libraries are not backed up. Raises LibraryError when the copy
    cannot be written (the older backups are then left as they were).
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    if library.path is None or library.read_only:
        return None
    fresh = library.path.with_name(library.path.name + ".backup-new")
    try:
        _copy(library, fresh)
        _rotate(library.path, keep)
        os.replace(fresh, backup_path(library.path, 1))
    except OSError as error:
        raise LibraryError(f"Could not back up {library.name}: {error}.") from error
    finally:
        fresh.unlink(missing_ok=True)
    return backup_path(library.path, 1)


def _copy(library: Library, target: Path) -> None:
    """Write a consistent copy of the library to target (replacing any file there)."""
    target.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(target)) as copy:
            library.db.conn.backup(copy)
            # One file, no -wal beside it: the copy opens anywhere, even read-only.
            copy.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise library_error(error, f"the backup of {library.name}") from error


def _rotate(path: Path, keep: int) -> None:
    """Move backup-n to backup-(n+1), dropping the one that would pass keep."""
    backup_path(path, keep).unlink(missing_ok=True)
    for number in range(keep - 1, 0, -1):
        older = backup_path(path, number)
        if older.exists():
            os.replace(older, backup_path(path, number + 1))
