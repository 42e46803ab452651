"""Exercises in storage: the trainer's records and frozen keys, and an exercise file's settings.

A trainer's library keeps the exercises made from it (`exercises`, `exercise_articles`), the
answer key of each, frozen when it was made (`exercise_key`), and the files handed back
(`exercise_returns`). An exercise file is an ordinary library with an `exercise` settings
row; a trainee's file may add `trainee` and `checklist_answers` rows. Building a file is in
gui.core.storage.exercise_file; reading a returned one, in gui.core.storage.returned_file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import astuple, fields
from typing import Any

from gui.core.storage.database import Library, LibraryError
from gui.core.trainer.commands import (
    ExerciseRecord,
    ForgetExercise,
    ForgetReturn,
    KeyAnnotation,
    RecordExercise,
    RecordReturn,
    ReturnRecord,
    SetChecklistAnswers,
    SetExerciseState,
    SetTrainee,
)

EXERCISE_SETTING = "exercise"
TRAINEE_SETTING = "trainee"  # {"trainee_id": uuid4, "name": ...}, written on the trainee's side
ANSWERS_SETTING = "checklist_answers"  # JSON, as the trainee's window wrote it
_RETURN_COLUMNS = (
    "id",
    "exercise_id",
    "trainee_id",
    "trainee",
    "layer",
    "file_hash",
    "annotations",
    "checklist_answers",
    "imported_at",
    "handed_in",
)
_INSERT_RETURN = "INSERT INTO exercise_returns ({}) VALUES ({})".format(
    ", ".join(_RETURN_COLUMNS), ", ".join("?" for _ in _RETURN_COLUMNS)
)
_SELECT_RETURNS = f"SELECT {', '.join(_RETURN_COLUMNS)} FROM exercise_returns"
_EXERCISE_COLUMNS = "exercise_id, title, created, path, info, key_layer, file_hash, state"
_KEY_COLUMNS = tuple(field.name for field in fields(KeyAnnotation))
_KEY_SQL = ", ".join(f'"{name}"' for name in _KEY_COLUMNS)
_INSERT_KEY = (
    f"INSERT INTO exercise_key (exercise_id, {_KEY_SQL})"
    f" VALUES (?, {', '.join('?' for _ in _KEY_COLUMNS)})"
)


class ExerciseStore:
    """Reads and writes the exercise records and settings of one library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def setting(self, key: str) -> str | None:
        """The raw JSON text of a settings row, or None when there is none."""
        with self._library.errors():
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def put_setting(self, key: str, value: Any) -> None:
        """Store value as JSON in the settings row key (one transaction, or the caller's)."""
        text = json.dumps(value, ensure_ascii=False)
        with self._library.transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, text])

    def record_exercise(self, command: RecordExercise) -> None:
        """Remember an exercise made from this library, its articles and its frozen key."""
        info, exercise_id = command.info, command.info["exercise_id"]
        with self._library.transaction() as db:
            db.execute(
                f"INSERT INTO exercises ({_EXERCISE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [exercise_id, info["title"], info["created"], command.path, json.dumps(info),
                 command.key_layer, command.file_hash, command.state],
            )  # fmt: skip
            db.conn.executemany(
                "INSERT INTO exercise_articles (exercise_id, article_id, content_hash)"
                " VALUES (?, ?, ?)",
                [(exercise_id, article_id, hash_) for article_id, hash_ in command.articles],
            )
            db.conn.executemany(_INSERT_KEY, [(exercise_id, *astuple(k)) for k in command.key])

    def exercise(self, exercise_id: str) -> ExerciseRecord | None:
        """An exercise made from this library, or None."""
        found = self._exercises(" WHERE exercise_id = ?", [exercise_id])
        return found[0] if found else None

    def exercises(self) -> list[ExerciseRecord]:
        """Every exercise made from this library, oldest first (those still writing too)."""
        return self._exercises(" ORDER BY created, rowid", [])

    def key(self, exercise_id: str) -> list[KeyAnnotation]:
        """The frozen answer key of an exercise, by article and position."""
        with self._library.errors():
            rows = self._db.execute(
                f"SELECT {_KEY_SQL} FROM exercise_key WHERE exercise_id = ?"
                ' ORDER BY article_id, start, "end", annotation_id',
                [exercise_id],
            ).fetchall()
        return [KeyAnnotation(*row) for row in rows]

    def source_article(self, exercise_id: str, content_hash: str) -> int | None:
        """The trainer's article an exercise article with this hash was copied from, or None."""
        with self._library.errors():
            row = self._db.execute(
                "SELECT article_id FROM exercise_articles WHERE exercise_id = ?"
                " AND content_hash = ? AND article_id IN (SELECT id FROM articles)",
                [exercise_id, content_hash],
            ).fetchone()
        return None if row is None else int(row[0])

    def find_return(self, exercise_id: str, file_hash: str) -> ReturnRecord | None:
        """The record of a returned file already imported, or None."""
        found = self._returns(" WHERE exercise_id = ? AND file_hash = ?", [exercise_id, file_hash])
        return found[0] if found else None

    def return_record(self, return_id: int) -> ReturnRecord | None:
        """One returned file's record by id, or None."""
        found = self._returns(" WHERE id = ?", [return_id])
        return found[0] if found else None

    def returns(self, exercise_id: str | None = None) -> list[ReturnRecord]:
        """The returned files imported (for one exercise, or all), in the order they came."""
        if exercise_id is None:
            return self._returns(" ORDER BY id", [])
        return self._returns(" WHERE exercise_id = ? ORDER BY id", [exercise_id])

    def record_return(self, record: ReturnRecord) -> int:
        """Remember a returned file (inside the caller's transaction, or its own); its id."""
        values = [getattr(record, name) for name in _RETURN_COLUMNS]
        values[0] = record.id or None
        values[_RETURN_COLUMNS.index("checklist_answers")] = json.dumps(
            record.checklist_answers, ensure_ascii=False
        )
        with self._library.transaction() as db:
            return int(db.execute(_INSERT_RETURN, values).lastrowid or 0)

    def layer_names(self) -> set[str]:
        """Every annotator name in the library, and every layer given to a returned file."""
        with self._library.errors():
            rows = self._db.execute(
                "SELECT annotator FROM annotations UNION SELECT layer FROM exercise_returns"
            ).fetchall()
        return {row[0] for row in rows}

    def _exercises(self, where: str, params: list[Any]) -> list[ExerciseRecord]:
        """ExerciseRecords of the rows selected by where, with their articles."""
        with self._library.errors():
            rows = self._db.execute(f"SELECT {_EXERCISE_COLUMNS} FROM exercises" + where, params)
            return [self._record(row) for row in rows.fetchall()]

    def _record(self, row: Sequence[Any]) -> ExerciseRecord:
        """An ExerciseRecord from an exercises row."""
        articles = self._db.execute(
            "SELECT article_id, content_hash FROM exercise_articles WHERE exercise_id = ?"
            " ORDER BY article_id",
            [row[0]],
        ).fetchall()
        exercise_id, title, created, path, info, key_layer, file_hash, state = row
        pairs = tuple((int(a), str(h)) for a, h in articles)
        return ExerciseRecord(
            exercise_id, title, created, path, json.loads(info), pairs, key_layer, file_hash, state
        )

    def _returns(self, where: str, params: list[Any]) -> list[ReturnRecord]:
        """ReturnRecords of the rows selected by where."""
        with self._library.errors():
            rows = self._db.execute(_SELECT_RETURNS + where, params).fetchall()
        return [_return_record(row) for row in rows]


