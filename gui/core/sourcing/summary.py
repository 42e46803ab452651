"""Who is quoted, how often and through whom: the rows of the Sources panel, from findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from gui.core.sourcing.model import UNNAMED, Attribution, Findings, Profile, Source
from gui.core.text import Span

NAMED_TYPES = frozenset({"PERSON", "ORG", "OUTLET"})


@dataclass(frozen=True)
class SourceRow:
    """One source of an article with every statement attributed to it."""

    name: str
    type: str
    anonymous: bool
    verify: bool
    channels: tuple[str, ...]
    chains: tuple[str, ...]  # e.g. "Al Jazeera ← police sources"
    statements: tuple[Span, ...]


def build_sources(findings: Findings, entities: Sequence = ()) -> list[SourceRow]:
    """Attributions grouped by source, most statements first.

    A source named inside an entity of an alias group goes under the group's name, so
    "Amari" and "Interior Minister Youssef al-Amari" are one source.
    """
    groups = _alias_lookup(entities)
    grouped: dict[str, list[Attribution]] = {}
    names: dict[str, str] = {}
    for attribution in findings.attributions:
        name = _group_of(attribution.source, groups) or attribution.source.name or UNNAMED
        grouped.setdefault(name.casefold(), []).append(attribution)
        names.setdefault(name.casefold(), name)
    rows = [replace(_row(items), name=names[key]) for key, items in grouped.items()]
    return sorted(rows, key=lambda row: (-len(row.statements), row.name.casefold()))


def _alias_lookup(entities: Sequence) -> list[tuple[int, int, str]]:
    """(start, end, group) of the named entities that have an alias group."""
    return [(e.start, e.end, e.group) for e in entities if e.label in NAMED_TYPES and e.group]


def _group_of(source: Source, groups: Sequence[tuple[int, int, str]]) -> str:
    """The alias group of a named entity inside the source's span (its last one), or ''."""
    if source.span is None or source.type in ("pronoun", "description"):
        return ""
    span = source.span
    inside = [group for s, e, group in groups if span.start <= s and e <= span.end]
    return inside[-1] if inside else ""


def _row(items: Sequence[Attribution]) -> SourceRow:
    """The row of one source's attributions (named after the first of them)."""
    first = items[0].source
    return SourceRow(
        name=first.name or UNNAMED,
        type=first.type,
        anonymous=any(a.source.anonymous for a in items),
        verify=any(a.source.verify for a in items),
        channels=tuple(dict.fromkeys(a.source.channel for a in items if a.source.channel)),
        chains=tuple(dict.fromkeys(a.chain for a in items)),
        statements=tuple(Span(a.content.start, a.content.end) for a in items),
    )


def profile_line(profile: Profile | None) -> str:
    """The header card's one-line sourcing profile ("" when the article has none yet)."""
    if profile is None:
        return ""
    p = profile
    parts = [
        f"Sources: {p.named} named, {p.anonymous} anonymous",
        f"relayed {p.relayed_share:.0%} (primary {p.primary:.0%}, "
        f"secondary {p.secondary:.0%}, tertiary {p.tertiary:.0%})",
        f"{p.hedge_density:.1f} hedges per 1,000 words",
        f"{p.unattributed} unattributed statements",
    ]
    return "  ·  ".join(parts)
