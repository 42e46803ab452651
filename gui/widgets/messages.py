"""Questions and messages shown to the user, each behind an ask() that tests can patch."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget


class ConfirmDelete:
    """Ask before deleting articles from the library."""

    @classmethod
    def ask(cls, parent: QWidget | None, titles: Sequence[str]) -> bool:
        """True when the user confirms."""
        if len(titles) == 1:
            text = f"Delete “{titles[0]}” from the library?"
        else:
            text = f"Delete {len(titles)} articles from the library?"
        answer = QMessageBox.question(
            parent,
            "Delete articles",
            text + "\n\nIts entities go with it. The original file is not touched.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


class OpenExisting:
    """Offer to open the article already in the library when the same content is imported."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> bool:
        """True when the user wants to open the existing article."""
        answer = QMessageBox.question(
            parent,
            "Already in the library",
            f"“{title}” is already in the library with the same text.\n\nOpen it?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Open,
        )
        return answer == QMessageBox.StandardButton.Open


class ErrorMessage:
    """Tell the user what went wrong, in words they can act on."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        """Show the message and wait until it is closed."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()


class InfoMessage:
    """Tell the user what an action did."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        """Show the message and wait until it is closed."""
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
        )
        if details:
            box.setDetailedText(details)
        box.exec()
