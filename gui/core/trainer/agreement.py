"""How far one annotation layer agrees with another (the key): matches and chance-corrected scores.

Definitions and tie rules (the tests work each one out by hand):

- Only placed annotations count: orphaned ones have no trustworthy offsets. Spans are clipped
  to the body; a span left empty by clipping is dropped. Labels are compared by name.
- Exact match: same label, same start and end. Overlap match: same label and at least one
  character in common. Both are one-to-one and greedy: candidate pairs are taken largest
  overlap first, ties broken by the key's (start, end, id), then the layer's (start, end, id),
  and a pair is kept when neither of its annotations is taken yet.
- Per label: matches, misses (key annotations left unmatched), extras (layer annotations left
  unmatched); precision = matches / (matches + extras), recall = matches / (matches + misses),
  F1 = 2 matches / (2 matches + misses + extras). A zero denominator means both sides have
  nothing to count there: the score is then 1.0 if neither side has anything of the label
  and 0.0 otherwise. "ALL" is the micro average: the counts summed over the labels.
- Cohen's kappa over characters: each code point of the body gets one category per side, the
  label of an annotation covering it or "none". Where one side's labels overlap, the label that
  comes first in the codebook (the order of `labels`; unknown ids after, by name) wins.
  Over tokens: whitespace-separated tokens; a token takes every label touching any of its
  characters, and the first in codebook order wins. kappa = (po - pe) / (1 - pe). When there
  is nothing to disagree on (an empty body, or both sides put every unit in one and the same
  category, e.g. no annotations at all) pe = 1 and kappa is defined as 1.0.
- Krippendorff's alpha for unitizing (u-alpha; Krippendorff 1995, Content Analysis 2004 and
  2013): the body is the continuum, each label a category, each side a coder whose units are
  its annotations of that label and whose gaps are the stretches between them. alpha =
  1 - sum_c Do_c / sum_c De_c. It does not fit, and is None, when a side has overlapping units
  of one label, when the body is empty, or when neither side has any unit (De = 0).
- missed / extra: the key's and the layer's annotations left without an overlap match.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import pairwise
from typing import Any

from gui.core.annotations.model import Annotation
from gui.core.trainer.unitizing import unitizing_alpha

ALL = "ALL"  # the label of the micro-averaged row
NONE = "none"  # the category of a unit no annotation covers
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True)
class LabelScore:
    """Matches, misses and extras of one label (or ALL), with precision, recall and F1."""

    label: str
    matches: int
    misses: int
    extras: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, label: str, matches: int, misses: int, extras: int) -> LabelScore:
        """The scores of these counts, with the zero-denominator rule of the module."""
        empty = 1.0 if misses == extras == 0 else 0.0
        found, relevant = matches + extras, matches + misses
        precision = matches / found if found else empty
        recall = matches / relevant if relevant else empty
        total = 2 * matches + misses + extras
        f1 = 2 * matches / total if total else 1.0
        return cls(label, matches, misses, extras, precision, recall, f1)


@dataclass(frozen=True)
class Comparison:
    """A layer against the key: per-label scores, kappas, u-alpha, and what was missed or extra."""

    key: str
    layer: str
    exact: tuple[LabelScore, ...]  # one per label used by either side, then ALL
    overlap: tuple[LabelScore, ...]
    kappa_chars: float
    kappa_tokens: float
    alpha_unitizing: float | None  # None where u-alpha does not fit
    missed: tuple[Annotation, ...]  # key annotations without an overlap match
    extra: tuple[Annotation, ...]  # layer annotations without an overlap match

    def score(self, label: str = ALL, matching: str = "overlap") -> LabelScore:
        """The score of one label (default ALL) under "exact" or "overlap" matching."""
        scores = self.exact if matching == "exact" else self.overlap
        return next(score for score in scores if score.label == label)

    def to_json(self) -> dict[str, Any]:
        """Everything as JSON-ready data (annotations by id, label id, offsets and text)."""
        return {
            "key": self.key,
            "layer": self.layer,
            "exact": [asdict(score) for score in self.exact],
            "overlap": [asdict(score) for score in self.overlap],
            "kappa_chars": self.kappa_chars,
            "kappa_tokens": self.kappa_tokens,
            "alpha_unitizing": self.alpha_unitizing,
            "missed": [_annotation_json(a) for a in self.missed],
            "extra": [_annotation_json(a) for a in self.extra],
        }


@dataclass(frozen=True)
class _Span:
    """An annotation as the scores see it: clipped offsets, label name and codebook rank."""

    start: int
    end: int
    label: str
    rank: int
    annotation: Annotation

    @property
    def order(self) -> tuple[int, int, int]:
        """The tie-break order: start, end, id."""
        return self.start, self.end, self.annotation.id


Run = tuple[int, int, int]  # start, end, rank of the label that wins there


def compare(
    body: str,
    key: Sequence[Annotation],
    layer: Sequence[Annotation],
    labels: Mapping[int, str],
    key_name: str = "",
    layer_name: str = "",
) -> Comparison:
    """Score layer against key over body; labels maps label ids to names, in codebook order."""
    ranks = _ranks(labels, [*key, *layer])
    names = sorted(ranks, key=ranks.__getitem__)
    key_spans, layer_spans = _spans(body, key, labels, ranks), _spans(body, layer, labels, ranks)
    exact = _match(key_spans, layer_spans, _exact_weight)
    overlap = _match(key_spans, layer_spans, _overlap_weight)
    key_runs, layer_runs = _runs(key_spans), _runs(layer_spans)
    return Comparison(
        key=key_name,
        layer=layer_name,
        exact=_scores(names, key_spans, layer_spans, exact),
        overlap=_scores(names, key_spans, layer_spans, overlap),
        kappa_chars=cohen_kappa(_char_table(len(body), key_runs, layer_runs)),
        kappa_tokens=cohen_kappa(_token_table(body, key_runs, layer_runs)),
        alpha_unitizing=_alpha(len(body), key_spans, layer_spans),
        missed=_unmatched(key_spans, {pair[0] for pair in overlap}),
        extra=_unmatched(layer_spans, {pair[1] for pair in overlap}),
    )


def scoreboard(
    body: str,
    key: Sequence[Annotation],
    layers: Mapping[str, Sequence[Annotation]],
    labels: Mapping[int, str],
    key_name: str = "",
) -> list[Comparison]:
    """Every layer compared with the key, in the order of layers."""
    return [compare(body, key, found, labels, key_name, name) for name, found in layers.items()]


def cohen_kappa(table: Mapping[tuple[Hashable, Hashable], int]) -> float:
    """Cohen's kappa of a table counting units by (first coder's, second coder's) category.

    1.0 when there is nothing to disagree on: no units, or expected agreement of 1.
    """
    total = sum(table.values())
    agreed = sum(count for (first, second), count in table.items() if first == second)
    first_counts: Counter[Hashable] = Counter()
    second_counts: Counter[Hashable] = Counter()
    for (first, second), count in table.items():
        first_counts[first] += count
        second_counts[second] += count
    chance = sum(count * second_counts[category] for category, count in first_counts.items())
    if total * total == chance:  # covers total == 0
        return 1.0
    # (po - pe) / (1 - pe), multiplied through by total² to stay in integers until here.
    return (total * agreed - chance) / (total * total - chance)


# Spans and labels


def _ranks(labels: Mapping[int, str], annotations: Iterable[Annotation]) -> dict[str, int]:
    """Each label name used by the annotations, with its codebook rank (unknown ones after)."""
    order: dict[str, int] = {}
    for name in labels.values():
        order.setdefault(name, len(order))
    used = {_label_name(labels, a.label_id) for a in annotations}
    unknown = sorted(used - order.keys())
    ranked = {name: rank for name, rank in order.items() if name in used}
    ranked.update({name: len(order) + n for n, name in enumerate(unknown)})
    return ranked


def _label_name(labels: Mapping[int, str], label_id: int) -> str:
    """The label's name; a made-up one for an id the codebook does not know."""
    return labels.get(label_id, f"label {label_id}")


