"""A trainee's returned exercise file, brought into the trainer's library as a layer of its own.

The file is read as untrusted input (gui.core.trainer.returned_work); only its exercise id is
taken from it, to find the exercise in the trainer's library, whose own record says which
articles the exercise has. Every annotation in the file is the trainee's: they go into the
trainer's copies of those articles, found by content hash; when the trainer has changed an
article's text since, into the article the exercise was made from, re-anchored (orphaned if
their text is gone). Labels are matched by name; labels the trainee added join the codebook.
The layer is the trainee's name, or "Name (2)", "Name (3)"... when that name is taken, so two
trainees called Ana stay apart, and no trainee's work can join the trainer's own layer. The
same file (by SHA-256) is imported once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from gui.core.anchoring import Anchor, anchor_for, resolve
from gui.core.annotations.codebook import Codebook, LabelInfo
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.changes import Batch, Change, Done
from gui.core.storage import ArticleStore, Library, apply
from gui.core.storage.commands_store import carry_out
from gui.core.storage.database import utc_now
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.commands import ExerciseRecord, RecordReturn, ReturnRecord
from gui.core.trainer.exercises import ExerciseError, ReturnedReport
from gui.core.trainer.returned_work import ReturnedWork, WorkItem, read_info, read_work

__all__ = [
    "CollectReturn",
    "ReturnedWork",
    "check_belongs",
    "free_layer",
    "import_returned",
    "import_work",
    "read_exercise",
    "read_returns",
    "read_work",
]

read_exercise = read_info  # the exercise a file holds, read as untrusted input


@dataclass(frozen=True)
class Refused:
    """A returned file that was not read: which, and why (the message names the file)."""

    path: Path
    message: str


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
        record = check_belongs(library, work)
        earlier = store.find_return(record.exercise_id, work.file_hash)
        if earlier is not None:
            report = ReturnedReport(earlier.trainee, earlier.layer, 0, True, earlier.trainee_id)
            return Done(Batch(self.description, ()), report)
        layer = free_layer(work.trainee, store.layer_names() | {record.key_layer})
        inverses, (added, orphaned, skipped) = _add_items(library, work, record, layer)
        inverses.append(apply(library, RecordReturn(_record(work, layer, added))))
        reasons = (*work.left_out, *_skipped(skipped))
        report = ReturnedReport(
            work.trainee, layer, added, False, work.trainee_id, orphaned,
            skipped + len(work.left_out), reasons,
        )  # fmt: skip
        return Done(Batch(self.description, tuple(reversed(inverses))), report)


def check_belongs(library: Library, work: ReturnedWork) -> ExerciseRecord:
    """The trainer's record of the work's exercise; ExerciseError when library made none."""
    record = ExerciseStore(library).exercise(work.info.exercise_id)
    if record is None:
        raise ExerciseError(_foreign(work, library))
    return record


def read_returns(
    paths: Sequence[Path], progress: Callable[[int, int], None] | None = None
) -> list[ReturnedWork | Refused]:
    """Read each returned file (off the GUI thread): its checked work, or why it was refused.

    progress(done, total) counts reading steps over all files; what it raises (a cancel)
    stops the reading, and nothing has been kept anywhere.
    """
    from gui.core.storage.returned_file import STEPS

    report = progress or (lambda done, total: None)
    total = STEPS * len(paths)
    found: list[ReturnedWork | Refused] = []
    for number, path in enumerate(paths):
        step = lambda done, _all, n=number: report(n * STEPS + done, total)  # noqa: E731
        try:
            found.append(read_work(Path(path), step))
        except ExerciseError as error:
            found.append(Refused(Path(path), str(error)))
    report(total, total)
    return found


def import_work(library: Library, work: ReturnedWork) -> ReturnedReport:
    """Add the work to library as the trainee's layer, in one transaction."""
    return carry_out(library, CollectReturn(work)).report


def import_returned(library: Library, path: Path) -> ReturnedReport:
    """Bring a trainee's returned file into library as a layer named after them.

    ExerciseError, with library unchanged, for a file that is not an exercise, is damaged,
    unsafe, or belongs to an exercise not made from library. The same file twice: duplicate.
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


def _add_items(
    library: Library, work: ReturnedWork, record: ExerciseRecord, layer: str
) -> tuple[list[Any], tuple[int, int, int]]:
    """Insert the trainee's annotations as layer: the inverses, and (added, orphaned, skipped)."""
    targets = _Targets(library, record)
    placed = [(item, targets.place(item)) for item in work.items]
    used = [item for item, where in placed if where is not None]
    described = [LabelInfo(i.label.name, i.label.colour, i.label.hotkey, i.label.description)
                 for i in used]  # fmt: skip
    codebook = Codebook(library, described)
    inverses: list[Any] = []
    orphaned = 0
    for item, where in placed:
        if where is None:
            continue
        article_id, anchor, lost = where
        a, label_id = item.annotation, codebook.id_for(item.label.name)
        copy = Annotation(0, article_id, label_id, anchor, a.note, layer, a.created, a.modified)
        inverses.append(apply(library, AddAnnotation(replace(copy, orphaned=lost))))
        orphaned += lost
    skipped = len(placed) - len(used)
    return [*codebook.inverses, *inverses], (len(used), orphaned, skipped)


class _Targets:
    """Where the trainee's annotations go in the trainer's library, article by article."""

    def __init__(self, library: Library, record: ExerciseRecord) -> None:
        self._articles = ArticleStore(library)
        self._sources = {digest: article_id for article_id, digest in record.articles}
        self._found: dict[str, tuple[int, str | None] | None] = {}

    def place(self, item: WorkItem) -> tuple[int, Anchor, bool] | None:
        """(article id, anchor, orphaned) for an item, or None when it has no article here."""
        target = self._target(item.content_hash)
        if target is None:
            return None
        article_id, changed_body = target
        anchor, orphaned = item.annotation.anchor, item.annotation.orphaned
        if changed_body is None:
            return article_id, anchor, orphaned
        placement = resolve(anchor, changed_body)
        if placement is None:
            return article_id, Anchor(0, 0, anchor.exact, "", ""), True
        return article_id, anchor_for(changed_body, placement.start, placement.end), False

    def _target(self, content_hash: str) -> tuple[int, str | None] | None:
        """(article id, its body if it changed since the exercise was made), or None."""
        if content_hash not in self._found:
            self._found[content_hash] = self._look_up(content_hash)
        return self._found[content_hash]

    def _look_up(self, content_hash: str) -> tuple[int, str | None] | None:
        """The exercise's article with this text: the trainer's copy, else its source, changed.

        An article that is not one of the exercise's is no place for the trainee's work.
        """
        if content_hash not in self._sources:
            return None
        same = self._articles.find_by_hash(content_hash)
        if same is not None:
            return same, None
        source = self._sources[content_hash]
        try:
            return source, self._articles.get(source).body
        except KeyError:
            return None  # the trainer deleted it


def _skipped(count: int) -> tuple[str, ...]:
    """The reason given for annotations without an article of the exercise here."""
    if not count:
        return ()
    return (f"{count} annotation(s) on articles that are not (or no longer) the exercise's",)


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
        handed_in=work.handed_in,
    )


def _foreign(work: ReturnedWork, library: Library) -> str:
    """The message for a file of an exercise that was not made from library."""
    info = work.info
    made = f"“{info.title[:80]}”, made by {info.trainer[:80]} on {info.created[:10]}"
    return (
        f"{work.path} belongs to another exercise ({made}), not to one made from"
        f" {library.name}. Nothing was imported."
    )
