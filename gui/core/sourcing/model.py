"""Value types of the source-criticism lens: attributions, hedges, numbers, flags, profile."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from gui.core.sourcing.commands import claim_key
from gui.core.sourcing.reading import (
    FLAG,
    NONE,
    NUMBER,
    OBJECT,
    TEXT,
    WHOLE,
    get,
    mapping,
    objects,
    texts,
)

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
UNNAMED = "unknown"  # what a display calls a source without a name


@dataclass(frozen=True, order=True)
class SpanText:
    """A half-open code-point range [start, end) of the body and the text it covers."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        """The span as {start, end, text}."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SpanText:
        """The span of {start, end, text} (ValueError when one is missing or not of its type)."""
        return cls(get(data, "start", WHOLE), get(data, "end", WHOLE), get(data, "text", TEXT))


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        """The source of as_dict() data; a null start means it has no span in the body."""
        absent = get(data, "start", WHOLE + NONE, None) is None
        return cls(
            None if absent else SpanText.from_dict(data),
            get(data, "type", TEXT, "unknown"),
            get(data, "resolved", TEXT, ""),
            get(data, "anonymous", FLAG, False),
            get(data, "channel", TEXT, ""),
            get(data, "verify", FLAG, False),
        )


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
    corrected: bool = False  # the user changed its speaker, or marked it as a quote

    @property
    def chain(self) -> str:
        """Who passed the statement on, outermost first, then its source: "AJ ← police"."""
        return " ← ".join([*(via.name for via in self.via), self.source.name or UNNAMED])

    def as_dict(self) -> dict[str, Any]:
        """The attribution in the CLI shape of issue 4 ("corrected": true only when it is)."""
        data = {
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
        return (data | {"corrected": True}) if self.corrected else data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attribution:
        """The attribution of as_dict() data."""
        cue = get(data, "cue", OBJECT + NONE)
        return cls(
            get(data, "id", WHOLE),
            get(data, "kind", TEXT),
            None if cue is None else SpanText.from_dict(cue),
            Source.from_dict(get(data, "source", OBJECT)),
            SpanText.from_dict(get(data, "content", OBJECT)),
            tuple(Source.from_dict(via) for via in objects(data, "via")),
            get(data, "verb_class", TEXT, ""),
            get(data, "quote_marks", FLAG, False),
            get(data, "paragraph", WHOLE, 0),
            get(data, "corrected", FLAG, False),
        )


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Hedge:
        """The hedge of as_dict() data ("class" is its cls)."""
        span = SpanText.from_dict(data)
        cls_ = get(data, "class", TEXT)
        band, speaker = get(data, "band", TEXT, ""), get(data, "speaker", TEXT, "")
        return cls(span.start, span.end, span.text, cls_, band, speaker)


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

    @property
    def key(self) -> str:
        """The claim's stable key, as verdicts and relations name it ("about 400@1234")."""
        return claim_key(self.span.text, self.span.start)

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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> NumericClaim:
        """The claim of as_dict() data."""
        return cls(
            get(data, "id", WHOLE),
            SpanText.from_dict(data),
            get(data, "value", NUMBER + NONE, None),
            *(get(data, key, TEXT, "") for key in ("approximator", "counted", "window")),
            *(get(data, key, TEXT, "") for key in ("event", "source")),
            texts(data, "via"),
            get(data, "group", WHOLE, 0),
        )


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IntegrityFlag:
        """The flag of as_dict() data."""
        span = SpanText.from_dict(data)
        return cls(span.start, span.end, span.text, get(data, "kind", TEXT))


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RoleFlag:
        """The flag of as_dict() data."""
        evidence = tuple(SpanText.from_dict(item) for item in objects(data, "evidence"))
        group, kind = get(data, "group", TEXT), get(data, "kind", TEXT)
        return cls(group, texts(data, "roles"), kind, evidence)


@dataclass(frozen=True)
class Statement:
    """An unattributed factual sentence: the author's own assertion."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        """The statement as {start, end, text}."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Statement:
        """The statement of as_dict() data."""
        span = SpanText.from_dict(data)
        return cls(span.start, span.end, span.text)


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        """The profile of as_dict() data; a measure left out is 0."""
        return cls(**{f.name: get(data, f.name, NUMBER, f.default) for f in fields(cls)})


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

    @classmethod
    def from_json(cls, data: object) -> Findings:
        """The findings of to_json() data, of this version or an older one.

        A key that is missing takes its default (older caches lack newer keys); a value of
        the wrong type raises ValueError.
        """
        data = mapping(data, "the findings")
        return cls(
            tuple(map(Attribution.from_dict, objects(data, "attributions"))),
            tuple(map(Hedge.from_dict, objects(data, "hedges"))),
            tuple(map(NumericClaim.from_dict, objects(data, "numbers"))),
            tuple(map(IntegrityFlag.from_dict, objects(data, "integrity"))),
            tuple(map(RoleFlag.from_dict, objects(data, "roles"))),
            tuple(map(Statement.from_dict, objects(data, "unattributed"))),
            Profile.from_dict(get(data, "profile", OBJECT, {})),
        )
