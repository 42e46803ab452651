"""Do trace, sources, claims and outlets answer within a second at 100,000 articles? (bar: 1 s)

Generates a library of 100,000 articles with their findings rows (quotes, a fifth relayed,
mostly through 30 wires and big outlets; sources; figures) in /tmp once (kept for the next
run; --fresh makes it again), then times each query the window and the command line ask:
traces, the sources (all, a search, one source's articles), the claims (a search, the groups,
one group's figures, every figure) and the outlet edges (all, one edge's statements).

    python tests/bench/bench_trace.py [--articles=N] [--fresh] [--path=FILE]

--path: time a library file of one's own (a copy of the cached one, say) instead.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from itertools import accumulate, pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gui.core.storage import open_library  # noqa: E402
from gui.core.tracing import queries  # noqa: E402
from gui.core.tracing.wording import FUNCTION_WORDS  # noqa: E402

BAR = 1.0
ARTICLES = 100_000
QUOTES, SOURCES, FIGURES = 8, 5, 3  # per article
STORIES, STORY_SHARE = 2000, 0.02  # statements many articles carry, and how often they do
_EVENTS = ("killed", "injured", "died", "evacuated", "arrested", "rescued", "missing", "displaced")
_COUNTED = ("people", "civilians", "soldiers", "children", "workers", "tonnes", "homes", "boats")


def vocabulary(rng: random.Random, size: int = 60_000) -> list[str]:
    """English's function words first (the commonest), then invented words."""
    letters = "abcdefghijklmnoprstuvw"
    invented = {
        "".join(rng.choice(letters) for _ in range(rng.randint(3, 10))) for _ in range(size)
    }
    return [*FUNCTION_WORDS, *sorted(invented)]


class World:
    """The invented words, outlets, people and statements a generated library is made of."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary(rng)
        self.weights = list(accumulate(1 / rank for rank in range(1, len(self.words) + 1)))
        names = self.words[len(FUNCTION_WORDS) :]
        self.outlets = [f"Outlet {w.title()}" for w in rng.sample(names, 300)]
        # Relayed statements come mostly through a few wires and big outlets, as in the news.
        self.wires = self.outlets[:30]
        self.wire_weights = list(accumulate(1 / rank for rank in range(1, 31)))
        self.people = [
            f"{rng.choice(names).title()} {rng.choice(names).title()}" for _ in range(60_000)
        ]
        self.stories = [(self.sentence(), rng.choice(self.people)) for _ in range(STORIES)]

    def sentence(self) -> str:
        """Twelve to twenty words, by Zipf's law (the k-th commonest word 1/k as often)."""
        k = self.rng.randint(12, 20)
        return " ".join(self.rng.choices(self.words, cum_weights=self.weights, k=k))

    def statement(self) -> tuple[str, str]:
        """(text, speaker): a new statement, or now and then a version of a story's."""
        rng = self.rng
        if rng.random() >= STORY_SHARE:
            return self.sentence(), rng.choice(self.people)
        text, speaker = rng.choice(self.stories)
        words = text.split()
        if rng.random() < 0.5:
            words[rng.randrange(len(words))] = rng.choice(self.words)  # a word changed
        else:
            words = words[: rng.randint(6, len(words))]  # shortened
        return " ".join(words), speaker


def generate(path: Path, count: int) -> None:
    """A library at path with count articles and their findings rows."""
    world = World(random.Random(12))
    library = open_library(path)
    tables: dict[str, list[tuple]] = {name: [] for name in _INSERTS}
    for article_id in range(1, count + 1):
        add_article(world, article_id, tables)
        if article_id % 5000 == 0 or article_id == count:
            with library.db.conn as conn:
                for name, rows in tables.items():
                    conn.executemany(_INSERTS[name], rows)
                    rows.clear()
            print(f"  generated {article_id:,} articles", flush=True)
    library.close()


def add_article(world: World, article_id: int, tables: dict[str, list[tuple]]) -> None:
    """One article's row and its findings rows (the quotes' index fills itself, by trigger)."""
    rng = world.rng
    day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    article = (article_id, f"Story {article_id}", rng.choice(world.outlets), day, "bench", "txt")
    tables["articles"].append((*article, str(article_id), "2026", "body"))
    relays: set[str] = set()
    for attribution in range(1, QUOTES + 1):
        quote_id = (article_id - 1) * QUOTES + attribution
        text, speaker = world.statement()
        relay = rng.choices(world.wires, cum_weights=world.wire_weights)[0]
        relay = relay if rng.random() < 0.2 else ""
        via = f"{relay} ← {speaker}" if relay else ""
        quote = (quote_id, article_id, attribution, "direct", 0, len(text), text, text.lower())
        tables["quotes"].append((*quote, speaker, speaker.lower(), "person", via))
        if relay:
            tables["relays"].append((quote_id, article_id, 0, relay, relay.lower(), "outlet"))
            relays.add(relay)
        if attribution <= SOURCES:
            tables["sources"].append((article_id, attribution - 1, *source_row(world, speaker)))
    for position, relay in enumerate(sorted(relays), SOURCES):  # the outlets passing words on
        tables["sources"].append((article_id, position, relay.lower(), relay, "outlet", 0, 1, 0))
    for claim in range(1, FIGURES + 1):
        value = rng.randint(1, 500)
        counted, event, source = rng.choice(_COUNTED), rng.choice(_EVENTS), rng.choice(world.people)
        figure = (article_id, claim, 0, 3, str(value), value, counted, event, source)
        tables["numeric_claims"].append(figure)


