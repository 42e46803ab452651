"""A big library made from generated text, for the benchmarks (kept in /tmp between runs).

Articles go in with executemany inside one transaction (the search index follows through its
triggers), about 60% of them with an analysis by the bench pipeline, so the library list has
entity counts to show and sort. The text is made of a few thousand made-up words drawn with a
long tail, plus some real news words, so that searching for one behaves as it would.
"""

from __future__ import annotations

import hashlib
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from gui.core.storage import SCHEMA_VERSION, open_library  # noqa: E402

PIPELINE = "bench-pipeline"
NEWS_WORDS = [
    "ceasefire",
    "talks",
    "officials",
    "said",
    "fighters",
    "city",
    "council",
    "minister",
    "reported",
    "statement",
    "police",
    "border",
    "election",
    "protest",
    "court",
    "spokesman",
    "government",
    "sources",
    "agency",
    "according",
    "hospital",
    "refugees",
    "negotiators",
    "drought",
    "harvest",
    "parliament",
    "ministry",
    "army",
    "militia",
    "convoy",
    "aid",
]
OUTLETS = ("Reuters", "AP", "AFP", "BBC", "Al Jazeera", "The Guardian", "Le Monde", "DW")
SYLLABLES = ("ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "de", "sha", "or", "um", "in", "bel")
BATCH = 5_000


def vocabulary(rng: random.Random, size: int = 6_000) -> list[str]:
    """Made-up words of two to four syllables, then the real ones."""
    words = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)}
    return sorted(words) + NEWS_WORDS


def make_rows(count: int, words_per_article: int, seed: int = 11):
    """Yield (articles row, entity count or None) for count generated articles."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]
    rng.shuffle(weights)  # the real words land anywhere in the long tail
    for number in range(1, count + 1):
        body = " ".join(rng.choices(words, weights, k=words_per_article)) + f" Story {number}."
        title = " ".join(rng.choices(words, weights, k=rng.randint(3, 7))).capitalize()
        day = rng.randint(0, 4_000)
        published = "" if rng.random() < 0.1 else _date(day)
        digest = hashlib.sha256(body.encode()).hexdigest()
        row = (title, rng.choice(OUTLETS), published, "bench", "txt", digest, _stamp(number), body)
        yield row, (rng.randint(0, 300) if rng.random() < 0.6 else None)


def _date(day: int) -> str:
    year, rest = divmod(day, 365)
    return f"{2015 + year:04d}-{rest // 31 + 1:02d}-{rest % 28 + 1:02d}"


def _stamp(number: int) -> str:
    hours, seconds = divmod(number, 3_600)
    return f"2026-{1 + hours // 720:02d}-{1 + hours % 720 // 24:02d}T{hours % 24:02d}:" + (
        f"{seconds // 60:02d}:{seconds % 60:02d}+00:00"
    )


def build(path: Path, count: int, words_per_article: int = 160) -> None:
    """Write a library of count generated articles at path (replacing any file there)."""
    for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        old.unlink(missing_ok=True)
    started = time.perf_counter()
    library = open_library(path)
    conn = library.db.conn
    rows = make_rows(count, words_per_article)
    conn.execute("BEGIN")
    done = 0
    while done < count:
        batch = [next(rows) for _ in range(min(BATCH, count - done))]
        conn.executemany(
            "INSERT INTO articles (title, outlet, published, source, format, content_hash,"
            " imported_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [row for row, _ in batch],
        )
        conn.executemany(
            "INSERT INTO analyses (article_id, pipeline_id, content_hash, entity_count,"
            " analysed_at) VALUES (?, ?, ?, ?, '2026-06-01T00:00:00+00:00')",
            [
                (done + i + 1, PIPELINE, row[5], entities)
                for i, (row, entities) in enumerate(batch)
                if entities is not None
            ],
        )
        done += len(batch)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    took = time.perf_counter() - started
    size = path.stat().st_size / 2**20
    print(f"  built {count:,} articles in {took:.0f} s ({size:,.0f} MB): {path}", flush=True)


def big_library(count: int = 100_000, folder: Path = Path("/tmp")) -> Path:
    """The generated library of count articles, built on first use and kept for later runs."""
    path = folder / f"sourcelight-bench-{count}-schema{SCHEMA_VERSION}.sqlite"
    if not path.exists():
        build(path, count)
    return path


if __name__ == "__main__":
    big_library(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
