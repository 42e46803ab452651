"""How well does the sourcing lens find quotes, speakers, source types and hedges? (bars below)

Runs analyse_sourcing over every article of tests/fixtures/sourcing/ (our own wire-style
articles with gold quotes, speakers, source types and hedges in a .json beside each .txt) and
prints precision and recall per finding type next to the bars of issue 4, then the time the
analysis of a 5 KB article takes once the model is loaded. `--verbose` lists every miss;
`--only=PREFIX` scores only the articles whose names start so (e.g. `--only=heldout_`).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gui.core.entities.pipeline import load_pipeline  # noqa: E402
from gui.core.sourcing.analysis import analyse_sourcing  # noqa: E402
from gui.core.sourcing.model import Attribution, Findings, Source  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "sourcing"
OVERLAP = 0.3  # a found span matches a gold span when they share 30 % of the longer one
BAR_QUOTE_RECALL = 0.85
BAR_QUOTE_PRECISION = 0.90
BAR_SPEAKER = 0.90
BAR_HEDGE_RECALL = 0.85
BAR_MS_PER_5KB = 300.0
_ARTICLES = frozenset({"the", "a", "an"})


@dataclass
class Tally:
    """Counts for one finding type: found, gold, matched, and labels right among matched."""

    found: int = 0
    gold: int = 0
    matched: int = 0
    right: int = 0
    misses: list[str] = field(default_factory=list)

    def precision(self) -> float | None:
        """Share of found items that match a gold one."""
        return self.matched / self.found if self.found else None

    def recall(self) -> float | None:
        """Share of gold items that were found."""
        return self.matched / self.gold if self.gold else None

    def accuracy(self) -> float | None:
        """Share of matched items whose label is right."""
        return self.right / self.matched if self.matched else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two spans share at least OVERLAP of the longer one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= OVERLAP * max(a[1] - a[0], b[1] - b[0])


def pair(found: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]) -> dict[int, int]:
    """Greedy one-to-one matching of found to gold spans: {gold index: found index}."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for g, gspan in enumerate(gold):
        for f, fspan in enumerate(found):
            if f not in taken and overlaps(fspan, gspan):
                pairs[g] = f
                taken.add(f)
                break
    return pairs


def words(text: str) -> list[str]:
    """Lower-case words of a name without leading articles and possessive marks."""
    cleaned = text.lower().replace("\u2019", "'").replace("'s ", " ").replace(",", " ")
    found = cleaned.split()
    while found and found[0] in _ARTICLES:
        found = found[1:]
    return found


def same_speaker(source: Source, gold: str) -> bool:
    """True when the found source names the gold speaker ('' = no speaker)."""
    if not gold:
        return source.span is None or source.type == "unknown"
    expected = words(gold)
    for name in (source.resolved, source.span.text if source.span else ""):
        got = words(name)
        if got and (set(expected) <= set(got) or got[-1] == expected[-1]):
            return True
    return False


def score_quotes(body: str, gold: list[dict], found: list[Attribution], tallies: dict) -> None:
    """Quotes (0.3 overlap), then speaker, kind and via among the matched ones."""
    quotes = [a for a in found if a.quote_marks]
    spans = [(a.content.start, a.content.end) for a in quotes]
    pairs = pair(spans, [(g["start"], g["end"]) for g in gold])
    tally = tallies["quotes"]
    tally.found += len(quotes)
    tally.gold += len(gold)
    tally.matched += len(pairs)
    for g, item in enumerate(gold):
        if g not in pairs:
            tally.misses.append(f"missed quote {item['text'][:60]!r}")
            continue
        got = quotes[pairs[g]]
        _label(
            tallies["speakers"],
            same_speaker(got.source, item["speaker"]),
            f"speaker of {item['text'][:40]!r}: {got.source.name!r}, gold {item['speaker']!r}",
        )
        _label(
            tallies["kinds"],
            got.kind == item["kind"],
            f"kind of {item['text'][:40]!r}: {got.kind}, gold {item['kind']}",
        )
        via = [v.resolved or (v.span.text if v.span else "") for v in got.via]
        _label(
            tallies["via"],
            [words(v) for v in via] == [words(v) for v in item["via"]],
            f"via of {item['text'][:40]!r}: {via}, gold {item['via']}",
        )
    for f, attribution in enumerate(quotes):
        if f not in pairs.values():
            tally.misses.append(f"extra quote {attribution.content.text[:60]!r}")


