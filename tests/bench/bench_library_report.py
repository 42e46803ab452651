"""How long do the library report and an article report take at 100,000 articles? (bars below)

Generates a library as bench_trace.py does (once, in /tmp, in a file of its own), copied
with MARKS annotations over quotes (a trainer's marks across many articles), then times
the library report (HTML) and the article report of a marked article. The library report
runs on a worker in the window, so its bar is generous; the article report's is the
window's (it is made on the GUI thread, as before).

    python tests/bench/bench_library_report.py [--articles=N]
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gui.core.anchoring import Anchor  # noqa: E402
from gui.core.annotations.commands import AddAnnotation  # noqa: E402
from gui.core.annotations.model import Annotation  # noqa: E402
from gui.core.findings import stored  # noqa: E402
from gui.core.reports import article_report_html  # noqa: E402
from gui.core.reports.library import library_report_html  # noqa: E402
from gui.core.storage import ArticleStore, LabelStore, apply, open_library  # noqa: E402
from tests.bench import bench_trace  # noqa: E402

LIBRARY_BAR, ARTICLE_BAR = 30.0, 3.0  # seconds
MARKS = 2000


def marked_copy(source: Path) -> Path:
    """A copy of the generated library with MARKS annotations over quotes, made once."""
    path = source.with_name(source.stem + "-marked.sqlite")
    if path.exists():
        open_library(path).close()  # brought up to this version's schema, if older
        return path
    shutil.copyfile(source, path)
    library = open_library(path)
    label = LabelStore(library).labels()[0].id
    rows = library.db.execute(
        'SELECT article_id, start, "end", text FROM quotes WHERE id % 400 = 0 LIMIT ?', [MARKS]
    ).fetchall()
    for article_id, start, end, text in rows:
        # The generated bodies are stand-ins, not the text the rows point into: the anchor
        # is the quote's own span and words.
        stamp = "2026-03-01T10:00:00Z"
        anchor = Anchor(start, end, text, "", "")
        mark = Annotation(0, article_id, label, anchor, "", "trainer", stamp, stamp)
        apply(library, AddAnnotation(mark))
    library.close()
    return path


def timed(label: str, bar: float, run) -> object:
    """Run once, print the time against the bar."""
    start = time.perf_counter()
    result = run()
    took = time.perf_counter() - start
    verdict = "OK" if took <= bar else "OVER"
    print(f"{label:<40} {took:7.2f} s  (bar {bar:.0f} s) {verdict}")
    return result


def main(argv: list[str]) -> None:
    """Generate (if needed), mark, and time the reports."""
    count = next((int(a.split("=", 1)[1]) for a in argv if a.startswith("--articles=")), 100_000)
    source = Path(f"/tmp/sourcelight-bench-reports-{count}.sqlite")
    if not source.exists():
        print(f"generating {count:,} articles in {source} ...")
        bench_trace.generate(source, count)
    library = open_library(marked_copy(source), read_only=True)
    html = timed("library report (html)", LIBRARY_BAR, lambda: library_report_html(library))
    print(f"  {len(html) / 1e6:.2f} MB of HTML, {html.count('<tr>'):,} table rows")
    article_id = library.db.execute("SELECT min(article_id) FROM annotations").fetchone()[0]
    article = ArticleStore(library).get(article_id)
    timed(
        f"article report of article {article_id}",
        ARTICLE_BAR,
        lambda: article_report_html(library, stored(library, article)),
    )
    library.close()


if __name__ == "__main__":
    main(sys.argv[1:])
