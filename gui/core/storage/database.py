"""Opening the library file: permissions, locks, damage, schema version, and safe transactions."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs
from sqlite_utils import Database

from gui.core.storage import migrations
from gui.core.storage.errors import (
    LibraryCorrupt,
    LibraryError,
    LibraryFull,
    LibraryLocked,
    LibraryReadOnly,
    LibraryTooNew,
    LibraryUnavailable,
    library_error,
)
from gui.core.storage.integrity import SoundnessGate, damage_message
from gui.core.storage.source_groups import settle_source_groups

__all__ = [  # the errors are part of opening a library, and are imported from here too
    "Library",
    "LibraryCorrupt",
    "LibraryError",
    "LibraryFull",
    "LibraryLocked",
    "LibraryReadOnly",
    "LibraryTooNew",
    "LibraryUnavailable",
    "default_library_path",
    "library_error",
    "open_library",
    "revision",
    "utc_now",
]

CACHE_KIB = 64 * 1024  # page cache ceiling per connection; only what is read is allocated
DEFAULT_BUSY_TIMEOUT = 2.0  # seconds to wait for another program's transaction to end
REVISION_KEY = "library_revision"  # settings row renewed by every change: a JSON string


@dataclass
class Library:
    """An open library: the sqlite-utils database and how it was opened.

    gate is the soundness check of the file (None when there is nothing to check: a library
    in memory, just created, or open read-only); every write waits for its verdict. damage
    says what is wrong once a check found the file damaged (the library is then read-only).
    """

    db: Database
    path: Path | None
    read_only: bool
    created: bool
    gate: SoundnessGate | None = None
    damage: str = ""
    closed: bool = False

    @property
    def name(self) -> str:
        """How messages name this library: its path, or a phrase for an in-memory one."""
        return str(self.path) if self.path is not None else "the in-memory library"

    def close(self) -> None:
        """Close the connection; the library cannot be used afterwards."""
        self.closed = True
        self.db.close()

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn SQLite failures inside the block into LibraryError subclasses."""
        try:
            yield
        except sqlite3.Error as error:
            if not _is_environmental(error):
                raise
            raise library_error(error, self.name, self.path) from error

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One user action: every change in the block is saved, or none of them is.

        The first one of a session waits for the soundness check: nothing is written to a
        damaged library (LibraryCorrupt says what is wrong and how to restore).
        """
        if self.read_only:
            raise (
                LibraryCorrupt(self.damage)
                if self.damage
                else LibraryReadOnly(
                    f"{self.name} is open read-only, so nothing can be changed in it."
                )
            )
        self.require_sound()
        with self.errors(), _write_transaction(self.db, self.path is not None):
            yield self.db

    @contextmanager
    def snapshot(self) -> Iterator[Database]:
        """Reads that see the library as it was at the first of them, whatever another
        process writes meanwhile (a read transaction; in WAL mode writers go on). For a
        long answer read in many statements, such as every claim printed a group at a time.
        Inside a transaction already open, that transaction is the snapshot.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield self.db
            return
        with self.errors():
            conn.execute("BEGIN DEFERRED")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the snapshot
        try:
            yield self.db
        finally:
            if conn.in_transaction:
                with self.errors():
                    conn.execute("COMMIT")  # nothing was written: only ends the read

    def require_sound(self) -> None:
        """Wait for the verdict on the file; LibraryCorrupt (and read-only) when it is damaged."""
        if self.gate is None:
            return
        verdict = self.gate.verdict()
        if verdict.sound is None:
            raise LibraryLocked(
                f"{self.name} could not be checked before saving: another program holds it"
                f" ({verdict.describe()}). Nothing was changed; try again."
            )
        if not verdict.sound:
            self.damage = damage_message(self.name, verdict)
            self.read_only = True
            raise LibraryCorrupt(self.damage)


def default_library_path() -> Path:
    """Where the library lives unless the user opens another file."""
    return Path(platformdirs.user_data_dir("Sourcelight", appauthor=False)) / "library.sqlite"


def open_library(
    path: Path | None,
    *,
    read_only: bool = False,
    busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
    leave_no_files: bool = False,
) -> Library:
    """Open (or create) the library at path, or an in-memory one for None, ready to use.

    leave_no_files (with read_only): create nothing beside the file either. When no program
    has it open (no -wal or -journal beside it) it is read as immutable, else through the
    write-ahead log like any reader.
    """
    if path is None:
        return _open_memory(read_only)
    path = Path(path).expanduser().absolute()
    _refuse_missing(path, read_only)
    read_only = read_only or (path.exists() and not _writable(path))
    if not read_only:
        _prepare_folder(path)
    conn = _connect(path, read_only, busy_timeout, leave_no_files)
    library = Library(Database(conn, execute_plugins=False), path, read_only, created=False)
    try:
        with library.errors():
            _set_up(library)
    except BaseException:
        library.close()
        raise
    return library


