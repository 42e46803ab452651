"""Keeping the library file safe, off the GUI thread: check it, back it up, restore a backup.

Right after a library opens, its file is checked (quick_check) and, when sound and changed
since the last backup, copied to a new checked backup. Both run on one background thread of
their own, so a restore never overlaps a backup and the window never waits for either; a
write that comes before the verdict waits for it (Library.transaction).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from gui.core.storage.backup import BackupPolicy, BackupResult, back_up
from gui.core.storage.database import Library, LibraryError, open_library
from gui.core.storage.integrity import SoundnessGate, Verdict, damage_message
from gui.core.storage.restore import Restored, restore
from gui.session.background import Task, Worker


@dataclass(frozen=True)
class Examination:
    """What the background look at a library found: its verdict, and the backup made."""

    verdict: Verdict
    backup: BackupResult | None  # None when the library is damaged


def examine(
    path: Path, gate: SoundnessGate, policy: BackupPolicy | None = None, progress=None
) -> Examination:
    """Check the library (once for the session, through its gate), then back it up if sound."""
    verdict = gate.verdict()
    if not verdict.sound:
        return Examination(verdict, None)
    return Examination(verdict, back_up(path, policy, verdict))


class Safekeeping(QObject):
    """Runs the check, the backups and the restores of the session's library files."""

    damaged = Signal(object, object)  # the damaged Library, and it opened again read-only
    backup_failed = Signal(str)  # why no backup could be made
    restored = Signal(object)  # Restored, once the library is open again
    restore_failed = Signal(str)  # why; the library is open again as it was

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = Worker(serial=True, parent=self)
        self.policy = BackupPolicy()

    def watch(self, library: Library) -> Task | None:
        """Check and back up a library that was just opened (nothing for new or read-only ones)."""
        if library.gate is None or library.path is None:
            return None
        return self._worker.start(
            examine,
            library.path,
            library.gate,
            self.policy,
            finished=lambda found: self._examined(library, found),
            failed=lambda message, _trace: self.backup_failed.emit(message),
        )

    def restore(
        self,
        path: Path | None,
        source: Path,
        close: Callable[[], None],
        reopen: Callable[[Path], bool],
    ) -> bool:
        """close() the library at path, put the backup at source back, then reopen(path)."""
        if path is None:
            self.restore_failed.emit("A library kept in memory has no backups to restore.")
            return False

        def restored(done: Restored) -> None:
            if reopen(path):
                self.restored.emit(done)

        def failed(message: str, _trace: str) -> None:
            self.restore_failed.emit(message)
            reopen(path)  # the library as it was

        close()
        self._worker.start(_restore, path, source, finished=restored, failed=failed)
        return True

    def wait(self, msecs: int = -1) -> bool:
        """Block until the checks, backups and restores under way are done."""
        return self._worker.wait(msecs)

    def _examined(self, library: Library, found: Examination) -> None:
        """A damaged library refuses every change from now on, and is opened read-only.

        The read-only connection opens before the writable one closes, so that closing it
        never checkpoints the write-ahead log into the damaged file.
        """
        if found.verdict.sound is not False:
            return
        library.damage = library.damage or damage_message(library.name, found.verdict)
        library.read_only = True
        try:
            reader = open_library(library.path, read_only=True)
            reader.damage = library.damage
        except LibraryError:
            reader = None  # unreadable now: the writable one stays open, refusing changes
        self.damaged.emit(library, reader)


def _restore(path: Path, source: Path, progress=None):
    """restore() with the progress argument every background job is given."""
    return restore(path, source)
