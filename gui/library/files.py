"""File choosers for importing articles and opening or creating libraries."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from gui.core.importing import SUPPORTED_SUFFIXES

ARTICLE_FILTER = (
    "Articles (" + " ".join(f"*{s}" for s in sorted(SUPPORTED_SUFFIXES)) + ");;All files (*)"
)
LIBRARY_FILTER = "Sourcelight libraries (*.sqlite *.db);;All files (*)"


class ImportFiles:
    """Choose article files to import."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[Path]:
        """The chosen files, or none."""
        names, _ = QFileDialog.getOpenFileNames(parent, "Import articles", "", ARTICLE_FILTER)
        return [Path(name) for name in names]


class ImportFolder:
    """Choose a folder whose articles are all imported."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[Path]:
        """The chosen folder in a list, or an empty list."""
        name = QFileDialog.getExistingDirectory(parent, "Import a folder of articles")
        return [Path(name)] if name else []


class OpenLibrary:
    """Choose an existing library file."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The chosen file, or None."""
        name, _ = QFileDialog.getOpenFileName(parent, "Open library", "", LIBRARY_FILTER)
        return Path(name) if name else None


class NewLibrary:
    """Choose where a new library file goes."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The chosen path (with .sqlite added when no suffix was typed), or None."""
        name, _ = QFileDialog.getSaveFileName(
            parent, "New library", "library.sqlite", LIBRARY_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".sqlite")


class ReplacementFile:
    """Ask for the updated or corrected version of the open article."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The chosen file, or None."""
        name, _ = QFileDialog.getOpenFileName(
            parent, "Replace the article's text", "", ARTICLE_FILTER
        )
        return Path(name) if name else None