def source_row(world: World, speaker: str) -> tuple[str, str, str, int, int, int]:
    """(key, name, type, statements, relayed, anonymous) of a source as an article names it.

    Mostly by full name; as news does now and then: by surname alone or with a title (the
    names the Sources list merges across articles), vaguely, or an outlet the sourcing did
    not recognise, typed a person.
    """
    rng = world.rng
    name, kind, anonymous, draw = speaker, "person", 0, rng.random()
    if draw < 0.15:
        name = speaker.split()[-1]
    elif draw < 0.20:
        name = f"Minister {speaker}"
    elif draw < 0.25:
        name, kind, anonymous = rng.choice(_VAGUE), "anonymous", 1
    elif draw < 0.27:
        name = f"the {rng.choice(world.outlets)}"
    key = name.lower().removeprefix("the ")
    return key, name, kind, rng.randint(1, 3), 0, anonymous


_VAGUE = ("A police official", "officials", "residents", "a source close to the talks")
_INSERTS = {
    "articles": "INSERT INTO articles (id, title, outlet, published, source, format,"
    " content_hash, imported_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "quotes": 'INSERT INTO quotes (id, article_id, attribution, kind, start, "end", text,'
    " normalised, speaker, speaker_key, speaker_type, via) VALUES"
    " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "relays": "INSERT INTO relays (quote_id, article_id, position, name, name_key, type)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    "sources": "INSERT INTO sources (article_id, position, name_key, name, type, statements,"
    " relayed, anonymous) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "numeric_claims": 'INSERT INTO numeric_claims (article_id, claim, start, "end", text,'
    " value, counted, event, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def timed(label: str, run, repeat: int = 3) -> None:
    """Run repeat times; print the median and the worst against the bar."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    worst = max(times)
    size = len(result) if hasattr(result, "__len__") else len(result.appearances)
    verdict = "OK" if worst <= BAR else "OVER"
    print(
        f"{label:<34} median {statistics.median(times):6.3f} s  worst {worst:6.3f} s"
        f"  (bar {BAR:.1f} s) {verdict}  [{size:,} results]"
    )


def _story_quotes(library, rng: random.Random) -> list[tuple[int, int]]:
    """(article, attribution) of three quotes of the first story (found by its speaker)."""
    world = World(random.Random(12))
    speaker = world.stories[0][1]
    rows = library.db.execute(
        "SELECT article_id, attribution FROM quotes WHERE speaker_key = ? LIMIT 3",
        [speaker.lower()],
    ).fetchall()
    return [(int(a), int(q)) for a, q in rows]


def main(argv: list[str]) -> None:
    """Generate (if needed) and time the queries."""
    count = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--articles=")), ARTICLES)
    path = Path(f"/tmp/sourcelight-bench-trace-v2-{count}.sqlite")  # v2: sources named variously
    path = Path(next((a.split("=", 1)[1] for a in argv if a.startswith("--path=")), path))
    if "--fresh" in argv or not path.exists():
        for stale in path.parent.glob(path.name + "*"):
            stale.unlink()
        print(f"generating {count:,} articles in {path} ...")
        generate(path, count)
    open_library(path).close()  # brings a library kept from an older version up to date
    library = open_library(path, read_only=True)
    rng = random.Random(3)
    picks = _story_quotes(library, rng) + [
        (rng.randint(1, count), rng.randint(1, QUOTES)) for _ in range(2)
    ]
    print(f"{count:,} articles, {count * QUOTES:,} quotes")
    for article_id, attribution in picks:
        timed(
            f"trace article {article_id} quote {attribution}",
            lambda a=article_id, q=attribution: queries.trace_attribution(library, a, q),
        )
    speaker = library.db.execute(
        "SELECT name FROM sources WHERE type = 'person' AND name LIKE '% %' LIMIT 1"
    ).fetchone()[0]
    surname = speaker.split()[-1]
    timed(f"sources --search {surname}", lambda: queries.library_sources(library, surname))
    timed("sources --search a (typing begins)", lambda: queries.library_sources(library, "a"))
    sources = queries.library_sources(library)
    timed("sources (the whole list)", lambda: queries.library_sources(library))
    timed("articles of the busiest source", lambda: queries.source_articles(library, sources[0]))
    timed("claims --search killed", lambda: queries.library_claims(library, "killed"))
    groups = queries.library_claim_groups(library)
    timed("claim groups (the whole list)", lambda: queries.library_claim_groups(library))
    timed("figures of the largest group", lambda: queries.group_figures(library, groups[0]).figures)
    timed("outlets (the edges)", lambda: queries.outlet_edges(library))
    edges = queries.outlet_edges(library)
    timed("statements of the busiest edge", lambda: queries.edge_statements(library, edges[0]))
    timed("claims: its first group shown", lambda: next(queries.each_claim_group(library)).figures)
    every_figure(library)
    library.close()


def every_figure(library) -> None:
    """claims without a search: when each group is ready (they are shown as read), and all."""
    start, ready, figures = time.perf_counter(), [0.0], 0
    for group in queries.each_claim_group(library):
        ready.append(time.perf_counter() - start)  # this group can be shown now
        figures += len(group.figures)
    slowest = max(b - a for a, b in pairwise(ready))
    print(
        f"claims: every figure ({figures:,}) shown group by group: first group ready after"
        f" {ready[1]:.3f} s, the longest wait for the next {slowest:.3f} s (bar {BAR:.1f} s)"
        f" {'OK' if max(ready[1], slowest) <= BAR else 'OVER'}; all read in {ready[-1]:.3f} s"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
