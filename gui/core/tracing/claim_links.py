"""Relations a person sets between figures of two articles, and every change to them as a command.

Within one article the relations live with its findings (gui.core.sourcing.commands:
SetClaimRelation); here, two figures of different articles ("about 20" in the Courier
corroborates "21" in the Baltic Wire). A figure is named by its article and its claim key
(text@start, as claim_assessments names it). Only a person relates figures: the app never
says "contradicts".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from gui.core.changes import Change
from gui.core.sourcing.commands import (
    RELATIONS,
    ClaimAssessment,
    ClearClaimAssessment,
    ClearClaimRelation,
    SetClaimAssessment,
    SetClaimRelation,
    split_claim_key,
)

RELATION_WORDS = {  # as a figure's relations are shown and described
    "corroborates": "corroborates",
    "different_scope": "different scope from",
    "contradicts": "contradicts",
}
_UNDO_WORDS = {
    "corroborates": "corroborating",
    "different_scope": "of different scope",
    "contradicts": "contradicting",
}

Figure = tuple[int, str]  # (article id, claim key)


def ordered(first: Figure, second: Figure) -> tuple[Figure, Figure]:
    """The pair in the order the library keeps it: the smaller article first."""
    return (first, second) if first <= second else (second, first)


def _check(article_a: int, key_a: str, article_b: int, key_b: str, relation: str = "") -> None:
    """ValueError unless two figures of different articles, and a known relation."""
    if relation and relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r} (one of {', '.join(RELATIONS)})")
    if article_a == article_b:
        raise ValueError("figures of one article are related within the article")
    for key in (key_a, key_b):
        if split_claim_key(key) is None:
            raise ValueError(f"{key!r} is not a figure's key (text@start)")


def _figure_text(article_id: int, key: str) -> str:
    """A figure as an undo description names it: 'about 20' (article 4)."""
    parts = split_claim_key(key)
    text = " ".join((parts[0] if parts else key).split())
    return f"'{text[:29] + '…' if len(text) > 30 else text}' (article {article_id})"


@dataclass(frozen=True)
class CrossClaimRelation:
    """How a person relates two figures of different articles (article_a < article_b)."""

    article_a: int
    key_a: str
    article_b: int
    key_b: str
    relation: str
    note: str = ""
    modified: str = ""  # ISO 8601, UTC

    def __post_init__(self) -> None:
        _check(self.article_a, self.key_a, self.article_b, self.key_b, self.relation)


@dataclass(frozen=True)
class SetCrossClaimRelation:
    """Relate two figures of different articles (given in either order)."""

    touches = Change.CLAIMS

    article_a: int
    key_a: str
    article_b: int
    key_b: str
    relation: str
    note: str = ""
    modified: str = ""  # "" stamps the current time

    def __post_init__(self) -> None:
        _check(self.article_a, self.key_a, self.article_b, self.key_b, self.relation)
        if not self.relation:
            raise ValueError("a relation is needed (ClearCrossClaimRelation takes one away)")

    @property
    def description(self) -> str:
        """What the undo menu calls it: "Mark 'about 20' (article 4) and '21' (article 5) ..."."""
        first = _figure_text(self.article_a, self.key_a)
        second = _figure_text(self.article_b, self.key_b)
        return f"Mark {first} and {second} {_UNDO_WORDS[self.relation]}"

    @staticmethod
    def of(relation: CrossClaimRelation) -> SetCrossClaimRelation:
        """The command that puts a relation back exactly as it is."""
        r = relation
        return SetCrossClaimRelation(
            r.article_a, r.key_a, r.article_b, r.key_b, r.relation, r.note, r.modified
        )


@dataclass(frozen=True)
class ClearCrossClaimRelation:
    """Take away the relation between two figures of different articles (either order)."""

    touches = Change.CLAIMS

    article_a: int
    key_a: str
    article_b: int
    key_b: str
    description = "Remove relation between figures"

    def __post_init__(self) -> None:
        _check(self.article_a, self.key_a, self.article_b, self.key_b)


@dataclass(frozen=True)
class FigureRelation:
    """A relation seen from one figure: how it relates to the other, and where that one is."""

    relation: str
    article_id: int  # the other figure's article
    key: str  # the other figure's claim key
    outlet: str = ""
    published: str = ""

    @property
    def text(self) -> str:
        """The other figure as written."""
        parts = split_claim_key(self.key)
        return parts[0] if parts else self.key

    def described(self) -> str:
        """In words: "contradicts Baltic Wire 2026-03-05 figure '21'"."""
        where = " ".join(p for p in (self.outlet or f"article {self.article_id}", self.published))
        return f"{RELATION_WORDS.get(self.relation, self.relation)} {where} figure '{self.text}'"

    def as_dict(self) -> dict[str, Any]:
        """The relation in the command line's shape."""
        return {
            "relation": self.relation,
            "article": self.article_id,
            "key": self.key,
            "text": self.text,
            "outlet": self.outlet,
            "published": self.published,
        }


CrossClaimCommand = SetCrossClaimRelation | ClearCrossClaimRelation


def named_figures(keys: Sequence[str], wanted: str) -> list[str]:
    """The keys among these that wanted names: a key itself, else a figure's text as written
    (case and spacing aside)."""
    if wanted in keys:
        return [wanted]
    folded = " ".join(wanted.casefold().split())
    return [k for k in keys if " ".join(k.rpartition("@")[0].casefold().split()) == folded]


def relation_change(first: Figure, second: Figure, relation: str) -> Any:
    """The command that relates two figures ('' takes the relation away).

    Figures of one article are related within it (SetClaimRelation, as its Claims panel
    does); figures of two articles across them.
    """
    (a, key_a), (b, key_b) = ordered(first, second)
    if a == b:
        keys = sorted((key_a, key_b))
        if relation:
            return SetClaimRelation(a, *keys, relation)
        return ClearClaimRelation(a, *keys)
    if relation:
        return SetCrossClaimRelation(a, key_a, b, key_b, relation)
    return ClearCrossClaimRelation(a, key_a, b, key_b)


def verdict_change(
    figure: Figure, current: ClaimAssessment | None, status: str, annotator: str = ""
) -> SetClaimAssessment | ClearClaimAssessment | None:
    """The command that gives a figure this status ('' takes it away); None: nothing to do.

    The verdict is the article's own claim assessment. Taking it away keeps the grades and
    note a person gave in the article (the status goes back to unverified); with none,
    the assessment goes.
    """
    article_id, key = figure
    if status:
        base = SetClaimAssessment.of(current) if current else SetClaimAssessment(article_id, key)
        return replace(base, status=status, annotator=annotator, modified="")
    if current is None:
        return None
    if current.source_grade or current.info_grade or current.note:
        if current.status == "unverified":
            return None
        return replace(SetClaimAssessment.of(current), status="unverified", modified="")
    return ClearClaimAssessment(article_id, key)
