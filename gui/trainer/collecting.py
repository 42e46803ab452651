"""Bringing returned exercise files in: read off the GUI thread, then kept as one undo step.

Reading a file handed back is the slow and risky part, so it runs on a worker thread as the
pure gui.core.trainer.returns.read_returns, with a progress dialog whose Cancel stops it;
nothing is kept until every file is read. The session then carries out one CollectReturn per
file, as one batch: one transaction, one undo step.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from gui.core.changes import Batch
from gui.core.storage.database import LibraryError
from gui.core.trainer.exercises import ExerciseError
from gui.core.trainer.returns import (
    CollectReturn,
    Refused,
    ReturnedWork,
    check_belongs,
    read_returns,
)
from gui.session.background import Task, Worker
from gui.session.session import Session
from gui.widgets.accessible import describe
from gui.widgets.messages import InfoMessage

TITLE = "Returned exercises"


class ReturnsImport(QObject):
    """One import of returned files at a time, with its progress dialog and its outcome."""

    finished = Signal(str)  # what the import did, as shown to the user
    cancelled = Signal()

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self._worker = Worker(serial=True, parent=self)
        self.task: Task | None = None
        self.dialog: QProgressDialog | None = None

    def start(self, paths: list[Path]) -> Task | None:
        """Read the files in the background (None when an import is already under way)."""
        if self.task is not None or not paths:
            return None
        self.dialog = self._progress_dialog(len(paths))
        self.task = self._worker.start(
            read_returns,
            list(paths),
            finished=self._read,
            failed=self._failed,
            progress=self._progress,
            cancelled=self._cancelled,
        )
        self.dialog.canceled.connect(self.task.cancel)
        return self.task

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the reading is done (shutdown and tests)."""
        return self._worker.wait(msecs)

    def _progress_dialog(self, count: int) -> QProgressDialog:
        """A window-modal dialog: the library must not change while its returns are read."""
        dialog = QProgressDialog(
            f"Reading {count} returned file(s)…", "Cancel", 0, 0, self.parent_widget
        )
        dialog.setWindowTitle(TITLE)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        bar = QProgressBar(dialog)  # the dialog's own bar has no name a screen reader says
        dialog.setBar(describe(bar, "Returned files read", "How many of the files are read"))
        return dialog

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _read(self, found: list[ReturnedWork | Refused]) -> None:
        """Every file is read: keep the work of those that belong here, say what happened."""
        self._done()
        lines, works = [], []
        for item in found:
            if isinstance(item, Refused):
                lines.append(f"{item.path.name}: not imported. {item.message}")
                continue
            try:
                check_belongs(self.session.library, item)
                works.append(item)
            except (ExerciseError, LibraryError) as error:
                lines.append(f"{item.path.name}: not imported. {error}")
        lines += self._keep(works)
        self._say("\n".join(lines))

    def _keep(self, works: list[ReturnedWork]) -> list[str]:
        """Carry out the returns as one step; a line per file."""
        if not works:
            return []
        steps = tuple(CollectReturn(work) for work in works)
        what = steps[0].description if len(steps) == 1 else "Import returned exercises"
        applied = self.session.execute(Batch(what, steps), TITLE)
        if applied is None:
            return [f"{work.path.name}: not imported (see the message before)" for work in works]
        return [
            _line(work.path, report) for work, report in zip(works, applied.reports, strict=True)
        ]

    def _failed(self, message: str, _trace: str) -> None:
        self._done()
        self._say(f"The returned files could not be read: {message}. Nothing was imported.")

    def _cancelled(self) -> None:
        self._done()
        self.cancelled.emit()
        self._say("The import was cancelled. Nothing was imported.")

    def _done(self) -> None:
        self.task = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _say(self, text: str) -> None:
        if text:
            InfoMessage.ask(self.parent_widget, TITLE, text)
        self.finished.emit(text)


def _line(path: Path, report) -> str:
    """What importing one returned file did, in one line (and why anything was left out)."""
    if report.duplicate:
        return f"{path.name}: already imported ({report.layer}); nothing added"
    line = f"{path.name}: {report.added} annotations as layer “{report.layer}”"
    if report.orphaned:
        line += f", {report.orphaned} of them orphaned (their text was not found)"
    if report.skipped:
        line += f"; {report.skipped} left out: " + "; ".join(report.reasons[:3])
    return line
