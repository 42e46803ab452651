"""File > Library Report…: the whole library's report, made on a worker, saved as PDF or HTML.

The report is read from the library file through a connection of its own on the thread
pool (a library of 100,000 articles takes a while); the GUI thread lays the PDF out, since
Qt's text layout belongs to it. install(window) puts the action below Export Report….
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

from gui.actions import insert_below
from gui.core.storage.database import LibraryError
from gui.reports.actions import ReportTarget
from gui.session.background import Worker
from gui.session.session import Session
from gui.widgets.messages import ErrorMessage, InfoMessage

_BUSY = "Making the library report…"


class LibraryReportActions(QObject):
    """Make the library report in the background and write it where the user chose."""

    written = Signal(object)  # the Path written
    status = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.action = QAction("Librar&y Report…", self)
        self.action.setStatusTip(
            "A report of the whole library: marked quotes traced, claims timelines, relays"
        )
        self.action.triggered.connect(self.export_library_report)
        self._worker = Worker(serial=True, parent=self)

    def export_library_report(self) -> None:
        """Ask where the report goes, then make it on the worker and write it."""
        library = self.session.library
        if library is None:
            return
        path = ReportTarget.ask(self.parent_widget, "Library report")
        if path is None:
            return
        from gui.core.reports.library import library_report_at, library_report_html  # on first use

        self.action.setEnabled(False)
        self.status.emit(_BUSY)
        if library.path is None:  # an in-memory library has no file a worker could open
            self._arrived(path, library_report_html(library))
            return
        self._worker.start(
            library_report_at,
            library.path,
            finished=lambda html: self._arrived(path, html),
            failed=lambda message, _trace: self._failed(path, message),
            progress=lambda done, total: self.status.emit(f"{_BUSY} {done} of {total}"),
        )

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until a report being made is done (for shutdown and tests)."""
        return self._worker.wait(msecs)

    def _arrived(self, path: Path, html: str) -> None:
        """Write the report as the path's suffix says, and say where it is."""
        try:
            if path.suffix.lower() == ".html":
                path.write_text(html, encoding="utf-8")
            else:
                from gui.reports.pdf import html_to_pdf

                html_to_pdf(html, path, "Library report")
        except (OSError, LibraryError) as error:
            self._failed(path, str(error))
            return
        self._done("")
        self.written.emit(path)
        InfoMessage.ask(self.parent_widget, "Library report written", f"The report is in {path}.")

    def _failed(self, path: Path, message: str) -> None:
        """Say why the report was not written."""
        self._done("")
        ErrorMessage.ask(
            self.parent_widget, "Library report not written", f"{path.name}: {message}"
        )

    def _done(self, text: str) -> None:
        """The action is free again."""
        self.action.setEnabled(True)
        self.status.emit(text)


def install(window: QMainWindow) -> LibraryReportActions:
    """Give a main window File > Library Report…, below Export Report…."""
    actions = LibraryReportActions(window.session, window)
    insert_below(window, window.reports.export_action, actions.action)
    actions.status.connect(window.status_label.setText)
    QCoreApplication.instance().aboutToQuit.connect(actions.wait)  # no report left half made
    window.library_report = actions
    return actions
