"""Findings as rows at scale: migration 9, a save's rows, and the library-wide quote search.

Bars: a search of every quote (ranked, limit 50) and its count <= 50 ms each (the issue's
search-as-you-type bar); writing one article's rows on save <= 100 ms (no GUI stall over
100 ms). The migration has no bar: its rate is printed.
Run: python tests/bench/bench_finding_rows.py [ARTICLES]   (default 20000; made in /tmp)
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlite_utils import Database  # noqa: E402

from gui.core.sourcing.keys import name_key  # noqa: E402
from gui.core.sourcing.library_commands import SaveFindings  # noqa: E402
from gui.core.storage import FindingRowsStore, apply, open_library  # noqa: E402
from gui.core.storage import migrations as schema  # noqa: E402
from gui.core.storage.migration_09_finding_rows import NAME  # noqa: E402
from tests.core.storage.factories import old_article  # noqa: E402
from tests.core.storage.finding_world import BODY, FINDINGS  # noqa: E402

BAR_SEARCH = 0.050
BAR_SAVE = 0.100


def schema_eight(path: Path, articles: int) -> None:
    db = Database(path)
    schema.MIGRATIONS.apply(db, stop_before=NAME)
    text = json.dumps(FINDINGS.to_json())
    with db.conn:
        for n in range(articles):
            article = old_article(db, f"{BODY} ({n})", f"Article {n}", "March 5, 2024")
            db.execute(
                "INSERT INTO sourcing_cache SELECT id, 'p', content_hash, ?, '2024-01-01'"
                " FROM articles WHERE id = ?",
                [text, article],
            )
    db.close()


def best(action, times: int = 20) -> float:
    runs = []
    for _ in range(times):
        start = time.perf_counter()
        action()
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def main() -> None:
    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "library.sqlite"
        schema_eight(path, articles)
        start = time.perf_counter()
        library = open_library(path)
        migrated = time.perf_counter() - start
        quotes = library.db.execute("SELECT count(*) FROM quotes").fetchone()[0]
        print(
            f"migration 8 -> 9: {articles} articles, {quotes} quotes in {migrated:.1f} s"
            f" ({migrated / articles * 1000:.2f} ms per article; no bar)"
        )
        store = FindingRowsStore(library)
        for label, action in (
            ("search_quotes('bodies', limit=50), every quote matches",
             lambda: store.search_quotes("bodies", 50)),
            ("search_quotes('civ') prefix", lambda: store.search_quotes("civ", 50)),
            ("count_quotes('bodies')", lambda: store.count_quotes("bodies")),
            ("quotes(speaker_key=minister ali hassan, limit=50)",
             lambda: store.quotes(speaker_key=name_key("Minister Ali Hassan"), limit=50)),
        ):  # fmt: skip
            low, median = best(action)
            verdict = "ok" if median <= BAR_SEARCH else "OVER"
            print(
                f"{label}: median {median * 1000:.1f} ms, best {low * 1000:.1f} ms"
                f" (bar {BAR_SEARCH * 1000:.0f} ms: {verdict})"
            )
        text = json.dumps(FINDINGS.to_json())
        low, median = best(lambda: apply(library, SaveFindings(1, "q", text)))
        verdict = "ok" if median <= BAR_SAVE else "OVER"
        print(
            f"SaveFindings (JSON text -> cache + rows) of one article: median"
            f" {median * 1000:.1f} ms (bar {BAR_SAVE * 1000:.0f} ms: {verdict})"
        )
        library.close()


if __name__ == "__main__":
    main()
