"""The article's header card: title and what is known of its origin, with an edit button.

Compact, it is one line (title and origin, cut to fit; the rest in its tooltip), so that a
laptop's screen is left to the text; the ▾ button opens it again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QToolButton, QWidget

from gui.core.articles import Metadata
from gui.widgets.accessible import describe
from gui.widgets.elided_label import ElidedLabel


def origin_line(metadata: Metadata) -> str:
    """Outlet, byline, dateline and date on one line, skipping what is unknown."""
    parts = [metadata.outlet, metadata.byline, metadata.dateline, metadata.published]
    return "  ·  ".join(part for part in parts if part)


class ArticleHeader(QWidget):
    """Shows the metadata of the open article; asks for an edit through edit_requested."""

    edit_requested = Signal()
    compact_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        describe(self, "Article details", "The title, outlet, byline, date and source")
        self.compact = False
        self.title = QLabel(objectName="articleTitle", wordWrap=True)
        self.origin = QLabel(objectName="articleOrigin", wordWrap=True)
        self.credits = QLabel(objectName="articleCredits", wordWrap=True)
        self.source = QLabel(objectName="articleSource")
        self.profile = QLabel(objectName="articleProfile", wordWrap=True)
        self.profile.setToolTip("The article's sourcing profile, from the Sourcing lens")
        self.line = ElidedLabel(self, objectName="articleLine")
        for label in (self.title, self.origin, self.credits, self.source, self.profile):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.edit_button = QPushButton("Edit details…")
        self.edit_button.setToolTip("Edit title, outlet, byline, dateline, date, URL and credits")
        describe(self.edit_button, "Edit details", self.edit_button.toolTip())
        self.edit_button.clicked.connect(self.edit_requested)
        self.fold_button = QToolButton(self, autoRaise=True)
        self.fold_button.clicked.connect(lambda: self.set_compact(not self.compact))
        self._lay_out()
        self.set_compact(False)

    def _lay_out(self) -> None:
        layout = QGridLayout(self)
        layout.setContentsMargins(16, 10, 16, 6)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.line, 0, 0)
        layout.addWidget(self.edit_button, 0, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.fold_button, 0, 2, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.origin, 1, 0, 1, 3)
        layout.addWidget(self.credits, 2, 0, 1, 3)
        layout.addWidget(self.source, 3, 0, 1, 3)
        layout.addWidget(self.profile, 4, 0, 1, 3)
        layout.setColumnStretch(0, 1)

    def set_metadata(self, metadata: Metadata, source: str = "") -> None:
        """Show this article's metadata."""
        self.title.setText(metadata.title or "Untitled article")
        self.origin.setText(origin_line(metadata))
        credits = "; ".join(metadata.credits)
        self.credits.setText(f"Credits: {credits}" if credits else "")
        link = metadata.url or source
        self.source.setText(link)
        self.source.setToolTip(link)
        self._show_parts()

    def set_profile(self, text: str) -> None:
        """Show the sourcing profile line (named vs anonymous, relayed share, hedges...)."""
        self.profile.setText(text)
        self._show_parts()

    def set_editable(self, editable: bool) -> None:
        """Allow or forbid editing (read-only libraries forbid it)."""
        self.edit_button.setEnabled(editable)

    def set_compact(self, compact: bool) -> None:
        """One line (title and origin) or the whole card."""
        changed = compact != self.compact
        self.compact = compact
        self.fold_button.setText("▾" if compact else "▴")
        tip = "Show the article's details" if compact else "Fold the details onto one line"
        self.fold_button.setToolTip(tip)
        describe(self.fold_button, "Show details" if compact else "Fold details", tip)
        layout = self.layout()
        top = 4 if compact else 10
        layout.setContentsMargins(16, top, 16, top if compact else 6)
        self._show_parts()
        if changed:
            self.compact_changed.emit(compact)

    def _show_parts(self) -> None:
        """Each label shown when it has something to say and the card is open."""
        full = not self.compact
        self.title.setVisible(full)
        for label in (self.origin, self.credits, self.source, self.profile):
            label.setVisible(full and bool(label.text()))
        parts = [self.title.text(), self.origin.text()]
        self.line.setText("  —  ".join(part for part in parts if part))
        details = [*parts, self.credits.text(), self.source.text(), self.profile.text()]
        self.line.setToolTip("\n".join(part for part in details if part))
        self.line.setVisible(self.compact)
