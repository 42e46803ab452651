"""Who is quoted or passes statements on, grouped once: the sources every count is made from.

One row per source: a speaker, or an outlet that relays what others said. A source named by
an entity of an alias group goes under the group's name ("Amari" and "Interior Minister
Youssef al-Amari" are one); a pronoun or description goes under the source it resolves to;
a shorter name whose words all appear in a longer named one joins it ("Hadithi"). Only named
sources are grouped by the entities inside them: "activists in Palmyra" and "a spokesman
for Saad al-Hadithi" are vague sources of their own, not Palmyra or Hadithi.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from gui.core.sourcing.model import UNNAMED, Attribution, Findings, Source
from gui.core.text import Span

NAMED_TYPES = frozenset({"person", "institution", "outlet"})
_ENTITY_LABELS = frozenset({"PERSON", "ORG", "OUTLET"})
_STAND_INS = frozenset({"pronoun", "description", "unknown"})


@dataclass(frozen=True)
class SourceRow:
    """One source of an article with the statements it made and those it passed on."""

    name: str
    type: str
    anonymous: bool
    verify: bool
    channels: tuple[str, ...]
    chains: tuple[str, ...]  # e.g. "Al Jazeera ← police sources"
    statements: tuple[Span, ...]  # what it said
    relayed: tuple[Span, ...] = ()  # what others said through it

    @property
    def named(self) -> bool:
        """True for a named person, institution or outlet that is not anonymous."""
        return self.type in NAMED_TYPES and not self.anonymous


@dataclass(frozen=True)
class _Said:
    """One source of one attribution: as speaker, or as a relay."""

    attribution: Attribution
    source: Source
    relay: bool


def build_sources(findings: Findings, entities: Sequence = ()) -> list[SourceRow]:
    """Every source and relaying outlet of the findings, most statements first."""
    groups = GroupSpans(
        [(e.start, e.end, e.group) for e in entities if e.label in _ENTITY_LABELS and e.group]
    )
    keyed: dict[str, list[_Said]] = {}
    names: dict[str, str] = {}
    for said in _every_source(findings):
        name = source_name(said.source, groups)
        keyed.setdefault(name.casefold(), []).append(said)
        names.setdefault(name.casefold(), name)
    merged = _merge_short_names(keyed, names)
    rows = [_row(names[key], items) for key, items in merged.items()]
    return sorted(rows, key=lambda row: (-len(row.statements), row.name.casefold()))


def count_sources(rows: Sequence[SourceRow]) -> tuple[int, int]:
    """(named, anonymous) sources among the rows."""
    return sum(row.named for row in rows), sum(row.anonymous for row in rows)


class GroupSpans:
    """(start, end, group) of alias-group entities, found by position without a scan of all."""

    def __init__(self, groups: Sequence[tuple[int, int, str]]) -> None:
        self._by_start = sorted(enumerate(groups), key=lambda item: item[1][0])
        self._starts = [group[0] for _, group in self._by_start]

    def last_inside(self, start: int, end: int) -> str | None:
        """The group of the last entity (in the given order) lying within start..end."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        inside = [(n, g) for n, (_, e, g) in self._by_start[lo:hi] if e <= end]
        return max(inside)[1] if inside else None


def source_name(source: Source, groups: Sequence[tuple[int, int, str]] | GroupSpans = ()) -> str:
    """The name a source is counted under: its alias group, its antecedent, or its words."""
    span = source.span
    if span is not None and source.type in NAMED_TYPES and not source.anonymous:
        spans = groups if isinstance(groups, GroupSpans) else GroupSpans(groups)
        inside = spans.last_inside(span.start, span.end)
        if inside is not None:
            return inside
    return " ".join(source.name.split()) or UNNAMED


def _every_source(findings: Findings) -> Iterator[_Said]:
    """Each attribution's speaker, then its relaying outlets."""
    for attribution in findings.attributions:
        yield _Said(attribution, attribution.source, False)
        for via in attribution.via:
            yield _Said(attribution, via, True)


def _name_words(name: str) -> frozenset[str]:
    """The lower-case words of a name, possessive endings dropped."""
    return frozenset(w for w in re.findall(r"[^\W_]+", name.lower()) if w != "s")


def _merge_short_names(
    keyed: dict[str, list[_Said]], names: dict[str, str]
) -> dict[str, list[_Said]]:
    """Named rows whose words all appear in a longer named row's name go into that row."""
    named = [key for key, items in keyed.items() if _kind(items) in NAMED_TYPES]
    words_of = {key: _name_words(names[key]) for key in named}  # once: this loop is quadratic
    merged = dict(keyed)
    for key in sorted(named, key=lambda k: len(words_of[k])):
        words = words_of[key]
        if not words:
            continue
        longer = [k for k in named if k != key and k in merged and words < words_of[k]]
        if longer:
            target = max(longer, key=lambda k: len(merged[k]))
            merged[target] = merged[target] + merged.pop(key)
    return merged


def _kind(items: Sequence[_Said]) -> str:
    """The type of a source: of its first mention that names it, else of its first mention."""
    types = [said.source.type for said in items]
    named = [t for t in types if t not in _STAND_INS]
    return named[0] if named else types[0]


def _row(name: str, items: Sequence[_Said]) -> SourceRow:
    """The row of one source's mentions."""
    own = [said.attribution for said in items if not said.relay]
    passed = [said.attribution for said in items if said.relay]
    sources = [said.source for said in items]
    kind = _kind(items)
    return SourceRow(
        name=name,
        type=kind,
        anonymous=kind == "anonymous" or any(s.anonymous for s in sources),
        verify=any(s.verify for s in sources),
        channels=tuple(dict.fromkeys(s.channel for s in sources if s.channel)),
        chains=tuple(dict.fromkeys(a.chain for a in (*own, *passed))),
        statements=tuple(dict.fromkeys(Span(a.content.start, a.content.end) for a in own)),
        relayed=tuple(dict.fromkeys(Span(a.content.start, a.content.end) for a in passed)),
    )
