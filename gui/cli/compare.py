"""The compare command: one annotation layer of an article scored against another, the key."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from gui.cli import common
from gui.cli.errors import CommandError
from gui.core.articles import Article
from gui.core.storage import AnnotationStore, LabelStore, Library
from gui.core.storage.exercise_store import ExerciseStore
from gui.core.trainer.agreement import ALL, Comparison, LabelScore
from gui.core.trainer.scoring import compare_layers

_HEADERS = ("label", "P", "R", "F1", "match", "miss", "extra")
_GROUPS = ("exact", "overlap")
_NO_ALPHA = "n/a (a layer has overlapping annotations of one label, or neither has any)"
_DESCRIPTION = (
    "Score one annotation layer of an article (--layer) against another, the answer key\n"
    "(--key): per label, matches, misses and extras with precision, recall and F1, once\n"
    "for exact matching (same label, same span) and once for overlap matching (same label,\n"
    "at least one character in common); then Cohen's kappa over characters and over\n"
    "tokens, and Krippendorff's alpha for unitizing where it fits. Orphaned annotations\n"
    "are left out."
)


class UnknownLayer(LookupError):
    """A layer name that no annotation in the library has; str() names the layers there are."""


def add_parser(commands: Any, add_command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the compare command to the command-line parser."""
    parser = add_command(
        commands, "compare", "score one annotation layer against another (the key)", _DESCRIPTION
    )
    parser.add_argument("--article", type=int, required=True, metavar="ID", help="article id")
    parser.add_argument("--key", required=True, metavar="NAME", help="the layer that is the key")
    parser.add_argument("--layer", required=True, metavar="NAME", help="the layer to score")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def compare_command(ns: argparse.Namespace) -> int:
    """Print one layer's scores against the key layer in an article: a table, or JSON."""
    with common.opened(ns) as library:
        article = common.article(library, ns.article)
        try:
            result = comparison(library, article, ns.key, ns.layer)
        except UnknownLayer as unknown:
            raise CommandError(str(unknown)) from None
    shown = common.as_json(as_json(article, result), indent=2)
    print(shown if ns.json else as_table(article, result))
    return 0


def comparison(library: Library, article: Article, key: str, layer: str) -> Comparison:
    """layer against key in the article; UnknownLayer for a name no annotation has."""
    annotations = AnnotationStore(library).for_article(article.id)
    known = ExerciseStore(library).layer_names()
    for name in (key, layer):
        if name not in known:
            raise UnknownLayer(_unknown(name, article, {a.annotator for a in annotations}))
    return compare_layers(article.body, annotations, LabelStore(library).labels(), key, layer)


def as_json(article: Article, result: Comparison) -> dict[str, Any]:
    """The scores as JSON-ready data, with the article they are about."""
    return {"article": {"id": article.id, "title": article.metadata.title}, **result.to_json()}


def as_table(article: Article, result: Comparison) -> str:
    """The scores as a readable table, then the kappa and alpha lines."""
    title = article.metadata.title or f"article {article.id}"
    rows = [_HEADERS + _HEADERS[1:]]
    rows += [_row(*pair) for pair in zip(result.exact, result.overlap, strict=True)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = [_format(row, widths) for row in rows]
    alpha = _NO_ALPHA if result.alpha_unitizing is None else f"{result.alpha_unitizing:.3f}"
    return "\n".join(
        [
            f"{result.layer} against the key {result.key}: article {article.id}, {title}",
            "",
            _group_line(widths),
            *lines,
            "",
            f"Cohen's kappa, characters: {result.kappa_chars:.3f}",
            f"Cohen's kappa, tokens:     {result.kappa_tokens:.3f}",
            f"Krippendorff's u-alpha:    {alpha}",
        ]
    )


def _row(exact: LabelScore, overlap: LabelScore) -> tuple[str, ...]:
    """One label's cells: exact P, R, F1, counts, then the same for overlap."""
    return (exact.label, *_cells(exact), *_cells(overlap))


def _cells(score: LabelScore) -> tuple[str, ...]:
    """P, R, F1 with two decimals, and the counts."""
    figures = (f"{value:.2f}" for value in (score.precision, score.recall, score.f1))
    return (*figures, str(score.matches), str(score.misses), str(score.extras))


def _format(row: Sequence[str], widths: Sequence[int]) -> str:
    """The label left-aligned, figures right-aligned, a wider gap between the groups."""
    half = len(_HEADERS) - 1
    cells = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
    exact, overlap = "  ".join(cells[:half]), "  ".join(cells[half:])
    label = row[0] if row[0] != ALL else "ALL (micro)"
    return f"{label.ljust(max(widths[0], 11))}   {exact}    {overlap}".rstrip()


def _group_line(widths: Sequence[int]) -> str:
    """The line above the headers that names the two groups of columns."""
    half = len(_HEADERS) - 1
    exact_width = sum(widths[1 : 1 + half]) + 2 * (half - 1)
    return " " * (max(widths[0], 11) + 3) + _GROUPS[0].ljust(exact_width + 4) + _GROUPS[1]


def _unknown(name: str, article: Article, here: set[str]) -> str:
    """The message for a layer no annotation has."""
    layers = ", ".join(repr(layer) for layer in sorted(here)) or "none"
    return f"there is no layer {name!r} (the layers of article {article.id}: {layers})"
