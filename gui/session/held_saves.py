"""What an analysis found, kept once the library's soundness check has answered.

Every write waits for the check's verdict (Library.transaction), which takes about a second per
GB on a worker thread. An article's entities and findings are often found before that: saving
them at once would stall the window until the check ends, so they are held and saved when the
verdict is in. Saves held for a library that is no longer open are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from gui.core.storage.database import Library

POLL_MS = 50  # how often held saves look for the verdict


def checked(library: Library | None) -> bool:
    """True when a write to library would not wait for its soundness check."""
    gate = None if library is None else library.gate
    return gate is None or gate.known() is not None


class HeldSaves(QObject):
    """Passes save commands to save() at once, or once their library has been checked."""

    def __init__(
        self,
        save: Callable[[Any], None],
        current: Callable[[], Library | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._save, self._current = save, current
        self._held: list[tuple[Library | None, Any]] = []
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._release)

    def save(self, library: Library | None, command: Any) -> None:
        """Save command (found in library) now, or when the library's verdict is in."""
        if not self._held and checked(library):
            self._save(command)
            return
        self._held.append((library, command))
        self._timer.start()

    def held(self) -> int:
        """How many saves are waiting."""
        return len(self._held)

    def _release(self) -> None:
        current = self._current()
        if any(owner is current and not checked(owner) for owner, _ in self._held):
            return
        held, self._held = self._held, []
        self._timer.stop()
        for owner, command in held:  # in the order they came
            if owner is current:
                self._save(command)
