"""Class reports: an article's layers against a key layer, or an exercise's returns.

The article's: a scoreboard of every trainee layer against the answer key, then for each
trainee the scores per label and the key's annotations they missed. The exercise's: who
handed in what and when, each trainee's checklist answers, and their scores per label
against the key frozen with the exercise. The figures come from gui.core.trainer.agreement,
through gui.core.trainer.scoring and gui.core.trainer.results.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from gui.core.annotations.model import Annotation, Label
from gui.core.reports.markup import document, element, esc, score, section, table
from gui.core.reports.sections import label_chip
from gui.core.reports.style import report_css
from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library
from gui.core.trainer.results import ExerciseResults, ReturnResult
from gui.core.trainer.scoring import ALPHA_LINE, KAPPA_LINE, MATCHING_LINE, class_scores, layers_of

ALL = "ALL"  # the label of gui.core.trainer.agreement's micro-averaged score
BOARD_COLUMNS = (
    "Trainee",
    "Marked",
    "Found",
    "Missed",
    "Extra",
    "Exact F1",
    "Overlap F1",
    "κ chars",
    "κ tokens",
    "α unitizing",
)
LABEL_COLUMNS = (
    "Label",
    "Key",
    "Found",
    "Missed",
    "Extra",
    "Exact F1",
    "Precision",
    "Recall",
    "Overlap F1",
)
EXPLANATION = " ".join((MATCHING_LINE, KAPPA_LINE, ALPHA_LINE))
RETURN_COLUMNS = ("Trainee", "Layer", "Handed in", "Articles annotated", "Annotations",
                  "Exact F1", "Overlap F1")  # fmt: skip


def class_report_html(
    library: Library, article_id: int, key_layer: str, layers: Sequence[str] | None = None
) -> str:
    """A printable HTML class report: every trainee layer scored against key_layer.

    layers: the trainee layers, in this order (None: every other layer of the article).
    KeyError if there is no such article; ValueError if key_layer has no annotations in it.
    """
    article = ArticleStore(library).get(article_id)
    codebook = LabelStore(library).labels()
    annotations = AnnotationStore(library).for_article(article_id)
    by_layer = layers_of(annotations)
    if key_layer not in by_layer:
        raise ValueError(_no_key(key_layer, by_layer))
    key = by_layer[key_layer]
    found = {name: by_layer.get(name, []) for name in _trainees(by_layer, key_layer, layers)}
    board = class_scores(article.body, annotations, codebook, key_layer, list(found))
    labels = {label.id: label for label in codebook}
    title = article.metadata.title or "(untitled)"
    body = [
        _header(title, key_layer, len(key)),
        section("Scoreboard", _board(board, found) + element("p", esc(EXPLANATION), cls="small")),
        *(_trainee(comparison, labels) for comparison in board),
    ]
    return document(f"Class report: {title}", report_css(codebook), "\n".join(body))


def _trainees(
    by_layer: Mapping[str, Any], key_layer: str, layers: Sequence[str] | None
) -> list[str]:
    """The layers to score: those asked for, else every layer but the key, by name."""
    if layers is None:
        return sorted(set(by_layer) - {key_layer})
    return [name for name in dict.fromkeys(layers) if name != key_layer]


def _header(title: str, key_layer: str, key_count: int) -> str:
    """The article's title and which layer is the answer key."""
    line = f"Class report · answer key: {key_layer} ({key_count} annotations)"
    return element("header", element("h1", esc(title)) + element("p", esc(line), cls="meta"))


def _no_key(key_layer: str, by_layer: Mapping[str, Any]) -> str:
    """Why there is no class report: the key layer has nothing here; which layers do."""
    others = ", ".join(sorted(by_layer)) or "none"
    return f"the answer key {key_layer!r} has no annotations in this article (layers: {others})"


def _total(scores: Sequence[Any]) -> Any:
    """The ALL (micro-averaged) score of a comparison's per-label scores."""
    return next(s for s in scores if s.label == ALL)


def _board(board: Sequence[Any], found: Mapping[str, Sequence[Annotation]]) -> str:
    """One row per trainee: counts, F1 exact and overlap, kappas, alpha."""
    rows = []
    for c in board:
        exact, overlap = _total(c.exact), _total(c.overlap)
        placed = sum(not a.orphaned for a in found[c.layer])
        counts = [placed, overlap.matches, overlap.misses, overlap.extras]
        figures = [exact.f1, overlap.f1, c.kappa_chars, c.kappa_tokens, c.alpha_unitizing]
        rows.append([esc(c.layer), *map(str, counts), *map(score, figures)])
    if not rows:
        return element("p", "No trainee layers to compare.")
    return table(BOARD_COLUMNS, rows, cls="scoreboard")


