"""Trainer mode in the window: make an exercise, bring trainees' work back, and the trainee's side.

A trainee opens the exercise file as a library: the window asks their name once, shows the
instructions and a checklist to answer, and hides what the trainer chose to hide.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QWidget

from gui.annotating.layers import FINDINGS
from gui.core.storage.database import LibraryError
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.exercises import (
    ExerciseError,
    checklist_answers,
    create_exercise,
    exercise_info,
    import_returned,
    join_exercise,
    save_checklist_answers,
)
from gui.trainer.exercise_dialog import ExerciseDialog, TraineeName
from gui.widgets.messages import ErrorMessage, InfoMessage

EXERCISE_FILTER = "Sourcelight exercises (*.sourcelight);;All files (*)"


class ExerciseTarget:
    """Ask where the exercise file goes."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        """The chosen path (.sourcelight added when no suffix was typed), or None."""
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in title)[:60] or "exercise"
        name, _ = QFileDialog.getSaveFileName(
            parent, "Save exercise", f"{stem}.sourcelight", EXERCISE_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".sourcelight")


class ReturnedFiles:
    """Ask for the files the trainees handed back."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[Path]:
        """The chosen files."""
        names, _ = QFileDialog.getOpenFileNames(
            parent, "Import returned exercises", "", EXERCISE_FILTER
        )
        return [Path(name) for name in names]


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


class TrainerActions(QObject):
    """New exercise, import of returned work, and the trainee's view of an exercise file."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.info = None  # the ExerciseInfo of the open library, when it is an exercise
        self.new_action = QAction("New &Exercise…", window)
        self.new_action.triggered.connect(self.new_exercise)
        self.import_action = QAction("Import &Returned Exercises…", window)
        self.import_action.triggered.connect(lambda: self.import_returned())
        self.checklist = Checklist(window)

    def new_exercise(self) -> None:
        """Pack chosen articles into an exercise file for trainees."""
        session = self.window.session
        if session.library is None:
            return
        current = session.current.id if session.current else None
        chosen = ExerciseDialog.ask(self.window, session.summaries(), current, session.annotator)
        if chosen is None:
            return
        article_ids, options = chosen
        path = ExerciseTarget.ask(self.window, options.title)
        if path is None:
            return
        try:
            info = create_exercise(session.library, article_ids, path, options)
        except (ExerciseError, LibraryError, OSError) as error:
            ErrorMessage.ask(self.window, "Exercise not made", str(error))
            return
        InfoMessage.ask(
            self.window,
            "Exercise ready",
            f"“{info.title}” with {len(info.articles)} article(s) is in {path}. Hand this file "
            "to each trainee; import what they send back with File ▸ Import Returned Exercises.",
        )

    def import_returned(self, paths: list[Path] | None = None) -> None:
        """Bring returned exercise files in, each as a layer named after its trainee."""
        session = self.window.session
        paths = ReturnedFiles.ask(self.window) if paths is None else paths
        lines = []
        for path in paths:
            try:
                report = import_returned(session.library, path)
            except (ExerciseError, LibraryError, OSError) as error:
                lines.append(f"{path.name}: not imported: {error}")
                continue
            if report.duplicate:
                lines.append(f"{path.name}: already imported ({report.layer}); nothing added")
            else:
                lines.append(f"{path.name}: {report.added} annotations as layer “{report.layer}”")
        if paths:
            session.annotations_changed.emit()
            InfoMessage.ask(self.window, "Returned exercises", "\n".join(lines))

    # -- the trainee's side ----------------------------------------------------------------

    def library_opened(self) -> None:
        """When the library is an exercise file: the trainee's name, instructions, checklist."""
        self.info = None
        self.checklist.flush()
        self.checklist.set_questions([], {}, lambda answers: None)
        library = self.window.session.library
        dock = self.window.checklist_dock
        dock.hide()
        if library is None or library.path is None:
            return
        if ExerciseStore(library).setting("exercise") is None:
            return
        try:
            self.info = exercise_info(library, library.path)
        except ExerciseError as error:
            self.window.pane.banner.say(str(error))
            return
        self._join(library)
        self._show_exercise(library)

    def _join(self, library) -> None:
        """Ask the trainee's name once; their annotations carry it."""
        session = self.window.session
        stored = ExerciseStore(library).setting("trainee")
        name = ""
        if stored:
            import json

            name = json.loads(stored).get("name", "")
        if not name and not library.read_only:
            name = (
                TraineeName.ask(self.window, self.info.title, session.annotator)
                or session.annotator
            )
            join_exercise(library, name)
        if name:
            session.annotator = name

    def _show_exercise(self, library) -> None:
        info, window = self.info, self.window
        window.pane.banner.say(f"Exercise: {info.title}. {info.instructions}".strip())
        hidden = set(window.layers.hidden)
        if info.hide_findings:
            hidden.add(FINDINGS)
        if info.key_layer:
            hidden.add(info.key_layer)  # the key stays hidden until the trainee shows it
        window.layers.set_hidden(hidden)
        if info.checklist:
            save = lambda answers: save_checklist_answers(library, answers)  # noqa: E731
            self.checklist.set_questions(info.checklist, checklist_answers(library), save)
            window.checklist_dock.show()
