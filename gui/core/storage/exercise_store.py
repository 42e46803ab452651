"""Exercises in storage: the trainer's records, an exercise file's settings, and filling a new file.

A trainer's library keeps the exercises made from it (`exercises`, `exercise_articles`) and the
files handed back (`exercise_returns`). An exercise file is an ordinary library with an
`exercise` settings row; a trainee's file may add `trainee` and `checklist_answers` rows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from typing import Any

from sqlite_utils import Database

from gui.core.storage.database import Library, LibraryError
from gui.core.trainer.commands import (
    ForgetExercise,
    ForgetReturn,
    RecordExercise,
    RecordReturn,
    ReturnRecord,
    SetChecklistAnswers,
    SetTrainee,
)

EXERCISE_SETTING = "exercise"
TRAINEE_SETTING = "trainee"  # {"trainee_id": uuid4, "name": ...}, written on the trainee's side
ANSWERS_SETTING = "checklist_answers"  # JSON, as the trainee's window wrote it
_FINDINGS_TABLES = ("entities", "analyses", "sourcing_cache", "sourcing_corrections")
_KEY_TABLES = ("claim_assessments", "claim_relations")  # the trainer's verdicts go with the key
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
)
_INSERT_RETURN = "INSERT INTO exercise_returns ({}) VALUES ({})".format(
    ", ".join(_RETURN_COLUMNS), ", ".join("?" for _ in _RETURN_COLUMNS)
)
_SELECT_RETURNS = f"SELECT {', '.join(_RETURN_COLUMNS)} FROM exercise_returns"


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

    def record_exercise(
        self, info: dict[str, Any], path: str, articles: Sequence[tuple[int, str]]
    ) -> None:
        """Remember an exercise made from this library: its info and (article id, hash) pairs."""
        with self._library.transaction() as db:
            db.execute(
                "INSERT INTO exercises (exercise_id, title, created, path, info)"
                " VALUES (?, ?, ?, ?, ?)",
                [info["exercise_id"], info["title"], info["created"], path, json.dumps(info)],
            )
            db.conn.executemany(
                "INSERT INTO exercise_articles (exercise_id, article_id, content_hash)"
                " VALUES (?, ?, ?)",
                [(info["exercise_id"], article_id, hash_) for article_id, hash_ in articles],
            )

    def exercise(self, exercise_id: str) -> dict[str, Any] | None:
        """The info of an exercise made from this library, or None."""
        with self._library.errors():
            row = self._db.execute(
                "SELECT info FROM exercises WHERE exercise_id = ?", [exercise_id]
            ).fetchone()
        return None if row is None else json.loads(row[0])

    def exercises(self) -> list[dict[str, Any]]:
        """The info of every exercise made from this library, oldest first."""
        with self._library.errors():
            rows = self._db.execute("SELECT info FROM exercises ORDER BY created, rowid")
            return [json.loads(row[0]) for row in rows.fetchall()]

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

    def _returns(self, where: str, params: list[Any]) -> list[ReturnRecord]:
        """ReturnRecords of the rows selected by where."""
        with self._library.errors():
            rows = self._db.execute(_SELECT_RETURNS + where, params).fetchall()
        return [_return_record(row) for row in rows]


def fill_exercise(
    source: Library,
    target: Library,
    article_ids: Sequence[int],
    findings: bool,
    key_layer: str | None,
) -> list[int]:
    """Copy articles, codebook (and findings, and key_layer's annotations) into a new library.

    target must be freshly created; ids stay as they are in source. Returns the ids of the
    annotations copied (the answer key). Runs inside one transaction of target.
    """
    src, dst = source.db, target.db
    articles = _in_list("article_id", article_ids)
    with source.errors(), target.transaction():
        dst.execute("DELETE FROM labels")  # the default codebook, replaced by the trainer's
        _copy(src, dst, "labels")
        _copy(src, dst, "articles", *_in_list("id", article_ids))
        _copy(src, dst, "settings", "WHERE key = 'outlets'", [])
        if findings:
            _copy(src, dst, "corrections")
            for table in _FINDINGS_TABLES:
                _copy(src, dst, table, *articles)
        if key_layer is not None:
            where, params = articles
            _copy(src, dst, "annotations", where + " AND annotator = ?", [*params, key_layer])
            for table in _KEY_TABLES:
                _copy(src, dst, table, *articles)
        return [row[0] for row in dst.execute("SELECT id FROM annotations ORDER BY id")]


def _in_list(column: str, ids: Sequence[int]) -> tuple[str, list[Any]]:
    """A WHERE clause choosing rows whose column is one of ids, and its parameters."""
    marks = ", ".join("?" for _ in ids)
    return f'WHERE "{column}" IN ({marks})', list(ids)


def _copy(source: Database, target: Database, table: str, where: str = "", params=()) -> None:
    """Copy the rows of table chosen by where, every column as it is, when both have it."""
    if not (source[table].exists() and target[table].exists()):
        return
    cursor = source.execute(f'SELECT * FROM "{table}" {where}', list(params))
    columns = [column[0] for column in cursor.description]
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" for _ in columns)
    target.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', cursor)


def _return_record(row: Sequence[Any]) -> ReturnRecord:
    """A ReturnRecord from a row in _RETURN_COLUMNS order."""
    values = dict(zip(_RETURN_COLUMNS, row, strict=True))
    values["checklist_answers"] = json.loads(values["checklist_answers"])
    return ReturnRecord(**values)


# Commands (carried out by gui.core.storage.commands_store inside its transaction)


def _record_exercise(library: Library, command: RecordExercise) -> ForgetExercise:
    """Remember an exercise (moving its file into place); the inverse forgets it."""
    store = ExerciseStore(library)
    store.record_exercise(command.info, command.path, command.articles)
    if command.draft:
        try:
            os.replace(command.draft, command.path)
        except OSError as error:
            raise LibraryError(
                f"Could not write the exercise to {command.path}: {error}."
            ) from error
    return ForgetExercise(command.info["exercise_id"])


def _forget_exercise(library: Library, command: ForgetExercise) -> RecordExercise:
    """Forget an exercise with its articles; the inverse remembers it again."""
    db = library.db
    row = db.execute(
        "SELECT path, info FROM exercises WHERE exercise_id = ?", [command.exercise_id]
    ).fetchone()
    if row is None:
        raise LibraryError("That exercise is no longer in the library.")
    articles = db.execute(
        "SELECT article_id, content_hash FROM exercise_articles WHERE exercise_id = ?"
        " ORDER BY article_id",
        [command.exercise_id],
    ).fetchall()
    db.execute("DELETE FROM exercises WHERE exercise_id = ?", [command.exercise_id])
    return RecordExercise(json.loads(row[1]), row[0], tuple(map(tuple, articles)))


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
    RecordReturn: _record_return,
    ForgetReturn: _forget_return,
    SetTrainee: _set_trainee,
    SetChecklistAnswers: _set_answers,
}