def _trainee(c: Any, labels: Mapping[int, Label]) -> str:
    """A trainee's scores per label, the key's annotations they missed, and their extras."""
    overlap = _total(c.overlap)
    key_count = overlap.matches + overlap.misses
    summary = (
        f"Found {overlap.matches} of {key_count} key annotations; overlap F1 {score(overlap.f1)}."
    )
    parts = [element("p", esc(summary)), table(LABEL_COLUMNS, _label_rows(c), cls="labels")]
    parts.append(element("h3", f"Missed ({len(c.missed)})"))
    parts.append(_annotation_table(c.missed, labels, "Nothing missed."))
    parts.append(element("h3", f"Not in the key ({len(c.extra)})"))
    parts.append(_annotation_table(c.extra, labels, "Nothing extra."))
    return section(f"Trainee: {c.layer}", "".join(parts), cls="trainee")


def _label_rows(c: Any) -> list[list[str]]:
    """Per label (ALL last): key count, overlap counts, exact F1, overlap P/R/F1."""
    rows = []
    for exact, overlap in zip(c.exact, c.overlap, strict=True):
        counts = [overlap.matches + overlap.misses, overlap.matches, overlap.misses, overlap.extras]
        figures = [exact.f1, overlap.precision, overlap.recall, overlap.f1]
        name = "All labels" if overlap.label == ALL else overlap.label
        rows.append([esc(name), *map(str, counts), *map(score, figures)])
    return rows


def _annotation_table(
    annotations: Sequence[Annotation], labels: Mapping[int, Label], empty: str
) -> str:
    """Annotations as rows of label, quoted text and note."""
    if not annotations:
        return element("p", esc(empty), cls="small")
    rows = [
        [
            label_chip(labels, a.label_id),
            element("span", esc(f"“{a.text}”"), cls="quote"),
            esc(a.note),
        ]
        for a in sorted(annotations, key=lambda a: (a.start, a.end, a.id))
    ]
    return table(("Label", "Text", "Note"), rows, cls="misses")


def exercise_report_html(results: ExerciseResults) -> str:
    """A printable HTML class report of an exercise: every return, its answers and scores."""
    e = results.exercise
    key = (
        f"answer key: {results.key_size} annotations of {e.key_layer}, kept when it was made"
        if results.key_size
        else "no answer key: returns without scores"
    )
    line = f"Class report · made {e.created[:10]} · {len(results.returns)} returned · {key}"
    rows = [_return_cells(result) for result in results.returns]
    board = (
        table(RETURN_COLUMNS, rows, cls="scoreboard")
        if rows
        else element("p", "Nothing has been handed in yet.")
    )
    body = [
        element("header", element("h1", esc(e.title)) + element("p", esc(line), cls="meta")),
        section("Returns", board + element("p", esc(MATCHING_LINE), cls="small")),
        *(_return_section(result) for result in results.returns),
    ]
    return document(f"Class report: {e.title}", report_css(()), "\n".join(body))


def _return_cells(result: ReturnResult) -> list[str]:
    """One return as cells of the report's returns table."""
    r = result.record
    exact, overlap = result.score("exact"), result.score("overlap")
    when = (r.handed_in or r.imported_at)[:16].replace("T", " ")
    annotated = ", ".join(result.annotated) or "none"
    figures = [score(exact.f1 if exact else None), score(overlap.f1 if overlap else None)]
    return [esc(r.trainee), esc(r.layer), esc(when), esc(annotated), str(r.annotations), *figures]


def _return_section(result: ReturnResult) -> str:
    """A trainee's checklist answers and their scores per label over the exercise."""
    parts = [element("h3", "Checklist answers")]
    answers = [[esc(a.question), esc(a.answer) or "<i>no answer</i>"] for a in result.answers]
    parts.append(table(("Question", "Answer"), answers) if answers else element("p", "None."))
    if result.overlap:
        parts.append(element("h3", "Scores by label"))
        rows = []
        for exact, overlap in zip(result.exact, result.overlap, strict=True):
            counts = [overlap.matches + overlap.misses, overlap.matches, overlap.misses,
                      overlap.extras]  # fmt: skip
            name = "All labels" if overlap.label == ALL else overlap.label
            figures = [exact.f1, overlap.precision, overlap.recall, overlap.f1]
            rows.append([esc(name), *map(str, counts), *map(score, figures)])
        parts.append(table(LABEL_COLUMNS, rows, cls="labels"))
    return section(f"Trainee: {result.record.layer}", "".join(parts), cls="trainee")
