"""Scoring the sourcing findings against the gold of tests/bench/gold.py: tallies per measure.

Used by bench_sourcing.py (which prints the table) and by the fixture test of the suite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gui.core.sourcing.model import Attribution, Findings, Source
from tests.bench.gold import (
    ATTITUDE_KINDS,
    INDIRECT_KINDS,
    QUOTE_KINDS,
    Gold,
    GoldAttribution,
    GoldSource,
)

OVERLAP = 0.3  # a found span matches a gold span when they share 30 % of the longer one
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass
class Tally:
    """Counts for one measure: found, gold, matched (P and R), or right of judged (a share)."""

    found: int = 0
    gold: int = 0
    matched: int = 0
    misses: list[str] = field(default_factory=list)

    def precision(self) -> float | None:
        """Share of found items that match a gold one."""
        return self.matched / self.found if self.found else None

    def recall(self) -> float | None:
        """Share of gold items that were found."""
        return self.matched / self.gold if self.gold else None

    def judge(self, right: bool, message: str) -> None:
        """Count one judged item (found = gold = judged; matched = right)."""
        self.found += 1
        self.gold += 1
        self.matched += int(right)
        if not right:
            self.misses.append(message)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters as a share of the longer span."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(0, shared) / max(a[1] - a[0], b[1] - b[0], 1)


def pair(found: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> dict[int, int]:
    """One-to-one matching, best overlap first: {gold index: found index}."""
    candidates = sorted(
        ((overlap(f, g), gi, fi) for gi, g in enumerate(gold) for fi, f in enumerate(found)),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for share, gi, fi in candidates:
        if share >= OVERLAP and gi not in pairs and fi not in taken:
            pairs[gi] = fi
            taken.add(fi)
    return pairs


def words(text: str) -> list[str]:
    """Lower-case words of a name without leading articles and possessive marks."""
    cleaned = text.lower().replace("\u2019", "'").replace("'s ", " ").replace(",", " ")
    found = cleaned.split()
    while found and found[0] in _ARTICLES:
        found = found[1:]
    return found


def same_name(source: Source, gold: str) -> bool:
    """True when the found source names the gold speaker."""
    expected = words(gold)
    for name in (source.resolved, source.span.text if source.span else ""):
        got = words(name)
        if got and expected and (set(expected) <= set(got) or got[-1] == expected[-1]):
            return True
    return False


def same_words(found: str, gold: str) -> bool:
    """True when two names of an outlet agree: one's words in the other's, or the last word."""
    a, b = words(found), words(gold)
    return bool(a and b) and (set(a) <= set(b) or set(b) <= set(a) or a[-1] == b[-1])


def flagged(source: Source) -> bool:
    """True when the found source is marked anonymous."""
    return source.anonymous or source.type == "anonymous"


def group(kind: str) -> str:
    """quotes, indirect or attitudes for a gold or found kind."""
    if kind in QUOTE_KINDS:
        return "quotes"
    return "attitudes" if kind in ATTITUDE_KINDS else "indirect"


def found_group(attribution: Attribution) -> str:
    """The group of a found attribution: quoted words, beliefs and intentions, or indirect."""
    if attribution.quote_marks:
        return "quotes"
    return "attitudes" if attribution.kind in ATTITUDE_KINDS else "indirect"


class Scorer:
    """Every tally of a run, filled article by article."""

    NAMES = (
        "all", "quotes", "indirect", "attitudes", "source", "source_span", "source_type",
        "anonymous", "anonymous_false", "relays", "relays_extra", "hedges",
    )  # fmt: skip

    def __init__(self) -> None:
        self.tallies = {name: Tally() for name in self.NAMES}

    def article(self, gold: Gold, findings: Findings) -> None:
        """Score one article."""
        found = list(findings.attributions)
        wanted = [a for a in gold.attributions if a.kind in QUOTE_KINDS | INDIRECT_KINDS]
        said = [a for a in found if found_group(a) != "attitudes"]
        pairs = self._count("all", wanted, said)
        for g, f in pairs.items():
            self._labels(wanted[g], said[f])
        for name in ("quotes", "indirect", "attitudes"):
            gold_part = [a for a in gold.attributions if group(a.kind) == name]
            self._count(name, gold_part, [a for a in found if found_group(a) == name])
        self._hedges(gold, findings)

    def _count(self, name: str, gold: list[GoldAttribution], found: list[Attribution]) -> dict:
        """Precision and recall of one group by content overlap; the pairs made."""
        spans = [(a.content.start, a.content.end) for a in found]
        pairs = pair(spans, [(g.content.start, g.content.end) for g in gold])
        tally = self.tallies[name]
        tally.found += len(found)
        tally.gold += len(gold)
        tally.matched += len(pairs)
        tally.misses += [f"missed {g.kind} {g.content.text[:60]!r}" for i, g in
                         enumerate(gold) if i not in pairs]  # fmt: skip
        used = set(pairs.values())
        tally.misses += [f"extra {a.kind} {a.content.text[:60]!r} ({a.source.name})"
                         for i, a in enumerate(found) if i not in used]  # fmt: skip
        return pairs

    def _labels(self, gold: GoldAttribution, found: Attribution) -> None:
        """Source, its span and type, anonymity and relays of one matched attribution."""
        what = repr(gold.content.text[:40])
        t = self.tallies
        source = found.source
        if gold.source is None:
            t["source"].judge(
                source.span is None and not source.resolved, f"{what}: {source.name!r}, gold none"
            )
        else:
            self._source(gold.source, source, what)
        want = [v.speaker for v in gold.via]
        got = [v.resolved or (v.span.text if v.span else "") for v in found.via]
        if gold.via:
            same = len(got) == len(want) and all(map(same_words, got, want))
            t["relays"].judge(same, f"via of {what}: {got}, gold {want}")
        elif got:
            t["relays_extra"].misses.append(f"via of {what}: {got}, gold none")
            t["relays_extra"].found += 1
        else:
            t["relays_extra"].found += 1
            t["relays_extra"].matched += 1

    def _source(self, gold: GoldSource, source: Source, what: str) -> None:
        """The labels of a matched attribution's source."""
        t = self.tallies
        span = (source.span.start, source.span.end) if source.span else (0, 0)
        on_span = overlap(span, (gold.span.start, gold.span.end)) >= OVERLAP
        # Right when it names the expected speaker, or, for a source that stands for itself
        # (no antecedent in the gold), when its words are the gold's source phrase.
        # A shorter phrase from the same first word counts ("One juror" for "One juror, who
        # declined to give her name").
        head = source.span is not None and source.span.start == gold.span.start
        within = head and set(words(source.name)) <= set(words(gold.span.text))
        itself = gold.speaker == gold.span.text and (on_span or within) and not source.resolved
        t["source"].judge(
            same_name(source, gold.speaker) or itself,
            f"{what}: {source.name!r}, gold {gold.speaker!r}",
        )
        t["source_span"].judge(
            on_span,
            f"span of {what}: {source.span and source.span.text!r}, gold {gold.span.text!r}",
        )
        if on_span:
            t["source_type"].judge(
                source.type == gold.type,
                f"type of {gold.span.text!r}: {source.type}, gold {gold.type}",
            )
        if gold.anonymous:
            t["anonymous"].judge(
                flagged(source), f"not flagged anonymous: {gold.span.text!r} ({source.name!r})"
            )
        else:
            t["anonymous_false"].judge(
                not flagged(source), f"flagged anonymous: {gold.span.text!r}"
            )

    def _hedges(self, gold: Gold, findings: Findings) -> None:
        """Hedge cues by overlap."""
        spans = [(h.start, h.end) for h in findings.hedges]
        pairs = pair(spans, [(h.span.start, h.span.end) for h in gold.hedges])
        tally = self.tallies["hedges"]
        tally.found += len(spans)
        tally.gold += len(gold.hedges)
        tally.matched += len(pairs)
        tally.misses += [f"missed hedge {h.span.text!r} ({h.cls})" for i, h in
                         enumerate(gold.hedges) if i not in pairs]  # fmt: skip
        used = set(pairs.values())
        tally.misses += [f"extra hedge {h.text!r} ({h.cls})" for i, h in
                         enumerate(findings.hedges) if i not in used]  # fmt: skip
