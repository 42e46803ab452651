"""The trainee's checklist: the exercise's questions with an answer field each, saved as typed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QWidget

from gui.widgets.accessible import describe


class Checklist(QScrollArea):
    """The exercise's questions with the trainee's answers, saved as they type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.answers: dict[str, QPlainTextEdit] = {}
        self._save = lambda answers: None
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(lambda: self._save(self.values()))

    def set_questions(self, questions, answers: dict[str, str], save) -> None:
        """Show one answer field per question."""
        self._save = save
        body = QWidget()
        form = QFormLayout(body)
        self.answers = {}
        for question in questions:
            field = QPlainTextEdit(answers.get(question, ""))
            describe(field, question, "Your answer, saved as you type")
            field.setMaximumHeight(90)
            field.textChanged.connect(self._timer.start)
            form.addRow(QLabel(question, wordWrap=True))
            form.addRow(field)
            self.answers[question] = field
        self.setWidget(body)

    def values(self) -> dict[str, str]:
        """The answers as typed."""
        return {q: field.toPlainText() for q, field in self.answers.items()}

    def flush(self) -> None:
        """Save now what is still waiting for the typing to pause."""
        if self._timer.isActive():
            self._timer.stop()
            self._save(self.values())
