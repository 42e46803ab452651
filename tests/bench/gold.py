"""Gold attributions of the sourcing fixtures, written by hand as lines and read into spans.

Each `NAME.gold` beside `NAME.txt` holds one line per attribution or hedge, in any order:

    outlet: Harbor Ledger                      the article's own outlet (its metadata)
    KIND | CONTENT | CUE | SOURCE {TYPE[ anon]}[ => SPEAKER] | VIA {TYPE} > VIA {TYPE}
    hedge | TEXT | CLASS

KIND is direct, partial, mixed, floating (quotes), indirect, according_to, belief or
intention. CONTENT is the exact text said (quotes without their marks); CUE the speech verb
("-" for none); SOURCE the words naming the source as written ("-" for none), its type
(person, institution, outlet, anonymous, pronoun, description), "anon" when the source is
anonymous or stands for an anonymous one, and the speaker a trainer expects after "=>" (a
pronoun's or description's antecedent; else the source's own words). VIA lists the relaying
outlets, outermost first. A text is looked up where it occurs: CONTENT at its first
occurrence, the others at the occurrence nearest the content; "TEXT #3" takes the third
occurrence in the article instead; "\\n" in a text stands for a line break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

QUOTE_KINDS = frozenset({"direct", "partial", "mixed", "floating"})
INDIRECT_KINDS = frozenset({"indirect", "according_to"})
ATTITUDE_KINDS = frozenset({"belief", "intention"})
KINDS = QUOTE_KINDS | INDIRECT_KINDS | ATTITUDE_KINDS
TYPES = frozenset({"person", "institution", "outlet", "anonymous", "pronoun", "description"})
_OCCURRENCE = re.compile(r"^(?P<text>.*?)\s+#(?P<n>\d+)$")
_SOURCE = re.compile(
    r"^(?P<text>.+?)\s*\{(?P<type>[a-z]+)(?P<anon> anon)?\}(?:\s*=>\s*(?P<who>.+))?$"
)


@dataclass(frozen=True)
class GoldSpan:
    """A span of the article: [start, end) and its text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GoldSource:
    """Who the gold says speaks (or relays): span, type, anonymity, and the expected name."""

    span: GoldSpan
    type: str
    anonymous: bool
    speaker: str


@dataclass(frozen=True)
class GoldAttribution:
    """One attribution of the gold."""

    kind: str
    content: GoldSpan
    cue: GoldSpan | None
    source: GoldSource | None
    via: tuple[GoldSource, ...]


@dataclass(frozen=True)
class GoldHedge:
    """One hedge cue of the gold."""

    span: GoldSpan
    cls: str


@dataclass(frozen=True)
class Gold:
    """The gold of one fixture article."""

    name: str
    body: str
    outlet: str
    attributions: tuple[GoldAttribution, ...]
    hedges: tuple[GoldHedge, ...]


class GoldError(ValueError):
    """A gold line that cannot be read or whose texts are not in the article."""


def read_gold(path: Path) -> Gold:
    """The gold of NAME.gold, its texts looked up in NAME.txt."""
    body = path.with_suffix(".txt").read_text(encoding="utf-8")
    outlet, attributions, hedges = "", [], []
    used: set[tuple[int, int]] = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip().replace("\\n", "\n")
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("outlet:"):
                outlet = line.partition(":")[2].strip()
            elif line.startswith("hedge |"):
                hedges.append(_hedge(body, line))
            else:
                attributions.append(_attribution(body, line, used))
        except GoldError as error:
            raise GoldError(f"{path.name}:{number}: {error}") from None
    return Gold(path.stem, body, outlet, tuple(attributions), tuple(hedges))


def _hedge(body: str, line: str) -> GoldHedge:
    """A hedge line: hedge | TEXT | CLASS."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) != 3:
        raise GoldError("a hedge line has three fields")
    return GoldHedge(_first(body, parts[1], set()), parts[2])


def _attribution(body: str, line: str, used: set[tuple[int, int]]) -> GoldAttribution:
    """An attribution line."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) not in (4, 5) or parts[0] not in KINDS:
        raise GoldError(f"not an attribution line: {line!r}")
    content = _first(body, parts[1], used)
    used.add((content.start, content.end))
    cue = None if parts[2] == "-" else _near(body, parts[2], content)
    source = None if parts[3] == "-" else _source(body, parts[3], content)
    via = () if len(parts) < 5 else tuple(_source(body, v, content) for v in parts[4].split(" > "))
    return GoldAttribution(parts[0], content, cue, source, via)


def _source(body: str, field: str, content: GoldSpan) -> GoldSource:
    """SOURCE {type[ anon]}[ => SPEAKER]."""
    match = _SOURCE.match(field)
    if match is None or match["type"] not in TYPES:
        raise GoldError(f"not a source: {field!r}")
    span = _near(body, match["text"], content)
    return GoldSource(span, match["type"], bool(match["anon"]), match["who"] or span.text)


def _occurrences(body: str, text: str) -> list[int]:
    """Starts of text in body as whole words (or at word edges for texts with punctuation)."""
    left = r"(?<!\w)" if text[:1].isalnum() else ""
    right = r"(?!\w)" if text[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(text) + right, body)]


def _split(text: str) -> tuple[str, int]:
    """TEXT and N of "TEXT #N" (N 0 when not given)."""
    match = _OCCURRENCE.match(text)
    return (match["text"], int(match["n"])) if match else (text, 0)


def _first(body: str, field: str, used: set[tuple[int, int]]) -> GoldSpan:
    """The first occurrence not taken yet (or the Nth) of a text."""
    text, n = _split(field)
    starts = _occurrences(body, text)
    if n:
        starts = starts[n - 1 : n]
    starts = [s for s in starts if (s, s + len(text)) not in used]
    if not starts:
        raise GoldError(f"{text!r} is not in the article")
    return GoldSpan(starts[0], starts[0] + len(text), text)


def _near(body: str, field: str, content: GoldSpan) -> GoldSpan:
    """The occurrence of a text nearest the content (or the Nth in the article)."""
    text, n = _split(field)
    starts = _occurrences(body, text)
    if n:
        starts = starts[n - 1 : n]
    if not starts:
        raise GoldError(f"{text!r} is not in the article")

    def distance(start: int) -> int:
        end = start + len(text)
        return max(0, content.start - end, start - content.end)

    best = min(starts, key=distance)
    return GoldSpan(best, best + len(text), text)


def read_all(folder: Path, only: str = "") -> list[Gold]:
    """The gold of every fixture in the folder whose name starts with `only`."""
    return [read_gold(path) for path in sorted(folder.glob(f"{only}*.gold"))]