def _return_record(row: Sequence[Any]) -> ReturnRecord:
    """A ReturnRecord from a row in _RETURN_COLUMNS order."""
    values = dict(zip(_RETURN_COLUMNS, row, strict=True))
    values["checklist_answers"] = json.loads(values["checklist_answers"])
    return ReturnRecord(**values)


# Commands (carried out by gui.core.storage.commands_store inside its transaction)


def _record_exercise(library: Library, command: RecordExercise) -> ForgetExercise:
    """Remember an exercise; the inverse forgets it."""
    ExerciseStore(library).record_exercise(command)
    return ForgetExercise(command.info["exercise_id"])


def _forget_exercise(library: Library, command: ForgetExercise) -> RecordExercise:
    """Forget an exercise with its articles and key; the inverse remembers it again."""
    store = ExerciseStore(library)
    record = store.exercise(command.exercise_id)
    if record is None:
        raise LibraryError("That exercise is no longer in the library.")
    key = tuple(store.key(command.exercise_id))
    library.db.execute("DELETE FROM exercises WHERE exercise_id = ?", [command.exercise_id])
    return RecordExercise(
        record.info, record.path, record.articles, record.key_layer, key, record.file_hash,
        record.state,
    )  # fmt: skip


def _set_state(library: Library, command: SetExerciseState) -> SetExerciseState:
    """Say how far an exercise's file got; the inverse says what it said before."""
    record = ExerciseStore(library).exercise(command.exercise_id)
    if record is None:
        raise LibraryError("That exercise is no longer in the library.")
    library.db.execute(
        "UPDATE exercises SET state = ? WHERE exercise_id = ?", [command.state, record.exercise_id]
    )
    return SetExerciseState(record.exercise_id, record.state)


def _record_return(library: Library, command: RecordReturn) -> ForgetReturn:
    """Remember a returned file; the inverse forgets it."""
    return ForgetReturn(ExerciseStore(library).record_return(command.record))


def _forget_return(library: Library, command: ForgetReturn) -> RecordReturn:
    """Forget a returned file; the inverse remembers it again, with its id."""
    record = ExerciseStore(library).return_record(command.return_id)
    if record is None:
        raise LibraryError("That returned exercise is no longer in the library.")
    library.db.execute("DELETE FROM exercise_returns WHERE id = ?", [record.id])
    return RecordReturn(record)


def _set_setting(library: Library, key: str, value: Any) -> Any:
    """Store value as JSON in the settings row key (None deletes it); the old value."""
    store = ExerciseStore(library)
    old = store.setting(key)
    if value is None:
        library.db.execute("DELETE FROM settings WHERE key = ?", [key])
    else:
        store.put_setting(key, value)
    return None if old is None else json.loads(old)


def _set_trainee(library: Library, command: SetTrainee) -> SetTrainee:
    """Store the trainee row of an exercise file; the inverse puts the old one back."""
    return SetTrainee(_set_setting(library, TRAINEE_SETTING, command.value))


def _set_answers(library: Library, command: SetChecklistAnswers) -> SetChecklistAnswers:
    """Store the trainee's checklist answers; the inverse puts the old ones back."""
    return SetChecklistAnswers(_set_setting(library, ANSWERS_SETTING, command.answers))


HANDLERS: dict[type, Callable[[Library, Any], Any]] = {
    RecordExercise: _record_exercise,
    ForgetExercise: _forget_exercise,
    SetExerciseState: _set_state,
    RecordReturn: _record_return,
    ForgetReturn: _forget_return,
    SetTrainee: _set_trainee,
    SetChecklistAnswers: _set_answers,
}
