"""Exercises: what an exercise file says, what the trainer chose, and the trainee's side of it.

An exercise file is a Sourcelight library (.sourcelight or .sqlite) holding the chosen articles,
the trainer's codebook, the findings the trainer lets trainees see, and an `exercise` settings
row (ExerciseInfo as JSON). It never holds the answer key: that stays, frozen, in the library
the exercise was made from (gui.core.trainer.packing), where returns are scored. A trainee
opens the file as a library and annotates under their own name; what they hand back is that
file, read as untrusted input by gui.core.trainer.returns.
"""

from __future__ import annotations

import getpass
import json
import uuid
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from gui.core.storage import Library, LibraryError
from gui.core.storage.commands_store import carry_out
from gui.core.storage.exercise_store import (
    ANSWERS_SETTING,
    EXERCISE_SETTING,
    TRAINEE_SETTING,
    ExerciseStore,
)
from gui.core.storage.settings_store import json_setting
from gui.core.trainer.commands import SetChecklistAnswers, SetTrainee

FORMAT = "sourcelight-exercise"  # the `format` of the exercise row
FORMAT_VERSION = 2  # 2: the file holds no answer key
MAX_ID_CHARS = 100
CHECKLISTS: dict[str, tuple[str, ...]] = {
    "SIFT": (
        "Stop: what do you know about this source, and what is your first reaction to it?",
        "Investigate the source: who is behind it, and what do they know and want?",
        "Find better coverage: what do other reliable sources say about the main claim?",
        "Trace claims, quotes and images to their original context: were they reported fairly?",
    ),
    "CRAAP": (
        "Currency: when was it published or updated, and is that recent enough here?",
        "Relevance: does it answer your question, and who is it written for?",
        "Authority: who wrote it, with what expertise, for which outlet?",
        "Accuracy: is it supported by evidence that you can check elsewhere?",
        "Purpose: does it inform, persuade, sell or entertain, and whose interest does it serve?",
    ),
}
_TEXT_FIELDS = ("exercise_id", "title", "instructions", "trainer", "created", "format")
_FLAG_FIELDS = ("hide_findings", "keep_entities")


class ExerciseError(LibraryError):
    """A file that cannot be used as (or returned from) an exercise; str() says why."""


@dataclass(frozen=True)
class ExerciseOptions:
    """What the trainer chose in File > New Exercise (or on the command line)."""

    title: str
    instructions: str = ""
    checklist: tuple[str, ...] = ()
    hide_findings: bool = False  # trainees see no entities or sourcing findings
    keep_entities: bool = False  # with hide_findings: the entities (only) stay
    key_layer: str = ""  # the layer kept as the answer key, in this library only; "" none
    trainer: str = ""  # "" = default_annotator()


@dataclass(frozen=True)
class ExerciseInfo:
    """The `exercise` settings row of an exercise file: everything in it is for trainees."""

    exercise_id: str  # uuid4
    title: str
    instructions: str
    checklist: tuple[str, ...]
    hide_findings: bool
    trainer: str
    created: str  # ISO 8601, UTC
    keep_entities: bool = False
    articles: tuple[str, ...] = ()  # content hashes of the exercise's articles
    format: str = FORMAT
    version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        """The settings row's JSON value."""
        data = asdict(self)
        for name in ("checklist", "articles"):
            data[name] = list(data[name])
        return data

    @classmethod
    def from_json(cls, data: Any) -> ExerciseInfo:
        """Read a settings row's value; ValueError when it is not one (or not of this shape)."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("the exercise setting is not Sourcelight's")
        values = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        for name in ("checklist", "articles"):
            values[name] = _texts(values.get(name, ()), name)
        for name in _TEXT_FIELDS:
            if not isinstance(values.get(name, ""), str):
                raise ValueError(f"its {name} is not text")
        for name in _FLAG_FIELDS:
            if not isinstance(values.get(name, False), bool):
                raise ValueError(f"its {name} is not yes or no")
        info = cls(**values)
        if not info.exercise_id or len(info.exercise_id) > MAX_ID_CHARS or not info.title:
            raise ValueError("the exercise setting lacks its id or title")
        return info


@dataclass(frozen=True)
class FindingsShown:
    """Which automatic findings a library's window may show (an exercise may hide them)."""

    entities: bool = True
    sourcing: bool = True


