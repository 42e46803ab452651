"""Backups of the library that can be restored: checked copies, made only when it changed.

A backup is `<file>.backup-<UTC time>` beside the library (`library.sqlite.backup-20260301T
120000Z`): one SQLite file, written with SQLite's backup API under a temporary name, then
opened and checked with quick_check, and only then given its name. So a backup that exists
was sound when it was made; a copy that fails its check is deleted and the older ones stay.
A damaged library is never copied (it is checked first), and no copy is made while the
library's revision (a token each saved change renews) is that of the newest backup.
The policy keeps the `recent` newest copies and the newest one older than each of `ages`,
so that a mistake noticed a week later can still be undone.
"""

from __future__ import annotations

import glob
import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from gui.core.storage.database import LibraryError, library_error, revision
from gui.core.storage.integrity import (
    SOUND,
    Verdict,
    check_connection,
    check_file,
    read_only_uri,
)

_STAMP = "%Y%m%dT%H%M%SZ"
_NAME = re.compile(r"\.backup-(?:(?P<stamp>\d{8}T\d{6}Z)(?:-\d+)?|(?P<legacy>\d+))")
BUSY_TIMEOUT = 10.0  # a backup is in no hurry; another program's write may go first


@dataclass(frozen=True)
class BackupPolicy:
    """Which backups are kept: the newest ones, and the newest older than each age."""

    recent: int = 3
    ages: tuple[timedelta, ...] = (timedelta(days=1), timedelta(days=7))

    def __post_init__(self) -> None:
        if self.recent < 1:
            raise ValueError("keep at least one backup")


@dataclass(frozen=True)
class Backup:
    """One backup file beside a library, and when it was made (UTC)."""

    path: Path
    made: datetime


@dataclass(frozen=True)
class BackupResult:
    """What back_up() did: the copy it made (None when it made none, and why not)."""

    made: Path | None
    reason: str = ""  # why no copy was made
    removed: tuple[Path, ...] = field(default=())  # older copies the policy let go


def backup_path(path: Path, when: datetime) -> Path:
    """Where a backup of the library at path made at when goes (a free name)."""
    base = f"{path.name}.backup-{when.astimezone(UTC).strftime(_STAMP)}"
    candidate, number = path.with_name(base), 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{base}-{number}")
    return candidate


def backups(path: Path) -> list[Backup]:
    """The backups beside the library at path, newest first."""
    found = []
    for candidate in path.parent.glob(f"{glob.escape(path.name)}.backup-*"):
        match = _NAME.fullmatch(candidate.name[len(path.name) :])
        if match is None or not candidate.is_file():
            continue
        if match["stamp"]:
            made = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        else:  # backup-1, backup-2… from before: their age is their modification time
            made = datetime.fromtimestamp(candidate.stat().st_mtime, UTC)
        found.append(Backup(candidate, made))
    return sorted(found, key=lambda b: (b.made, b.path.name), reverse=True)


def back_up(
    path: Path,
    policy: BackupPolicy | None = None,
    verdict: Verdict | None = None,
    now: datetime | None = None,
    *,
    prune: bool = True,
) -> BackupResult:
    """Copy the library at path to a new, checked backup, unless it is damaged or unchanged.

    verdict: the library's soundness when it was just checked (else it is checked here).
    Raises LibraryError when the copy cannot be written; the older backups are then as they
    were, and a damaged copy never takes a name.
    """
    policy = policy or BackupPolicy()
    now = now or datetime.now(UTC)
    with closing(read_only_connection(path)) as source:
        if verdict is not None and not verdict.sound:
            return BackupResult(None, f"the library is damaged ({verdict.describe()})")
        existing = backups(path)  # the cheap question first: is there anything new to keep?
        if existing and _revision_of(existing[0].path) == _revision_or_damage(source):
            return BackupResult(None, f"nothing changed since {existing[0].path.name}")
        verdict = verdict or check_connection(source)
        if not verdict.sound:
            return BackupResult(None, f"the library is damaged ({verdict.describe()})")
        made = backup_path(path, now)
        _write_checked(source, made, path.name)
    removed = _prune(path, policy, now) if prune else ()
    return BackupResult(made, removed=removed)


def _revision_or_damage(source: sqlite3.Connection) -> str | None:
    """The library's revision token, or None when damage stops it being read (check it)."""
    try:
        return revision(source)
    except sqlite3.DatabaseError:
        return None


def copy_checked(source: sqlite3.Connection, target: Path, name: str) -> None:
    """Write a consistent copy of source to target and check it; LibraryError if it fails."""
    _write_checked(source, target, name)


def read_only_connection(path: Path, foreign: bool = False) -> sqlite3.Connection:
    """A read-only connection to a library or backup file (foreign: see read_only_uri)."""
    uri = read_only_uri(path, foreign)
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)
        conn.execute("PRAGMA trusted_schema = OFF")
        return conn
    except sqlite3.Error as error:
        raise library_error(error, str(path), path) from error


def _write_checked(source: sqlite3.Connection, target: Path, name: str) -> None:
    """The backup API's copy under a temporary name, checked, then renamed to target."""
    fresh = target.with_name(target.name + ".partial")
    try:
        _copy(source, fresh, name)
        verdict = check_file(fresh, foreign=True)
        if verdict != SOUND:
            raise LibraryError(
                f"The backup of {name} was not kept: its check found {verdict.describe()}."
                " The older backups are as they were."
            )
        os.replace(fresh, target)
    except OSError as error:
        raise LibraryError(f"Could not back up {name}: {error.strerror or error}.") from error
    finally:
        fresh.unlink(missing_ok=True)


def _copy(source: sqlite3.Connection, target: Path, name: str) -> None:
    """Write a consistent copy of source to target, as one file without a journal beside it."""
    target.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(target)) as copy:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # opens anywhere, even read-only
    except sqlite3.Error as error:
        raise library_error(error, f"the backup of {name}", target) from error


def _revision_of(path: Path) -> str | None:
    """The revision token in a backup file, None when it cannot be read."""
    try:
        with closing(read_only_connection(path, foreign=True)) as db:
            return revision(db)
    except (sqlite3.Error, LibraryError):
        return None


def _prune(path: Path, policy: BackupPolicy, now: datetime) -> tuple[Path, ...]:
    """Delete the backups the policy does not keep; the paths deleted."""
    found = backups(path)
    keep = {backup.path for backup in found[: policy.recent]}
    for age in policy.ages:
        older = next((b for b in found if now - b.made >= age), None)
        if older is not None:
            keep.add(older.path)
    removed = []
    for backup in found:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return tuple(removed)
