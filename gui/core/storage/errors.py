"""What can go wrong with a library file, in words the user can act on.

SQLite's errors become one LibraryError subclass each. A full disk does not always say so:
SQLite reports "disk I/O error" when a full disk fails the write of its shared-memory file
or an fsync, and when a write passes the file size limit the system sets; library_error
looks at the disk (and the limit) before it calls an I/O error an I/O error.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from gui.core.storage.integrity import RESTORE_HINT

MIN_FREE_BYTES = 1024 * 1024  # less room than this beside the library, and the disk is full


class LibraryError(Exception):
    """A library problem the user can act on; str() is the message to show."""

    def __init__(self, message: str) -> None:
        # Messages may start with a library's name, such as "the in-memory library".
        super().__init__(message[:1].upper() + message[1:])


class LibraryCorrupt(LibraryError):
    """The file is damaged, or is not a Sourcelight library."""


class LibraryLocked(LibraryError):
    """Another program kept the library busy for longer than the busy timeout."""


class LibraryTooNew(LibraryError):
    """The library was written by a newer Sourcelight with a schema this one cannot read."""


class LibraryUnavailable(LibraryError):
    """The library file cannot be created or opened."""


class LibraryReadOnly(LibraryError):
    """A change was asked of a library that can only be read."""


class LibraryFull(LibraryError):
    """The disk (or the library's size limit) ran out of room during a change."""


def library_error(error: sqlite3.Error, name: str, path: Path | None = None) -> LibraryError:
    """The LibraryError that explains an SQLite failure on the library called name (at path)."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and out_of_room(path)):
        return LibraryFull(
            f"Could not save to {name}: the disk is full (or the library reached the largest"
            " file allowed). Nothing was changed; free some space and try again."
        )
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return LibraryLocked(
            f"{name} is busy: another program (perhaps another Sourcelight window) is using it."
            " Nothing was changed; close the other program or try again."
        )
    if code == sqlite3.SQLITE_READONLY:
        return LibraryReadOnly(f"{name} cannot be written (it is read-only). Nothing was changed.")
    if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
        return LibraryCorrupt(
            f"{name} is damaged or is not a Sourcelight library ({error}). It was left as it is."
            f" {RESTORE_HINT}"
        )
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM):
        return LibraryUnavailable(f"Could not open {name}: {error}.")
    return LibraryError(f"Could not use {name}: {error}.")


def out_of_room(path: Path | None) -> bool:
    """True when the disk beside path is (nearly) full, or the library hit the file size limit.

    The limit is the largest file the system lets this program write (RLIMIT_FSIZE).
    """
    if path is None:
        return False
    try:
        if shutil.disk_usage(path.parent).free < MIN_FREE_BYTES:
            return True
        sizes = [p.stat().st_size for p in _library_files(path) if p.exists()]
    except OSError:
        return False
    limit = _file_size_limit()
    return limit is not None and max(sizes, default=0) + MIN_FREE_BYTES > limit


def _library_files(path: Path) -> list[Path]:
    """The library file and the journals SQLite keeps beside it."""
    return [path, *(path.with_name(path.name + end) for end in ("-wal", "-journal"))]


def _file_size_limit() -> int | None:
    """The largest file this process may write, or None when there is no such limit."""
    try:
        import resource  # POSIX only
    except ImportError:
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft
