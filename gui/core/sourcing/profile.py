"""The article's sourcing profile: who is named, how much is relayed, how hedged it is.

Shares are of attributed characters: where attributions nest (an outlet's quote that holds a
police source's words), each character counts once, for the innermost attribution. Depth 0
(primary) is a source the article quotes itself, depth 1 (secondary) one relayed through one
outlet, depth 2 or more (tertiary) through a chain. The chain depth counts the links from the
article to the original source: 1 for a direct quote, 2 for "X said ..., reports Al Jazeera".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from gui.core.sourcing.coverage import Coverage, word_count
from gui.core.sourcing.model import Attribution, Hedge, Profile, Source, Statement

WORDS_PER_DENSITY = 1000
NAMED_TYPES = frozenset({"person", "institution", "outlet"})


def sourcing_profile(
    body: str,
    attributions: Sequence[Attribution],
    hedges: Sequence[Hedge],
    unattributed: Sequence[Statement],
) -> Profile:
    """The profile of one article's findings."""
    named, anonymous = count_sources(attributions)
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


def count_sources(attributions: Sequence[Attribution]) -> tuple[int, int]:
    """Distinct named and anonymous sources, relaying outlets included.

    A name whose words all appear in another name is the same source ("Hadithi" and "Saad
    al-Hadithi"; "Ashton Carter" and "U.S. Secretary of Defense Ashton Carter").
    """
    named: set[frozenset[str]] = set()
    anonymous: set[frozenset[str]] = set()
    for source in _all_sources(attributions):
        key = _name_words(source.name)
        if not key:
            continue
        if source.anonymous or source.type == "anonymous":
            anonymous.add(key)
        elif source.type in NAMED_TYPES or source.resolved:
            named.add(key)
    return len(_distinct(named)), len(_distinct(anonymous - named))


def _name_words(name: str) -> frozenset[str]:
    """The lower-case words of a name, possessive endings dropped."""
    return frozenset(w for w in re.findall(r"[^\W_]+", name.lower()) if w != "s")


def _distinct(names: set[frozenset[str]]) -> list[frozenset[str]]:
    """The names that are not contained in a longer one."""
    return [name for name in names if not any(name < other for other in names)]


def _all_sources(attributions: Sequence[Attribution]) -> Iterable[Source]:
    """Every source and relaying source of the attributions."""
    for attribution in attributions:
        yield attribution.source
        yield from attribution.via


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