def utc_now() -> str:
    """The current time as stored in the library: ISO 8601 in UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _is_environmental(error: sqlite3.Error) -> bool:
    """True for failures caused by the file or the disk, not by a bug in our SQL or data."""
    # IntegrityError, ProgrammingError and friends are bugs and must surface as they are.
    return type(error) in (sqlite3.OperationalError, sqlite3.DatabaseError)


def _open_memory(read_only: bool) -> Library:
    """A fresh library in memory; read_only only makes the stores refuse changes."""
    library = Library(Database(memory=True, execute_plugins=False), None, False, created=True)
    _set_up(library)
    library.read_only = read_only
    return library


def _writable(path: Path) -> bool:
    """True when both the file and its folder may be written (WAL needs files beside it)."""
    return _may_write(path) and _may_write(path.parent)


def _may_write(path: Path) -> bool:
    """os.access, plus the write bits: root may write anything, but a chmod a-w is a wish."""
    mode = path.stat().st_mode
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _refuse_missing(path: Path, read_only: bool) -> None:
    """Raise when path is a folder, or when a library to read only does not exist."""
    if path.is_dir():
        raise LibraryUnavailable(f"Could not open {path}: it is a folder, not a library file.")
    if read_only and not path.is_file():
        raise LibraryUnavailable(f"Could not open {path}: there is no such library file.")


def _prepare_folder(path: Path) -> None:
    """Create the parent folders of a library that does not exist yet."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryUnavailable(f"Could not create the folder for {path}: {error}.") from error


def _connect(
    path: Path, read_only: bool, busy_timeout: float, leave_no_files: bool
) -> sqlite3.Connection:
    """A connection to path; read-only ones can never write to the file or beside it."""
    uri = _read_only_uri(path, leave_no_files) if read_only else None
    target = uri or str(path)
    try:
        return sqlite3.connect(target, uri=uri is not None, timeout=busy_timeout)
    except sqlite3.Error as error:
        raise LibraryUnavailable(f"Could not open {path}: {error}.") from error


def _read_only_uri(path: Path, leave_no_files: bool = False) -> str:
    """mode=ro, and immutable=1 (no -wal/-shm files at all) when nobody can be writing it."""
    wal = path.with_name(path.name + "-wal")
    uncheckpointed = wal.is_file() and wal.stat().st_size > 0
    in_use = wal.exists() or path.with_name(path.name + "-journal").exists()
    if leave_no_files and not in_use:
        return path.as_uri() + "?mode=ro&immutable=1"
    if uncheckpointed or _writable(path):
        # Another program may be changing the library: read through its WAL like a reader.
        return path.as_uri() + "?mode=ro"
    return path.as_uri() + "?mode=ro&immutable=1"


def _set_up(library: Library) -> None:
    """Check the file is a library this version can read, then bring it up to date.

    Nothing here writes to an existing library that is already in WAL mode and up to date;
    when something must be written (an upgrade, the switch to WAL), the file is checked first.
    """
    db = library.db
    db.execute("PRAGMA foreign_keys = ON")
    # A long article's 100k entity rows miss SQLite's 2 MB default cache and read 5x slower.
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    version = migrations.schema_version(db)
    _refuse_unreadable(library, version)
    library.created = version == 0
    if library.read_only:
        return
    if not library.created and library.path is not None:
        library.gate = SoundnessGate(library.path)
        journal = db.execute("PRAGMA journal_mode").fetchone()[0]
        if journal != "wal" or migrations.MIGRATIONS.pending(db):
            library.require_sound()
    with db.ensure_autocommit_on():
        db.execute("PRAGMA journal_mode = WAL")
    _probe_write_lock(db)
    migrations.MIGRATIONS.apply(db)


def _refuse_unreadable(library: Library, version: int) -> None:
    """Raise before any write when the file is too new, foreign, or needs an upgrade we can't do."""
    newest = migrations.SCHEMA_VERSION
    if version > newest:
        raise LibraryTooNew(
            f"{library.name} was written by a newer version of Sourcelight (schema {version};"
            f" this version reads up to {newest}). Update Sourcelight to open it."
        )
    if version == 0 and migrations.has_foreign_tables(library.db):
        raise LibraryCorrupt(
            f"{library.name} is an SQLite database but not a Sourcelight library."
            " It was left as it is."
        )
    if version < newest and library.read_only:
        raise LibraryReadOnly(
            f"{library.name} needs upgrading to schema {newest} (it has {version}), but it is"
            " read-only. Make it writable and open it again."
        )


def _probe_write_lock(db: Database) -> None:
    """Wait (up to the busy timeout) for the write lock, so a stuck library is refused at once."""
    db.conn.execute("BEGIN IMMEDIATE")
    db.conn.execute("ROLLBACK")


def revision(db: Database | sqlite3.Connection) -> str:
    """The token that the last saved change left in the library ("" before any)."""
    try:
        row = db.execute("SELECT value FROM settings WHERE key = ?", [REVISION_KEY]).fetchone()
    except sqlite3.OperationalError:  # no settings table: not a library (yet)
        return ""
    return "" if row is None else str(row[0])


@contextmanager
def _write_transaction(db: Database, track: bool) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or a savepoint when a transaction is already open.

    track: a transaction that changed something renews the library's revision token, which
    tells a backup whether anything changed since the last one.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    # IMMEDIATE takes the write lock up front, so the busy timeout applies before any work.
    db.conn.execute("BEGIN IMMEDIATE")
    before = db.conn.total_changes
    try:
        yield
        settle_source_groups(db)  # the groups of sources follow what the block wrote
        if track and db.conn.total_changes != before:
            _renew_revision(db)
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def _renew_revision(db: Database) -> None:
    """Leave a new revision token in the library (inside the transaction that changed it)."""
    db.execute(
        "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
        [REVISION_KEY, json.dumps(uuid.uuid4().hex)],
    )
