"""What the user decides about sourcing findings, and every change to it as a command (data).

Verdicts on numeric claims (a status and an Admiralty grade), relations between two claims,
and corrections of attributions (another speaker, a quote removed or added). Like the commands
in gui.core.annotations.model, gui.core.storage.commands_store.apply() carries each out in one
transaction and returns its inverse.
"""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.changes import Change

STATUSES: tuple[str, ...] = ("unverified", "verified", "disputed", "false")
SOURCE_GRADES: tuple[str, ...] = tuple("ABCDEF")  # Admiralty: source reliability
INFO_GRADES: tuple[str, ...] = tuple("123456")  # Admiralty: information credibility
# What each Admiralty grade means (the NATO/STANAG 2511 wording).
SOURCE_RELIABILITY: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
INFO_CREDIBILITY: dict[str, str] = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
RELATIONS: tuple[str, ...] = ("corroborates", "different_scope", "contradicts")
CORRECTION_KINDS: tuple[str, ...] = ("speaker", "remove_quote", "add_quote")
KEY_SEPARATOR = "@"
_EXCERPT_CHARS = 30  # longest quote shown in an undo description
_RELATION_WORDS = {
    "corroborates": "corroborating",
    "different_scope": "of different scope",
    "contradicts": "contradicting",
}


def claim_key(text: str, start: int) -> str:
    """The stable key of a numeric claim: its exact text and start offset ("about 400@1234")."""
    return f"{text}{KEY_SEPARATOR}{start}"


def split_claim_key(key: str) -> tuple[str, int] | None:
    """(text, start) of a claim key; None when key is not one."""
    text, separator, start = key.rpartition(KEY_SEPARATOR)
    if not separator or not text or not start.isdigit():
        return None
    return text, int(start)


def _short(text: str) -> str:
    """text on one line, cut with an ellipsis, for undo descriptions."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT_CHARS else flat[: _EXCERPT_CHARS - 1].rstrip() + "…"


def _claim_text(key: str) -> str:
    """The claim's text in a key, shortened (the key itself when it is not a claim key)."""
    parts = split_claim_key(key)
    return _short(parts[0] if parts else key)


def _check_assessment(status: str, source_grade: str, info_grade: str) -> None:
    """ValueError unless status and grades are among the known values."""
    if status not in STATUSES:
        raise ValueError(f"unknown verification status {status!r}")
    if source_grade and source_grade not in SOURCE_GRADES:
        raise ValueError(f"{source_grade!r} is not a source grade (A to F)")
    if info_grade and info_grade not in INFO_GRADES:
        raise ValueError(f"{info_grade!r} is not an information grade (1 to 6)")


def _check_relation(key_a: str, key_b: str, relation: str) -> None:
    """ValueError unless relation is known and relates two different claims."""
    if relation not in RELATIONS:
        raise ValueError(f"unknown relation {relation!r}")
    if key_a == key_b:
        raise ValueError("a claim cannot be related to itself")


@dataclass(frozen=True)
class ClaimAssessment:
    """The user's verdict on one numeric claim: status, Admiralty grades, note, who and when."""

    article_id: int
    claim_key: str
    status: str = "unverified"
    source_grade: str = ""  # "A".."F" or ""
    info_grade: str = ""  # "1".."6" or ""
    note: str = ""
    annotator: str = ""
    modified: str = ""  # ISO 8601, UTC

    def __post_init__(self) -> None:
        _check_assessment(self.status, self.source_grade, self.info_grade)

    @property
    def grade(self) -> str:
        """The Admiralty grade as written, e.g. "B2" ("" when ungraded)."""
        return f"{self.source_grade}{self.info_grade}"


@dataclass(frozen=True)
class ClaimRelation:
    """How the user relates two claims of an article (key_a < key_b)."""

    article_id: int
    key_a: str
    key_b: str
    relation: str
    note: str = ""
    modified: str = ""  # ISO 8601, UTC

    def __post_init__(self) -> None:
        _check_relation(self.key_a, self.key_b, self.relation)