def _spans(
    body: str, annotations: Sequence[Annotation], labels: Mapping[int, str], ranks: dict[str, int]
) -> list[_Span]:
    """The placed annotations as clipped, non-empty spans, by position."""
    spans = []
    for a in annotations:
        start, end = max(0, a.start), min(len(body), a.end)
        if a.orphaned or start >= end:
            continue
        name = _label_name(labels, a.label_id)
        spans.append(_Span(start, end, name, ranks[name], a))
    return sorted(spans, key=lambda span: span.order)


# Matching


def _exact_weight(key: _Span, layer: _Span) -> int:
    """The span's length when both have it, else 0 (no match)."""
    return key.end - key.start if (key.start, key.end) == (layer.start, layer.end) else 0


def _overlap_weight(key: _Span, layer: _Span) -> int:
    """How many characters the two spans share."""
    return max(0, min(key.end, layer.end) - max(key.start, layer.start))


def _match(
    key: list[_Span], layer: list[_Span], weight: Callable[[_Span, _Span], int]
) -> list[tuple[int, int]]:
    """One-to-one greedy matching of same-label spans: (key index, layer index) pairs."""
    candidates = []
    starts = [span.start for span in layer]
    longest = max((span.end - span.start for span in layer), default=0)
    for i, k in enumerate(key):
        # layer is sorted by start: a span starting more than the longest one's length
        # before k cannot reach it, and one starting at k.end or later cannot overlap it.
        first = bisect_left(starts, k.start - longest)
        for j in range(first, bisect_left(starts, k.end)):
            found = layer[j]
            shared = weight(k, found) if k.label == found.label else 0
            if shared > 0:
                candidates.append((-shared, k.order, found.order, i, j))
    taken_key, taken_layer, pairs = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i not in taken_key and j not in taken_layer:
            taken_key.add(i)
            taken_layer.add(j)
            pairs.append((i, j))
    return pairs


