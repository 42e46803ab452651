"""Find in article: a bar under the text that marks every match and steps through them."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from gui.article_view.reader import ArticleView
from gui.widgets.accessible import describe

MAX_MATCHES = 100_000  # more would only be noise, and would cost memory on huge articles


def find_all(body: str, query: str, match_case: bool = False) -> list[tuple[int, int]]:
    """Every occurrence of query in body, as [start, end) code-point spans."""
    if not query:
        return []
    flags = 0 if match_case else re.IGNORECASE
    matches = re.finditer(re.escape(query), body, flags)
    return [m.span() for _, m in zip(range(MAX_MATCHES), matches, strict=False)]


class FindBar(QWidget):
    """Type to find; Enter and Shift+Enter step; Escape closes."""

    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.field = QLineEdit(placeholderText="Find in article", clearButtonEnabled=True)
        self.match_case = QCheckBox("Match case")
        self.count_label = QLabel()
        self._build()
        self.hide()

    def _build(self) -> None:
        """Lay out the bar and connect its controls."""
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        for button, arrow, tip in (
            (previous, Qt.ArrowType.UpArrow, "Previous match (Shift+Enter)"),
            (following, Qt.ArrowType.DownArrow, "Next match (Enter)"),
        ):
            button.setArrowType(arrow)
            button.setToolTip(tip)
            describe(button, tip.split(" (")[0], tip)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        describe(close, "Close the find bar", "Escape closes it too")
        describe(self.field, "Find in article", "Every match is marked; Enter goes to the next")
        describe(self, "Find bar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for widget in (self.field, previous, following, self.match_case, self.count_label):
            layout.addWidget(widget)
        layout.addStretch()
        layout.addWidget(close)
        self.field.textChanged.connect(self.search)
        self.match_case.toggled.connect(lambda _on: self.search(self.field.text()))
        self.field.returnPressed.connect(self.next)
        following.clicked.connect(self.next)
        previous.clicked.connect(self.previous)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def open_bar(self) -> None:
        """Show the bar with the selection (if short) as the query, and focus the field."""
        start, end = self._view.selected_span()
        if 0 < end - start < 80:
            self.field.setText(self._view.body()[start:end])
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and its marks; the text gets the focus back."""
        self.hide()
        self._view.set_find_matches([])
        self._view.setFocus()
        self.closed.emit()

    def search(self, query: str) -> None:
        """Mark every match of query and go to the first one after the cursor."""
        self._matches = find_all(self._view.body(), query, self.match_case.isChecked())
        self._view.set_find_matches(self._matches)
        cursor_at = self._view.selected_span()[0]
        self._current = next(
            (i for i, (start, _) in enumerate(self._matches) if start >= cursor_at), 0
        )
        self._show_current()

    def next(self) -> None:
        """Go to the following match, wrapping at the end."""
        self._step(1)

    def previous(self) -> None:
        """Go to the preceding match, wrapping at the start."""
        self._step(-1)

    def matches(self) -> list[tuple[int, int]]:
        """The spans matched now."""
        return list(self._matches)

    def _step(self, delta: int) -> None:
        if self._matches:
            self._current = (self._current + delta) % len(self._matches)
        self._show_current()

    def _show_current(self) -> None:
        """Select the current match and say where it stands."""
        if not self._matches:
            self.count_label.setText("No matches" if self.field.text() else "")
            return
        start, end = self._matches[self._current]
        self._view.select_span(start, end)
        self.count_label.setText(f"{self._current + 1} of {len(self._matches)}")
