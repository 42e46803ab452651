"""Exercises: pack articles into a file for trainees, read such a file, bring their work back.

An exercise file is a Sourcelight library (.sourcelight or .sqlite) holding the chosen articles,
the trainer's codebook, the findings (unless hidden), the answer key (if included: the
trainer's annotations, annotator = trainer) and an `exercise` settings row (ExerciseInfo as
JSON). A trainee opens it as a library and annotates under their own name; what they hand back
is that file. import_returned brings their annotations into the trainer's copies of the articles
as a layer named after them, in one transaction, never touching what is there already.
"""

from __future__ import annotations

import getpass
import json
import shutil
import sqlite3
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from gui.core.storage import Library, LibraryError, open_library
from gui.core.storage.commands_store import carry_out
from gui.core.storage.database import LibraryTooNew
from gui.core.storage.exercise_store import (
    ANSWERS_SETTING,
    EXERCISE_SETTING,
    TRAINEE_SETTING,
    ExerciseStore,
)
from gui.core.trainer.commands import SetChecklistAnswers, SetTrainee

FORMAT = "sourcelight-exercise"  # the `format` of the exercise row
FORMAT_VERSION = 1
SQLITE_HEADER = b"SQLite format 3\x00"
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


class ExerciseError(LibraryError):
    """A file that cannot be used as (or returned from) an exercise; str() says why."""


@dataclass(frozen=True)
class ExerciseOptions:
    """What the trainer chose in File > New exercise."""

    title: str
    instructions: str = ""
    checklist: tuple[str, ...] = ()
    hide_findings: bool = False  # trainees see no entities or sourcing findings
    include_key: bool = False  # the trainer's layer goes in as the answer key
    trainer: str = ""  # "" = default_annotator()
    key_layer: str = ""  # the layer that is the key; "" = the trainer's


@dataclass(frozen=True)
class ExerciseInfo:
    """The `exercise` settings row of an exercise file."""

    exercise_id: str  # uuid4
    title: str
    instructions: str
    checklist: tuple[str, ...]
    hide_findings: bool
    key_included: bool
    trainer: str
    created: str  # ISO 8601, UTC
    key_layer: str = ""
    key_annotation_ids: tuple[int, ...] = ()  # the annotations in the file that are the key
    articles: tuple[str, ...] = ()  # content hashes of the exercise's articles
    format: str = FORMAT
    version: int = FORMAT_VERSION

    def to_json(self) -> dict[str, Any]:
        """The settings row's JSON value."""
        data = asdict(self)
        for name in ("checklist", "key_annotation_ids", "articles"):
            data[name] = list(data[name])
        return data

    @classmethod
    def from_json(cls, data: Any) -> ExerciseInfo:
        """Read a settings row's value; ValueError (or TypeError) when it is not one."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("the exercise setting is not Sourcelight's")
        values = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        for name in ("checklist", "key_annotation_ids", "articles"):
            values[name] = tuple(values.get(name, ()))
        info = cls(**values)
        if not info.exercise_id or not isinstance(info.title, str):
            raise ValueError("the exercise setting lacks its id or title")
        return info


@dataclass(frozen=True)
class ReturnedReport:
    """What importing a returned file did."""

    trainee: str  # the name the trainee gave
    layer: str  # the layer their annotations went into ("Ana", or "Ana (2)" for a second Ana)
    added: int  # annotations added
    duplicate: bool  # the file had been imported before: nothing was added
    trainee_id: str = ""
    orphaned: int = 0  # added, but their text is no longer in the trainer's article
    skipped: int = 0  # left out: their article is not in the trainer's library any more


def default_annotator() -> str:
    """The name a layer gets unless the user sets one: the system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        return "me"


def read_exercise(path: Path) -> ExerciseInfo:
    """The exercise a file holds; ExerciseError when it is not one, or damaged."""
    with opened_exercise(path) as exercise:
        return exercise_info(exercise, Path(path))


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


@contextmanager
def opened_exercise(path: Path) -> Iterator[Library]:
    """A private copy of the file, opened, once it is known to be a sound Sourcelight library.

    The file itself is only read: nothing is written to it or beside it (no -wal, no -shm),
    and a library of an older schema is brought up to date in the copy alone.
    """
    path = Path(path)
    _check_header(path)
    with tempfile.TemporaryDirectory(prefix="sourcelight-exercise-") as folder:
        copy = Path(folder) / "exercise.sqlite"
        _copy_file(path, copy)
        library = _open_copy(copy, path)
        try:
            _check_integrity(library, path)
            yield library
        finally:
            library.close()


def exercise_info(library: Library, path: Path) -> ExerciseInfo:
    """The ExerciseInfo of an opened file; ExerciseError when it has none or a damaged one."""
    raw = ExerciseStore(library).setting(EXERCISE_SETTING)
    if raw is None:
        raise ExerciseError(f"{path} is a Sourcelight library, but not an exercise.")
    try:
        return ExerciseInfo.from_json(json_or_none(raw, strict=True))
    except (TypeError, ValueError) as error:
        raise ExerciseError(f"{path} is a damaged exercise: {error}.") from error


def _check_header(path: Path) -> None:
    """ExerciseError unless path is a readable file that starts like an SQLite database."""
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ExerciseError(f"Could not read {path}: {error.strerror or error}.") from error
    if header != SQLITE_HEADER:
        raise ExerciseError(f"{path} is not a Sourcelight file (not a library or an exercise).")


def _copy_file(path: Path, copy: Path) -> None:
    """Copy the file, and its write-ahead log if one lies beside it, to copy."""
    try:
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.is_file():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    except OSError as error:
        raise ExerciseError(f"Could not read {path}: {error.strerror or error}.") from error


def _open_copy(copy: Path, path: Path) -> Library:
    """Open the copy of the file at path; ExerciseError saying what is wrong with it."""
    try:
        with closing(sqlite3.connect(copy)) as connection:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
        library = open_library(copy) if version else None
    except LibraryTooNew as error:
        raise ExerciseError(str(error).replace(str(copy), str(path))) from error
    except (LibraryError, sqlite3.DatabaseError) as error:
        raise ExerciseError(f"{path} is damaged or is not a Sourcelight file.") from error
    if library is None:
        raise ExerciseError(f"{path} is an SQLite database, but not a Sourcelight file.")
    return library


def _check_integrity(library: Library, path: Path) -> None:
    """ExerciseError when SQLite finds the file damaged."""
    try:
        result = library.db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise ExerciseError(f"{path} is damaged ({error}); nothing was read from it.") from error
    if result != "ok":
        raise ExerciseError(f"{path} is damaged ({result}); nothing was read from it.")


def json_or_none(raw: str | None, strict: bool = False) -> Any:
    """The JSON value of raw; None for None, and for bad JSON unless strict."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        if strict:
            raise
        return None


def remove_file(path: Path) -> None:
    """Delete path and any journal beside it, if they exist."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
