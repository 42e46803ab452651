"""Where the Across the Library panel reads: on the owner's worker, the latest request winning.

Reads says which library the panel shows and how the owner runs a read in the background
(run_later); LatestRead is one kind of read (the sources found, a group's figures, ...):
one runs at a time, a request made meanwhile waits and only the newest waiting one runs
next, and an answer to anything but the newest request is dropped. Without a worker, or
for a library that is no file (in memory), the read runs at once on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from gui.core.storage import Library, LibraryError
from gui.core.tracing.reads_at import read_at

# The owner's way to run read_at(path, read, *args) on its worker: (fn, args, done, failed).
RunLater = Callable[[Callable[..., Any], tuple, Callable[[Any], None], Callable], None]


class Reads:
    """The library the panel shows (library_of) and the worker its reads run on (run_later)."""

    def __init__(self) -> None:
        self.library_of: Callable[[], Library | None] = lambda: None
        self.run_later: RunLater | None = None

    @property
    def library(self) -> Library | None:
        """The library shown (the owner's, as it is now)."""
        return self.library_of()

    def run(
        self,
        read: Callable[..., Any],
        args: tuple,
        done: Callable[[Any], None],
        failed: Callable[[str], None],
    ) -> None:
        """read(library, *args): on the worker through a connection of its own, else now."""
        library = self.library
        if library is None:
            failed("No library is open.")
        elif self.run_later is None or library.path is None:
            try:
                result = read(library, *args)
            except LibraryError as error:
                failed(str(error))
            else:
                done(result)
        else:
            self.run_later(read_at, (library.path, read, *args), done, lambda m, *_: failed(m))


class LatestRead(QObject):
    """One kind of read: one at a time, then the newest request; older answers dropped."""

    reading = Signal()  # a request was made: its answer is on the way
    arrived = Signal(object)  # the answer to the newest request
    failed = Signal(str)  # what went wrong with the newest request

    def __init__(self, reads: Reads, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reads = reads
        self._asked = 0  # requests made so far; an answer to an older one is dropped
        self._waiting: tuple[int, Callable[..., Any], tuple] | None = None
        self._running = False

    @property
    def busy(self) -> bool:
        """True while a read runs or waits."""
        return self._running or self._waiting is not None

    def ask(self, read: Callable[..., Any], *args: Any) -> None:
        """Read read(library, *args) once the read running (if any) is done."""
        self._asked += 1
        self._waiting = (self._asked, read, args)
        self.reading.emit()
        if not self._running:
            self._start()

    def drop(self) -> None:
        """Forget what was asked: the answers on the way are not shown."""
        self._asked += 1
        self._waiting = None

    def _start(self) -> None:
        asked, read, args = self._waiting
        self._waiting, self._running = None, True
        self._reads.run(
            read,
            args,
            lambda result: self._done(asked, result),
            lambda message: self._done(asked, None, message),
        )

    def _done(self, asked: int, result: Any, error: str | None = None) -> None:
        self._running = False
        if self._waiting is not None:  # a newer request waited: this answer is old news
            self._start()
        elif asked != self._asked:
            return
        elif error is None:
            self.arrived.emit(result)
        else:
            self.failed.emit(error)
