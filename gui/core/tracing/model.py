"""Value types of a trace: appearances of statements, the trace itself, and its origin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SAME, SHORTENED, CHANGED, PARAPHRASED = "same", "shortened", "changed", "paraphrased"
CHANGES = (SAME, SHORTENED, CHANGED, PARAPHRASED)
KEPT, ADDED, REMOVED = "same", "added", "removed"  # how a word stands against the earliest


@dataclass(frozen=True)
class Appearance:
    """A statement as one article carries it: where, who says it, and through whom."""

    article_id: int
    title: str
    outlet: str
    published: str  # ISO 8601 date, or '' when unknown
    start: int
    end: int
    text: str
    speaker: str  # as the article names them
    speaker_key: str = ""  # the normalised name or alias group; '' when anonymous or unresolved
    via: tuple[str, ...] = ()  # who passed it on, outermost first ("Baltic Wire", ...)
    attribution: int = 0  # the attribution's id within its article
    anonymous: bool = False

    @property
    def chain(self) -> str:
        """The relay chain as the app shows it: "Baltic Wire ← Stahl"; '' when direct."""
        return " ← ".join([*self.via, self.speaker]) if self.via else ""


@dataclass(frozen=True)
class WordMark:
    """One word of a version against the earliest version: kept, added or removed."""

    text: str
    mark: str


@dataclass(frozen=True)
class Traced:
    """One appearance in a trace, with how it compares to the earliest version."""

    appearance: Appearance
    similarity: float  # 0..1 against the earliest version
    change: str  # one of CHANGES
    words: tuple[WordMark, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The appearance in the command line's shape."""
        a = self.appearance
        return {
            "article": a.article_id,
            "title": a.title,
            "outlet": a.outlet,
            "published": a.published,
            "start": a.start,
            "end": a.end,
            "text": a.text,
            "speaker": a.speaker,
            "via": a.chain,
            "similarity": round(self.similarity, 3),
            "change": self.change,
            "words": [[w.text, w.mark] for w in self.words if w.mark != KEPT],
        }


@dataclass(frozen=True)
class Origin:
    """Where a statement first appeared, and why the trace says so."""

    index: int | None  # into Trace.appearances; None: the outlet pointed to is not in the library
    reason: str  # "earliest" (relays no one), "pointed" (others say they relay it), "relayed"
    outlet: str = ""  # the outlet the origin is (or is said to be)

    def as_dict(self, trace: Trace) -> dict[str, Any]:
        """The origin in the command line's shape: the appearance (or null), reason, outlet."""
        shown = None if self.index is None else trace.appearances[self.index].as_dict()
        return {"appearance": shown, "reason": self.reason, "outlet": self.outlet}


@dataclass(frozen=True)
class Trace:
    """Every appearance of one statement, ordered, with its origin and the look-alikes."""

    appearances: tuple[Traced, ...] = ()
    origin: Origin | None = None
    similar: tuple[Traced, ...] = ()  # similar words, different speaker: not the statement

    def as_dict(self) -> dict[str, Any]:
        """The trace in the command line's shape."""
        return {
            "appearances": [t.as_dict() for t in self.appearances],
            "origin": self.origin.as_dict(self) if self.origin else None,
            "similar": [t.as_dict() for t in self.similar],
        }
