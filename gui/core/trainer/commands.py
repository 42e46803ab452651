"""Every change trainer mode makes to a library, as a command: exercises, returns, answers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gui.core.changes import Change


@dataclass(frozen=True)
class RecordExercise:
    """Remember an exercise made from this library: its info and (article id, hash) pairs.

    With a draft, the finished file is also moved from draft to path, inside the transaction
    that records it, so that a failure leaves neither.
    """

    touches = Change.EXERCISES

    info: dict[str, Any]  # ExerciseInfo.to_json()
    path: str
    articles: tuple[tuple[int, str], ...]
    draft: str = ""

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"New exercise '{self.info.get('title', '')}'"


@dataclass(frozen=True)
class ForgetExercise:
    """Forget an exercise made from this library (its file stays where it is)."""

    touches = Change.EXERCISES

    exercise_id: str
    description = "Forget exercise"


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
