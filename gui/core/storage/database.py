"""Opening the library file: permissions, locks, damage, schema version, and safe transactions."""

from __future__ import annotations

import json
import os
import shutil
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
from gui.core.storage.integrity import SoundnessGate, damage_message

CACHE_KIB = 64 * 1024  # page cache ceiling per connection; only what is read is allocated
DEFAULT_BUSY_TIMEOUT = 2.0  # seconds to wait for another program's transaction to end
MIN_FREE_BYTES = 1024 * 1024  # less room than this beside the library, and the disk is full
REVISION_KEY = "library_revision"  # settings row renewed by every change: a JSON string


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

    @property
    def name(self) -> str:
        """How messages name this library: its path, or a phrase for an in-memory one."""
        return str(self.path) if self.path is not None else "the in-memory library"

    def close(self) -> None:
        """Close the connection; the library cannot be used afterwards."""
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
) -> Library:
    """Open (or create) the library at path, or an in-memory one for None, ready to use."""
    if path is None:
        return _open_memory(read_only)
    path = Path(path).expanduser().absolute()
    _refuse_missing(path, read_only)
    read_only = read_only or (path.exists() and not _writable(path))
    if not read_only:
        _prepare_folder(path)
    conn = _connect(path, read_only, busy_timeout)
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


def library_error(error: sqlite3.Error, name: str, path: Path | None = None) -> LibraryError:
    """The LibraryError that explains an SQLite failure on the library called name (at path)."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and out_of_room(path)):
        return LibraryFull(
            f"Could not save to {name}: the disk is full (or the library reached its size"
            " limit). Nothing was changed; free some space and try again."
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
        )
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_PERM):
        return LibraryUnavailable(f"Could not open {name}: {error}.")
    return LibraryError(f"Could not use {name}: {error}.")


def out_of_room(path: Path | None) -> bool:
    """True when the disk beside path is (nearly) full, or the library and its journal reached
    the largest file the system lets this program write (RLIMIT_FSIZE)."""
    # SQLite says "disk I/O error", not "database or disk is full", when a full disk fails the
    # write of its shared-memory file or an fsync, and when a write passes the file size limit.
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


def _connect(path: Path, read_only: bool, busy_timeout: float) -> sqlite3.Connection:
    """A connection to path; read-only ones can never write to the file or beside it."""
    target, uri = (_read_only_uri(path), True) if read_only else (str(path), False)
    try:
        return sqlite3.connect(target, uri=uri, timeout=busy_timeout)
    except sqlite3.Error as error:
        raise LibraryUnavailable(f"Could not open {path}: {error}.") from error


def _read_only_uri(path: Path) -> str:
    """mode=ro, and immutable=1 (no -wal/-shm files at all) when nobody can be writing it."""
    wal = path.with_name(path.name + "-wal")
    uncheckpointed = wal.is_file() and wal.stat().st_size > 0
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
