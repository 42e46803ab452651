"""The checks the lens makes for an article: each a doubt a trainee should follow up, in words.

Computed from the (corrected) findings and the entities by pure functions, so that the
window, the command line and the reports list the same checks. A check is known by its key
(kind, text and start of its first span), which survives a new analysis of the same text;
the user's verdict on it (confirmed or dismissed) is kept under that key.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from gui.core.sourcing.model import Attribution, Findings, NumericClaim, SpanText
from gui.core.sourcing.source_rows import GroupSpans, SourceRow, build_sources, source_name

CHECK_KINDS = (
    "role_conflict",
    "self_spokesman",
    "insertion",
    "ellipsis",
    "unattributed",
    "anonymous_only",
    "figures_differ",
    "all_relayed",
)
CHECK_NAMES = {
    "role_conflict": "Roles that conflict",
    "self_spokesman": "Quoted as their own spokesman",
    "insertion": "Words inserted into a quote",
    "ellipsis": "Words left out of a quote",
    "unattributed": "Fact with no source",
    "anonymous_only": "Only an anonymous source",
    "figures_differ": "Figures differ for one event",
    "all_relayed": "Heard only second hand",
}
KEY_SEPARATOR = "|"


def check_key(kind: str, text: str, start: int) -> str:
    """The key a check and its verdict share: "insertion|[nearly 12 miles]@312"."""
    return f"{kind}{KEY_SEPARATOR}{text}@{start}"


def split_check_key(key: str) -> tuple[str, str, int] | None:
    """(kind, text, start) of a check key; None when key is not one."""
    kind, separator, rest = key.partition(KEY_SEPARATOR)
    text, at, start = rest.rpartition("@")
    if not (separator and kind and at and start.isdigit()):
        return None
    return kind, text, int(start)


@dataclass(frozen=True)
class Check:
    """One check: its kind, what to check in one line, and the spans it is about."""

    kind: str
    message: str
    spans: tuple[SpanText, ...]

    @property
    def key(self) -> str:
        """The check's stable key (kind, text and start of its first span)."""
        first = self.spans[0] if self.spans else SpanText(0, 0, "")
        return check_key(self.kind, first.text, first.start)

    def as_dict(self) -> dict[str, Any]:
        """The check as JSON data: {key, kind, message, spans}."""
        spans = [span.as_dict() for span in self.spans]
        return {"key": self.key, "kind": self.kind, "message": self.message, "spans": spans}


def find_checks(
    findings: Findings | None, entities: Sequence = (), sources: Sequence[SourceRow] | None = None
) -> list[Check]:
    """Every check for the findings, in text order (each key once).

    sources: build_sources(findings, entities), when the caller has them already.
    """
    if findings is None:
        return []
    rows = build_sources(findings, entities) if sources is None else sources
    found = [
        *_role_checks(findings),
        *_integrity_checks(findings),
        *_unattributed_checks(findings),
        *_anonymous_only(findings, rows, entities),
        *_figures_differ(findings.numbers),
        *_all_relayed(findings, rows),
    ]
    unique = {check.key: check for check in found if check.spans}
    return sorted(unique.values(), key=lambda c: (c.spans[0].start, CHECK_KINDS.index(c.kind)))


def _role_checks(findings: Findings) -> Iterator[Check]:
    """Offices that exclude each other, and a person quoted while their spokesman speaks."""
    for flag in findings.roles:
        roles = " and ".join(f"“{role}”" for role in flag.roles[:2])
        if flag.kind == "incompatible":
            text = f"{flag.group} is called {roles}: one person rarely holds both. Which is right?"
            yield Check("role_conflict", text, flag.evidence)
        elif flag.kind == "self_spokesman":
            called = f" (called {roles})" if roles else ""
            text = (
                f"A spokesman for {flag.group}{called} speaks, and {flag.group} is quoted as "
                "well: are these the words of the person, or of the spokesman?"
            )
            yield Check("self_spokesman", text, flag.evidence)


def _integrity_checks(findings: Findings) -> Iterator[Check]:
    """Brackets and ellipses inside quotes."""
    for flag in findings.integrity:
        span = SpanText(flag.start, flag.end, flag.text)
        if flag.kind == "insertion":
            text = (
                f"“{flag.text}” was put into the quote by whoever passed it on: "
                "these are not the speaker's words."
            )
            yield Check("insertion", text, (span,))
        else:
            text = "Words were cut from this quote (…): find the original to see what is missing."
            yield Check("ellipsis", text, (span,))


def _unattributed_checks(findings: Findings) -> Iterator[Check]:
    """The article's own statements of fact."""
    for statement in findings.unattributed:
        span = SpanText(statement.start, statement.end, statement.text)
        text = "The article states this as fact without saying who says so."
        yield Check("unattributed", text, (span,))


def _anonymous_only(
    findings: Findings, rows: Sequence[SourceRow], entities: Sequence
) -> Iterator[Check]:
    """Statements whose only source is anonymous: no named source speaks in their paragraph."""
    groups = GroupSpans([(e.start, e.end, e.group) for e in entities if e.group])
    named = {row.name.casefold() for row in rows if row.named}
    backed = {
        a.paragraph
        for a in findings.attributions
        if source_name(a.source, groups).casefold() in named
    }
    for attribution in findings.attributions:
        source = attribution.source
        anonymous = source.anonymous or source.type == "anonymous"
        if anonymous and attribution.paragraph not in backed and not _nested(attribution, findings):
            who = source.name or "an unnamed source"
            text = (
                f"Only an anonymous source ({who}) backs this: why were they granted "
                "anonymity, and are they in a position to know?"
            )
            yield Check("anonymous_only", text, (attribution.content,))


def _nested(attribution: Attribution, findings: Findings) -> bool:
    """True for a floating quote, or a quote inside another statement of the same source."""
    if attribution.kind == "floating":
        return True
    content, name = attribution.content, attribution.source.name
    return any(
        other is not attribution
        and other.source.name == name
        and other.content.start <= content.start
        and content.end <= other.content.end
        for other in findings.attributions
    )


def _figures_differ(numbers: Sequence[NumericClaim]) -> Iterator[Check]:
    """Two figures for the same event that are not the same."""
    by_group: dict[int, list[NumericClaim]] = {}
    for claim in numbers:
        if claim.event and claim.value is not None:
            by_group.setdefault(claim.group, []).append(claim)
    for claims in by_group.values():
        values = {c.value for c in claims}
        if len(values) > 1:
            first, other = claims[0], next(c for c in claims if c.value != claims[0].value)
            text = (
                f"{_said(first)} and {_said(other)} differ for the same event: do they count "
                "the same thing over the same time?"
            )
            yield Check("figures_differ", text, tuple(c.span for c in claims))


def _said(claim: NumericClaim) -> str:
    """ "“about 400” (Syrian state TV)", or "(the article)" for an unsourced figure."""
    return f"“{claim.span.text}” ({claim.source or 'the article'})"


def _all_relayed(findings: Findings, rows: Sequence[SourceRow]) -> Iterator[Check]:
    """Sources whose every statement reached the article through another outlet."""
    by_span = {(a.content.start, a.content.end): a for a in findings.attributions}
    for row in rows:
        said = [by_span[(s.start, s.end)] for s in row.statements if (s.start, s.end) in by_span]
        if said and not row.relayed and all(a.via for a in said):
            outlets = ", ".join(dict.fromkeys(v.name for a in said for v in a.via))
            text = (
                f"Every statement of {row.name} here comes through {outlets}: "
                "the article did not hear it first hand."
            )
            yield Check("all_relayed", text, tuple(a.content for a in said))
