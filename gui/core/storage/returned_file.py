"""Reading a file someone handed back without trusting it: nothing the file defines ever runs.

A returned exercise file is read where it lies, through a read-only, immutable connection (no
journal, no lock, nothing written beside it), with trusted_schema off, and never migrated or
copied. Before a single row is read its schema must be Sourcelight's: no views, no triggers
but the full-text ones every library has (compared word for word), and the tables read must
be plain tables with the columns expected, none of them computed. SQLite's progress handler
bounds the time; counts and sizes are capped. What comes out are plain rows, whose values
gui.core.trainer.returns checks one by one before any of them reaches a library.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from gui.core.storage.database import LibraryError, open_library
from gui.core.storage.migrations import SCHEMA_VERSION

MAX_FILE_BYTES = 128 * 2**20
MAX_VALUE_BYTES = 16 * 2**20  # the longest text or blob SQLite hands over (an article's body)
MAX_ARTICLES = 500
MAX_LABELS = 200
MAX_ANNOTATIONS = 20_000
MAX_SETTING_CHARS = {"exercise": 1_000_000, "trainee": 2_000, "checklist_answers": 1_000_000}
TIME_LIMIT = 30.0  # seconds for reading one file, whatever it holds
_STEPS_PER_TICK = 100  # SQLite virtual-machine steps between two looks at the clock
_TICK_SECONDS = 0.1  # least time between two progress reports from inside a query
STEPS = 6  # progress reports count these steps
SQLITE_HEADER = b"SQLite format 3\x00"
_CHUNK = 1 << 20
# The columns read from each table: all a trainee's work needs, nothing else is looked at.
READ_COLUMNS = {
    "settings": ("key", "value"),
    "articles": ("id", "content_hash", "body"),
    "labels": ("id", "name", "colour", "hotkey", "description"),
    "annotations": ("id", "article_id", "label_id", "start", "end", "exact", "note",
                    "annotator", "created", "modified", "orphaned"),
}  # fmt: skip

Progress = Callable[[int, int], None]


class RefusedFile(LibraryError):
    """A returned file that was not read, or not to the end; str() names it and says why."""


@dataclass(frozen=True)
class ReturnedRows:
    """What a returned file holds, as plain rows whose values are not checked yet."""

    path: Path
    file_hash: str  # SHA-256 of the file
    modified: str  # when the file was last changed (ISO 8601, UTC)
    settings: dict[str, str]  # the exercise, trainee and checklist_answers rows, as JSON text
    articles: tuple[tuple[Any, ...], ...]  # READ_COLUMNS["articles"], in id order
    labels: tuple[tuple[Any, ...], ...]
    annotations: tuple[tuple[Any, ...], ...]


def read_returned(
    path: Path, progress: Progress | None = None, time_limit: float | None = None
) -> ReturnedRows:
    """Read a returned file safely; RefusedFile naming the file and the reason otherwise.

    progress(done, total) is called between the steps and, during a long query, every tenth
    of a second; whatever it raises (a cancel) stops the reading and is raised again.
    time_limit: seconds (default TIME_LIMIT) before the reading is stopped and refused.
    """
    path = Path(path).expanduser().absolute()
    report = progress or (lambda done, total: None)
    report(0, STEPS)
    file_hash, modified = _plain_file(path)
    _refuse_journal(path)
    reader = _Reader(path, report, TIME_LIMIT if time_limit is None else time_limit)
    try:
        reader.check()
        rows = reader.rows()
    finally:
        reader.close()
    return ReturnedRows(path, file_hash, modified, *rows)


def _plain_file(path: Path) -> tuple[str, str]:
    """(SHA-256, modification time) of a plain file that starts like an SQLite database.

    Anything else (a folder, a FIFO, a device, a link to one) is refused before it is opened,
    and it is opened without blocking, so that nothing can make the reading wait forever.
    """
    _refuse_special(path, _stat(path))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise RefusedFile(f"Could not read {path}: {error.strerror or error}.") from error
    with os.fdopen(descriptor, "rb") as file:
        status = os.fstat(file.fileno())
        _refuse_special(path, status)  # the same file, whatever happened to the name since
        digest = _digest(file, path)
    return digest, datetime.fromtimestamp(status.st_mtime, UTC).isoformat(timespec="seconds")


def _stat(path: Path) -> os.stat_result:
    """The status of what path names (links followed); RefusedFile when there is nothing."""
    try:
        return path.stat()
    except OSError as error:
        raise RefusedFile(f"Could not read {path}: {error.strerror or error}.") from error


def _refuse_special(path: Path, status: os.stat_result) -> None:
    """RefusedFile unless status is that of a plain file of a size an exercise can have."""
    if not stat.S_ISREG(status.st_mode):
        link = " a link to" if path.is_symlink() else ""
        raise RefusedFile(
            f"{path} is{link} {_kind(status.st_mode)}, not a file: only exercise files can be"
            " handed back. Nothing was read."
        )
    if status.st_size > MAX_FILE_BYTES:
        raise RefusedFile(
            f"{path} is {status.st_size // 2**20} MB, more than an exercise file can be"
            f" ({MAX_FILE_BYTES // 2**20} MB). Nothing was read."
        )


def _kind(mode: int) -> str:
    """What a file mode is, in words."""
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a pipe (FIFO)"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                       (stat.S_ISSOCK, "a socket")):  # fmt: skip
        if test(mode):
            return name
    return "something special"


def _digest(file: Any, path: Path) -> str:
    """SHA-256 of an open file, after checking that it starts like an SQLite database."""
    digest = hashlib.sha256()
    try:
        chunk = file.read(_CHUNK)
        if not chunk.startswith(SQLITE_HEADER):
            raise RefusedFile(f"{path} is not a Sourcelight file (not a library or an exercise).")
        while chunk:
            digest.update(chunk)
            chunk = file.read(_CHUNK)
    except OSError as error:
        raise RefusedFile(f"Could not read {path}: {error.strerror or error}.") from error
    return digest.hexdigest()


def _refuse_journal(path: Path) -> None:
    """RefusedFile when changes wait in a journal beside the file (it was still open)."""
    for suffix in ("-wal", "-journal"):
        journal = path.with_name(path.name + suffix)
        try:
            waiting = journal.stat().st_size > 0
        except OSError:
            continue
        if waiting:
            raise RefusedFile(
                f"{path} was handed in while it was still open ({journal.name} lies beside it,"
                " with changes not yet in the file). Ask the trainee to close Sourcelight and"
                " hand the file in again. Nothing was read."
            )


class _Reader:
    """One read-only, immutable connection to a returned file, bounded in time and size."""

    def __init__(self, path: Path, progress: Progress, time_limit: float) -> None:
        self.path, self._progress = path, progress
        self._deadline = time.monotonic() + time_limit
        self._limit = time_limit
        self._next_tick = 0.0
        self._step = 0
        self._stopped: BaseException | None = None
        self._timed_out = False
        uri = path.as_uri() + "?mode=ro&immutable=1"
        try:
            self._db = sqlite3.connect(uri, uri=True, isolation_level=None)
        except sqlite3.Error as error:
            raise RefusedFile(f"Could not read {path}: {error}.") from error
        self._db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        self._db.set_progress_handler(self._tick, _STEPS_PER_TICK)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def check(self) -> None:
        """Refuse the file unless it is an intact Sourcelight file whose schema runs nothing."""
        for pragma in ("trusted_schema = OFF", "query_only = ON", "mmap_size = 0"):
            self._query(f"PRAGMA {pragma}")
        version = self._query("PRAGMA user_version")[0][0]
        if not isinstance(version, int) or not 2 <= version <= SCHEMA_VERSION:
            raise RefusedFile(_version_message(self.path, version))
        self._check_schema(self._query("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        self._next_step()
        result = self._query("PRAGMA quick_check")
        if [tuple(row) for row in result] != [("ok",)]:
            raise RefusedFile(f"{self.path} is damaged ({result[0][0]}); nothing was read from it.")
        self._next_step()

    def rows(self) -> tuple[dict[str, str], tuple, tuple, tuple]:
        """The settings rows that matter, then the articles, labels and annotations."""
        settings = self._settings()
        self._next_step()
        found = []
        caps = {"articles": MAX_ARTICLES, "labels": MAX_LABELS, "annotations": MAX_ANNOTATIONS}
        for table, cap in caps.items():
            count = self._query(f'SELECT count(*) FROM "{table}"')[0][0]
            if count > cap:
                raise RefusedFile(
                    f"{self.path} holds {count:,} {table}; an exercise file may hold at"
                    f" most {cap:,}. Nothing was imported."
                )
            columns = ", ".join(f'"{name}"' for name in READ_COLUMNS[table])
            found.append(tuple(self._query(f'SELECT {columns} FROM "{table}" ORDER BY rowid')))
            self._next_step()
        return settings, *found

    def _settings(self) -> dict[str, str]:
        """The exercise, trainee and answers rows as text, refused when one is too long."""
        marks = ", ".join("?" for _ in MAX_SETTING_CHARS)
        sizes = self._query(
            f"SELECT key, typeof(value), length(value) FROM settings WHERE key IN ({marks})",
            list(MAX_SETTING_CHARS),
        )
        for key, kind, size in sizes:
            if kind != "text" or size > MAX_SETTING_CHARS[key]:
                raise RefusedFile(_setting_message(self.path, key, kind, size))
        rows = self._query(
            f"SELECT key, value FROM settings WHERE key IN ({marks})", list(MAX_SETTING_CHARS)
        )
        return {str(key): str(value) for key, value in rows}

    def _check_schema(self, master: list[tuple]) -> None:
        """Refuse views, unknown triggers, and tables read that are not plain or not ours."""
        views = sorted(str(name) for kind, name, _, _ in master if kind == "view")
        if views:
            raise RefusedFile(_defines(self.path, "views", views))
        triggers = {(name, sql) for kind, name, _, sql in master if kind == "trigger"}
        unknown = sorted(str(name) for name, _ in triggers - known_triggers())
        if unknown:
            raise RefusedFile(_defines(self.path, "triggers", unknown))
        tables = {name: sql for kind, name, _, sql in master if kind == "table"}
        for table, columns in READ_COLUMNS.items():
            sql = tables.get(table)
            if not (isinstance(sql, str) and sql.lstrip()[:12].upper() == "CREATE TABLE"):
                raise RefusedFile(
                    f"{self.path} has no plain {table} table, so it is not a Sourcelight file."
                    " Nothing was read."
                )
            self._check_columns(table, columns)

    def _check_columns(self, table: str, wanted: tuple[str, ...]) -> None:
        """Refuse a table read that lacks a column, or whose column is computed when read."""
        found = dict(self._query("SELECT name, hidden FROM pragma_table_xinfo(?)", [table]))
        missing = [name for name in wanted if name not in found]
        computed = [name for name in wanted if found.get(name)]
        if missing or computed:
            what = "lacks" if missing else "computes"
            raise RefusedFile(
                f"{self.path} is not a Sourcelight file: its {table} table {what} the column"
                f" {(missing or computed)[0]!r}. Nothing was read."
            )

    def _query(self, sql: str, params: list[Any] | tuple = ()) -> list[tuple]:
        """All rows of one statement, with SQLite's failures turned into RefusedFile."""
        try:
            return self._db.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            if self._stopped is not None:
                raise self._stopped from None
            if self._timed_out:
                raise RefusedFile(
                    f"Reading {self.path} took longer than {self._limit:g} seconds, so it was"
                    " stopped. Nothing was imported."
                ) from None
            raise RefusedFile(_sqlite_message(self.path, error)) from error

    def _next_step(self) -> None:
        """Report that one more step is done (which is where a cancel takes effect)."""
        self._step += 1
        self._progress(self._step, STEPS)

    def _tick(self) -> int:
        """SQLite's progress handler: non-zero stops the query (time is up, or cancelled)."""
        now = time.monotonic()
        if now > self._deadline:
            self._timed_out = True
            return 1
        if now >= self._next_tick:
            self._next_tick = now + _TICK_SECONDS
            try:
                self._progress(self._step, STEPS)
            except BaseException as stop:  # a cancel: stop here, raise it once out of SQLite
                self._stopped = stop
                return 1
        return 0


