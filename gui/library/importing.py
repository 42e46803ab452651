"""Bringing articles in: import files or a folder, paste, drop; and what to say afterwards."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QWidget

from gui.actions import make_action
from gui.core.importing import ImportFailure, import_text
from gui.library.files import ImportFiles, ImportFolder
from gui.session.session import ImportReport, Session
from gui.widgets.messages import ErrorMessage, OpenExisting


class ImportActions(QObject):
    """The window's import actions; reports each outcome in one line through `status`."""

    status = Signal(str)

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.import_action = make_action(
            self, "&Import Files…", self.import_files, QKeySequence.StandardKey.Open
        )
        self.import_action.setStatusTip("Import .txt, .md, .html, .docx or .pdf articles")
        self.import_folder_action = make_action(self, "Import &Folder…", self.import_folder)
        self.paste_action = make_action(self, "&Paste as New Article", self.paste, "Ctrl+Shift+V")
        self.paste_action.setStatusTip("Add the clipboard's text as an article")
        session.import_finished.connect(self._finished)

    def import_files(self) -> None:
        """Ask for files and import them."""
        self.import_paths(ImportFiles.ask(self.parent_widget))

    def import_folder(self) -> None:
        """Ask for a folder and import every article in it."""
        self.import_paths(ImportFolder.ask(self.parent_widget))

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders in the background."""
        if paths and self.session.import_files(paths) is not None:
            self.status.emit(f"Importing {len(paths)} item(s)…")

    def paste(self) -> None:
        """Add the clipboard's text as a new article."""
        self.add_text(QGuiApplication.clipboard().text())

    def add_text(self, text: str) -> None:
        """Add pasted or dropped text as a new article."""
        try:
            imported = import_text(text)
        except ImportFailure as failure:
            reason = f"The clipboard text cannot be used: {failure.reason}."
            ErrorMessage.ask(self.parent_widget, "Nothing to add", reason)
            return
        self.session.import_text(imported)

    def accepts(self, mime: QMimeData) -> bool:
        """True for dragged local files or text."""
        return (mime.hasUrls() and any(u.isLocalFile() for u in mime.urls())) or mime.hasText()

    def drop(self, mime: QMimeData) -> None:
        """Import dropped files, or add dropped text as an article."""
        files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if files:
            self.import_paths(files)
        elif mime.hasText():
            self.add_text(mime.text())

    def _finished(self, report: ImportReport) -> None:
        """Say what happened, name the failures, open what was added (or offer the original)."""
        summary = import_summary(report)
        self.status.emit(summary)
        if report.failures:
            text, details = failure_message(summary, report.failures)
            ErrorMessage.ask(self.parent_widget, "Some files were not imported", text, details)
        if report.added:
            self.session.open_article(report.added[0][0])
        elif len(report.duplicates) == 1 and OpenExisting.ask(
            self.parent_widget, report.duplicates[0][1]
        ):
            self.session.open_article(report.duplicates[0][0])


SHOWN_FAILURES = 8  # failures named in the message itself; a longer list goes in the details


def failure_message(summary: str, failures: list[str]) -> tuple[str, str]:
    """The message's text (the summary and each failure with its reason) and its details.

    The reasons are the point of the message: they stand in its text, where they are read,
    and only a long batch's remainder waits behind Show Details.
    """
    shown = "\n".join(f"• {failure}" for failure in failures[:SHOWN_FAILURES])
    rest = len(failures) - SHOWN_FAILURES
    more = f"\n…and {rest} more (Show Details lists them all)." if rest > 0 else ""
    details = "\n".join(failures) if rest > 0 else ""
    return f"{summary}.\n\n{shown}{more}", details


def import_summary(report: ImportReport) -> str:
    """One line saying what an import did."""
    parts = []
    if report.added:
        parts.append(f"{len(report.added)} imported")
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} already in the library")
    if report.failures:
        parts.append(f"{len(report.failures)} failed")
    return ", ".join(parts) or "Nothing to import"