@dataclass(frozen=True)
class SourcingCorrection:
    """A user's correction of an attribution, found by its content span [start, end).

    kind "speaker": the attribution's source becomes value; "remove_quote": it is no
    attribution; "add_quote": the span is a direct quote of value.
    """

    id: int  # 0 for one not saved yet; corrections apply in id order
    article_id: int
    kind: str
    start: int
    end: int
    exact: str  # the content's text, as it was when corrected
    value: str = ""  # the speaker, for "speaker" and "add_quote"
    created: str = ""  # ISO 8601, UTC

    def __post_init__(self) -> None:
        if self.kind not in CORRECTION_KINDS:
            raise ValueError(f"unknown sourcing correction {self.kind!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"{self.start}..{self.end} is not a span")
        if self.kind != "remove_quote" and not self.value.strip():
            raise ValueError(f"a {self.kind!r} correction needs the speaker's name")


@dataclass(frozen=True)
class SetClaimAssessment:
    """Give a claim a status, grades and a note; modified "" stamps the current time."""

    touches = Change.CLAIMS

    article_id: int
    claim_key: str
    status: str = "unverified"
    source_grade: str = ""
    info_grade: str = ""
    note: str = ""
    annotator: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        _check_assessment(self.status, self.source_grade, self.info_grade)

    @property
    def description(self) -> str:
        """What the undo menu calls it, e.g. "Assess 'about 400'"."""
        return f"Assess '{_claim_text(self.claim_key)}'"

    @staticmethod
    def of(assessment: ClaimAssessment) -> SetClaimAssessment:
        """The command that puts an assessment back exactly as it is (its times included)."""
        a = assessment
        return SetClaimAssessment(
            a.article_id,
            a.claim_key,
            a.status,
            a.source_grade,
            a.info_grade,
            a.note,
            a.annotator,
            a.modified,
        )


@dataclass(frozen=True)
class ClearClaimAssessment:
    """Forget the user's verdict on a claim."""

    touches = Change.CLAIMS

    article_id: int
    claim_key: str

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Clear assessment of '{_claim_text(self.claim_key)}'"


@dataclass(frozen=True)
class SetClaimRelation:
    """Relate two claims (in either order); modified "" stamps the current time."""

    touches = Change.CLAIMS

    article_id: int
    key_a: str
    key_b: str
    relation: str
    note: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        _check_relation(self.key_a, self.key_b, self.relation)

    @property
    def description(self) -> str:
        """What the undo menu calls it, e.g. "Mark 'about 400' and 'up to 300' contradicting"."""
        pair = f"'{_claim_text(self.key_a)}' and '{_claim_text(self.key_b)}'"
        return f"Mark {pair} {_RELATION_WORDS[self.relation]}"

    @staticmethod
    def of(relation: ClaimRelation) -> SetClaimRelation:
        """The command that puts a relation back exactly as it is."""
        r = relation
        return SetClaimRelation(r.article_id, r.key_a, r.key_b, r.relation, r.note, r.modified)


@dataclass(frozen=True)
class ClearClaimRelation:
    """Remove the relation between two claims (in either order)."""

    touches = Change.CLAIMS

    article_id: int
    key_a: str
    key_b: str
    description = "Remove relation between claims"


@dataclass(frozen=True)
class AddSourcingCorrection:
    """Save a correction of an attribution (id 0: the library assigns one; else that id)."""

    touches = Change.QUOTES

    correction: SourcingCorrection

    @property
    def description(self) -> str:
        """What the undo menu calls it, e.g. "Change speaker of 'We will not…' to 'Carter'"."""
        c = self.correction
        quote = _short(c.exact)
        if c.kind == "speaker":
            return f"Change speaker of '{quote}' to '{_short(c.value)}'"
        if c.kind == "remove_quote":
            return f"Remove quote '{quote}'"
        return f"Add quote '{quote}' by '{_short(c.value)}'"


@dataclass(frozen=True)
class RemoveSourcingCorrection:
    """Delete a correction of an attribution."""

    touches = Change.QUOTES

    correction_id: int
    description = "Remove sourcing correction"


SourcingCommand = (
    SetClaimAssessment
    | ClearClaimAssessment
    | SetClaimRelation
    | ClearClaimRelation
    | AddSourcingCorrection
    | RemoveSourcingCorrection
)
