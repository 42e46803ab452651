"""The trainee's checklist: the exercise's questions with an answer field each, saved as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QWidget

from gui.widgets.accessible import describe

SELECTABLE = (
    Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
)


class Checklist(QScrollArea):
    """The exercise's questions with the trainee's answers, saved as they type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.answers: dict[str, QPlainTextEdit] = {}
        self._save = lambda answers: None
        self._timer = QTimer(self, singleShot=True, interval=400)
        self._timer.timeout.connect(lambda: self._save(self.values()))

    def set_questions(self, questions, answers: dict[str, str], save, read_only=False) -> None:
        """Show one answer field per question (read_only: to read, in a file that cannot change)."""
        self._save = save
        body = QWidget()
        form = QFormLayout(body)
        self.answers = {}
        for question in questions:
            field = QPlainTextEdit(answers.get(question, ""))
            describe(field, question, "Your answer, saved as you type")
            if read_only:  # the answers could not be kept: none is asked for
                field.setReadOnly(True)
                field.setTextInteractionFlags(SELECTABLE)
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