def _label(tally: Tally, right: bool, message: str) -> None:
    """Count one matched item whose label is right or wrong."""
    tally.found += 1
    tally.gold += 1
    tally.matched += 1
    tally.right += int(right)
    if not right:
        tally.misses.append(message)


def score_sources(body: str, gold: list[dict], found: list[Attribution], tally: Tally) -> None:
    """Source mentions (spans of sources and relaying outlets) and their types."""
    seen: dict[tuple[int, int], str] = {}
    for attribution in found:
        for source in (attribution.source, *attribution.via):
            if source.span is not None:
                seen[(source.span.start, source.span.end)] = source.type
    spans = list(seen)
    pairs = pair(spans, [(g["start"], g["end"]) for g in gold])
    right = {g for g, f in pairs.items() if seen[spans[f]] == gold[g]["type"]}
    tally.found += len(spans)
    tally.gold += len(gold)
    tally.matched += len(right)
    for g, item in enumerate(gold):
        if g not in right:
            got = seen[spans[pairs[g]]] if g in pairs else "not found"
            tally.misses.append(f"source {item['text']!r}: {got}, gold {item['type']}")
    used = set(pairs.values())
    extra = (body[a:b] for f, (a, b) in enumerate(spans) if f not in used)
    tally.misses.extend(f"extra source {text!r}" for text in extra)


def score_hedges(gold: list[dict], findings: Findings, tally: Tally, classes: Tally) -> None:
    """Hedge cues (0.3 overlap) and their classes."""
    spans = [(h.start, h.end) for h in findings.hedges]
    pairs = pair(spans, [(g["start"], g["end"]) for g in gold])
    tally.found += len(spans)
    tally.gold += len(gold)
    tally.matched += len(pairs)
    for g, item in enumerate(gold):
        if g not in pairs:
            tally.misses.append(f"missed hedge {item['text']!r} ({item['class']})")
            continue
        got = findings.hedges[pairs[g]]
        _label(classes, got.cls == item["class"], f"hedge {item['text']!r}: {got.cls}")
    for f, hedge in enumerate(findings.hedges):
        if f not in pairs.values():
            tally.misses.append(f"extra hedge {hedge.text!r} ({hedge.cls})")


def hedges_available() -> bool:
    """True when the claims helper's hedge finder is installed."""
    try:
        from gui.core.sourcing.hedges import find_hedges  # noqa: F401
    except ImportError:
        return False
    return True


def fmt(value: float | None) -> str:
    """A share as 0.00, or n/a."""
    return "n/a" if value is None else f"{value:.2f}"


def verdict(value: float | None, bar: float) -> str:
    """OK or BELOW against a bar."""
    if value is None:
        return "n/a"
    return "OK" if value >= bar else "BELOW"


def article_5kb(articles: list[str]) -> str:
    """One 5 KB article: the first fixture's header, then the paragraphs of the others."""
    text = articles[0]
    for body in articles[1:] * 3:
        text += "\n" + body.split("\n\n", 2)[-1]
        if len(text.encode("utf-8")) >= 5000:
            break
    return text.encode("utf-8")[:5000].decode("utf-8", "ignore")


def time_5kb(pipeline, text: str) -> dict[str, float]:
    """Median wall and CPU ms of sourcing after the entities, and of both, on a fresh article."""
    runs: dict[str, list[float]] = {"wall": [], "cpu": [], "wall_all": [], "cpu_all": []}
    for _ in range(7):
        pipeline.forget()  # a fresh article: nothing parsed yet
        wall, cpu = time.perf_counter(), time.process_time()
        entities = pipeline.analyse(text)
        wall_mid, cpu_mid = time.perf_counter(), time.process_time()
        analyse_sourcing(text, pipeline, entities)
        wall_end, cpu_end = time.perf_counter(), time.process_time()
        runs["wall"].append((wall_end - wall_mid) * 1000)
        runs["cpu"].append((cpu_end - cpu_mid) * 1000)
        runs["wall_all"].append((wall_end - wall) * 1000)
        runs["cpu_all"].append((cpu_end - cpu) * 1000)
    return {name: statistics.median(values) for name, values in runs.items()}