@cache
def known_triggers() -> frozenset[tuple[str, str]]:
    """(name, SQL) of the triggers a Sourcelight library has (the full-text search ones)."""
    library = open_library(None)
    try:
        rows = library.db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).fetchall()
    finally:
        library.close()
    return frozenset((str(name), str(sql)) for name, sql in rows)


def _defines(path: Path, what: str, names: list[str]) -> str:
    """The message for a file whose schema defines something no Sourcelight file has."""
    shown = ", ".join(repr(name[:60]) for name in names[:3]) + (" …" if len(names) > 3 else "")
    return (
        f"{path} defines {what} ({shown}) that no Sourcelight file has; they could run code"
        " while it is read, so it was not read at all."
    )


def _setting_message(path: Path, key: str, kind: str, size: int) -> str:
    """The message for a settings row that is not text or is too long."""
    what = {"trainee": "trainee's name", "checklist_answers": "checklist answers"}.get(key, key)
    if kind != "text":
        return f"{path} is damaged: its {what} row is not text. Nothing was imported."
    return (
        f"{path} has a {what} row of {size:,} characters; at most"
        f" {MAX_SETTING_CHARS[key]:,} are allowed. Nothing was imported."
    )


def _version_message(path: Path, version: Any) -> str:
    """The message for a file whose schema version this Sourcelight cannot read as returned."""
    if isinstance(version, int) and version > SCHEMA_VERSION:
        return (
            f"{path} was written by a newer version of Sourcelight (schema {version}; this"
            f" version reads up to {SCHEMA_VERSION}). Update Sourcelight to import it."
        )
    return f"{path} is an SQLite database, but not a Sourcelight file."


def _sqlite_message(path: Path, error: sqlite3.Error) -> str:
    """The message for a failure SQLite reported while reading."""
    if isinstance(error, sqlite3.DataError):
        return (
            f"{path} holds a value longer than {MAX_VALUE_BYTES // 2**20} MB, more than any"
            " exercise has. Nothing was imported."
        )
    return f"{path} is damaged or is not a Sourcelight file ({error}); nothing was read from it."
