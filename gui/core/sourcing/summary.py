"""The one summary of an article's sourcing: every count the window, reports and exports show.

The header's profile line, the legend's chips, the Sources panel, the reports and the JSON
all take their numbers from summarise(), over the findings as the user corrected them and
the entities as shown, so that "3 anonymous" is 3 everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gui.core.sourcing.known_outlets import with_known_outlets
from gui.core.sourcing.model import Findings, Profile
from gui.core.sourcing.profile import corrected_profile
from gui.core.sourcing.source_rows import SourceRow, build_sources

__all__ = ["SourceRow", "Summary", "build_sources", "profile_line", "summarise"]


@dataclass(frozen=True)
class Summary:
    """The counts of one article's sourcing, and the sources they count."""

    sources: tuple[SourceRow, ...] = ()
    profile: Profile = field(default_factory=Profile)
    counts: Mapping[str, int] = field(default_factory=dict)  # by legend key

    @property
    def named(self) -> int:
        """Named sources (people, institutions, outlets, relaying outlets included)."""
        return self.profile.named

    @property
    def anonymous(self) -> int:
        """Anonymous or vague sources."""
        return self.profile.anonymous

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON data: counts, profile, and the sources with their chains."""
        return {
            "counts": dict(self.counts),
            "profile": self.profile.as_dict(),
            "sources": [_row_dict(row) for row in self.sources],
        }


def summarise(
    findings: Findings | None, entities: Sequence = (), outlets: Collection[str] = ()
) -> Summary:
    """The summary of findings (as corrected) with the entities shown (for alias groups).

    outlets: the keys the library knows to name outlets (findings.known_outlets): a source
    the finders called a person or an institution under one of them is an outlet.
    """
    if findings is None:
        return Summary()
    rows = tuple(with_known_outlets(build_sources(findings, entities), outlets))
    return Summary(rows, corrected_profile(findings, rows), _counts(findings, rows))


def _counts(findings: Findings, rows: Sequence[SourceRow]) -> dict[str, int]:
    """What each legend chip counts: sources by kind, statements, cues, flags, hedge classes."""
    attributions = findings.attributions
    counts = Counter(hedge.cls for hedge in findings.hedges)
    counts.update(
        content=len(attributions),
        cue=sum(1 for a in attributions if a.cue is not None),
        source=sum(row.named for row in rows),  # relaying outlets too, as the header counts
        anonymous=sum(row.anonymous for row in rows),
        via=sum(bool(row.relayed) for row in rows),
        unattributed=len(findings.unattributed),
        integrity=len(findings.integrity),
    )
    return dict(counts)


def _row_dict(row: SourceRow) -> dict[str, Any]:
    """A source as JSON data."""
    return {
        "name": row.name,
        "type": row.type,
        "anonymous": row.anonymous,
        "verify": row.verify,
        "channels": list(row.channels),
        "chains": list(row.chains),
        "statements": len(row.statements),
        "relayed": len(row.relayed),
    }


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
