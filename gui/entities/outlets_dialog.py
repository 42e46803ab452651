"""Edit the library's list of news outlets, one name per line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.core.entities.pipeline import default_outlets


def parse_names(text: str) -> list[str]:
    """One name per non-empty line, spaces trimmed, duplicates dropped, order kept."""
    names = (" ".join(line.split()) for line in text.splitlines())
    return list(dict.fromkeys(name for name in names if name))


class OutletsDialog(QDialog):
    """A plain list the user can edit; names on it are always tagged as news outlets."""

    def __init__(self, outlets: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("News outlets")
        self.resize(420, 520)
        note = QLabel(
            "Names on this list are marked as news outlets in every article of this library. "
            "One name per line; add the short forms too (e.g. “AP”)."
        )
        note.setWordWrap(True)
        self.editor = QPlainTextEdit("\n".join(outlets))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(lambda: self.editor.setPlainText("\n".join(default_outlets())))
        layout = QVBoxLayout(self)
        for widget in (note, self.editor, buttons):
            layout.addWidget(widget)

    def outlets(self) -> list[str]:
        """The names as edited."""
        return parse_names(self.editor.toPlainText())

    @classmethod
    def ask(cls, parent: QWidget | None, outlets: Sequence[str]) -> list[str] | None:
        """Show the dialog; the edited list, or None when cancelled."""
        dialog = cls(outlets, parent)
        return dialog.outlets() if dialog.exec() == QDialog.DialogCode.Accepted else None
