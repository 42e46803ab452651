"""Choosing a backup to put back, and confirming it: File > Restore Backup…."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.core.storage.backup import Backup
from gui.widgets.accessible import describe

PATH_ROLE = Qt.ItemDataRole.UserRole


def when(moment: datetime) -> str:
    """A backup's time as the user's clock shows it."""
    return moment.astimezone().strftime("%A %d %B %Y, %H:%M")


class RestoreBackupDialog(QDialog):
    """The backups beside a library, newest first, and a way to choose another file."""

    def __init__(self, library: Path, backups: Sequence[Backup], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Restore Backup")
        self.chosen: Path | None = None
        intro = QLabel(
            f"Backups of {library}, newest first. Before the one you choose goes back, the"
            " library as it is now is kept as a backup, so a restore can be undone."
            if backups
            else f"There are no backups beside {library} yet. Choose a file to restore."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for backup in backups:
            size = backup.path.stat().st_size / 2**20
            item = QListWidgetItem(f"{when(backup.made)}   ({size:,.1f} MB)")
            item.setData(PATH_ROLE, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(self.accept)
        describe(self.list, "Backups", "The library's backups, newest first; one to restore")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(bool(backups))
        other = QPushButton("Other File…")
        self.buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        other.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.list, self.buttons):
            layout.addWidget(widget)
        self.resize(560, 320)

    def choose_file(self) -> None:
        """Pick a backup file from anywhere."""
        name, _ = QFileDialog.getOpenFileName(self, "Restore from file", "", "All files (*)")
        if name:
            self.chosen = Path(name)
            super().accept()

    def accept(self) -> None:
        """Take the backup selected in the list."""
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(PATH_ROLE))
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, library: Path, backups: Sequence[Backup]) -> Path | None:
        """The backup file to restore, or None."""
        dialog = cls(library, backups, parent)
        return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None


class ConfirmRestore:
    """Ask before a backup replaces the library."""

    @classmethod
    def ask(cls, parent: QWidget | None, library: Path, source: Path) -> bool:
        """True when the user confirms."""
        answer = QMessageBox.question(
            parent,
            "Restore Backup",
            f"Put {source.name} back as the library {library}?\n\nWhat changed since that"
            " backup is set aside: the library as it is now is kept as a backup first, and"
            " Restore Backup… can put it back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
