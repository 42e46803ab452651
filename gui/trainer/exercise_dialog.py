"""Prepare an exercise: which articles, what to ask, what to hide, which layer is the key."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from gui.core.articles import ArticleSummary
from gui.core.trainer.exercises import CHECKLISTS as TRAINING_CHECKLISTS
from gui.core.trainer.exercises import ExerciseOptions
from gui.widgets.accessible import describe

# Checklists trainers use (the same as the command line's), and the trainer's own questions.
CHECKLISTS = {**TRAINING_CHECKLISTS, "Your own questions": ()}
NO_KEY = "No answer key"


class ExerciseDialog(QDialog):
    """The exercise's articles, title, instructions, checklist and options."""

    def __init__(
        self,
        articles: Sequence[ArticleSummary],
        chosen: int | None,
        parent=None,
        layers: Sequence[str] = (),
        own_layer: str = "",
    ) -> None:
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
        self.keep_entities = QCheckBox("…but let them see the entities")
        self.keep_entities.setEnabled(False)
        self.hide_findings.toggled.connect(self.keep_entities.setEnabled)
        self.key = QComboBox()
        self.key.addItems([NO_KEY, *layers])
        if own_layer in layers:
            self.key.setCurrentText(own_layer)
        self.key.setToolTip(
            "The layer that is the answer key. It stays in this library, where returned work "
            "is scored; the file for trainees holds nothing of it."
        )
        self._name_fields()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (
            ("&Articles", self.articles), ("&Title", self.title),
            ("&Instructions", self.instructions), ("&Checklist", self.preset),
            ("", self.checklist), ("", self.hide_findings), ("", self.keep_entities),
            ("Answer &key", self.key), ("", buttons),
        ):  # fmt: skip
            form.addRow(label, widget)

    def _name_fields(self) -> None:
        """What a screen reader calls each field (the form's labels do not reach every one)."""
        for widget, name, description in (
            (self.articles, "Articles", "Tick the articles the exercise holds"),
            (self.title, "Title", "The exercise's title, as trainees see it"),
            (self.instructions, "Instructions", "What the trainees should do"),
            (self.preset, "Checklist", "A checklist trainers use, or your own questions"),
            (self.checklist, "Checklist questions", "One question per line"),
            (self.key, "Answer key", "The layer kept here as the key; the file holds none of it"),
        ):
            describe(widget, name, description)

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
            keep_entities=self.hide_findings.isChecked() and self.keep_entities.isChecked(),
            key_layer="" if self.key.currentText() == NO_KEY else self.key.currentText(),
            trainer=trainer,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, articles, chosen, trainer: str, layers=()):
        """(article ids, options), or None when cancelled or nothing was ticked.

        layers: the layers that could be the key (the trainer's own is offered first).
        """
        dialog = cls(articles, chosen, parent, layers, trainer)
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


class ExerciseChoice:
    """Ask which exercise (of those made from the library) is meant."""

    @classmethod
    def ask(cls, parent: QWidget | None, exercises: Sequence):
        """The chosen ExerciseRecord (the only one, without asking), or None when cancelled."""
        if len(exercises) == 1:
            return exercises[0]
        names = [f"{e.title} — {e.created[:10]}" for e in exercises]
        name, accepted = QInputDialog.getItem(
            parent, "Exercise", "Which exercise?", names, 0, False
        )
        return exercises[names.index(name)] if accepted and name in names else None


class AnswerSheetTarget:
    """Ask where an exercise's answer sheet goes."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        """The chosen path (.html added when no suffix was typed), or None."""
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in title)[:60] or "exercise"
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export answer sheet", f"{stem} - answers.html", "Web page (*.html)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".html")
