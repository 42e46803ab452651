"""Anchors that find their text again after the body changes: offsets, then quote, then fuzzy.

An Anchor is the W3C TextPositionSelector (start, end) together with the TextQuoteSelector
(exact, prefix, suffix). resolve() tries, in order: the old offsets, when the text there is
still the quote; the quote elsewhere, preferring the occurrence whose context matches best and
then the one nearest the old place; a fuzzy match of the quote with its context. What none of
them finds is an orphan (None), for the caller to keep and show, never to drop.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

CONTEXT = 32  # characters of prefix and suffix kept with a quote
FUZZY_SCORE = 85.0  # least similarity (0-100) of prefix + quote + suffix to a place in the text
QUOTE_SCORE = 60.0  # least similarity of the quote itself to the text a fuzzy match lands on
NEAR = 512  # characters around the old place searched before the whole text
SNAP = 12  # furthest a fuzzy boundary moves to reach the edge of a word
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Anchor:
    """Where a piece of text was (start, end) and what it said (exact, with its context)."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Placement:
    """Where an anchor lands in a text; how is "exact", "moved" or "fuzzy"."""

    start: int
    end: int
    how: str


def anchor_for(text: str, start: int, end: int) -> Anchor:
    """The anchor of text[start:end], with up to CONTEXT characters either side."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} is outside a text of {len(text)} characters")
    prefix = text[max(0, start - CONTEXT) : start]
    return Anchor(start, end, text[start:end], prefix, text[end : end + CONTEXT])


def resolve(anchor: Anchor, text: str) -> Placement | None:
    """Where the anchor's text is in text now, or None when it cannot be placed (an orphan)."""
    if _still_there(anchor, text):
        return Placement(anchor.start, anchor.end, "exact")
    if not anchor.exact:
        return None
    return _moved(anchor, text) or _fuzzy(anchor, text)


def reanchor(anchors: Sequence[Anchor], text: str) -> list[Placement | None]:
    """resolve() for each anchor, in order: one placement (or None) per anchor."""
    return [resolve(anchor, text) for anchor in anchors]


def _still_there(anchor: Anchor, text: str) -> bool:
    """True when the old offsets still hold the quote (the context may have changed)."""
    in_range = 0 <= anchor.start <= anchor.end <= len(text)
    return in_range and text[anchor.start : anchor.end] == anchor.exact


def _moved(anchor: Anchor, text: str) -> Placement | None:
    """The occurrence of the quote with the best-matching context, nearest the old place.

    Occurrences near the old place are scored first: one whose whole context matches there
    beats anything further away, so the rest of a long text need not be searched.
    """
    perfect = len(anchor.prefix) + len(anchor.suffix)
    low, high = max(0, anchor.start - NEAR), anchor.start + NEAR + len(anchor.exact)
    best = _best_occurrence(anchor, text, _occurrences(text, anchor.exact, low, high))
    if best is None or best[0][0] != -perfect:
        best = _best_occurrence(anchor, text, _occurrences(text, anchor.exact, 0, len(text)))
    if best is None:
        return None
    return Placement(best[1], best[1] + len(anchor.exact), "moved")


def _best_occurrence(
    anchor: Anchor, text: str, positions: Iterator[int]
) -> tuple[tuple[int, int], int] | None:
    """((-context score, distance), position) of the best of positions, or None if none."""
    best = None
    for position in positions:
        key = (-_context_score(anchor, text, position), abs(position - anchor.start))
        if best is None or key < best[0]:
            best = (key, position)
    return best


def _occurrences(text: str, exact: str, low: int, high: int) -> Iterator[int]:
    """Every position where exact lies within text[low:high], overlapping ones included."""
    position = text.find(exact, low, high)
    while position >= 0:
        yield position
        position = text.find(exact, position + 1, high)


def _context_score(anchor: Anchor, text: str, position: int) -> int:
    """How many characters of the anchor's prefix and suffix agree with the text around position."""
    before = text[max(0, position - len(anchor.prefix)) : position]
    after_start = position + len(anchor.exact)
    after = text[after_start : after_start + len(anchor.suffix)]
    return _common_prefix(anchor.prefix[::-1], before[::-1]) + _common_prefix(anchor.suffix, after)


