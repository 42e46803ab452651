"""Prepare an exercise: which articles, what to ask, what to hide, whether to include the key."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from gui.core.articles import ArticleSummary
from gui.core.trainer.exercises import ExerciseOptions

# Checklists trainers use; the questions are ours, after the frameworks' steps.
CHECKLISTS = {
    "SIFT": (
        "Stop: what do you know about this outlet, and what is the claim?",
        "Investigate the source: who is quoted, and are they in a position to know?",
        "Find better coverage: who else reports this, and do they agree?",
        "Trace claims and quotes to the original: where did each first appear?",
    ),
    "CRAAP": (
        "Currency: when was this published, and is it still accurate?",
        "Relevance: does it answer your question?",
        "Authority: who wrote it, and who are the sources?",
        "Accuracy: which claims can be checked, and do they hold?",
        "Purpose: why was this published, and for whom?",
    ),
    "Your own questions": (),
}


class ExerciseDialog(QDialog):
    """The exercise's articles, title, instructions, checklist and options."""

    def __init__(self, articles: Sequence[ArticleSummary], chosen: int | None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New exercise")
        self.resize(560, 620)
        self.articles = QListWidget()
        for summary in articles:
            item = QListWidgetItem(summary.title or "Untitled article")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if summary.id == chosen else Qt.CheckState.Unchecked
            )
            self.articles.addItem(item)
        self.title = QLineEdit(placeholderText="e.g. Week 3: who says so?")
        self.instructions = QPlainTextEdit()
        self.instructions.setPlaceholderText("What the trainees should do, and by when.")
        self.preset = QComboBox()
        self.preset.addItems(list(CHECKLISTS))
        self.checklist = QPlainTextEdit()
        self.checklist.setPlaceholderText("One question per line")
        self.preset.currentTextChanged.connect(self._preset_chosen)
        self._preset_chosen(self.preset.currentText())
        self.hide_findings = QCheckBox(
            "Hide the automatic findings (entities, sourcing) from trainees"
        )
        self.include_key = QCheckBox("Include my annotations as the answer key")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (
            ("&Articles", self.articles), ("&Title", self.title),
            ("&Instructions", self.instructions), ("&Checklist", self.preset),
            ("", self.checklist), ("", self.hide_findings), ("", self.include_key), ("", buttons),
        ):  # fmt: skip
            form.addRow(label, widget)

    def _preset_chosen(self, name: str) -> None:
        self.checklist.setPlainText("\n".join(CHECKLISTS.get(name, ())))

    def chosen_ids(self) -> list[int]:
        """The ids of the articles ticked."""
        items = (self.articles.item(row) for row in range(self.articles.count()))
        return [
            i.data(Qt.ItemDataRole.UserRole)
            for i in items
            if i.checkState() == Qt.CheckState.Checked
        ]

    def options(self, trainer: str) -> ExerciseOptions:
        """The exercise as filled in."""
        questions = tuple(q.strip() for q in self.checklist.toPlainText().splitlines() if q.strip())
        return ExerciseOptions(
            title=self.title.text().strip() or "Exercise",
            instructions=self.instructions.toPlainText().strip(),
            checklist=questions,
            hide_findings=self.hide_findings.isChecked(),
            include_key=self.include_key.isChecked(),
            trainer=trainer,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, articles, chosen, trainer: str):
        """(article ids, options), or None when cancelled or nothing was ticked."""
        dialog = cls(articles, chosen, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_ids():
            return None
        return dialog.chosen_ids(), dialog.options(trainer)


class TraineeName:
    """Ask a trainee their name when they open an exercise."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, suggested: str) -> str | None:
        """The name, or None when cancelled."""
        name, accepted = QInputDialog.getText(
            parent, title, "Your name, as your trainer will see it:", text=suggested
        )
        name = " ".join(name.split())
        return name if accepted and name else None
