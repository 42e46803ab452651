"""Preferences: the name that marks your annotations (your layer)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget


class PreferencesDialog(QDialog):
    """Your name, as trainers and exports will show it."""

    def __init__(self, annotator: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.name = QLineEdit(annotator)
        note = QLabel(
            "New annotations carry this name: it is your layer when a trainer compares "
            "annotations, and the creator in exported files.",
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Your &name", self.name)
        form.addRow(note)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, annotator: str) -> str | None:
        """The name chosen, or None when cancelled or left empty."""
        dialog = cls(annotator, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        name = " ".join(dialog.name.text().split())
        return name or None
