"""The article's header card: title and what is known of its origin, with an edit button."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from gui.core.articles import Metadata


def origin_line(metadata: Metadata) -> str:
    """Outlet, byline, dateline and date on one line, skipping what is unknown."""
    parts = [metadata.outlet, metadata.byline, metadata.dateline, metadata.published]
    return "  ·  ".join(part for part in parts if part)


class ArticleHeader(QWidget):
    """Shows the metadata of the open article; asks for an edit through edit_requested."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.title = QLabel(objectName="articleTitle", wordWrap=True)
        self.origin = QLabel(objectName="articleOrigin", wordWrap=True)
        self.credits = QLabel(objectName="articleCredits", wordWrap=True)
        self.source = QLabel(objectName="articleSource")
        self.profile = QLabel(objectName="articleProfile", wordWrap=True)
        self.profile.setToolTip("The article's sourcing profile, from the Sourcing lens")
        self.profile.hide()
        for label in (self.title, self.origin, self.credits, self.source, self.profile):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton("Edit details…")
        self.edit_button.setToolTip("Edit title, outlet, byline, dateline, date, URL and credits")
        self.edit_button.clicked.connect(self.edit_requested)
        layout = QGridLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.edit_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.origin, 1, 0, 1, 2)
        layout.addWidget(self.credits, 2, 0, 1, 2)
        layout.addWidget(self.source, 3, 0, 1, 2)
        layout.addWidget(self.profile, 4, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    def set_metadata(self, metadata: Metadata, source: str = "") -> None:
        """Show this article's metadata."""
        self.title.setText(metadata.title or "Untitled article")
        self.origin.setText(origin_line(metadata))
        self.origin.setVisible(bool(self.origin.text()))
        credits = "; ".join(metadata.credits)
        self.credits.setText(f"Credits: {credits}" if credits else "")
        self.credits.setVisible(bool(credits))
        link = metadata.url or source
        self.source.setText(link)
        self.source.setToolTip(link)
        self.source.setVisible(bool(link))

    def set_profile(self, text: str) -> None:
        """Show the sourcing profile line (named vs anonymous, relayed share, hedges...)."""
        self.profile.setText(text)
        self.profile.setVisible(bool(text))

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid editing (read-only libraries forbid it)."""
        self.edit_button.setEnabled(editable)
