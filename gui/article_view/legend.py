"""The legend: one chip per entity type with its colour and count; clicking one hides it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from gui.article_view.flow_layout import FlowLayout
from gui.article_view.palette import style_for
from gui.core.entities import ENTITY_TYPE_NAMES, ENTITY_TYPES


def swatch(key: str, size: int = 14) -> QIcon:
    """A small square in the type's tint, underlined in its pattern: the legend's key."""
    style = style_for(key)
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.fillRect(QRect(0, 0, size, size), style.fill())
    painter.setPen(QPen(QColor(style.colour), 2, style.pen))
    painter.drawLine(0, size - 2, size, size - 2)
    painter.end()
    return QIcon(pixmap)


# Short names keep the legend on one line in a narrow window; the tooltip has the long one.
SHORT_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "OUTLET": "Outlets",
    "PLACE": "Places",
    "GROUP": "Groups",
    "DATE": "Dates",
    "NUMBER": "Numbers",
    "EVENT": "Events",
    "OTHER": "Other",
}


class Legend(QWidget):
    """Shows what each colour means and how many there are; toggles types on and off."""

    hidden_changed = Signal(set)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.buttons: dict[str, QToolButton] = {}
        # Chips wrap onto a second row rather than widen the window past the screen.
        layout = FlowLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for key in ENTITY_TYPES:
            self.buttons[key] = self._chip(key, self)
            layout.addWidget(self.buttons[key])
        self.status = QLabel(objectName="legendStatus")
        layout.addWidget(self.status)

    def _chip(self, key: str, parent: QWidget) -> QToolButton:
        """A checkable chip for one type; checked means shown."""
        button = QToolButton(parent)
        button.setCheckable(True)
        button.setChecked(True)
        button.setIcon(swatch(key))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setToolTip(f"{ENTITY_TYPE_NAMES[key]}: click to show or hide")
        button.toggled.connect(self._emit_hidden)
        return button

    def set_labels(self, labels: Iterable[str]) -> None:
        """Count the highlights of each type; types absent from the article are not shown."""
        counts = Counter(labels)
        for key, button in self.buttons.items():
            button.setText(f"{SHORT_NAMES[key]} {counts[key]:,}")
            button.setVisible(counts[key] > 0)

    def set_status(self, text: str) -> None:
        """A short note at the right end, e.g. while entities are being found."""
        self.status.setText(text)

    def hidden(self) -> set[str]:
        """The types switched off."""
        return {key for key, button in self.buttons.items() if not button.isChecked()}

    def _emit_hidden(self) -> None:
        self.hidden_changed.emit(self.hidden())