def _common_prefix(a: str, b: str) -> int:
    """Length of the longest common prefix of a and b (a binary search over slices)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _fuzzy(anchor: Anchor, text: str) -> Placement | None:
    """A place where the quote with its context is similar enough: near the old one, or anywhere."""
    needle = anchor.prefix + anchor.exact + anchor.suffix
    margin = NEAR + 2 * len(needle)
    low = max(0, anchor.start - margin)
    near = _fuzzy_in(anchor, needle, text, low, min(len(text), anchor.end + margin))
    if near is not None or (low == 0 and anchor.end + margin >= len(text)):
        return near
    return _fuzzy_in(anchor, needle, text, 0, len(text))


def _fuzzy_in(anchor: Anchor, needle: str, text: str, low: int, high: int) -> Placement | None:
    """The fuzzy placement within text[low:high], or None."""
    from rapidfuzz import fuzz  # loaded at the first fuzzy match, not at start-up

    window = _align(needle, text, low, high, FUZZY_SCORE)
    if window is None:
        return None
    slack = len(needle) // 4 + 8  # more than a match of FUZZY_SCORE can have shifted
    start = _prefix_end(anchor.prefix, text, window[0], slack)
    end = _suffix_start(anchor.suffix, text, window[1], slack, start)
    start, end = _tidy(anchor, text, start, end)
    if end <= start or fuzz.ratio(anchor.exact, text[start:end]) < QUOTE_SCORE:
        return None
    return Placement(start, end, "fuzzy")


def _prefix_end(prefix: str, text: str, at: int, slack: int) -> int:
    """Where the quote starts: the end of the best match of its prefix around at."""
    found = _align(prefix, text, max(0, at - slack), at + len(prefix) + slack) if prefix else None
    return at + len(prefix) if found is None else found[1]


def _suffix_start(suffix: str, text: str, at: int, slack: int, floor: int) -> int:
    """Where the quote ends: the start of the best match of its suffix around at (the end)."""
    low = max(floor, at - len(suffix) - slack)
    found = _align(suffix, text, low, min(len(text), at + slack)) if suffix else None
    return min(len(text), at - len(suffix)) if found is None else found[0]


def _align(
    part: str, text: str, low: int, high: int, cutoff: float = 0.0
) -> tuple[int, int] | None:
    """The stretch of text[low:high] most like part (all of it when it is not longer than part).

    None when nothing there is at least cutoff (0-100) similar to part.
    """
    from rapidfuzz import fuzz  # loaded at the first fuzzy match, not at start-up

    region = text[low:high]
    if len(region) <= len(part):
        similar = bool(region) and fuzz.ratio(part, region) >= cutoff
        return (low, low + len(region)) if similar else None
    aligned = fuzz.partial_ratio_alignment(part, region, score_cutoff=cutoff)
    return None if aligned is None else (low + aligned.dest_start, low + aligned.dest_end)


def _tidy(anchor: Anchor, text: str, start: int, end: int) -> tuple[int, int]:
    """Fuzzy boundaries moved to word edges and past spaces, where the quote's own were."""
    if _edge(anchor.prefix[-1:], anchor.exact[:1]):
        start = _nearest_edge(text, start, step=1)
    if _edge(anchor.exact[-1:], anchor.suffix[:1]):
        end = _nearest_edge(text, end, step=-1)
    if not anchor.exact[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not anchor.exact[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _edge(before: str, after: str) -> bool:
    """True unless both characters are word characters (so a word continues across)."""
    return not (_WORD.match(before) and _WORD.match(after))


def _nearest_edge(text: str, position: int, step: int) -> int:
    """The word edge nearest position, within SNAP; step (+1 or -1) is the way to go on a tie."""
    for distance in range(SNAP + 1):
        for candidate in (position + step * distance, position - step * distance):
            if 0 <= candidate <= len(text) and _edge(
                text[candidate - 1 : candidate], text[candidate : candidate + 1]
            ):
                return candidate
    return position
