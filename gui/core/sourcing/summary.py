"""Who is quoted, how often and through whom: the rows of the Sources panel, from findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from gui.core.text import Span


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


def source_name(attribution: dict) -> str:
    """The name a source goes by: resolved if known, else as written."""
    source = attribution["source"]
    return source.get("resolved") or source.get("text") or "unknown"


def relay_chain(attribution: dict) -> str:
    """The outlets a statement passed through, outermost first, ending with its source."""
    names = [via.get("resolved") or via.get("text", "") for via in attribution.get("via", [])]
    return " ← ".join([*names, source_name(attribution)])


def build_sources(findings: dict, entities: Sequence = ()) -> list[SourceRow]:
    """Attributions grouped by source, most statements first.

    A source named inside an entity of an alias group goes under the group's name, so
    "Amari" and "Interior Minister Youssef al-Amari" are one source.
    """
    groups = _alias_lookup(entities)
    grouped: dict[str, list[dict]] = {}
    names: dict[str, str] = {}
    for attribution in findings.get("attributions", []):
        name = _group_of(attribution["source"], groups) or source_name(attribution)
        grouped.setdefault(name.casefold(), []).append(attribution)
        names.setdefault(name.casefold(), name)
    rows = [replace(_row(items), name=names[key]) for key, items in grouped.items()]
    return sorted(rows, key=lambda row: (-len(row.statements), row.name.casefold()))


NAMED_TYPES = frozenset({"PERSON", "ORG", "OUTLET"})


def _alias_lookup(entities: Sequence) -> list[tuple[int, int, str]]:
    """(start, end, group) of the named entities that have an alias group."""
    return [(e.start, e.end, e.group) for e in entities if e.label in NAMED_TYPES and e.group]


def _group_of(source: dict, groups: Sequence[tuple[int, int, str]]) -> str:
    """The alias group of a named entity inside the source's span (its last one), or ''."""
    start, end = source.get("start"), source.get("end")
    if start is None or end is None or source.get("type") in ("pronoun", "description"):
        return ""
    inside = [group for s, e, group in groups if start <= s and e <= end]
    return inside[-1] if inside else ""


def _row(items: Sequence[dict]) -> SourceRow:
    first = items[0]["source"]
    channels = tuple(
        dict.fromkeys(a["source"]["channel"] for a in items if a["source"].get("channel"))
    )
    return SourceRow(
        name=source_name(items[0]),
        type=first.get("type", "unknown"),
        anonymous=any(a["source"].get("anonymous") for a in items),
        verify=any(a["source"].get("verify") for a in items),
        channels=channels,
        chains=tuple(dict.fromkeys(relay_chain(a) for a in items)),
        statements=tuple(Span(a["content"]["start"], a["content"]["end"]) for a in items),
    )


def profile_line(profile: dict) -> str:
    """The header card's one-line sourcing profile."""
    if not profile:
        return ""
    parts = [
        f"Sources: {profile['named']} named, {profile['anonymous']} anonymous",
        f"relayed {profile['relayed_share']:.0%} (primary {profile['primary']:.0%}, "
        f"secondary {profile['secondary']:.0%}, tertiary {profile['tertiary']:.0%})",
        f"{profile['hedge_density']:.1f} hedges per 1,000 words",
        f"{profile['unattributed']} unattributed statements",
    ]
    return "  ·  ".join(parts)
