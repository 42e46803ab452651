"""Write or edit the note of an annotation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class NoteDialog(QDialog):
    """The quoted text above, the note below; Ctrl+Enter saves."""

    def __init__(self, quote: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Note")
        self.resize(460, 260)
        shown = quote if len(quote) <= 240 else quote[:239] + "…"
        label = QLabel(f"“{shown}”", wordWrap=True)
        self.editor = QPlainTextEdit(note)
        self.editor.setPlaceholderText("Why this matters, what to check, who says otherwise…")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setShortcut("Ctrl+Return")
        layout = QVBoxLayout(self)
        for widget in (label, self.editor, buttons):
            layout.addWidget(widget)
        self.editor.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, quote: str, note: str) -> str | None:
        """The edited note (trailing space trimmed), or None when cancelled."""
        dialog = cls(quote, note, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.editor.toPlainText().rstrip()
