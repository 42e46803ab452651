"""Does the window keep responding while entities are found? (bar: no gap over 100 ms)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from gui.app import make_window  # noqa: E402
from gui.core.importing import import_file  # noqa: E402
from gui.core.resources import resource  # noqa: E402

BAR_GAP = 0.100


class GapMeter:
    """Ticks every 5 ms on the GUI thread and keeps the longest time between two ticks."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def analyse_in_window(window, text, label: str) -> None:
    """Add text as an article, open it, and wait for its entities while measuring gaps."""
    session = window.session
    article_id = session.articles.add(text)  # straight in: no analysis starts before ours
    loop = QEventLoop()
    marks: dict[str, float] = {}
    session.entities_changed.connect(lambda *_: marks.setdefault("entities", time.perf_counter()))
    session.findings_changed.connect(loop.quit)  # the sourcing lens comes last
    meter = GapMeter()
    start = time.perf_counter()
    session.open_article(article_id)
    loop.exec()
    took = time.perf_counter() - start
    session.findings_changed.disconnect(loop.quit)
    found = len(window.pane.view.entities())
    took_entities = marks.get("entities", start + took) - start
    print(
        f"{label}: {len(text.body):,} chars, {found:,} entities in {took_entities:.2f} s, "
        f"sourcing done at {took:.2f} s; longest GUI gap {meter.longest * 1000:.0f} ms "
        f"(bar {BAR_GAP * 1000:.0f} ms) {'OK' if meter.longest <= BAR_GAP else 'OVER'}"
    )


def main() -> None:
    """Analyse the sample (model load included), then a 300 KB article."""
    from dataclasses import replace

    app = QApplication(sys.argv[:1])
    window = make_window(app)
    window.show()
    sample = import_file(next(resource("samples").glob("*.txt")))
    with tempfile.TemporaryDirectory() as folder:
        window.session.open_library(Path(folder) / "bench.sqlite")
        analyse_in_window(window, sample, "sample, cold (model load included)")
        # Numbered copies: no paragraph repeats, so nothing is parsed from memory.
        copies = max(1, 300_000 // len(sample.body))
        long_body = "\n\n".join(
            "\n\n".join(f"({n}.{i}) {p}" for i, p in enumerate(sample.body.split("\n\n")))
            for n in range(copies)
        )
        analyse_in_window(window, replace(sample, body=long_body), "300 KB article, warm")
        window.session.library.close()
    window.close()


if __name__ == "__main__":
    main()