@dataclass(frozen=True)
class ReturnedReport:
    """What importing a returned file did."""

    trainee: str  # the name the trainee gave
    layer: str  # the layer their annotations went into ("Ana", or "Ana (2)" for a second Ana)
    added: int  # annotations added
    duplicate: bool  # the file had been imported before: nothing was added
    trainee_id: str = ""
    orphaned: int = 0  # added, but their text is not in the trainer's article
    skipped: int = 0  # left out: their article is not one of the exercise's (any more)
    reasons: tuple[str, ...] = ()  # why, one line per annotation or article left out


def default_annotator() -> str:
    """The name a layer gets unless the user sets one: the system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "me"


def findings_shown(library: Library) -> FindingsShown:
    """What the window may show of the automatic findings: all, unless an exercise hides them.

    An exercise whose row cannot be read shows none: it is safer to hide too much.
    """
    value = json_setting(library, EXERCISE_SETTING)
    if value is None:
        return FindingsShown()
    try:
        info = ExerciseInfo.from_json(value)
    except (TypeError, ValueError):
        return FindingsShown(False, False)
    return FindingsShown(not info.hide_findings or info.keep_entities, not info.hide_findings)


def join_exercise(library: Library, trainee: str) -> str:
    """Make the open exercise file the trainee's: store their name; returns their trainee_id.

    The id is made once per file and kept, so two trainees of the same name stay apart.
    """
    carry_out(library, trainee_command(library, trainee))
    return trainee_id_of(library)


def trainee_command(library: Library, trainee: str) -> SetTrainee:
    """The command that gives an exercise file the trainee's name (its id made once, kept)."""
    trainee_id = trainee_id_of(library) or str(uuid.uuid4())
    return SetTrainee({"trainee_id": trainee_id, "name": trainee})


def trainee_id_of(library: Library) -> str:
    """The trainee id stored in an exercise file ("" before a trainee joined)."""
    return _trainee_field(library, "trainee_id")


def trainee_name(library: Library) -> str:
    """The name of the trainee whose exercise file this is ("" before they joined)."""
    return _trainee_field(library, "name")


def _trainee_field(library: Library, name: str) -> str:
    """One field of the trainee row of an exercise file, as text ("" when there is none)."""
    current = json_or_none(ExerciseStore(library).setting(TRAINEE_SETTING))
    return str(current.get(name) or "") if isinstance(current, dict) else ""


def save_checklist_answers(library: Library, answers: dict[str, str]) -> None:
    """Store the trainee's checklist answers (question -> answer) in their exercise file."""
    carry_out(library, SetChecklistAnswers(dict(answers)))


def checklist_answers(library: Library) -> dict[str, str]:
    """The checklist answers stored in an exercise file (empty when there are none)."""
    value = json_or_none(ExerciseStore(library).setting(ANSWERS_SETTING))
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def exercise_info(library: Library, path: Path) -> ExerciseInfo:
    """The ExerciseInfo of an open exercise file; ExerciseError when it has none or a bad one."""
    raw = ExerciseStore(library).setting(EXERCISE_SETTING)
    if raw is None:
        raise ExerciseError(f"{path} is a Sourcelight library, but not an exercise.")
    return parse_info(raw, path)


def parse_info(raw: str, path: Path) -> ExerciseInfo:
    """The ExerciseInfo in the text of an exercise row; ExerciseError naming path if damaged."""
    try:
        return ExerciseInfo.from_json(json_or_none(raw, strict=True))
    except (TypeError, ValueError, RecursionError) as error:
        raise ExerciseError(f"{path} is a damaged exercise: {error}.") from error


def json_or_none(raw: str | None, strict: bool = False) -> Any:
    """The JSON value of raw; None for None, and for bad JSON unless strict."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        if strict:
            raise
        return None


def remove_file(path: Path) -> None:
    """Delete path and any journal beside it, if they exist."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)


def _texts(value: Any, name: str) -> tuple[str, ...]:
    """A list of texts as a tuple; ValueError for anything else."""
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"its {name} is not a list of texts")
    return tuple(value)
