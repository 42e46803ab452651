"""Krippendorff's alpha for unitizing (u-alpha): how far coders agree on where units lie.

The continuum is [0, length); each coder marks units (start, end, category); for each category a
coder's segments are its units of that category and the gaps between them. Following
Krippendorff (1995, and Content Analysis, 2004):

    alpha = 1 - sum_c Do_c / sum_c De_c
    Do_c = sum over ordered coder pairs (i, j), i != j, of sum_g sum_h d²(g, h) / (m (m-1) L²)
    d²(g, h) = (b_g - b_h)² + (e_g - e_h)²  for two units that overlap,
               l_g²                          for a unit g lying wholly inside a gap h (and back),
               0                             otherwise
    De_c = (2/L) * sum over units u of [(N_c - 1)/3 (2l³ - 3l² + l) + l² sum over gaps G with
           l_G >= l of (l_G - l + 1)] / (mL(mL - 1) - sum over units of l(l - 1))

(N_c: the number of units of category c, over all coders; gaps of all coders.)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from fractions import Fraction
from itertools import accumulate, pairwise


def unitizing_alpha(length: int, coders: Sequence[Sequence[tuple[int, int, str]]]) -> float | None:
    """Krippendorff's u-alpha of coders' units (start, end, category) over [0, length).

    None where it does not fit: fewer than two coders, an empty continuum, one coder's units of
    a category overlapping, or no units at all.
    """
    if length <= 0 or len(coders) < 2:
        return None
    categories = sorted({unit[2] for units in coders for unit in units})
    per_coder = [[_units_of(units, category) for units in coders] for category in categories]
    if any(_overlapping(units) for grouped in per_coder for units in grouped):
        return None
    observed = sum((_observed(length, grouped) for grouped in per_coder), Fraction(0))
    expected = sum((_expected(length, grouped) for grouped in per_coder), Fraction(0))
    return None if expected == 0 else float(1 - observed / expected)


def _units_of(units: Sequence[tuple[int, int, str]], category: str) -> list[tuple[int, int]]:
    """A coder's units of one category as sorted (start, end) pairs."""
    return sorted((start, end) for start, end, name in units if name == category)


def _overlapping(units: list[tuple[int, int]]) -> bool:
    """True when two of the sorted units share a character."""
    return any(second[0] < first[1] for first, second in pairwise(units))


Segment = tuple[int, int, bool]  # begin, length, is a unit (else a gap)


def _segments(length: int, units: list[tuple[int, int]]) -> list[Segment]:
    """A coder's units of one category and the gaps between them, covering [0, length)."""
    segments: list[Segment] = []
    position = 0
    for start, end in units:
        if start > position:
            segments.append((position, start - position, False))
        segments.append((start, end - start, True))
        position = end
    if position < length:
        segments.append((position, length - position, False))
    return segments


def _distance(g: Segment, h: Segment) -> int:
    """Krippendorff's squared distance between two coders' segments."""
    (bg, lg, unit_g), (bh, lh, unit_h) = g, h
    if unit_g and unit_h:
        overlap = bg < bh + lh and bh < bg + lg
        return (bg - bh) ** 2 + (bg + lg - bh - lh) ** 2 if overlap else 0
    if unit_g and not unit_h:
        return lg * lg if bh <= bg and bg + lg <= bh + lh else 0  # unit inside the gap
    if unit_h and not unit_g:
        return lh * lh if bg <= bh and bh + lh <= bg + lg else 0
    return 0


def _observed(length: int, coders: list[list[tuple[int, int]]]) -> Fraction:
    """Do_c: squared distances over every ordered pair of coders, over m(m-1)L²."""
    segments = [_segments(length, units) for units in coders]
    total = sum(
        _distance(g, h) + _distance(h, g)
        for i, mine in enumerate(segments)
        for theirs in segments[i + 1 :]
        for g, h in _meeting(mine, theirs)
    )
    m = len(coders)
    return Fraction(total, m * (m - 1) * length * length)


def _meeting(mine: list[Segment], theirs: list[Segment]) -> Iterator[tuple[Segment, Segment]]:
    """Every pair of segments that share a position (both lists tile the same continuum)."""
    i = j = 0
    while i < len(mine) and j < len(theirs):
        yield mine[i], theirs[j]
        end_mine, end_theirs = sum(mine[i][:2]), sum(theirs[j][:2])
        if end_mine <= end_theirs:
            i += 1
        if end_theirs <= end_mine:
            j += 1


def _expected(length: int, coders: list[list[tuple[int, int]]]) -> Fraction:
    """De_c, from the lengths of every coder's units and gaps of the category.

    The factor is 2/L, as in Krippendorff's worked example (2004, p. 254: De_c = .0532).
    """
    segments = [s for units in coders for s in _segments(length, units)]
    units = [s[1] for s in segments if s[2]]
    if not units:
        return Fraction(0)
    m, n = len(coders), len(units)
    fits = _GapFits(sorted(s[1] for s in segments if not s[2]))
    spread = sum(Fraction(n - 1, 3) * (2 * u**3 - 3 * u**2 + u) + u * u * fits(u) for u in units)
    pairs = m * length * (m * length - 1) - sum(u * (u - 1) for u in units)
    return Fraction(2, length) * spread / pairs


class _GapFits:
    """For a unit length l: the sum over gaps G with l_G >= l of (l_G - l + 1)."""

    def __init__(self, gaps: list[int]) -> None:
        self._gaps = gaps  # sorted
        self._tails = list(accumulate(reversed(gaps), initial=0))[::-1]  # sums of gaps[k:]

    def __call__(self, unit: int) -> int:
        """How many ways a unit of this length fits into the gaps, summed over them."""
        first = bisect_left(self._gaps, unit)
        return self._tails[first] - (unit - 1) * (len(self._gaps) - first)
