"""Packing a long exercise, and reading and importing a full returned file (bars in the output).

A 2 MB article, its exercise packed (fresh file, VACUUM, fsync); a trainee's copy with 10,000
annotations, read as untrusted input (every value checked) and imported as one step; and the
Returns view's scores of that return against a 2,000-annotation key.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parents[1]), str(BENCH)]

from bench_reader import make_body  # noqa: E402

from gui.core.anchoring import anchor_for  # noqa: E402
from gui.core.annotations.model import Annotation  # noqa: E402
from gui.core.articles import ImportedText, Metadata  # noqa: E402
from gui.core.storage import ArticleStore, open_library  # noqa: E402
from gui.core.storage.annotations_store import insert_annotation  # noqa: E402
from gui.core.trainer.exercises import ExerciseOptions, join_exercise  # noqa: E402
from gui.core.trainer.packing import create_exercise  # noqa: E402
from gui.core.trainer.results import all_results  # noqa: E402
from gui.core.trainer.returns import import_work, read_work  # noqa: E402

BARS = {"pack": 3.0, "read": 2.0, "import": 3.0, "score": 3.0}  # seconds


def spans(body: str, count: int, rng: random.Random) -> list[tuple[int, int]]:
    """count word-aligned spans of a few words, anywhere in body."""
    starts = [i + 1 for i, c in enumerate(body) if c == " "]
    found = []
    for start in rng.sample(starts, count):
        end = body.find(" ", start + rng.randint(5, 40))
        found.append((start, end if end > start else start + 5))
    return found


def annotate(library, body: str, where, annotator: str) -> None:
    """Add annotations in one transaction, straight to storage (the bench is about the rest)."""
    labels = [row[0] for row in library.db.execute("SELECT id FROM labels").fetchall()]
    with library.transaction() as db:
        for n, (start, end) in enumerate(where):
            anchor = anchor_for(body, start, end)
            note, now = f"note {n}", "2024-05-01T10:00:00+00:00"
            insert_annotation(
                db, Annotation(0, 1, labels[n % 3], anchor, note, annotator, now, now)
            )


def timed(name: str, work):
    """Run work, print its time beside its bar, return its result."""
    started = time.perf_counter()
    result = work()
    took = time.perf_counter() - started
    verdict = "OK" if took <= BARS[name] else "OVER"
    print(f"{name}: {took:.2f} s (bar {BARS[name]:g} s) {verdict}")
    return result


def main() -> None:
    rng = random.Random(9)
    body = make_body(2_000_000, rng)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        trainer = open_library(root / "trainer.sqlite")
        ArticleStore(trainer).add(ImportedText(body, Metadata(title="Long"), "bench", "txt"))
        annotate(trainer, body, spans(body, 2_000, rng), "trainer")
        exercise = root / "e.sourcelight"
        options = ExerciseOptions("Bench", key_layer="trainer", hide_findings=True)
        timed("pack", lambda: create_exercise(trainer, [1], exercise, options))
        copy = root / "ana.sourcelight"
        copy.write_bytes(exercise.read_bytes())
        trainee = open_library(copy)
        join_exercise(trainee, "Ana")
        annotate(trainee, body, spans(body, 10_000, rng), "Ana")
        trainee.close()
        print(f"returned file: {copy.stat().st_size / 2**20:.1f} MB, 10,000 annotations")
        work = timed("read", lambda: read_work(copy))
        timed("import", lambda: import_work(trainer, work))
        timed("score", lambda: all_results(trainer))
        trainer.close()


if __name__ == "__main__":
    main()
