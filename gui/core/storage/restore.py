"""Putting a backup back, in a way that can itself be undone.

restore(path, source) checks the backup first (quick_check, a Sourcelight schema this version
reads, no triggers or views that Sourcelight does not make), then keeps the library as it is:
a checked backup when it is sound (or the newest backup, when nothing changed since), else its
bytes as `<file>.damaged-<time>`. Only then are the backup's pages written into the library
with SQLite's backup API, behind the same locks as any write, and the result is checked. A
file so damaged that SQLite cannot open it is replaced instead.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gui.core.storage.backup import (
    BUSY_TIMEOUT,
    back_up,
    backups,
    copy_checked,
    read_only_connection,
)
from gui.core.storage.database import (
    LibraryCorrupt,
    LibraryError,
    LibraryLocked,
    LibraryTooNew,
    LibraryUnavailable,
    open_library,
)
from gui.core.storage.integrity import check_file
from gui.core.storage.migrations import SCHEMA_VERSION

_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class Restored:
    """What a restore did: which backup went back, and where the library as it was is kept."""

    source: Path
    kept: Path | None  # None: there was no library to keep
    kept_damaged: bool = False  # the kept copy is the damaged file's bytes, not a backup


def check_restorable(path: Path, source: Path) -> None:
    """Raise a LibraryError saying why source cannot be restored into the library at path."""
    shown = str(source)
    if not source.is_file():
        raise LibraryUnavailable(f"Cannot restore {shown}: there is no such file.")
    if path.exists() and source.resolve() == path.resolve():
        raise LibraryError(f"Cannot restore {shown}: it is the library itself.")
    verdict = check_file(source, foreign=True)
    if not verdict.sound:
        raise LibraryCorrupt(f"Cannot restore {shown}: its check found {verdict.describe()}.")
    with closing(read_only_connection(source, foreign=True)) as db:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        extra = _foreign_schema(db)
    if version > SCHEMA_VERSION:
        raise LibraryTooNew(
            f"Cannot restore {shown}: a newer Sourcelight wrote it (schema {version})."
        )
    if version < 1 or extra:
        what = f" (it holds {', '.join(extra)})" if extra else ""
        raise LibraryCorrupt(f"Cannot restore {shown}: it is not a Sourcelight library{what}.")


def restore(path: Path, source: Path, now: datetime | None = None) -> Restored:
    """Put the backup at source back as the library at path (see the module's note)."""
    check_restorable(path, source)
    kept, damaged = _keep_current(path, now or datetime.now(UTC))
    _write_into(source, path)
    verdict = check_file(path)
    if not verdict.sound:
        raise LibraryCorrupt(
            f"The restored library failed its check ({verdict.describe()});"
            f" the library as it was is kept as {kept}."
        )
    return Restored(source, kept, damaged)


def _keep_current(path: Path, now: datetime) -> tuple[Path | None, bool]:
    """Keep the library as it is before it is replaced: (where, whether it was damaged)."""
    if not path.is_file() or path.stat().st_size == 0:
        return None, False
    verdict = check_file(path)
    if verdict.sound:
        made = back_up(path, verdict=verdict, now=now, prune=False).made
        return made or backups(path)[0].path, False
    kept = path.with_name(f"{path.name}.damaged-{now.astimezone(UTC).strftime(_STAMP)}")
    try:
        shutil.copy2(path, kept)
        wal = path.with_name(path.name + "-wal")
        if wal.is_file() and wal.stat().st_size:
            shutil.copy2(wal, kept.with_name(kept.name + "-wal"))
    except OSError as error:
        raise LibraryError(
            f"Could not keep a copy of {path}: {error.strerror or error}."
        ) from error
    return kept, True


def _write_into(source: Path, path: Path) -> None:
    """The backup's pages into the library file, through SQLite's locks where it can."""
    with closing(read_only_connection(source, foreign=True)) as backup:
        try:
            with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT)) as library:
                backup.backup(library)
            return
        except sqlite3.DatabaseError as error:
            code = getattr(error, "sqlite_errorcode", 0) & 0xFF
            if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise LibraryLocked(
                    f"{path} is in use by another program; nothing was restored."
                ) from error
        _replace_file(backup, path)


def _replace_file(backup: sqlite3.Connection, path: Path) -> None:
    """Replace a library file SQLite cannot write into (too damaged) by a fresh copy."""
    fresh = path.with_name(path.name + ".restoring")
    copy_checked(backup, fresh, str(path))
    try:
        os.replace(fresh, path)
        for end in ("-wal", "-shm", "-journal"):
            path.with_name(path.name + end).unlink(missing_ok=True)
    except OSError as error:
        raise LibraryError(f"Could not restore {path}: {error.strerror or error}.") from error


def _foreign_schema(db: sqlite3.Connection) -> list[str]:
    """The triggers and views in db that a Sourcelight library does not have."""
    fresh = open_library(None)
    try:
        ours = _schema_of(fresh.db.conn)
    finally:
        fresh.close()
    theirs = _schema_of(db)
    return sorted(f"{kind} {name}" for kind, name, sql in theirs - ours)


def _schema_of(db: sqlite3.Connection) -> set[tuple[str, str, str]]:
    """(type, name, sql) of every trigger and view."""
    rows = db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'view')"
    ).fetchall()
    return {(str(kind), str(name), " ".join(str(sql).split())) for kind, name, sql in rows}
