"""The returned work of an exercise, scored against the answer key frozen when it was made.

For each return: the trainee and their layer, the articles they annotated, when they handed
the file in, their checklist answers in the checklist's order, and per label, summed over the
exercise's articles, the exact and overlap scores against the key. The key's annotations are
placed in the trainer's article as it is now (re-anchored when its text changed since), the
same text the trainee's layer was placed in on import, so both sides are scored on one text.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from gui.core.anchoring import Anchor, anchor_for, resolve
from gui.core.annotations.model import Annotation
from gui.core.articles import Article
from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.agreement import ALL, Comparison, LabelScore, compare
from gui.core.trainer.checklist import ChecklistAnswer, ordered_answers
from gui.core.trainer.commands import ExerciseRecord, KeyAnnotation, ReturnRecord
from gui.core.trainer.packing import exercises_made


@dataclass(frozen=True)
class ArticleScore:
    """One article of an exercise as one trainee did it."""

    article_id: int
    title: str
    marked: int  # the trainee's placed annotations in it
    comparison: Comparison | None  # against the key; None when the exercise has none


@dataclass(frozen=True)
class ReturnResult:
    """One trainee's returned work: who, when, their answers and their scores per label."""

    record: ReturnRecord
    answers: tuple[ChecklistAnswer, ...]
    articles: tuple[ArticleScore, ...]
    exact: tuple[LabelScore, ...]  # per label over all the articles, then ALL; () without key
    overlap: tuple[LabelScore, ...]

    @property
    def annotated(self) -> list[str]:
        """The titles of the articles the trainee marked something in."""
        return [article.title for article in self.articles if article.marked]

    def score(self, matching: str = "overlap") -> LabelScore | None:
        """The ALL score under "exact" or "overlap" matching; None without a key."""
        scores = self.exact if matching == "exact" else self.overlap
        return next((s for s in scores if s.label == ALL), None)

    def to_json(self) -> dict[str, Any]:
        """Everything as JSON-ready data."""
        r = self.record
        return {
            "trainee": r.trainee, "trainee_id": r.trainee_id, "layer": r.layer,
            "handed_in": r.handed_in, "imported_at": r.imported_at, "annotations": r.annotations,
            "articles": [{"id": a.article_id, "title": a.title, "marked": a.marked}
                         for a in self.articles],
            "checklist_answers": [asdict(answer) for answer in self.answers],
            "exact": [asdict(s) for s in self.exact],
            "overlap": [asdict(s) for s in self.overlap],
        }  # fmt: skip


@dataclass(frozen=True)
class ExerciseResults:
    """An exercise with its frozen key and every return scored against it."""

    exercise: ExerciseRecord
    key_size: int  # annotations in the key (0: the exercise has none)
    returns: tuple[ReturnResult, ...]

    def to_json(self) -> dict[str, Any]:
        """Everything as JSON-ready data."""
        e = self.exercise
        return {
            "exercise_id": e.exercise_id, "title": e.title, "created": e.created, "path": e.path,
            "key_layer": e.key_layer, "key_annotations": self.key_size,
            "articles": [article_id for article_id, _ in e.articles],
            "returns": [result.to_json() for result in self.returns],
        }  # fmt: skip


def all_results(library: Library) -> list[ExerciseResults]:
    """Every exercise made from library (its file in place), with its returns scored."""
    return [_results(library, record) for record in exercises_made(library)]


def exercise_results(library: Library, exercise_id: str) -> ExerciseResults:
    """One exercise with its returns scored; KeyError when library made no such exercise."""
    record = ExerciseStore(library).exercise(exercise_id)
    if record is None:
        raise KeyError(exercise_id)
    return _results(library, record)


def _results(library: Library, record: ExerciseRecord) -> ExerciseResults:
    """The exercise's returns, each scored on each of its articles still in the library."""
    store = ExerciseStore(library)
    key = store.key(record.exercise_id)
    names = {label.id: label.name for label in LabelStore(library).labels()}
    names.update({k.label_id: k.label for k in key if k.label_id not in names})
    articles = _articles(library, record)
    keys = {a.id: placed_key(a, key, record) for a in articles}
    questions = [str(q) for q in record.info.get("checklist", []) if isinstance(q, str)]
    annotations = AnnotationStore(library)
    found = {a.id: annotations.for_article(a.id) for a in articles}
    results = tuple(
        _result(r, articles, keys if key else None, found, names, questions)
        for r in store.returns(record.exercise_id)
    )
    return ExerciseResults(record, len(key), results)


def _articles(library: Library, record: ExerciseRecord) -> list[Article]:
    """The exercise's articles that the trainer's library still has, in the exercise's order."""
    store, found = ArticleStore(library), []
    for article_id, _ in record.articles:
        try:
            found.append(store.get(article_id))
        except KeyError:
            continue
    return found


def placed_key(
    article: Article, key: Iterable[KeyAnnotation], record: ExerciseRecord
) -> list[Annotation]:
    """The key's annotations of an article, placed in its text as it is now (annotator: the
    key's layer); one whose text is gone is orphaned."""
    handed_out = dict(record.articles).get(article.id)
    placed = []
    for k in key:
        if k.article_id != article.id:
            continue
        anchor = Anchor(k.start, k.end, k.exact, k.prefix, k.suffix)
        orphaned = False
        if handed_out != article.content_hash:
            where = resolve(anchor, article.body)
            orphaned = where is None
            anchor = anchor if where is None else anchor_for(article.body, where.start, where.end)
        placed.append(
            Annotation(k.annotation_id, article.id, k.label_id, anchor, k.note,
                       record.key_layer, "", "", orphaned)
        )  # fmt: skip
    return placed


def _result(
    record: ReturnRecord,
    articles: Sequence[Article],
    keys: dict[int, list[Annotation]] | None,
    found: dict[int, list[Annotation]],
    names: dict[int, str],
    questions: list[str],
) -> ReturnResult:
    """One return, scored article by article against the key (keys None: no key), and summed."""
    scores = []
    for article in articles:
        layer = [a for a in found[article.id] if a.annotator == record.layer and not a.orphaned]
        comparison = None
        if keys is not None:
            comparison = compare(article.body, keys[article.id], layer, names, "key", record.layer)
        scores.append(ArticleScore(article.id, article.metadata.title, len(layer), comparison))
    answers = tuple(ordered_answers(questions, record.checklist_answers))
    compared = [s.comparison for s in scores if s.comparison is not None]
    return ReturnResult(
        record, answers, tuple(scores),
        summed(c.exact for c in compared), summed(c.overlap for c in compared),
    )  # fmt: skip


def summed(per_article: Iterable[Sequence[LabelScore]]) -> tuple[LabelScore, ...]:
    """Label scores of several articles added up per label (in first-seen order), then ALL."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for scores in per_article:
        for score in scores:
            tally = counts[score.label]
            tally[0] += score.matches
            tally[1] += score.misses
            tally[2] += score.extras
    if not counts:
        return ()
    labels = [name for name in counts if name != ALL]
    return tuple(LabelScore.of(name, *counts[name]) for name in [*labels, ALL])
