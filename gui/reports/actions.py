"""Reports from the window: print the article (Ctrl+P), export it as HTML or PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from gui.article_view.layers import Layers
from gui.core.storage.database import LibraryError
from gui.session.session import Session
from gui.widgets.messages import ErrorMessage, InfoMessage

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
    """Print and export the open article's report: text, highlights, notes, sourcing, claims."""

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

    def report_html(self) -> str | None:
        """The open article's report, with the layers and findings shown now."""
        session = self.session
        if session.current is None:
            return None  # the sourcing service may still hold an article just deleted
        shown = session.sourcing_service.article_findings()
        if shown is None:
            return None
        if not self.layers.findings_shown():
            shown = replace(shown, entities=())
        layers = [name for name in self.layers.names() if name not in self.layers.hidden]
        from gui.core.reports import article_report_html  # loaded on first use

        return article_report_html(session.library, shown, layers)

    def export_report(self) -> None:
        """Write the report as a PDF or a web page."""
        html = self.report_html()
        path = (
            ReportTarget.ask(self.parent_widget, self.session.current.metadata.title)
            if html
            else None
        )
        if path is None:
            return
        try:
            if path.suffix.lower() == ".html":
                path.write_text(html, encoding="utf-8")
            else:
                from gui.reports.pdf import html_to_pdf

                html_to_pdf(html, path)
        except (OSError, LibraryError) as error:
            ErrorMessage.ask(self.parent_widget, "Report not written", f"{path.name}: {error}")
            return
        InfoMessage.ask(self.parent_widget, "Report written", f"The report is in {path}.")

    def print_report(self) -> None:
        """Print the report on a printer the user chooses."""
        html = self.report_html()
        if html is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if PrintSetup.ask(self.parent_widget, printer):
            from gui.reports.pdf import print_html

            print_html(html, printer)
