"""Annotations in and out of files: export and import them (own JSON, W3C, CSV)."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.core.storage.database import LibraryError
from gui.session.session import Session
from gui.widgets.messages import ErrorMessage, InfoMessage

EXPORT_FORMATS = {
    "Sourcelight JSON (*.json)": "json",
    "W3C Web Annotation JSON-LD (*.jsonld)": "w3c",
    "CSV, one row per annotation (*.csv)": "csv",
}


class ExportTarget:
    """Ask where to export and in which format."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> tuple[Path, str] | None:
        """The chosen path and format ("json", "w3c" or "csv"), or None."""
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in title)[:60] or "article"
        name, chosen = QFileDialog.getSaveFileName(
            parent, "Export annotations", f"{stem}.json", ";;".join(EXPORT_FORMATS)
        )
        return (Path(name), EXPORT_FORMATS.get(chosen, "json")) if name else None


class AnnotationFile:
    """Ask for a file of annotations to import."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The chosen file, or None."""
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import annotations", "", "Annotations (*.json *.jsonld);;All files (*)"
        )
        return Path(name) if name else None


class InterchangeActions(QObject):
    """Export and import of annotations, and replacing an article's text, for the window."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.parent_widget = session, parent
        self.export_action = QAction("&Export Annotations…", self)
        self.export_action.triggered.connect(self.export_annotations)
        self.import_action = QAction("Import &Annotations…", self)
        self.import_action.triggered.connect(self.import_annotations)

    def export_annotations(self) -> None:
        """Write the open article's annotations to a file."""
        article = self.session.current
        if article is None:
            return
        target = ExportTarget.ask(self.parent_widget, article.metadata.title)
        if target is None:
            return
        from gui.core import interchange  # loaded on first use

        path, kind = target
        try:
            if kind == "csv":
                text = interchange.export_csv(self.session.library, article.id)
            else:
                export = interchange.export_w3c if kind == "w3c" else interchange.export_json
                data = export(self.session.library, article.id)
                text = json.dumps(data, ensure_ascii=False, indent=2)
            path.write_text(text, encoding="utf-8")
        except (OSError, LibraryError) as error:
            ErrorMessage.ask(self.parent_widget, "Export failed", f"{path.name}: {error}")
            return
        InfoMessage.ask(self.parent_widget, "Exported", f"Annotations written to {path}.")

    def import_annotations(self) -> None:
        """Read annotations (own JSON or W3C) into the open article."""
        article = self.session.current
        path = AnnotationFile.ask(self.parent_widget) if article else None
        if path is None:
            return
        # Loaded on first use, not at start-up.
        from gui.core.interchange.common import load_json
        from gui.core.interchange.importer import ImportAnnotations

        try:
            document = load_json(path.read_bytes())
        except (OSError, ValueError) as error:
            ErrorMessage.ask(self.parent_widget, "Nothing imported", f"{path.name}: {error}")
            return
        command = ImportAnnotations(document, article.id, source=path.name)
        applied = self.session.execute(command, "Nothing imported")
        if applied is None:
            return
        report = applied.report
        text = f"{report.anchored} annotations placed, {report.orphaned} orphaned"
        if report.duplicates:
            text += f", {report.duplicates} already in the article"
        if report.skipped:
            text += f", {len(report.skipped)} skipped"
        details = "\n".join(report.skipped)
        InfoMessage.ask(self.parent_widget, "Annotations imported", text + ".", details)
