"""Annotations in and out of files: export and import them (own JSON, W3C, CSV, REFI-QDA)."""

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
    "REFI-QDA project: QualCoder, MAXQDA, NVivo, ATLAS.ti (*.qdpx)": "qdpx",
    "REFI-QDA codebook (*.qdc)": "qdc",
}
REFI_SUFFIXES = frozenset({".qdpx", ".qdc"})


class ExportTarget:
    """Ask where to export and in which format."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> tuple[Path, str] | None:
        """The chosen path and format ("json", "w3c", "csv", "qdpx" or "qdc"), or None."""
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
            parent,
            "Import annotations",
            "",
            "Annotations (*.json *.jsonld *.qdpx *.qdc);;All files (*)",
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
        path, kind = target
        try:
            data = self._exported(kind, article.id, article.metadata.title)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
        except (OSError, LibraryError) as error:
            ErrorMessage.ask(self.parent_widget, "Export failed", f"{path.name}: {error}")
            return
        InfoMessage.ask(self.parent_widget, "Exported", f"Annotations written to {path}.")

    def _exported(self, kind: str, article_id: int, title: str) -> str | bytes:
        """The open article (or for qdc the codebook) in one format."""
        from gui.core import interchange  # loaded on first use
        from gui.core.interchange import refi_export

        library = self.session.library
        if kind == "csv":
            return interchange.export_csv(library, article_id)
        if kind == "qdc":
            return refi_export.export_codebook(library)
        if kind == "qdpx":
            return refi_export.export_project(library, [article_id], title or "Article").data
        export = interchange.export_w3c if kind == "w3c" else interchange.export_json
        return json.dumps(export(library, article_id), ensure_ascii=False, indent=2)

    def import_annotations(self) -> None:
        """Read annotations (own JSON, W3C, REFI-QDA) into the open article or the library."""
        article = self.session.current
        path = AnnotationFile.ask(self.parent_widget) if self.session.library else None
        if path is not None and path.suffix.lower() in REFI_SUFFIXES:
            self._import_refi(path)
            return
        if path is None or article is None:
            return
        # Loaded on first use, not at start-up.
        from gui.core.interchange.common import load_json, read_document
        from gui.core.interchange.importer import ImportAnnotations

        try:
            document = load_json(read_document(path))
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

    def _import_refi(self, path: Path) -> None:
        """Bring in a REFI-QDA project (texts, codes, codings) or codebook (one undo step)."""
        from gui.core.interchange.common import read_document
        from gui.core.interchange.refi_import import ImportCodebook, ImportProject
        from gui.core.interchange.refi_reader import MAX_TOTAL_BYTES

        try:  # no further than the reader would go: a huge file never fills the memory
            data = read_document(path, MAX_TOTAL_BYTES)
        except (OSError, ValueError) as error:
            ErrorMessage.ask(self.parent_widget, "Nothing imported", f"{path.name}: {error}")
            return
        is_project = path.suffix.lower() == ".qdpx"
        kind = (
            ImportProject(data, source=path.name) if is_project else ImportCodebook(data, path.name)
        )
        applied = self.session.execute(kind, "Nothing imported")
        if applied is None:
            return
        report = applied.report
        codebook = getattr(report, "codebook", report)
        text = f"{len(codebook.added)} labels added to the codebook"
        skipped = list(getattr(report, "skipped", ()))
        for done in getattr(report, "articles", ()):
            skipped += done.skipped
        if is_project:
            placed = sum(done.anchored for done in report.articles)
            text += f"; {len(report.articles)} texts, {placed} annotations placed"
        if skipped:
            text += f", {len(skipped)} skipped"
        InfoMessage.ask(self.parent_widget, "Imported", text + ".", "\n".join(skipped))
