"""Every change trainer mode makes to a library, as a command: exercises, returns, answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gui.core.changes import Change


@dataclass(frozen=True)
class KeyAnnotation:
    """One annotation of an exercise's answer key, as frozen in the trainer's library."""

    annotation_id: int  # the trainer's annotation it was frozen from
    article_id: int
    label_id: int
    label: str  # the label's name when the exercise was made
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""


@dataclass(frozen=True)
class RecordExercise:
    """Remember an exercise made from this library: its info, articles and frozen answer key.

    state "writing": the file is not in place yet (gui.core.trainer.packing puts it there and
    then marks the record "written"); a record still "writing" counts only once a file with
    file_hash lies at path.
    """

    touches = Change.EXERCISES

    info: dict[str, Any]  # ExerciseInfo.to_json(): what the file says
    path: str
    articles: tuple[tuple[int, str], ...]  # (the trainer's article id, its content hash)
    key_layer: str = ""  # the layer frozen as the key ("" for none)
    key: tuple[KeyAnnotation, ...] = ()
    file_hash: str = ""  # SHA-256 of the file as packed
    state: str = "written"

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"New exercise '{self.info.get('title', '')}'"


@dataclass(frozen=True)
class ForgetExercise:
    """Forget an exercise made from this library, with its key (its file stays where it is)."""

    touches = Change.EXERCISES

    exercise_id: str
    description = "Forget exercise"


@dataclass(frozen=True)
class SetExerciseState:
    """Say how far an exercise's file got: "writing" or "written" (in place)."""

    touches = Change.EXERCISES

    exercise_id: str
    state: str
    description = "Exercise written"


@dataclass(frozen=True)
class ExerciseRecord:
    """An exercise as the trainer's library remembers it."""

    exercise_id: str
    title: str
    created: str
    path: str
    info: dict[str, Any]  # what the file says (ExerciseInfo.to_json())
    articles: tuple[tuple[int, str], ...]  # (the trainer's article id, its content hash then)
    key_layer: str = ""
    file_hash: str = ""
    state: str = "written"


@dataclass(frozen=True)
class ReturnRecord:
    """A returned file as the trainer's library remembers it."""

    exercise_id: str
    trainee_id: str
    trainee: str
    layer: str
    file_hash: str
    annotations: int
    checklist_answers: Any  # JSON value, None when the file had none
    imported_at: str
    handed_in: str = ""  # when the trainee last saved the file (ISO 8601, UTC), "" unknown
    id: int = 0  # 0 until the library has it


@dataclass(frozen=True)
class RecordReturn:
    """Remember a returned file (id 0: the library assigns one; else that id)."""

    touches = Change.EXERCISES

    record: ReturnRecord
    description = "Record returned exercise"


@dataclass(frozen=True)
class ForgetReturn:
    """Forget a returned file: it may be imported again."""

    touches = Change.EXERCISES

    return_id: int
    description = "Forget returned exercise"


@dataclass(frozen=True)
class SetTrainee:
    """Make an exercise file a trainee's: their id (kept once made) and name."""

    touches = Change.EXERCISES

    value: dict[str, str] | None  # {"trainee_id", "name"}; None removes it
    description = "Set trainee"


@dataclass(frozen=True)
class SetChecklistAnswers:
    """Store a trainee's checklist answers (question -> answer) in their exercise file."""

    touches = Change.EXERCISES

    answers: dict[str, str] | None  # None removes them
    description = "Answer checklist"