def main(argv: list[str]) -> None:
    """Score every fixture and print the table."""
    verbose = "--verbose" in argv
    started = time.perf_counter()
    pipeline = load_pipeline()
    print(f"model loaded in {time.perf_counter() - started:.1f} s")
    names = ("quotes", "speakers", "kinds", "via", "sources", "hedges", "hedge_classes")
    tallies = {name: Tally() for name in names}
    bodies = []
    only = next((a.split("=", 1)[1] for a in argv if a.startswith("--only=")), "")
    paths = sorted(FIXTURES.glob(f"{only}*.json"))
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        body = (FIXTURES / gold["article"]).read_text(encoding="utf-8")
        bodies.append(body)
        findings = analyse_sourcing(body, pipeline, pipeline.analyse(body))
        found = list(findings.attributions)
        before = {n: len(t.misses) for n, t in tallies.items()}
        score_quotes(body, gold["quotes"], found, tallies)
        score_sources(body, gold["sources"], found, tallies["sources"])
        score_hedges(gold["hedges"], findings, tallies["hedges"], tallies["hedge_classes"])
        if verbose:
            _print_misses(path.stem, tallies, before)
    _report(tallies, len(paths), hedges_available())
    ms = time_5kb(pipeline, article_5kb(bodies))
    print(f"\ntime per 5 KB article, after model load (median of 7; bar {BAR_MS_PER_5KB:.0f} ms):")
    print(f"  {'':38}{'wall':>8}{'cpu':>8}")
    for label, key in (
        ("sourcing, after the entities (parses reused)", ""),
        ("entity detection + sourcing", "_all"),
    ):
        wall, cpu = ms["wall" + key], ms["cpu" + key]
        print(f"  {label:<38}{wall:6.0f}ms{cpu:6.0f}ms  {_fast(wall)}")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall time feels it)")


def _fast(ms: float) -> str:
    """OK or OVER against the time bar."""
    return "OK" if ms <= BAR_MS_PER_5KB else "OVER"


def _print_misses(name: str, tallies: dict[str, Tally], before: dict[str, int]) -> None:
    """The misses one fixture added."""
    for key, tally in tallies.items():
        for miss in tally.misses[before[key] :]:
            print(f"  {name}: [{key}] {miss}")


def _report(tallies: dict[str, Tally], count: int, hedges: bool) -> None:
    """The table of precision, recall and accuracy with the bars."""
    q, s = tallies["quotes"], tallies["speakers"]
    print(f"\n{count} fixture articles, overlap {OVERLAP}")
    print(f"{'finding':<22}{'P':>6}{'R':>6}{'F1':>6}   bar")
    _row(
        "quotes",
        q,
        f"R >= {BAR_QUOTE_RECALL} at P >= {BAR_QUOTE_PRECISION} {_both(q.recall(), q.precision())}",
    )
    print(
        f"{'speaker of found':<22}{fmt(s.accuracy()):>18}   >= {BAR_SPEAKER} "
        f"{verdict(s.accuracy(), BAR_SPEAKER)}  ({s.right}/{s.matched})"
    )
    for name, label in (("kinds", "kind of found"), ("via", "via chain of found")):
        t = tallies[name]
        print(f"{label:<22}{fmt(t.accuracy()):>18}   (no bar; {t.right}/{t.matched})")
    _row("source types", tallies["sources"], "(no bar)")
    h = tallies["hedges"]
    if not hedges:
        print(f"{'hedge cues':<22}{'n/a':>6}{'n/a':>6}{'n/a':>6}   R >= {BAR_HEDGE_RECALL} n/a")
        return
    _row("hedge cues", h, f"R >= {BAR_HEDGE_RECALL} {verdict(h.recall(), BAR_HEDGE_RECALL)}")
    c = tallies["hedge_classes"]
    print(f"{'hedge class of found':<22}{fmt(c.accuracy()):>18}   (no bar; {c.right}/{c.matched})")


def _row(label: str, tally: Tally, bar: str) -> None:
    """One line: precision, recall, F1 and the bar."""
    p, r = tally.precision(), tally.recall()
    f1 = 2 * p * r / (p + r) if p and r else None
    print(f"{label:<22}{fmt(p):>6}{fmt(r):>6}{fmt(f1):>6}   {bar}")


def _both(recall: float | None, precision: float | None) -> str:
    """OK when both quote bars hold."""
    if recall is None or precision is None:
        return "n/a"
    ok = recall >= BAR_QUOTE_RECALL and precision >= BAR_QUOTE_PRECISION
    return "OK" if ok else "BELOW"


if __name__ == "__main__":
    main(sys.argv[1:])
