"""The legend: one chip per entity type with its colour and count; clicking one hides it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from gui.actions import menu_text
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
from gui.widgets.accessible import describe
from gui.widgets.flow_layout import FlowLayout
from gui.widgets.painted_icon import painted_icon


def label_swatch(colour: str) -> QIcon:
    """A small outlined box in a label's colour: annotations are drawn as boxes."""

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("white"))
        painter.setPen(QPen(QColor(colour), 2))
        painter.drawRect(rect.adjusted(1, 1, -1, -1))

    return painted_icon(paint)


def swatch(key: str, style=None) -> QIcon:
    """A small square in the type's tint, underlined in its pattern: the legend's key."""
    style = style or style_for(key)

    def paint(painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("white"))
        painter.fillRect(rect, style.fill())
        painter.setPen(QPen(QColor(style.colour), 2, style.pen))
        y = rect.bottom() - 1
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))

    return painted_icon(paint)


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
    """Shows what each colour means and how many there are; toggles types on and off.

    Folded, it keeps to one line: the chips that fit, then a "+N" button whose menu holds
    the others, so that a long legend never pushes the text down.
    """

    hidden_changed = Signal(set)
    folded_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        describe(self, "Legend", "What each highlight colour means; a chip shows or hides them")
        self.buttons: dict[str, QToolButton] = {}
        self.label_buttons: dict[str, QToolButton] = {}
        self._label_names: dict[str, str] = {}
        self._wanted: dict[QToolButton, bool] = {}  # chips of the lens and kinds on show
        self.overflow: list[QToolButton] = []  # the chips folded into the "+N" menu
        self.folded = False
        # Unfolded, chips wrap onto more rows rather than widen the window past the screen.
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
                chip = self._chip(key, self, swatch(key, style_of(key)), name)
                self.lens_chips[lens][key] = chip
                self._lens_names[key] = name
                layout.addWidget(chip)
        self._lens = "Entities"
        self._lens_counts: Counter = Counter()
        self._entity_counts: Counter = Counter()
        self._build_tail()
        self._show_lens()

    def _build_tail(self) -> None:
        """The "+N" and fold buttons and the status note, always last on the line."""
        self.more_menu = QMenu(self)
        self.more_menu.aboutToShow.connect(self._fill_more_menu)
        self.more_button = QToolButton(self, objectName="legendMore", autoRaise=True)
        self.more_button.setMenu(self.more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        describe(self.more_button, "More legend chips", "The kinds that do not fit on the line")
        self.fold_button = QToolButton(self, text="▴", autoRaise=True)
        self.fold_button.setToolTip("Fold the legend onto one line")
        describe(self.fold_button, "Fold the legend", "Keep the legend to one line")
        self.fold_button.clicked.connect(lambda: self.set_folded(True))
        self.status = QLabel(objectName="legendStatus")
        for widget in (self.more_button, self.fold_button, self.status):
            self.layout().addWidget(widget)

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

    def chips(self) -> list[QToolButton]:
        """Every chip, in the order they stand on the line."""
        lens_chips = [chip for chips in self.lens_chips.values() for chip in chips.values()]
        return [*self.buttons.values(), *lens_chips, *self.label_buttons.values()]

    def offered(self, chip: QToolButton) -> bool:
        """True when the chip is on show, on the line or in the "+N" menu."""
        return self._wanted.get(chip, False)

    def set_labels(self, labels: Iterable[str]) -> None:
        """Count the highlights of each type; types absent from the article are not shown."""
        self._entity_counts = Counter(labels)
        for key, button in self.buttons.items():
            button.setText(f"{SHORT_NAMES[key]} {self._entity_counts[key]:,}")
        self._show_lens()

    def set_finding_counts(self, counts: Mapping[str, int]) -> None:
        """The count of each sourcing and hedge chip (from the article's one summary)."""
        self._lens_counts = Counter(counts)
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
            entities = whole or self._lens == "Entities"
            self._wanted[button] = entities and self._entity_counts[key] > 0
        for lens, chips in self.lens_chips.items():
            for key, chip in chips.items():
                self._wanted[chip] = (whole or self._lens == lens) and self._lens_counts[key] > 0
        self._refit()

    def set_annotation_labels(self, labels: Sequence[Label]) -> None:
        """One chip per codebook label, after the entity types; hidden labels stay hidden."""
        hidden = self.hidden()
        for button in self.label_buttons.values():
            self.layout().removeWidget(button)
            self._wanted.pop(button, None)
            button.deleteLater()
        self.label_buttons = {}
        for widget in (self.more_button, self.fold_button, self.status):
            self.layout().removeWidget(widget)
        for label in labels:
            key = label_key(label.id)
            button = self._chip(key, self, label_swatch(label.colour), label.name)
            button.setChecked(key not in hidden)
            button.setToolTip(f"Annotations labelled {label.name}: click to show or hide")
            button.setText(menu_text(label.name))
            self.label_buttons[key] = button
            self._wanted[button] = False
            self.layout().addWidget(button)
        for widget in (self.more_button, self.fold_button, self.status):
            self.layout().addWidget(widget)
        self._label_names = {label_key(label.id): label.name for label in labels}
        self._refit()

    def set_annotation_counts(self, label_ids: Iterable[int]) -> None:
        """Show how many annotations each label has; labels without any are not shown."""
        counts = Counter(label_key(label_id) for label_id in label_ids)
        for key, button in self.label_buttons.items():
            button.setText(menu_text(f"{self._label_names.get(key, '?')} {counts[key]:,}"))
            self._wanted[button] = counts[key] > 0
        self._refit()

    def set_status(self, text: str) -> None:
        """A short note at the right end, e.g. while entities are being found."""
        self.status.setText(text)
        self._refit()

    def set_folded(self, folded: bool) -> None:
        """Keep the legend to one line (the rest in the "+N" menu), or show every row."""
        if folded != self.folded:
            self.folded = folded
            self._refit()
            self.folded_changed.emit(folded)

    def hidden(self) -> set[str]:
        """The types switched off."""
        chips = {**self.buttons, **self.label_buttons}
        for lens_chips in self.lens_chips.values():
            chips.update(lens_chips)
        return {key for key, button in chips.items() if not button.isChecked()}

    def _emit_hidden(self) -> None:
        self.hidden_changed.emit(self.hidden())

    # -- folding onto one line -------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._refit()

    def _refit(self) -> None:
        """Show the wanted chips: all of them, or those that fit on one line when folded."""
        wanted = [chip for chip in self.chips() if self._wanted.get(chip)]
        on_line, self.overflow = self._split(wanted) if self.folded else (wanted, [])
        for chip in self.chips():
            chip.setVisible(chip in on_line)
        self.more_button.setText(f"+{len(self.overflow)}")
        self.more_button.setToolTip(f"{len(self.overflow)} more: click to see them")
        self.more_button.setVisible(bool(self.overflow))
        self.fold_button.setVisible(not self.folded and not self._fits(wanted, self._room()))

    def _room(self) -> int:
        margins = self.layout().contentsMargins()
        return self.width() - margins.left() - margins.right()

    def _fits(self, chips: Sequence[QWidget], room: int) -> bool:
        """True when the chips (and the status note) fit side by side in room pixels."""
        widths = [chip.sizeHint().width() for chip in chips]
        if self.status.text():
            widths.append(self.status.sizeHint().width())
        return sum(widths) + self.layout().spacing() * max(len(widths) - 1, 0) <= room

    def _split(self, chips: list[QToolButton]) -> tuple[list, list]:
        """The chips that fit on one line before the "+N" button, and the rest."""
        room = self._room()
        if self._fits(chips, room):
            return chips, []
        self.more_button.setText(f"+{len(chips)}")  # as wide as it can get
        room -= self.more_button.sizeHint().width() + self.layout().spacing()
        for count in range(len(chips), -1, -1):
            if self._fits(chips[:count], room):
                return chips[:count], chips[count:]
        return [], chips

    def _fill_more_menu(self) -> None:
        """The folded chips as switches, and a way to see every row."""
        self.more_menu.clear()
        for chip in self.overflow:
            action = self.more_menu.addAction(chip.icon(), chip.text())
            action.setCheckable(True)
            action.setChecked(chip.isChecked())
            action.setToolTip(chip.toolTip())
            action.toggled.connect(chip.setChecked)
        self.more_menu.addSeparator()
        self.more_menu.addAction("Show the &Whole Legend", lambda: self.set_folded(False))
