"""Packing an exercise: a fresh file of the chosen articles for trainees, the key kept at home.

The file holds the articles, the codebook, the instructions and checklist, and the findings
the trainer lets trainees see; never an annotation. The answer key (the annotations of the
layer the trainer names) is frozen in the trainer's library, in the exercise's record.

Packing is atomic: the record and the file agree whenever the program stops.
1. The file is written and sealed as a draft beside its path ("….part"), then hashed.
2. The record is committed, marked "writing", with the file's hash.
3. The draft is renamed to its path (one atomic step), and the folder flushed.
4. The record is marked "written".
A stop before 2 leaves no record and no file (a stray draft, replaced next time); between 2
and 3, a record "writing" with no file at its path, which counts as no exercise; between 3
and 4, a record "writing" whose path holds the file with its hash, which counts as written.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library, open_library
from gui.core.storage.commands_store import carry_out
from gui.core.storage.database import utc_now
from gui.core.storage.exercise_file import fill_exercise, fsync, seal
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.commands import (
    ExerciseRecord,
    ForgetExercise,
    KeyAnnotation,
    RecordExercise,
    SetExerciseState,
)
from gui.core.trainer.exercises import (
    ExerciseError,
    ExerciseInfo,
    ExerciseOptions,
    default_annotator,
    remove_file,
)

_CHUNK = 1 << 20


@dataclass(frozen=True)
class PackedExercise:
    """An exercise file written and sealed as a draft beside its path, waiting to be recorded."""

    info: ExerciseInfo
    path: Path
    draft: Path
    articles: tuple[tuple[int, str], ...]
    key_layer: str
    key: tuple[KeyAnnotation, ...]
    file_hash: str

    def record(self) -> RecordExercise:
        """The command that records the exercise (and freezes its key) before the file is placed."""
        return RecordExercise(
            self.info.to_json(), str(self.path), self.articles, self.key_layer, self.key,
            self.file_hash, "writing",
        )  # fmt: skip

    def place(self) -> None:
        """Move the draft to its path in one atomic step; ExerciseError when it cannot be."""
        try:
            os.replace(self.draft, self.path)
        except OSError as error:
            raise ExerciseError(f"Could not write the exercise to {self.path}: {error}.") from error
        fsync(self.path.parent)

    def written(self) -> SetExerciseState:
        """The command that marks the record written, once the file is in place."""
        return SetExerciseState(self.info.exercise_id, "written")

    def forget(self) -> ForgetExercise:
        """The command that takes the record back when the file could not be placed."""
        return ForgetExercise(self.info.exercise_id)

    def discard(self) -> None:
        """Delete the draft, if it is still there (after a failure, or to give up)."""
        remove_file(self.draft)


def pack_exercise(
    library: Library, article_ids: Sequence[int], path: Path, options: ExerciseOptions
) -> PackedExercise:
    """Write an exercise file from articles of library as a sealed draft beside path.

    The library is only read. ExerciseError for no or unknown articles, for path being the
    library, or for a key layer with nothing in the articles; then put_in_place() it.
    """
    articles = _chosen_articles(library, article_ids)
    path = Path(path).expanduser().absolute()
    _refuse_target(library, path)
    ids = [article_id for article_id, _ in articles]
    key = _freeze_key(library, options.key_layer, ids)
    info = _info(options, [digest for _, digest in articles])
    draft = path.with_name(path.name + ".part")
    remove_file(draft)
    try:
        _write_file(library, draft, ids, info, options)
        seal(draft)
        digest = file_sha256(draft)
    except OSError as error:
        remove_file(draft)
        raise ExerciseError(f"Could not write the exercise to {path}: {error}.") from error
    except BaseException:
        remove_file(draft)
        raise
    return PackedExercise(info, path, draft, tuple(articles), options.key_layer, key, digest)


def put_in_place(packed: PackedExercise, execute: Callable[[Any], object]) -> bool:
    """Record the exercise, move its file into place, mark it written (steps 2 to 4).

    execute carries out a command (returning None, or raising, when it failed). False when
    the record could not be made; when the file cannot be placed, the record is taken back
    and ExerciseError raised. The draft is gone afterwards, either way.
    """
    try:
        if execute(packed.record()) is None:
            return False
        try:
            packed.place()
        except ExerciseError:
            execute(packed.forget())
            raise
        execute(packed.written())
        return True
    finally:
        packed.discard()


def create_exercise(
    library: Library, article_ids: Sequence[int], path: Path, options: ExerciseOptions
) -> ExerciseInfo:
    """Write an exercise file at path from articles of library, and record it in library.

    The articles, annotations and codebook of library are left as they are; the file appears
    whole or not at all. ExerciseError for no or unknown articles, or for path being library.
    """
    packed = pack_exercise(library, article_ids, path, options)
    put_in_place(packed, lambda command: carry_out(library, command))
    return packed.info


def exercises_made(library: Library) -> list[ExerciseRecord]:
    """The exercises made from library whose file was put in place, oldest first."""
    return [record for record in ExerciseStore(library).exercises() if is_written(record)]


def is_written(record: ExerciseRecord) -> bool:
    """True once the exercise's file was put in place (see the steps above)."""
    if record.state == "written":
        return True
    path = Path(record.path)
    try:
        return path.is_file() and file_sha256(path) == record.file_hash
    except OSError:
        return False


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


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


def _freeze_key(library: Library, layer: str, ids: list[int]) -> tuple[KeyAnnotation, ...]:
    """The placed annotations of layer in the articles, as the exercise's frozen key."""
    if not layer:
        return ()
    names = {label.id: label.name for label in LabelStore(library).labels()}
    store = AnnotationStore(library)
    key = tuple(
        KeyAnnotation(a.id, a.article_id, a.label_id, names.get(a.label_id, ""), a.start, a.end,
                      a.text, a.anchor.prefix, a.anchor.suffix, a.note)
        for article_id in ids
        for a in store.for_article(article_id)
        if a.annotator == layer and not a.orphaned
    )  # fmt: skip
    if not key:
        raise ExerciseError(
            f"The layer “{layer}” has no annotations in the chosen articles, so it cannot be"
            " the answer key. Annotate them first, or make the exercise without a key."
        )
    return key


def _write_file(
    library: Library, draft: Path, ids: list[int], info: ExerciseInfo, options: ExerciseOptions
) -> None:
    """Fill a new library at draft with the articles, codebook and the findings shown."""
    target = open_library(draft)
    try:
        entities = not options.hide_findings or options.keep_entities
        fill_exercise(library, target, ids, info.to_json(), entities, not options.hide_findings)
    finally:
        target.close()


def _info(options: ExerciseOptions, hashes: list[str]) -> ExerciseInfo:
    """The exercise row of a new exercise: what trainees are told, nothing of the key."""
    return ExerciseInfo(
        exercise_id=str(uuid.uuid4()),
        title=options.title.strip() or "Exercise",
        instructions=options.instructions,
        checklist=tuple(options.checklist),
        hide_findings=options.hide_findings,
        keep_entities=options.hide_findings and options.keep_entities,
        trainer=options.trainer or default_annotator(),
        created=utc_now(),
        articles=tuple(hashes),
    )