def _scores(
    names: list[str], key: list[_Span], layer: list[_Span], pairs: list[tuple[int, int]]
) -> tuple[LabelScore, ...]:
    """A LabelScore per label name, then the micro-averaged ALL."""
    matches = Counter(key[i].label for i, _ in pairs)
    key_counts = Counter(span.label for span in key)
    layer_counts = Counter(span.label for span in layer)
    scores = [
        LabelScore.of(
            name,
            matches[name],
            key_counts[name] - matches[name],
            layer_counts[name] - matches[name],
        )
        for name in names
    ]
    total = LabelScore.of(ALL, len(pairs), len(key) - len(pairs), len(layer) - len(pairs))
    return (*scores, total)


def _unmatched(spans: list[_Span], matched: set[int]) -> tuple[Annotation, ...]:
    """The annotations of the spans whose index is not among matched."""
    return tuple(span.annotation for i, span in enumerate(spans) if i not in matched)


# Cohen's kappa


def _runs(spans: list[_Span]) -> list[Run]:
    """The stretches covered by spans, each with the best (lowest) rank covering it."""
    opening, closing = defaultdict(list), defaultdict(list)
    for span in spans:
        opening[span.start].append(span.rank)
        closing[span.end].append(span.rank)
    active: Counter[int] = Counter()
    runs: list[Run] = []
    for start, end in pairwise(sorted(opening.keys() | closing.keys())):
        active.update(opening[start])
        active.subtract(closing[start])
        live = [rank for rank, count in active.items() if count > 0]
        if live:
            runs.append((start, end, min(live)))
    return runs


def _char_table(length: int, key: list[Run], layer: list[Run]) -> dict[tuple[int, int], int]:
    """How many characters have each (key rank, layer rank); -1 stands for "none"."""
    cuts = sorted({0, length, *(r[0] for r in key + layer), *(r[1] for r in key + layer)})
    table: Counter[tuple[int, int]] = Counter()
    for start, end in pairwise(cuts):
        table[_rank_at(key, start), _rank_at(layer, start)] += end - start
    return dict(table)


def _rank_at(runs: list[Run], position: int) -> int:
    """The rank of the run holding position, or -1 ("none")."""
    index = bisect_right(runs, (position, float("inf"), 0)) - 1
    return runs[index][2] if index >= 0 and runs[index][1] > position else -1


def _token_table(body: str, key: list[Run], layer: list[Run]) -> dict[tuple[int, int], int]:
    """How many whitespace tokens have each (key rank, layer rank); -1 stands for "none"."""
    tokens = [match.span() for match in _TOKEN.finditer(body)]
    starts, ends = [t[0] for t in tokens], [t[1] for t in tokens]
    key_ranks, layer_ranks = _token_ranks(starts, ends, key), _token_ranks(starts, ends, layer)
    touched = key_ranks.keys() | layer_ranks.keys()
    table = Counter((key_ranks.get(i, -1), layer_ranks.get(i, -1)) for i in touched)
    table[-1, -1] += len(tokens) - len(touched)
    return dict(table)


def _token_ranks(starts: list[int], ends: list[int], runs: list[Run]) -> dict[int, int]:
    """For each token touched by a run, the best rank touching it."""
    ranks: dict[int, int] = {}
    for start, end, rank in runs:
        for token in range(bisect_right(ends, start), bisect_left(starts, end)):
            ranks[token] = min(rank, ranks.get(token, rank))
    return ranks


# Krippendorff's u-alpha


def _alpha(length: int, key: list[_Span], layer: list[_Span]) -> float | None:
    """u-alpha of the two sides' spans over the body."""
    coders = [[(s.start, s.end, s.label) for s in spans] for spans in (key, layer)]
    return unitizing_alpha(length, coders)


def _annotation_json(annotation: Annotation) -> dict[str, Any]:
    """An annotation in a comparison's JSON: enough to find and show it."""
    a = annotation
    return {
        "id": a.id,
        "label_id": a.label_id,
        "start": a.start,
        "end": a.end,
        "text": a.text,
        "note": a.note,
        "annotator": a.annotator,
    }
