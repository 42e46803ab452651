"""Edit the library's own entries of the sourcing lexicons (speech verbs, hedges...)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.core.sourcing.lexicon_edits import from_text, to_text

LEXICONS = {
    "speech_verbs": "Speech verbs (neutral, relay, loaded)",
    "hedges": "Hedges and weasel words",
    "approximators": "Approximators of numbers",
    "anonymity": "Anonymity phrases",
    "attitudes": "Verbs of belief and intention",
}


class LexiconsDialog(QDialog):
    """One text per lexicon: lines add or replace entries, '-word' removes a bundled one."""

    def __init__(self, overrides: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Lexicons of this library")
        self.resize(640, 480)
        self.texts = {name: to_text(name, overrides.get(name, [])) for name in LEXICONS}
        self.choice = QComboBox()
        for name, title in LEXICONS.items():
            self.choice.addItem(title, name)
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.problem = QLabel(objectName="problem", wordWrap=True)
        note = QLabel(
            "The bundled lexicons stay as they are; the lines here add entries or replace "
            "the bundled entry with the same first column, for this library only. Columns are "
            "separated by tabs; a line “-reportedly” removes a bundled entry. Name the source "
            "of each entry in the last column."
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.choice, note, self.editor, self.problem, buttons):
            layout.addWidget(widget)
        self._shown = "speech_verbs"
        self.editor.setPlainText(self.texts[self._shown])
        self.choice.currentIndexChanged.connect(self._switch)

    def _switch(self) -> None:
        self.texts[self._shown] = self.editor.toPlainText()
        self._shown = self.choice.currentData()
        self.editor.setPlainText(self.texts[self._shown])

    def overrides(self) -> dict:
        """The entries as edited; ValueError names the lexicon and line that cannot be read."""
        self.texts[self._shown] = self.editor.toPlainText()
        result = {}
        for name, text in self.texts.items():
            try:
                rows = from_text(name, text)
            except ValueError as error:
                raise ValueError(f"{LEXICONS[name]}: {error}") from error
            if rows:
                result[name] = rows
        return result

    def _save(self) -> None:
        try:
            self.overrides()
        except ValueError as error:
            self.problem.setText(str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, overrides: dict) -> dict | None:
        """The edited overrides, or None when cancelled."""
        dialog = cls(overrides, parent)
        return dialog.overrides() if dialog.exec() == QDialog.DialogCode.Accepted else None
