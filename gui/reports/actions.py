"""Reports from the window: print the article (Ctrl+P), export it as HTML or PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from gui.article_view.layers import Layers
from gui.core.storage.database import LibraryError
from gui.session.background import Worker
from gui.session.session import Session
from gui.widgets.messages import ErrorMessage, InfoMessage

if TYPE_CHECKING:
    from gui.core.findings import ArticleFindings

REPORT_FILTERS = {"PDF (*.pdf)": "pdf", "Web page (*.html)": "html"}


class ReportTarget:
    """Ask where the report goes, as PDF or HTML."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        """The chosen path (suffix from the chosen format when none was typed), or None."""
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in title)[:60] or "report"
        name, chosen = QFileDialog.getSaveFileName(
            parent, "Export report", f"{stem}.pdf", ";;".join(REPORT_FILTERS)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix("." + REPORT_FILTERS.get(chosen, "pdf"))


class PrintSetup:
    """Ask for a printer."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        """True when the user chose to print."""
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


class ReportActions(QObject):
    """Print and export the open article's report: text, highlights, notes, sourcing, claims.

    The report is made on a worker, through a connection of its own (its traced quotes ask
    the whole library); the window goes on meanwhile, and says so in the status bar.
    """

    status = Signal(str)  # what the report is doing ("" when done)
    done = Signal(object)  # the file written (None: printed), once the report is out

    def __init__(
        self,
        session: Session,
        layers: Layers,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.layers, self.parent_widget = session, layers, parent
        self.print_action = QAction("&Print…", self)
        self.print_action.setShortcuts(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self.print_report)
        self.export_action = QAction("Export &Report…", self)
        self.export_action.triggered.connect(self.export_report)
        self._worker = Worker(serial=True, parent=self)

    def report_html(self) -> str | None:
        """The open article's report, with the layers and findings shown now (made here)."""
        asked = self._asked()
        if asked is None:
            return None
        from gui.core.reports import article_report_html  # loaded on first use

        return article_report_html(self.session.library, *asked)

    def export_report(self) -> None:
        """Write the report as a PDF or a web page."""
        asked = self._asked()
        if asked is None:
            return
        path = ReportTarget.ask(self.parent_widget, self.session.current.metadata.title)
        if path is not None:
            self._make(asked, lambda html: self._write(path, html), "Report not written")

    def print_report(self) -> None:
        """Print the report on a printer the user chooses."""
        asked = self._asked()
        if asked is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if PrintSetup.ask(self.parent_widget, printer):
            self._make(asked, lambda html: self._print(printer, html), "Report not printed")

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until a report being made is done (for shutdown and tests)."""
        return self._worker.wait(msecs)

    def _asked(self) -> tuple[ArticleFindings, list[str]] | None:
        """What the report shows: the open article as found, and the layers shown now."""
        session = self.session
        if session.current is None or session.library is None:
            return None  # the sourcing service may still hold an article just deleted
        shown = session.sourcing_service.article_findings()
        if shown is None:
            return None
        if not self.layers.findings_shown():
            shown = replace(shown, entities=())
        return shown, [name for name in self.layers.names() if name not in self.layers.hidden]

    def _make(self, asked, then: Callable[[str], None], title: str) -> None:
        """Make the report on the worker (here for a library without a file), then then(html)."""
        from gui.core.reports.article import article_report_at, article_report_html

        library = self.session.library
        if library.path is None:
            then(article_report_html(library, *asked))
            return
        self._busy(True)
        self._worker.start(
            article_report_at,
            library.path,
            *asked,
            finished=lambda html: (self._busy(False), then(html)),
            failed=lambda message, _trace: self._failed(title, message),
        )

    def _write(self, path: Path, html: str) -> None:
        try:
            if path.suffix.lower() == ".html":
                path.write_text(html, encoding="utf-8")
            else:
                from gui.reports.pdf import html_to_pdf

                html_to_pdf(html, path)
        except (OSError, LibraryError) as error:
            self._failed("Report not written", f"{path.name}: {error}")
            return
        self.done.emit(path)
        InfoMessage.ask(self.parent_widget, "Report written", f"The report is in {path}.")

    def _print(self, printer: QPrinter, html: str) -> None:
        from gui.reports.pdf import print_html

        print_html(html, printer)
        self.done.emit(None)

    def _failed(self, title: str, message: str) -> None:
        self._busy(False)
        ErrorMessage.ask(self.parent_widget, title, message)

    def _busy(self, busy: bool) -> None:
        """While a report is made, another is not asked for; the status bar says so."""
        self.export_action.setEnabled(not busy)
        self.print_action.setEnabled(not busy)
        self.status.emit("Making the report…" if busy else "")
