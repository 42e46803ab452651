"""Edit the codebook: each label's name, colour, hotkey and description."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.annotations.model import Label

HOTKEYS = ["", *"123456789"]


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A square of the colour, for lists and buttons."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CodebookDialog(QDialog):
    """A list of labels and a form for the one picked; every change is saved at once."""

    def __init__(
        self,
        labels: Callable[[], Sequence[Label]],
        save: Callable[[Label], bool],
        delete: Callable[[int], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Codebook")
        self.resize(620, 420)
        self._labels, self._save, self._delete = labels, save, delete
        self.list = QListWidget()
        self.name = QLineEdit()
        self.hotkey = QComboBox()
        self.hotkey.addItems(["none", *HOTKEYS[1:]])
        self.colour = QPushButton("Colour…")
        self.description = QPlainTextEdit()
        self._colour = "#444444"
        self._build()
        self.reload()

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Hotkey", self.hotkey)
        form.addRow("C&olour", self.colour)
        form.addRow("&Description", self.description)
        apply_button = QPushButton("&Save label")
        add_button, delete_button = QPushButton("&Add"), QPushButton("De&lete")
        form.addRow(apply_button)
        left = QVBoxLayout()
        left.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(add_button)
        row.addWidget(delete_button)
        left.addLayout(row)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(form, 2)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show_current)
        self.colour.clicked.connect(self._pick_colour)
        apply_button.clicked.connect(self.save_current)
        add_button.clicked.connect(self.add_label)
        delete_button.clicked.connect(self.delete_current)

    def reload(self, select_id: int | None = None) -> None:
        """List the labels again, keeping (or moving to) a selection."""
        labels = list(self._labels())
        current = self.current_label()
        wanted = select_id if select_id is not None else (current.id if current else None)
        self.list.clear()
        for label in labels:
            hotkey = f"  [{label.hotkey}]" if label.hotkey else ""
            item = QListWidgetItem(colour_icon(label.colour), label.name + hotkey)
            item.setData(Qt.ItemDataRole.UserRole, label)
            item.setToolTip(label.description)
            self.list.addItem(item)
        rows = [i for i, label in enumerate(labels) if label.id == wanted]
        self.list.setCurrentRow(rows[0] if rows else 0)

    def current_label(self) -> Label | None:
        """The label picked in the list."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edited_label(self) -> Label | None:
        """The picked label with the form's values."""
        label = self.current_label()
        if label is None:
            return None
        return replace(
            label,
            name=" ".join(self.name.text().split()),
            colour=self._colour,
            hotkey=HOTKEYS[self.hotkey.currentIndex()],
            description=self.description.toPlainText().strip(),
        )

    def save_current(self) -> None:
        """Save the form into the picked label."""
        label = self.edited_label()
        if label is not None and label.name and self._save(label):
            self.reload(label.id)

    def add_label(self) -> None:
        """Add a new label at the end of the codebook."""
        labels = list(self._labels())
        taken = {label.hotkey for label in labels}
        hotkey = next((key for key in HOTKEYS[1:] if key not in taken), "")
        name = f"New label {len(labels) + 1}"
        if self._save(Label(0, name, "#777777", hotkey, "", len(labels))):
            added = [label for label in self._labels() if label.name == name]
            self.reload(added[-1].id if added else None)

    def delete_current(self) -> None:
        """Delete the picked label (refused with a message while annotations use it)."""
        label = self.current_label()
        if label is not None and self._delete(label.id):
            self.reload()

    def _show_current(self, _row: int) -> None:
        label = self.current_label()
        if label is None:
            return
        self.name.setText(label.name)
        self.hotkey.setCurrentIndex(HOTKEYS.index(label.hotkey) if label.hotkey in HOTKEYS else 0)
        self._set_colour(label.colour)
        self.description.setPlainText(label.description)

    def _set_colour(self, colour: str) -> None:
        self._colour = colour
        self.colour.setIcon(colour_icon(colour))
        self.colour.setText(colour)

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self._colour), self, "Label colour")
        if colour.isValid():
            self._set_colour(colour.name())

    @classmethod
    def ask(cls, parent, labels, save, delete) -> None:
        """Show the dialog until it is closed."""
        cls(labels, save, delete, parent).exec()
