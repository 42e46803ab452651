"""A trainee's returned exercise file, brought into the trainer's library as a layer of its own.

The trainee's annotations (every annotation in the file but the answer key) go into the
trainer's copies of the same articles, found by content hash; when the trainer has changed an
article's text since, into the article the exercise was made from, re-anchored (orphaned if
their text is gone). Labels are matched by name; labels the trainee added join the codebook.
The layer is the trainee's name, or "Name (2)", "Name (3)"... when that name is taken, so two
trainees called Ana stay apart. The same file (by SHA-256) is imported once.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gui.core.anchoring import Anchor, anchor_for, resolve
from gui.core.annotations.codebook import Codebook, LabelInfo
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation, Label
from gui.core.changes import Batch, Change, Done
from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library, apply
from gui.core.storage.commands_store import carry_out
from gui.core.storage.database import utc_now
from gui.core.storage.exercise_store import ANSWERS_SETTING, TRAINEE_SETTING, ExerciseStore
from gui.core.trainer.commands import RecordReturn, ReturnRecord
from gui.core.trainer.exercises import (
    ExerciseError,
    ExerciseInfo,
    ReturnedReport,
    exercise_info,
    json_or_none,
    opened_exercise,
)

UNNAMED = "Trainee"  # the layer of a trainee whose file names nobody
_CHUNK = 1 << 20


@dataclass(frozen=True)
class WorkItem:
    """One of the trainee's annotations, with its article's content hash and its label."""

    content_hash: str
    label: Label
    annotation: Annotation


@dataclass(frozen=True)
class ReturnedWork:
    """What a returned file holds: which exercise, which trainee, and their work."""

    path: Path
    info: ExerciseInfo
    trainee_id: str
    trainee: str
    file_hash: str
    items: tuple[WorkItem, ...]
    checklist_answers: Any  # JSON value, None when the file has none


def read_work(path: Path) -> ReturnedWork:
    """Read a returned file; ExerciseError when it is not an exercise, is damaged, or is empty."""
    file_hash = file_sha256(path)
    with opened_exercise(path) as returned:
        info = exercise_info(returned, path)
        items = tuple(_work_items(returned, set(info.key_annotation_ids)))
        store = ExerciseStore(returned)
        trainee = json_or_none(store.setting(TRAINEE_SETTING))
        answers = json_or_none(store.setting(ANSWERS_SETTING))
    if not items and trainee is None and answers is None:
        raise ExerciseError(
            f"{path} holds no trainee's work: no annotations and no checklist answers."
            " Is it the exercise as it was handed out?"
        )
    trainee_id, name = _trainee(trainee, items, file_hash)
    return ReturnedWork(path, info, trainee_id, name, file_hash, items, answers)


@dataclass(frozen=True)
class CollectReturn:
    """Add a trainee's returned work to the trainer's library as their layer (one undo step).

    Carrying it out reports a ReturnedReport; the same file twice adds nothing.
    """

    touches = Change.ANNOTATIONS | Change.LABELS | Change.EXERCISES

    work: ReturnedWork

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Import {self.work.trainee}'s exercise"

    def run(self, library: Library) -> Done:
        """Insert the work (inside the caller's transaction); ExerciseError for a foreign file."""
        work, store = self.work, ExerciseStore(library)
        check_belongs(library, work)
        earlier = store.find_return(work.info.exercise_id, work.file_hash)
        if earlier is not None:
            report = ReturnedReport(earlier.trainee, earlier.layer, 0, True, earlier.trainee_id)
            return Done(Batch(self.description, ()), report)
        layer = free_layer(work.trainee, store.layer_names())
        inverses, (added, orphaned, skipped) = _add_items(library, work, layer)
        inverses.append(apply(library, RecordReturn(_record(work, layer, added))))
        report = ReturnedReport(
            work.trainee, layer, added, False, work.trainee_id, orphaned, skipped
        )
        return Done(Batch(self.description, tuple(reversed(inverses))), report)


def check_belongs(library: Library, work: ReturnedWork) -> None:
    """ExerciseError unless the work is of an exercise made from library."""
    if ExerciseStore(library).exercise(work.info.exercise_id) is None:
        raise ExerciseError(_foreign(work, library))


def import_work(library: Library, work: ReturnedWork) -> ReturnedReport:
    """Add the work to library as the trainee's layer, in one transaction."""
    return carry_out(library, CollectReturn(work)).report


def import_returned(library: Library, path: Path) -> ReturnedReport:
    """Bring a trainee's returned file into library as a layer named after them.

    ExerciseError, with library unchanged, for a file that is not an exercise, is damaged, or
    belongs to an exercise not made from library. The same file twice: duplicate, nothing added.
    """
    return import_work(library, read_work(Path(path)))


def free_layer(name: str, taken: set[str]) -> str:
    """name if no layer has it yet, else "name (2)", "name (3)"... the first one free."""
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


def file_sha256(path: Path) -> str:
    """SHA-256 of the file, and of its write-ahead log when one lies beside it."""
    digest = hashlib.sha256()
    for part in (Path(path), Path(f"{path}-wal")):
        if part == Path(path) or part.is_file():
            _feed(digest, part)
    return digest.hexdigest()


def _feed(digest: Any, path: Path) -> None:
    """Add the bytes of a file to a hash; ExerciseError when it cannot be read."""
    try:
        with path.open("rb") as file:
            while chunk := file.read(_CHUNK):
                digest.update(chunk)
    except OSError as error:
        raise ExerciseError(f"Could not read {path}: {error.strerror or error}.") from error


def _work_items(returned: Library, key_ids: set[int]) -> Iterator[WorkItem]:
    """Every annotation of the returned file that is not part of the answer key."""
    labels = {label.id: label for label in LabelStore(returned).labels()}
    articles = ArticleStore(returned)
    hashes: dict[int, str] = {}
    for annotation in AnnotationStore(returned).search():
        if annotation.id in key_ids:
            continue
        if annotation.article_id not in hashes:
            hashes[annotation.article_id] = articles.get(annotation.article_id).content_hash
        yield WorkItem(hashes[annotation.article_id], labels[annotation.label_id], annotation)


def _trainee(row: Any, items: Sequence[WorkItem], file_hash: str) -> tuple[str, str]:
    """(trainee_id, name): from the file's trainee row, else from its annotators and hash."""
    row = row if isinstance(row, dict) else {}
    name = str(row.get("name") or "").strip() or _main_annotator(items) or UNNAMED
    trainee_id = str(row.get("trainee_id") or "") or f"file-{file_hash[:16]}"
    return trainee_id, name


def _main_annotator(items: Sequence[WorkItem]) -> str:
    """The annotator name found most often (ties: the first alphabetically); "" for none."""
    names = Counter(item.annotation.annotator for item in items if item.annotation.annotator)
    ranked = sorted(names.items(), key=lambda pair: (-pair[1], pair[0]))
    return ranked[0][0] if ranked else ""


def _add_items(
    library: Library, work: ReturnedWork, layer: str
) -> tuple[list[Any], tuple[int, int, int]]:
    """Insert the trainee's annotations as layer: the inverses, and (added, orphaned, skipped)."""
    described = [LabelInfo(i.label.name, i.label.colour, i.label.hotkey) for i in work.items]
    codebook = Codebook(library, described)
    targets = _Targets(library, work.info.exercise_id)
    inverses: list[Any] = []
    added = orphaned = skipped = 0
    for item in work.items:
        placed = targets.place(item)
        if placed is None:
            skipped += 1
            continue
        article_id, anchor, lost = placed
        a, label_id = item.annotation, codebook.id_for(item.label.name)
        copy = Annotation(0, article_id, label_id, anchor, a.note, layer, a.created, a.modified)
        inverses.append(apply(library, AddAnnotation(replace(copy, orphaned=lost))))
        added += 1
        orphaned += lost
    return [*codebook.inverses, *inverses], (added, orphaned, skipped)


class _Targets:
    """Where the trainee's annotations go in the trainer's library, article by article."""

    def __init__(self, library: Library, exercise_id: str) -> None:
        self._articles = ArticleStore(library)
        self._store = ExerciseStore(library)
        self._exercise_id = exercise_id
        self._found: dict[str, tuple[int, str | None] | None] = {}

    def place(self, item: WorkItem) -> tuple[int, Anchor, bool] | None:
        """(article id, anchor, orphaned) for an item, or None when its article is gone."""
        target = self._target(item.content_hash)
        if target is None:
            return None
        article_id, changed_body = target
        anchor, orphaned = item.annotation.anchor, item.annotation.orphaned
        if changed_body is None:
            return article_id, anchor, orphaned
        placement = resolve(anchor, changed_body)
        if placement is None:
            return article_id, anchor, True
        return article_id, anchor_for(changed_body, placement.start, placement.end), False

    def _target(self, content_hash: str) -> tuple[int, str | None] | None:
        """(article id, its body if it changed since the exercise was made), or None."""
        if content_hash not in self._found:
            self._found[content_hash] = self._look_up(content_hash)
        return self._found[content_hash]

    def _look_up(self, content_hash: str) -> tuple[int, str | None] | None:
        """The trainer's article with this text, else the one the exercise copied (changed)."""
        same = self._articles.find_by_hash(content_hash)
        if same is not None:
            return same, None
        source = self._store.source_article(self._exercise_id, content_hash)
        return None if source is None else (source, self._articles.get(source).body)


def _record(work: ReturnedWork, layer: str, added: int) -> ReturnRecord:
    """The trainer library's record of an imported file."""
    return ReturnRecord(
        exercise_id=work.info.exercise_id,
        trainee_id=work.trainee_id,
        trainee=work.trainee,
        layer=layer,
        file_hash=work.file_hash,
        annotations=added,
        checklist_answers=work.checklist_answers,
        imported_at=utc_now(),
    )


def _foreign(work: ReturnedWork, library: Library) -> str:
    """The message for a file of an exercise that was not made from library."""
    info = work.info
    made = f"“{info.title}”, made by {info.trainer} on {info.created[:10]}"
    return (
        f"{work.path} belongs to another exercise ({made}), not to one made from"
        f" {library.name}. Nothing was imported."
    )
