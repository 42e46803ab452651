"""Is a library file sound? SQLite's quick_check, on a connection of its own, once per session.

quick_check reads every page of the file and checks each b-tree (it leaves out only the
comparison of each index with its table): 0.9 s for a 1 GB library here (tests/bench/
bench_integrity.py). That is too long for the window's thread, so the window opens the
library at once and runs the check in the background; the first write of the session waits
for the verdict (SoundnessGate), and a damaged library is never written to.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

MAX_PROBLEMS = 20  # quick_check stops after this many; the first ones say enough
CHECK_TIMEOUT = 5.0  # seconds to wait for another program's lock before giving up
RESTORE_HINT = (
    "To put a backup back: File > Restore Backup… in the window, or `sourcelight restore"
    " --from FILE` (`sourcelight restore` lists the backups)."
)


@dataclass(frozen=True)
class Verdict:
    """What the check found: sound, damaged (with SQLite's words), or not checked (locked)."""

    sound: bool | None  # None: the file could not be checked, another program holds it
    problems: tuple[str, ...] = ()

    def describe(self) -> str:
        """SQLite's first problem in words, and how many more there are."""
        if not self.problems:
            return "no problem" if self.sound else "an unknown problem"
        first, more = self.problems[0], len(self.problems) - 1
        return first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


SOUND = Verdict(True)


def check_connection(conn: sqlite3.Connection) -> Verdict:
    """quick_check over an open connection: SOUND, or damaged with the problems it lists."""
    try:
        rows = conn.execute(f"PRAGMA quick_check({MAX_PROBLEMS})").fetchall()
    except sqlite3.DatabaseError as error:
        return _failed(error)
    # A problem may span lines, under a "*** in database main ***" heading of its own.
    lines = (line.strip() for row in rows for line in str(row[0]).splitlines())
    problems = tuple(line for line in lines if line and not line.startswith("*** in database"))
    return SOUND if problems == ("ok",) else Verdict(False, problems)


def read_only_uri(path: Path, foreign: bool = False) -> str:
    """The URI that opens path read-only; a foreign file nobody is writing, with nothing beside.

    foreign: a file from elsewhere (a backup to restore). When it has no -wal beside it, no
    program is writing it, and immutable=1 reads it without creating -wal and -shm files.
    """
    path = Path(path).absolute()
    idle = foreign and not path.with_name(path.name + "-wal").exists()
    return path.as_uri() + ("?mode=ro&immutable=1" if idle else "?mode=ro")


def check_file(path: Path, foreign: bool = False) -> Verdict:
    """quick_check of the file at path, on a read-only connection opened for it alone."""
    uri = read_only_uri(path, foreign)
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=CHECK_TIMEOUT)) as conn:
            conn.execute("PRAGMA trusted_schema = OFF")  # the file may come from anywhere
            return check_connection(conn)
    except sqlite3.DatabaseError as error:
        return _failed(error)


def damage_message(name: str, verdict: Verdict) -> str:
    """What the user reads about a damaged library: what is wrong and how to restore."""
    return (
        f"{name} is damaged (SQLite's check: {verdict.describe()}). Nothing was written to it,"
        f" and nothing will be while it is damaged. {RESTORE_HINT}"
    )


def _failed(error: sqlite3.DatabaseError) -> Verdict:
    """The verdict when the check itself failed: damaged, or not checked for a lock."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return Verdict(None, (str(error),))
    return Verdict(False, (str(error),))


class SoundnessGate:
    """The verdict on one library file for one session, found once by whoever asks first.

    The window asks on a worker thread as soon as the library is open; a write asks on its
    own thread and, when the check is still running, waits for it.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._verdict: Verdict | None = None

    def verdict(self) -> Verdict:
        """The verdict, checking the file now unless that was done (a lock is tried again)."""
        with self._lock:
            if self._verdict is None or self._verdict.sound is None:
                self._verdict = check_file(self._path)
            return self._verdict

    def known(self) -> Verdict | None:
        """The verdict if it has been found, without waiting."""
        return self._verdict
