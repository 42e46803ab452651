"""Packing an exercise: the chosen articles, the codebook and (unless hidden) the findings,
written as a fresh library file for trainees, and recorded in the trainer's library.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from gui.core.storage import ArticleStore, Library, open_library
from gui.core.storage.commands_store import carry_out
from gui.core.storage.database import utc_now
from gui.core.storage.exercise_store import EXERCISE_SETTING, ExerciseStore, fill_exercise
from gui.core.trainer.commands import RecordExercise
from gui.core.trainer.exercises import (
    ExerciseError,
    ExerciseInfo,
    ExerciseOptions,
    default_annotator,
    remove_file,
)


@dataclass(frozen=True)
class PackedExercise:
    """An exercise file written as a draft beside its path, waiting to be recorded."""

    info: ExerciseInfo
    path: Path
    draft: Path
    articles: tuple[tuple[int, str], ...]

    def record(self) -> RecordExercise:
        """The command that records the exercise and moves the draft into place."""
        return RecordExercise(self.info.to_json(), str(self.path), self.articles, str(self.draft))

    def discard(self) -> None:
        """Delete the draft (after the recording failed, or to give up)."""
        remove_file(self.draft)


def pack_exercise(
    library: Library, article_ids: Sequence[int], path: Path, options: ExerciseOptions
) -> PackedExercise:
    """Write an exercise file from articles of library as a draft beside path.

    The library is only read. ExerciseError for no or unknown articles, or for path being the
    library; carrying out PackedExercise.record() then records it and puts it in place.
    """
    articles = _chosen_articles(library, article_ids)
    path = Path(path).expanduser().absolute()
    _refuse_target(library, path)
    trainer = options.trainer or default_annotator()
    key_layer = options.key_layer or trainer
    draft = path.with_name(path.name + ".part")
    try:
        key_ids = _write_file(library, draft, articles, options, key_layer)
        info = _info(options, trainer, key_layer, key_ids, [a[1] for a in articles])
        _stamp(draft, info)
    except OSError as error:
        remove_file(draft)
        raise ExerciseError(f"Could not write the exercise to {path}: {error}.") from error
    except BaseException:
        remove_file(draft)
        raise
    return PackedExercise(info, path, draft, tuple(articles))


def create_exercise(
    library: Library, article_ids: Sequence[int], path: Path, options: ExerciseOptions
) -> ExerciseInfo:
    """Write an exercise file at path from articles of library, and record it in library.

    The articles, annotations and codebook of library are left as they are; the file appears
    whole or not at all. ExerciseError for no or unknown articles, or for path being library.
    """
    packed = pack_exercise(library, article_ids, path, options)
    try:
        carry_out(library, packed.record())
    finally:
        packed.discard()
    return packed.info


def _chosen_articles(library: Library, article_ids: Sequence[int]) -> list[tuple[int, str]]:
    """(id, content hash) of each chosen article, in the order given, once each."""
    if not article_ids:
        raise ExerciseError("An exercise needs at least one article.")
    store, chosen = ArticleStore(library), []
    for article_id in dict.fromkeys(article_ids):
        try:
            chosen.append((article_id, store.get(article_id).content_hash))
        except KeyError:
            raise ExerciseError(f"There is no article {article_id} in {library.name}.") from None
    return chosen


def _refuse_target(library: Library, path: Path) -> None:
    """Refuse to write the exercise over the library itself or into a folder."""
    if path.is_dir():
        raise ExerciseError(f"Could not write the exercise to {path}: it is a folder.")
    if library.path is not None and path.exists() and path.samefile(library.path):
        raise ExerciseError(f"{path} is the open library; choose another file for the exercise.")
    if library.read_only:
        raise ExerciseError(f"{library.name} is read-only: it could not record the exercise.")


def _write_file(
    library: Library,
    draft: Path,
    articles: list[tuple[int, str]],
    options: ExerciseOptions,
    key_layer: str,
) -> list[int]:
    """Fill a new library at draft; returns the ids of the key annotations in it."""
    remove_file(draft)
    target = open_library(draft)
    try:
        ids = [article_id for article_id, _ in articles]
        key = key_layer if options.include_key else None
        return fill_exercise(library, target, ids, not options.hide_findings, key)
    finally:
        target.close()


def _info(
    options: ExerciseOptions,
    trainer: str,
    key_layer: str,
    key_ids: list[int],
    hashes: list[str],
) -> ExerciseInfo:
    """The exercise row of a new exercise."""
    return ExerciseInfo(
        exercise_id=str(uuid.uuid4()),
        title=options.title.strip() or "Exercise",
        instructions=options.instructions,
        checklist=tuple(options.checklist),
        hide_findings=options.hide_findings,
        key_included=options.include_key,
        trainer=trainer,
        created=utc_now(),
        key_layer=key_layer if options.include_key else "",
        key_annotation_ids=tuple(key_ids),
        articles=tuple(hashes),
    )


def _stamp(draft: Path, info: ExerciseInfo) -> None:
    """Write the exercise row, and make the file one self-contained file (no -wal beside it)."""
    target = open_library(draft)
    try:
        ExerciseStore(target).put_setting(EXERCISE_SETTING, info.to_json())
    finally:
        target.close()
    connection = sqlite3.connect(draft)
    try:
        connection.execute("PRAGMA journal_mode = DELETE")
    finally:
        connection.close()
