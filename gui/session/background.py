"""Runs a pure core function on a thread pool; progress and results come back on the GUI thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a task's progress callback once the task has been cancelled."""


class Task(QObject):
    """A handle on one background job: its signals arrive on the thread that created it."""

    progress = Signal(int, int)  # done, total
    finished = Signal(object)  # the function's result
    failed = Signal(str, str)  # message, traceback
    cancelled = Signal()

    def __init__(self, fn: Callable[..., Any], args: tuple, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._args = args
        self._stop = threading.Event()
        self.done = False

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report; its result is then dropped."""
        self._stop.set()

    def is_cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._stop.is_set()

    def report(self, done: int, total: int) -> None:
        """The progress callback handed to the function; raises Cancelled after cancel()."""
        if self._stop.is_set():
            raise Cancelled
        self.progress.emit(done, total)

    def run(self) -> None:
        """Called on a worker thread: run the function and emit exactly one outcome signal."""
        try:
            result = self._fn(*self._args, progress=self.report)
        except Cancelled:
            self.cancelled.emit()
        except Exception as error:  # report every failure on the GUI thread, never lose it
            self.failed.emit(str(error) or type(error).__name__, traceback.format_exc())
        else:
            if self._stop.is_set():
                self.cancelled.emit()
            else:
                self.finished.emit(result)
        finally:
            self.done = True


class _Runnable(QRunnable):
    """Adapts a Task to QThreadPool."""

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run()


class Worker(QObject):
    """A pool of worker threads; `serial=True` gives one thread, for work that must not overlap."""

    def __init__(self, serial: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if serial:
            self._pool.setMaxThreadCount(1)

    def start(
        self,
        fn: Callable[..., Any],
        *args: Any,
        finished: Callable[[Any], None] | None = None,
        failed: Callable[[str, str], None] | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], None] | None = None,
    ) -> Task:
        """Run fn(*args, progress=...) in the background and return its Task handle.

        Handlers are connected before the job starts, so a fast job cannot finish unheard.
        """
        task = Task(fn, args, parent=self)
        for signal, handler in (
            (task.finished, finished),
            (task.failed, failed),
            (task.progress, progress),
            (task.cancelled, cancelled),
        ):
            if handler is not None:
                signal.connect(handler)
        for signal in (task.finished, task.failed, task.cancelled):
            signal.connect(task.deleteLater)
        self._pool.start(_Runnable(task))
        return task

    def wait(self, msecs: int = -1) -> bool:
        """Block until all jobs are done (for shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        """Drop the jobs not started yet; ask those running to stop at their next report."""
        self._pool.clear()
        for task in self.findChildren(Task):
            task.cancel()


def finish_background(root: QObject) -> None:
    """Stop the jobs of every Worker under root and wait for their threads to end.

    For quitting: a thread still inside spaCy while Python shuts down crashes the process.
    A job that reports progress stops at its next report; one that does not (a backup) is
    let finish, so no half-made file is left behind.
    """
    workers = root.findChildren(Worker)
    for worker in workers:
        worker.cancel_all()
    for worker in workers:
        worker.wait()
