"""Does Across the Library stay responsive at 100,000 articles? (bar: no GUI stall over 100 ms)

Shows the panel on a copy of the generated library of bench_trace.py, its reads on a serial
worker as the window runs them, and a 10 ms QTimer heartbeat beside it: the longest gap
between two beats, less the beat, is the longest the GUI thread stalled. Timed: the lists
filled, a letter typed in the Sources search, the search cleared, and picking the busiest
source, the largest claim group and the busiest outlet edge. --sync reads on the GUI thread
instead (as the panel did before), to compare.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tests/bench/bench_panel_reads.py \
        [--library=PATH] [--sync]
"""

from __future__ import annotations

import gc
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402

from gui.core.storage import open_library  # noqa: E402
from gui.session.background import Worker  # noqa: E402
from gui.tracing.library_views import LibraryViews  # noqa: E402

BAR_MS = 100
BEAT_MS = 10
SHARED = Path("/tmp/sourcelight-bench-trace-v2-100000.sqlite")  # made by bench_trace.py
COPY = Path("/tmp/panel-bench-100000.sqlite")  # read here: the shared file is left alone


class Heartbeat:
    """A timer beating every BEAT_MS; the longest gap between beats since reset()."""

    def __init__(self) -> None:
        self._timer = QTimer(interval=BEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._last = time.perf_counter()
        self.longest = 0.0
        self._timer.start()

    def reset(self) -> None:
        self._last, self.longest = time.perf_counter(), 0.0

    def _beat(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stall_ms(self) -> float:
        """The longest the GUI thread did not beat, beyond the beat itself."""
        return max(0.0, self.longest * 1000 - BEAT_MS)


def wait_for(signal, timeout_ms: int = 60_000) -> float:
    """Run the event loop until signal fires; the seconds it took."""
    loop, start = QEventLoop(), time.perf_counter()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)
    return time.perf_counter() - start


def settle(ms: int = 300) -> None:
    """Let the event loop paint what came in (its stalls count too)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def timed(heart: Heartbeat, label: str, act, signal) -> float:
    """Do act, wait for signal and the paint after it; print the longest stall against the bar."""
    settle(100)
    heart.reset()
    start = time.perf_counter()
    QTimer.singleShot(0, act)
    wait_for(signal)
    answered = time.perf_counter() - start
    settle()
    stall = heart.stall_ms()
    verdict = "OK" if stall <= BAR_MS else "OVER"
    print(
        f"{label:<36} longest stall {stall:7.1f} ms (bar {BAR_MS} ms) {verdict}"
        f"   answered in {answered:6.3f} s"
    )
    return stall


def pick(views: LibraryViews, model, row: int) -> None:
    """Pick a row of the table that shows model, as a click would."""
    table = next(t for t in views.findChildren(QTableView) if t.model() is model)
    table.selectRow(row)


def main(argv: list[str]) -> int:
    """Open the copy, show the panel, time what the user does; 1 when a stall passes the bar."""
    path = Path(next((a.split("=", 1)[1] for a in argv if a.startswith("--library=")), COPY))
    if path == COPY and not COPY.exists():
        if not SHARED.exists():
            print(f"no {SHARED}: run tests/bench/bench_trace.py first")
            return 2
        shutil.copy(SHARED, COPY)
    app = QApplication.instance() or QApplication(sys.argv)
    library = open_library(path, read_only=True)
    worker = Worker(serial=True)
    views = LibraryViews()
    views.reads.library_of = lambda: library
    if "--sync" not in argv:
        views.reads.run_later = lambda fn, args, done, failed: worker.start(
            fn, *args, finished=done, failed=failed
        )
    views.resize(1200, 800)
    views.show()
    print(f"{len(gc.get_objects()):,} objects tracked at start; frozen, as gui.app does")
    gc.freeze()  # as gui.app does once the window is built
    heart = Heartbeat()
    print(f"{path} ({'GUI thread' if '--sync' in argv else 'worker'} reads)")
    stalls = [timed(heart, "the lists filled", views.fill, views.filled)]
    stalls.append(
        timed(
            heart, "typed 'a' in the search", lambda: views.search.setText("a"), views.sources_shown
        )
    )
    stalls.append(
        timed(heart, "typed 'an'", lambda: views.search.setText("an"), views.sources_shown)
    )
    stalls.append(timed(heart, "cleared the search", views.search.clear, views.sources_shown))
    stalls.append(
        timed(
            heart,
            "picked the busiest source",
            lambda: pick(views, views.sources, 0),
            views.articles_shown,
        )
    )
    views.setCurrentWidget(views.claims)
    stalls.append(
        timed(
            heart,
            "picked the largest claim group",
            lambda: pick(views, views.groups, 0),
            views.claims.figures_shown,
        )
    )
    views.setCurrentWidget(views.outlets)
    stalls.append(
        timed(
            heart,
            "picked the busiest outlet edge",
            lambda: pick(views, views.edges, 0),
            views.outlets.statements_shown,
        )
    )
    worker.wait()
    print(f"{len(gc.get_objects()):,} objects tracked at the end")
    library.close()
    print(f"longest stall of all: {max(stalls):.1f} ms (bar {BAR_MS} ms)")
    del app
    return 0 if max(stalls) <= BAR_MS else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
