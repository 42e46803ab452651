"""A trace: every appearance of one statement among candidates, in order, with its origin.

Appearances join the trace one by one: a candidate that matches any version already in it
(so a quote that drifts a word a day stays one statement) and whose speaker agrees with every
named speaker in it. A candidate whose words match but whose speaker does not is listed
apart, as similar words from a different speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from gui.core.sourcing.relays import same_outlet
from gui.core.tracing.model import Appearance, Origin, Trace, Traced
from gui.core.tracing.wording import MATCH, compare, match_score, same_speaker, similarity

_UNDATED = "~"  # sorts after every ISO date
MAX_SIMILAR = 50  # look-alikes from other speakers listed at most (the closest)


def build_trace(target: Appearance, candidates: Sequence[Appearance]) -> Trace:
    """The trace of target's statement among candidates (target itself may be among them)."""
    members, rest = _gather(target, [c for c in candidates if _place(c) != _place(target)])
    ordered = order(members)
    earliest = ordered[0].text
    similar = [c for c in rest if any(match_score(m.text, c.text) >= MATCH for m in members)]
    closest = sorted(similar, key=lambda c: -similarity(target.text, c.text))[:MAX_SIMILAR]
    return Trace(
        appearances=tuple(_traced(earliest, a) for a in ordered),
        origin=find_origin(ordered),
        similar=tuple(_traced(earliest, a) for a in order(closest)),
    )


def order(appearances: Sequence[Appearance]) -> list[Appearance]:
    """By publication date (undated last), then relay order: fewer hands first, then by article."""
    return sorted(appearances, key=_order_key)


def find_origin(ordered: Sequence[Appearance]) -> Origin | None:
    """Where the statement first appeared.

    The earliest appearance when it relays no one; when it says it relays an outlet ("told
    the Kestrel Bay Herald"), that outlet's appearance; when that outlet is not in the
    library, the earliest appearance that relays no one, else the outlet alone.
    """
    if not ordered:
        return None
    first = ordered[0]
    if not first.via:
        return Origin(0, "earliest", first.outlet)
    pointed = first.via[-1]
    for index, appearance in enumerate(ordered):
        if index and same_outlet(appearance.outlet, pointed):
            return Origin(index, "pointed", appearance.outlet)
    for index, appearance in enumerate(ordered):
        if not appearance.via:
            return Origin(index, "earliest", appearance.outlet)
    return Origin(None, "relayed", pointed)


def _gather(
    target: Appearance, candidates: Sequence[Appearance]
) -> tuple[list[Appearance], list[Appearance]]:
    """(the versions of target's statement, the candidates left over)."""
    members, rest = [target], list(candidates)
    grown = True
    while grown:
        grown = False
        for candidate in list(rest):
            if _joins(candidate, members):
                members.append(candidate)
                rest.remove(candidate)
                grown = True
    return members, rest


def _joins(candidate: Appearance, members: Sequence[Appearance]) -> bool:
    """True when candidate matches a version's words and agrees with every speaker."""
    if not all(same_speaker(candidate, m) for m in members):
        return False
    return any(match_score(m.text, candidate.text) >= MATCH for m in members)


def _traced(earliest: str, appearance: Appearance) -> Traced:
    """An appearance with its similarity to, and difference from, the earliest version."""
    change, marks = compare(earliest, appearance.text)
    return Traced(appearance, similarity(earliest, appearance.text), change, marks)


def _place(appearance: Appearance) -> tuple[int, int, int]:
    """Where an appearance is: its article and span."""
    return appearance.article_id, appearance.start, appearance.end


def _order_key(appearance: Appearance) -> tuple[str, int, int, int]:
    """The sort key of order()."""
    date = appearance.published or _UNDATED
    return date, len(appearance.via), appearance.article_id, appearance.start
