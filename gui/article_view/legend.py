"""The legend: one chip per entity type with its colour and count; clicking one hides it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from gui.article_view.lenses import (
    HEDGE_NAMES,
    SOURCING_NAMES,
    hedge_style,
    sourcing_style,
)
from gui.article_view.palette import style_for
from gui.article_view.reader import label_key
from gui.core.annotations.model import Label
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES, ENTITY_TYPES
from gui.widgets.flow_layout import FlowLayout


def label_swatch(colour: str, size: int = 14) -> QIcon:
    """A small outlined box in a label's colour: annotations are drawn as boxes."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor(colour), 2))
    painter.drawRect(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def swatch(key: str, size: int = 14, style=None) -> QIcon:
    """A small square in the type's tint, underlined in its pattern: the legend's key."""
    style = style or style_for(key)
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
        self.label_buttons: dict[str, QToolButton] = {}
        self._label_names: dict[str, str] = {}
        # Chips wrap onto a second row rather than widen the window past the screen.
        layout = FlowLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for key in ENTITY_TYPES:
            self.buttons[key] = self._chip(key, self)
            layout.addWidget(self.buttons[key])
        # The sourcing lens's and the hedges lens's chips: (chips, names) by lens.
        self.lens_chips: dict[str, dict[str, QToolButton]] = {}
        self._lens_names: dict[str, str] = {}
        for lens, names, style_of in (
            ("Sourcing", SOURCING_NAMES, sourcing_style),
            ("Hedges", HEDGE_NAMES, hedge_style),
        ):
            self.lens_chips[lens] = {}
            for key, name in names.items():
                chip = self._chip(key, self, swatch(key, style=style_of(key)), name)
                self.lens_chips[lens][key] = chip
                self._lens_names[key] = name
                layout.addWidget(chip)
        self._lens = "Entities"
        self._lens_counts: Counter = Counter()
        self._entity_counts: Counter = Counter()
        self.status = QLabel(objectName="legendStatus")
        layout.addWidget(self.status)
        self._show_lens()

    def _chip(self, key: str, parent: QWidget, icon=None, name: str = "") -> QToolButton:
        """A checkable chip for one type or label; checked means shown."""
        button = QToolButton(parent)
        button.setCheckable(True)
        button.setChecked(True)
        button.setIcon(icon or swatch(key))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAutoRaise(True)
        button.setToolTip(f"{ENTITY_TYPE_NAMES.get(key, name)}: click to show or hide")
        button.toggled.connect(self._emit_hidden)
        return button

    def set_labels(self, labels: Iterable[str]) -> None:
        """Count the highlights of each type; types absent from the article are not shown."""
        self._entity_counts = Counter(labels)
        for key, button in self.buttons.items():
            button.setText(f"{SHORT_NAMES[key]} {self._entity_counts[key]:,}")
        self._show_lens()

    def set_finding_counts(self, keys: Iterable[str]) -> None:
        """Count the sourcing and hedge spans of each kind."""
        self._lens_counts = Counter(keys)
        for chips in self.lens_chips.values():
            for key, chip in chips.items():
                chip.setText(f"{self._lens_names[key]} {self._lens_counts[key]:,}")
        self._show_lens()

    def set_lens(self, lens: str) -> None:
        """Show the chips of a lens: Entities, Sourcing, Hedges, or All."""
        self._lens = lens
        self._show_lens()

    def _show_lens(self) -> None:
        """Chips of the lens on show, for kinds the article has."""
        whole = self._lens == "All"
        for key, button in self.buttons.items():
            button.setVisible((whole or self._lens == "Entities") and self._entity_counts[key] > 0)
        for lens, chips in self.lens_chips.items():
            for key, chip in chips.items():
                chip.setVisible((whole or self._lens == lens) and self._lens_counts[key] > 0)

    def set_annotation_labels(self, labels: Sequence[Label]) -> None:
        """One chip per codebook label, after the entity types; hidden labels stay hidden."""
        hidden = self.hidden()
        for button in self.label_buttons.values():
            self.layout().removeWidget(button)
            button.deleteLater()
        self.label_buttons = {}
        for label in labels:
            key = label_key(label.id)
            button = self._chip(key, self, label_swatch(label.colour), label.name)
            button.setChecked(key not in hidden)
            button.setToolTip(f"Annotations labelled {label.name}: click to show or hide")
            button.setText(label.name)
            self.label_buttons[key] = button
            self.layout().addWidget(button)
        self._label_names = {label_key(label.id): label.name for label in labels}

    def set_annotation_counts(self, label_ids: Iterable[int]) -> None:
        """Show how many annotations each label has; labels without any are not shown."""
        counts = Counter(label_key(label_id) for label_id in label_ids)
        for key, button in self.label_buttons.items():
            button.setText(f"{self._label_names.get(key, '?')} {counts[key]:,}")
            button.setVisible(counts[key] > 0)

    def set_status(self, text: str) -> None:
        """A short note at the right end, e.g. while entities are being found."""
        self.status.setText(text)

    def hidden(self) -> set[str]:
        """The types switched off."""
        chips = {**self.buttons, **self.label_buttons}
        for lens_chips in self.lens_chips.values():
            chips.update(lens_chips)
        return {key for key, button in chips.items() if not button.isChecked()}

    def _emit_hidden(self) -> None:
        self.hidden_changed.emit(self.hidden())
