"""Claims across the library: the figures about one event, side by side and as a timeline.

Figures join a group by the family of their event word and of what they count, as within one
article ("killed", "dead", "died"; "people", "civilians"), so the injured stay apart from the
dead. The app never judges figures; it only puts them side by side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, NamedTuple

from gui.core.sourcing.commands import claim_key
from gui.core.sourcing.numbers_words import counted_family, event_family, stem
from gui.core.tracing.claim_links import FigureRelation
from gui.core.tracing.wording import word_keys


class ClaimFigure(NamedTuple):
    """One figure in one article: what it says, its value, what it counts, who gives it.

    A named tuple, not a dataclass (as SourceMention): the Claims tab of a big library reads
    300,000 of them, and a frozen dataclass's fifteen guarded assignments took a third of
    that time. Change one with _replace.
    """

    article_id: int
    title: str
    outlet: str
    published: str
    claim: int
    start: int
    end: int
    text: str
    value: float | None
    counted: str
    event: str
    source: str
    via: str = ""
    verdict: str = ""  # the status a person gave it ('' while nobody judged it)
    relations: tuple[FigureRelation, ...] = ()  # how a person relates it to other figures

    @property
    def key(self) -> str:
        """The figure's claim key (text@start), as its article's verdicts name it."""
        return claim_key(self.text, self.start)

    def as_dict(self) -> dict[str, Any]:
        """The figure in the command line's shape."""
        return {
            "article": self.article_id,
            "key": self.key,
            "published": self.published,
            "outlet": self.outlet,
            "text": self.text,
            "value": self.value,
            "counted": self.counted,
            "event": self.event,
            "source": self.source,
            "via": self.via,
            "verdict": self.verdict,
            "relations": [r.as_dict() for r in self.relations],
        }


@dataclass(frozen=True)
class EventGroup:
    """The figures of one event and thing counted, across articles, in publication order."""

    event: str  # the family of the event word ("kill", "injure"), or the word itself
    counted: str  # the family of what is counted ("people"), or the word itself
    figures: tuple[ClaimFigure, ...]

    def series(self) -> dict[str, list[tuple[str, float]]]:
        """The timeline: per outlet, (published, value) of each dated figure with a value."""
        points: dict[str, list[tuple[str, float]]] = {}
        for f in self.figures:
            if f.published and f.value is not None:
                points.setdefault(f.outlet, []).append((f.published, f.value))
        return points

    def as_dict(self) -> dict[str, Any]:
        """The group in the command line's shape."""
        return {
            "event": self.event,
            "counted": self.counted,
            "figures": [f.as_dict() for f in self.figures],
        }


@dataclass(frozen=True)
class ClaimGroup:
    """One event and thing counted: the word pairs the figures use, and how many figures."""

    event: str
    counted: str
    pairs: tuple[tuple[str, str], ...]  # (event, counted) as the rows have them
    figures: int

    def as_dict(self) -> dict[str, Any]:
        """The group in the command line's shape, without its figures."""
        return {"event": self.event, "counted": self.counted, "count": self.figures}


def group_key(figure: ClaimFigure) -> tuple[str, str]:
    """(event family, counted family) of a figure; a word without a family stands for itself."""
    return pair_key(figure.event, figure.counted)


def pair_key(event: str, counted: str) -> tuple[str, str]:
    """(event family, counted family) of an event word and a thing counted."""
    return _family(event, event_family), _family(counted, counted_family)


def claim_groups(pairs: Iterable[tuple[str, str, int]]) -> list[ClaimGroup]:
    """The groups of (event, counted, figures) pairs, the largest first."""
    grouped: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
    for event, counted, count in pairs:
        key = pair_key(event, counted)
        if any(key):
            grouped.setdefault(key, []).append((event, counted, count))
    groups = [
        ClaimGroup(key[0], key[1], tuple((e, c) for e, c, _ in items), sum(n for *_, n in items))
        for key, items in grouped.items()
    ]
    return sorted(groups, key=lambda g: (-g.figures, g.event, g.counted))


def group_claims(figures: Iterable[ClaimFigure], least: int = 1) -> list[EventGroup]:
    """Figures grouped by event; groups with at least `least` articles, the largest first."""
    grouped: dict[tuple[str, str], list[ClaimFigure]] = {}
    lists: dict[tuple[str, str], list[ClaimFigure] | None] = {}  # a library has few pairs
    figures = list(figures)
    for figure, pair in zip(figures, map(_PAIR, figures), strict=True):
        found = lists.get(pair, _UNSEEN)
        if found is _UNSEEN:
            key = pair_key(*pair)
            found = lists[pair] = grouped.setdefault(key, []) if any(key) else None
        if found is not None:
            found.append(figure)
    groups = [
        EventGroup(event, counted, tuple(sorted(items, key=figure_order)))
        for (event, counted), items in grouped.items()
        if least <= 1 or len({f.article_id for f in items}) >= least
    ]
    return sorted(groups, key=lambda g: (-len(g.figures), g.event, g.counted))


_UNSEEN: list[ClaimFigure] = []  # group_claims: a pair not met yet
_PAIR = itemgetter(ClaimFigure._fields.index("event"), ClaimFigure._fields.index("counted"))


def _family(text: str, family) -> str:
    """The family of a phrase, else the stem of its last word, else ''."""
    found = family(text)
    if found:
        return found
    keys = word_keys(text)
    return stem(keys[-1]) if keys else ""


def figure_order(figure: ClaimFigure) -> tuple[str, str, int, int]:
    """Publication date (undated last), outlet, article, place."""
    return figure.published or "~", figure.outlet.casefold(), figure.article_id, figure.start


def most_common(texts: Iterable[str]) -> str:
    """The text given most often (the first of equals), '' for none."""
    counts = Counter(t for t in texts if t)
    return counts.most_common(1)[0][0] if counts else ""
