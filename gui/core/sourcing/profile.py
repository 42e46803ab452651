"""The article's sourcing profile: who is named, how much is relayed, how hedged it is.

Shares are of attributed characters: where attributions nest (an outlet's quote that holds a
police source's words), each character counts once, for the innermost attribution. Depth 0
(primary) is a source the article quotes itself, depth 1 (secondary) one relayed through one
outlet, depth 2 or more (tertiary) through a chain. The chain depth counts the links from the
article to the original source: 1 for a direct quote, 2 for "X said ..., reports Al Jazeera".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from gui.core.sourcing.coverage import Coverage, word_count
from gui.core.sourcing.model import Attribution, Findings, Hedge, Profile, Statement
from gui.core.sourcing.source_rows import SourceRow, build_sources
from gui.core.sourcing.source_rows import count_sources as source_counts

WORDS_PER_DENSITY = 1000


def sourcing_profile(
    body: str,
    attributions: Sequence[Attribution],
    hedges: Sequence[Hedge],
    unattributed: Sequence[Statement],
    entities: Sequence = (),
) -> Profile:
    """The profile of one article's findings (entities: for the alias groups of sources)."""
    named, anonymous = count_sources(attributions, entities)
    depths = _depth_lengths(attributions)
    total = sum(depths)
    words = word_count(body)
    return Profile(
        named=named,
        anonymous=anonymous,
        relayed_share=_share(depths[1] + depths[2], total),
        primary=_share(depths[0], total),
        secondary=_share(depths[1], total),
        tertiary=_share(depths[2], total),
        hedge_density=round(WORDS_PER_DENSITY * len(hedges) / words, 2) if words else 0.0,
        unattributed=len(unattributed),
        chain_depth=max((len(a.via) + 1 for a in attributions), default=0),
    )


def _share(part: int, total: int) -> float:
    """part / total rounded to 3 places; 0.0 when there is nothing."""
    return round(part / total, 3) if total else 0.0


def count_sources(attributions: Sequence[Attribution], entities: Sequence = ()) -> tuple[int, int]:
    """Distinct named and anonymous sources, relaying outlets included (source_rows.py)."""
    return source_counts(build_sources(Findings(attributions=tuple(attributions)), entities))


def corrected_profile(findings: Findings, rows: Sequence[SourceRow]) -> Profile:
    """The profile of findings as corrected, counting the given rows of sources.

    Hedge density is the analysis's own (it needs the body's words); every other measure
    follows the attributions, so a corrected speaker changes the counts everywhere.
    """
    attributions = findings.attributions
    depths = _depth_lengths(attributions)
    total = sum(depths)
    named, anonymous = source_counts(rows)
    return replace(
        findings.profile,
        named=named,
        anonymous=anonymous,
        relayed_share=_share(depths[1] + depths[2], total),
        primary=_share(depths[0], total),
        secondary=_share(depths[1], total),
        tertiary=_share(depths[2], total),
        unattributed=len(findings.unattributed),
        chain_depth=max((len(a.via) + 1 for a in attributions), default=0),
    )


def _depth_lengths(attributions: Sequence[Attribution]) -> list[int]:
    """Attributed characters at relay depth 0, 1 and 2+ (innermost attribution wins)."""
    lengths = [0, 0, 0]
    coverage = Coverage(attributions)
    cuts = sorted({a.content.start for a in attributions} | {a.content.end for a in attributions})
    for start, end in pairwise(cuts):
        inner = coverage.innermost(start, end)
        if inner is not None:
            lengths[min(len(inner.via), 2)] += end - start
    return lengths
