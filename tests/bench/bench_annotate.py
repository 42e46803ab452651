"""Labelling, saving and undoing in a long article (bars in the output)."""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parents[1]), str(BENCH)]

from bench_reader import make_body, make_entities  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import make_window  # noqa: E402
from gui.core.articles import ImportedText, Metadata  # noqa: E402
from gui.core.entities import pipeline as nlp  # noqa: E402
from gui.core.storage.entities_store import EntityStore  # noqa: E402

ROUNDS = 200


def percentile(values: list[float], share: float) -> float:
    """The value below which share of the values lie."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(name: str, values: list[float], bar_median: float, bar_p99: float | None = None) -> None:
    """Print median and p99 in milliseconds beside their bars."""
    median, p99 = statistics.median(values) * 1000, percentile(values, 0.99) * 1000
    verdict = median <= bar_median and (bar_p99 is None or p99 <= bar_p99)
    bars = f"bar median {bar_median:g} ms" + (f", p99 {bar_p99:g} ms" if bar_p99 else "")
    print(
        f"{name}: median {median:.1f} ms, p99 {p99:.1f} ms ({bars}) {'OK' if verdict else 'OVER'}"
    )


def open_long_article(window) -> None:
    """A 1 MB article with 20k stored entities, opened in the window."""
    rng = random.Random(3)
    session = window.session
    body = make_body(1_000_000, rng)
    article_id = session.articles.add(ImportedText(body, Metadata(title="Long"), "bench", "txt"))
    pipeline = nlp.pipeline_id(session.outlets())
    EntityStore(session.library).save(article_id, pipeline, make_entities(body, 20_000, rng))
    session.open_article(article_id)
    QApplication.processEvents()


def keystroke_to_repaint(window) -> list[float]:
    """Select words on screen, press 1, repaint: the time a user waits for the box."""
    view = window.pane.view
    view.setFocus()
    times = []
    for i in range(ROUNDS // 4):
        start = view.offset_at(view.viewport().rect().center()) + i * 7
        view.select_span(start, start + 5)
        began = time.perf_counter()
        QTest.keyClick(view, Qt.Key.Key_1)
        view.viewport().repaint()
        times.append(time.perf_counter() - began)
    return times


def save_and_undo(window) -> tuple[list[float], list[float], list[float]]:
    """Time the database write of one annotation, and undo and redo through the window."""
    session = window.session
    label = session.labels()[1]
    saves, undos, redos = [], [], []
    body_length = len(session.current.body)
    for i in range(ROUNDS):
        start = (i * 4_999) % (body_length - 20)
        began = time.perf_counter()
        session.annotate(label, start, start + 10)
        saves.append(time.perf_counter() - began)
    for _ in range(ROUNDS // 4):
        began = time.perf_counter()
        session.undo_stack.undo()
        undos.append(time.perf_counter() - began)
        began = time.perf_counter()
        session.undo_stack.redo()
        redos.append(time.perf_counter() - began)
    return saves, undos, redos


def main() -> None:
    """Run each measurement on a file library (WAL) in a real window."""
    app = QApplication(sys.argv[:1])
    window = make_window(app)
    window.resize(1280, 800)
    window.show()
    with tempfile.TemporaryDirectory() as folder:
        window.session.open_library(Path(folder) / "bench.sqlite")
        open_long_article(window)
        report("label keystroke to repaint (1 MB, 20k entities)", keystroke_to_repaint(window), 30)
        saves, undos, redos = save_and_undo(window)
        report("save one annotation, whole window path", saves, 5, 20)
        report("undo one annotation", undos, 30)
        report("redo one annotation", redos, 30)
        window.session.library.close()
    window.close()


if __name__ == "__main__":
    main()
