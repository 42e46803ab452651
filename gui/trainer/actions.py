"""Trainer mode in the window: make an exercise, bring trainees' work back, and the trainee's side.

A trainee opens the exercise file as a library: the window asks their name once, shows the
instructions and a checklist to answer, and shows nothing of the findings the trainer hid
(the session does not even look for them; the window drops their panels and lenses).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from gui.article_view.layers import FINDINGS, Layers
from gui.article_view.pane import Banner
from gui.core.storage.annotations_store import AnnotationStore
from gui.core.storage.database import LibraryError
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.commands import SetChecklistAnswers
from gui.core.trainer.exercises import (
    ExerciseError,
    checklist_answers,
    exercise_info,
    trainee_command,
    trainee_name,
)
from gui.core.trainer.packing import exercises_made, pack_exercise, put_in_place
from gui.session.session import Session
from gui.trainer.checklist import Checklist
from gui.trainer.collecting import ReturnsImport
from gui.trainer.exercise_dialog import (
    AnswerSheetTarget,
    ExerciseChoice,
    ExerciseDialog,
    TraineeName,
)
from gui.trainer.returns_dialog import ReturnsView
from gui.widgets.messages import ErrorMessage, InfoMessage

EXERCISE_FILTER = "Sourcelight exercises (*.sourcelight);;All files (*)"
NOT_MADE = "Exercise not made"
SHEET = "Answer sheet"
READ_ONLY = "This library is read-only: returned work cannot be imported into it."


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


class TrainerActions(QObject):
    """New exercise, import of returned work, and the trainee's view of an exercise file."""

    exercise_opened = Signal(bool)  # the library is an exercise file with a checklist (or not)
    findings_allowed = Signal(object)  # FindingsShown: what the open library lets the window show

    def __init__(self, session: Session, banner: Banner, layers: Layers, parent: QWidget) -> None:
        super().__init__(parent)
        self.session, self.banner, self.layers, self.parent_widget = session, banner, layers, parent
        self.info = None  # the ExerciseInfo of the open library, when it is an exercise
        self._hid_findings = False  # True while the findings are hidden because it said so
        self._own_name: str | None = None  # the user's name while an exercise lends its own
        self.new_action = QAction("New &Exercise…", self)
        self.new_action.triggered.connect(self.new_exercise)
        self.import_action = QAction("Import &Returned Exercises…", self)
        self.import_action.triggered.connect(lambda: self.import_returned())
        self.returns_action = QAction("Returned &Work…", self)
        self.returns_action.setStatusTip("Each exercise's returns: answers and scores per label")
        self.returns_action.triggered.connect(self.show_returns)
        self.answer_sheet_action = QAction("Export &Answer Sheet…", self)
        self.answer_sheet_action.setStatusTip("An exercise's answer key, as a page for trainees")
        self.answer_sheet_action.triggered.connect(self.export_answer_sheet)
        self.collecting = ReturnsImport(session, parent)
        self.checklist = Checklist(parent)

    def new_exercise(self) -> None:
        """Pack chosen articles into an exercise file for trainees; the key stays here."""
        session = self.session
        if session.library is None:
            return
        current = session.current.id if session.current else None
        layers = AnnotationStore(session.library).annotators()
        chosen = ExerciseDialog.ask(
            self.parent_widget, session.summaries(), current, session.annotator, layers
        )
        if chosen is None:
            return
        article_ids, options = chosen
        path = ExerciseTarget.ask(self.parent_widget, options.title)
        if path is None:
            return
        try:
            packed = pack_exercise(session.library, article_ids, path, options)
            # Not an undo step: the file is out in the world, and its returns need the record.
            done = put_in_place(packed, lambda c: session.execute(c, NOT_MADE, undoable=False))
        except (ExerciseError, LibraryError, OSError) as error:
            ErrorMessage.ask(self.parent_widget, NOT_MADE, str(error))
            return
        if done:
            InfoMessage.ask(self.parent_widget, "Exercise ready", _ready(packed, path))

    def import_returned(self, paths: list[Path] | None = None) -> None:
        """Bring returned exercise files in, each as a layer named after its trainee."""
        if self.session.read_only:
            ErrorMessage.ask(self.parent_widget, "Read-only library", READ_ONLY)
            return
        paths = ReturnedFiles.ask(self.parent_widget) if paths is None else paths
        self.collecting.start(paths)

    def show_returns(self) -> None:
        """The returned work of each exercise made from this library."""
        if self.session.library is not None:
            ReturnsView.ask(self.parent_widget, self.session.library)

    def export_answer_sheet(self) -> None:
        """Write the answer key of an exercise as a web page, to show trainees afterwards."""
        library = self.session.library
        made = [e for e in exercises_made(library) if ExerciseStore(library).key(e.exercise_id)]
        if not made:
            InfoMessage.ask(self.parent_widget, SHEET, "No exercise made here has an answer key.")
            return
        chosen = ExerciseChoice.ask(self.parent_widget, made)
        path = chosen and AnswerSheetTarget.ask(self.parent_widget, chosen.title)
        if not path:
            return
        from gui.core.reports.answer_sheet import answer_sheet_html  # loaded on first use

        try:
            path.write_text(answer_sheet_html(library, chosen.exercise_id), encoding="utf-8")
        except OSError as error:
            ErrorMessage.ask(self.parent_widget, SHEET, f"Could not write {path}: {error}.")

    # -- the trainee's side ----------------------------------------------------------------

    def library_opened(self) -> None:
        """When the library is an exercise file: the trainee's name, instructions, checklist."""
        self.info = None
        if self._hid_findings:  # the last library was an exercise that hid them: not this one
            self._hid_findings = False
            self.layers.set_hidden(self.layers.hidden - {FINDINGS})
        if self._own_name is not None:  # and its trainee's name stays with it
            self.session.annotator, self._own_name = self._own_name, None
        self.checklist.flush()
        self.checklist.set_questions([], {}, lambda answers: None)
        self.exercise_opened.emit(False)
        self.findings_allowed.emit(self.session.findings_shown)
        library = self.session.library
        if library is None or library.path is None:
            return
        if ExerciseStore(library).setting("exercise") is None:
            return
        try:
            self.info = exercise_info(library, library.path)
        except ExerciseError as error:
            self.banner.say(str(error))
            return
        self._join(library)
        self._show_exercise(library)

    def _join(self, library) -> None:
        """Ask the trainee's name once; their annotations carry it."""
        session = self.session
        name = trainee_name(library)
        if not name and not library.read_only:
            name = (
                TraineeName.ask(self.parent_widget, self.info.title, session.annotator)
                or session.annotator
            )
            session.execute(trainee_command(library, name), undoable=False)
        if name:
            self._own_name = session.annotator
            session.annotator = name

    def _show_exercise(self, library) -> None:
        info = self.info
        stop = "" if info.title[-1:] in ".?!" else "."
        self.banner.say(f"Exercise: {info.title}{stop} {info.instructions}".strip())
        if info.hide_findings and not info.keep_entities and FINDINGS not in self.layers.hidden:
            self._hid_findings = True
            self.layers.set_hidden(self.layers.hidden | {FINDINGS})
        if info.checklist:
            answers = checklist_answers(library)
            self.checklist.set_questions(info.checklist, answers, self._save, library.read_only)
            self.exercise_opened.emit(True)

    def _save(self, answers: dict[str, str]) -> None:
        """Keep the answers as typed (the fields have their own undo)."""
        self.session.execute(SetChecklistAnswers(dict(answers)), undoable=False)


def _ready(packed, path: Path) -> str:
    """What the trainer is told once the exercise file is in place."""
    key = (
        f" The answer key ({len(packed.key)} annotations of “{packed.key_layer}”) stays in"
        " this library; the file holds nothing of it."
        if packed.key
        else ""
    )
    return (
        f"“{packed.info.title}” with {len(packed.articles)} article(s) is in {path}.{key} Hand "
        "this file to each trainee; import what they send back with File ▸ Import Returned "
        "Exercises, and see it with File ▸ Returned Work."
    )
