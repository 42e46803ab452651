"""The list of entity correction rules, each removable."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.entities.corrections import Correction, describe


class CorrectionsDialog(QDialog):
    """What the user has taught the entity finder, for every article of the library."""

    def __init__(
        self,
        rules: Callable[[], Sequence[Correction]],
        remove: Callable[[int], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Entity corrections")
        self.resize(460, 380)
        self._rules, self._remove = rules, remove
        note = QLabel("These rules apply to every article in this library, now and later.")
        note.setWordWrap(True)
        self.list = QListWidget()
        remove_button = QPushButton("&Remove rule")
        remove_button.clicked.connect(self.remove_current)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (note, self.list, remove_button, buttons):
            layout.addWidget(widget)
        self.reload()

    def reload(self) -> None:
        """List the rules again."""
        self.list.clear()
        for rule in self._rules():
            item = QListWidgetItem(describe(rule))
            item.setData(Qt.ItemDataRole.UserRole, rule.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def remove_current(self) -> None:
        """Remove the picked rule (undoable from Edit > Undo)."""
        item = self.list.currentItem()
        if item is not None and self._remove(item.data(Qt.ItemDataRole.UserRole)):
            self.reload()

    @classmethod
    def ask(cls, parent, rules, remove) -> None:
        """Show the dialog until it is closed."""
        cls(rules, remove, parent).exec()
