"""Value types of the source-criticism lens: attributions, hedges, numbers, flags, profile."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SOURCE_TYPES = ("person", "institution", "outlet", "anonymous", "pronoun", "description", "unknown")
ATTRIBUTION_KINDS = ("direct", "indirect", "mixed", "partial", "floating", "according_to")
VERB_CLASSES = ("neutral", "relay", "loaded", "")
HEDGE_CLASSES = (
    "agentless",
    "possible",
    "probable",
    "belief",
    "condition",
    "approximator",
    "doubt",
)
INTEGRITY_KINDS = ("insertion", "ellipsis")


@dataclass(frozen=True, order=True)
class SpanText:
    """A half-open code-point range [start, end) of the body and the text it covers."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        """The span as {start, end, text}."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Source:
    """Who a statement is attributed to, how they are named, and through which channel."""

    span: SpanText | None
    type: str = "unknown"
    resolved: str = ""
    anonymous: bool = False
    channel: str = ""
    verify: bool = False

    @property
    def name(self) -> str:
        """The resolved name if any, else the text as written, else ''."""
        if self.resolved:
            return self.resolved
        return self.span.text if self.span else ""

    def as_dict(self) -> dict[str, Any]:
        """The source in the CLI shape: {start, end, text, type, resolved, ...}."""
        span = self.span.as_dict() if self.span else {"start": None, "end": None, "text": ""}
        return span | {
            "type": self.type,
            "resolved": self.resolved,
            "anonymous": self.anonymous,
            "channel": self.channel,
            "verify": self.verify,
        }


@dataclass(frozen=True)
class Attribution:
    """One quote or reported statement: its kind, speech verb, source, content and relay chain."""

    id: int
    kind: str
    cue: SpanText | None
    source: Source
    content: SpanText
    via: tuple[Source, ...] = ()
    verb_class: str = ""
    quote_marks: bool = False
    paragraph: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The attribution in the CLI shape of issue 4."""
        return {
            "id": self.id,
            "kind": self.kind,
            "cue": self.cue.as_dict() if self.cue else None,
            "source": self.source.as_dict(),
            "content": self.content.as_dict(),
            "via": [s.as_dict() for s in self.via],
            "verb_class": self.verb_class,
            "quote_marks": self.quote_marks,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True)
class Hedge:
    """A hedge or weasel cue with its class, estimative band and the speaker who hedges."""

    start: int
    end: int
    text: str
    cls: str
    band: str = ""
    speaker: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The hedge as {start, end, text, class, band, speaker}."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "class": self.cls,
            "band": self.band,
            "speaker": self.speaker,
        }


@dataclass(frozen=True)
class NumericClaim:
    """A figure with its approximator, what it counts, time window, event and source chain."""

    id: int
    span: SpanText
    value: float | None = None
    approximator: str = ""
    counted: str = ""
    window: str = ""
    event: str = ""
    source: str = ""
    via: tuple[str, ...] = ()
    group: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The claim as {start, end, text, approximator, counted, source, ...}."""
        return self.span.as_dict() | {
            "id": self.id,
            "value": self.value,
            "approximator": self.approximator,
            "counted": self.counted,
            "window": self.window,
            "event": self.event,
            "source": self.source,
            "via": list(self.via),
            "group": self.group,
        }


@dataclass(frozen=True)
class IntegrityFlag:
    """A square-bracket insertion or an ellipsis inside a quote."""

    start: int
    end: int
    text: str
    kind: str

    def as_dict(self) -> dict[str, Any]:
        """The flag as {start, end, text, kind}."""
        return asdict(self)


@dataclass(frozen=True)
class RoleFlag:
    """Roles given to one alias group, flagged when they are incompatible."""

    group: str
    roles: tuple[str, ...]
    kind: str
    evidence: tuple[SpanText, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The flag as {group, roles, kind, evidence}."""
        return {
            "group": self.group,
            "roles": list(self.roles),
            "kind": self.kind,
            "evidence": [e.as_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Statement:
    """An unattributed factual sentence: the author's own assertion."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        """The statement as {start, end, text}."""
        return asdict(self)


@dataclass(frozen=True)
class Profile:
    """The article's sourcing profile for the header card."""

    named: int = 0
    anonymous: int = 0
    relayed_share: float = 0.0
    primary: float = 0.0
    secondary: float = 0.0
    tertiary: float = 0.0
    hedge_density: float = 0.0
    unattributed: int = 0
    chain_depth: int = 0

    def as_dict(self) -> dict[str, Any]:
        """The profile as a flat dict."""
        return asdict(self)


@dataclass(frozen=True)
class Findings:
    """Everything the sourcing lens found in one article."""

    attributions: tuple[Attribution, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    numbers: tuple[NumericClaim, ...] = ()
    integrity: tuple[IntegrityFlag, ...] = ()
    roles: tuple[RoleFlag, ...] = ()
    unattributed: tuple[Statement, ...] = ()
    profile: Profile = field(default_factory=Profile)

    def to_json(self) -> dict[str, Any]:
        """The findings in the CLI shape of issue 4 (JSON-serialisable)."""
        return {
            "attributions": [a.as_dict() for a in self.attributions],
            "hedges": [h.as_dict() for h in self.hedges],
            "numbers": [n.as_dict() for n in self.numbers],
            "integrity": [i.as_dict() for i in self.integrity],
            "roles": [r.as_dict() for r in self.roles],
            "unattributed": [s.as_dict() for s in self.unattributed],
            "profile": self.profile.as_dict(),
        }
