"""A 100,000-article library in the real window: open, stalls, and search as you type.

Builds the library once from generated text (tests/bench/big_library.py, about 40 s; kept in
/tmp for later runs), then opens it in the MainWindow as the app does and prints, each beside
its bar: the first paint, the time from asking to open the library until the list shows it and
the window answers again, the longest stall of the GUI thread (a 5 ms QTimer heartbeat records
the gaps) while it opens, checks and backs the library up, and the time of each keystroke while
a word is typed letter by letter into the library's search field (with the repaint). A
library of 20 articles is opened first the same way, to show what the size adds.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_big_library.py [--articles N]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
if "DISPLAY" not in os.environ and "WAYLAND_DISPLAY" not in os.environ:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.big_library import big_library  # noqa: E402

BAR_STALL = 0.100  # the longest the window may stop answering
BAR_KEYSTROKE = 0.050  # one keystroke of search as you type, repaint included
BAR_RESPONSIVE = 1.0  # from asking to open until the list shows the library
WORD = "ceasefire"
SETTLE = 8.0  # seconds of heartbeat after the open: the check and the backup run meanwhile


class Heartbeat:
    """A 5 ms timer on the GUI thread; the gaps between its ticks are the stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.last = time.perf_counter()
        self.gaps: list[tuple[float, float]] = []  # (when, gap)
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now, now - self.last))
        self.last = now

    def longest(self, since: float = 0.0) -> float:
        """The longest gap that ended after since."""
        return max((gap for when, gap in self.gaps if when >= since), default=0.0)


def verdict(value: float, bar: float) -> str:
    return f"(bar {bar * 1000:.0f} ms) {'OK' if value <= bar else 'OVER'}"


def wait(app, seconds: float) -> None:
    """Run the event loop for seconds."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def run(path: Path, search: bool = True) -> None:
    """Open path in the window and measure."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from gui import app as sourcelight

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    window = sourcelight.make_window(qt_app)
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, _obj, event):
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.resize(1400, 900)
    shown = time.perf_counter()
    window.show()
    while not painted:
        qt_app.processEvents()
    print(f"first paint after show(): {(painted[0] - shown) * 1000:.0f} ms (before the library)")
    gc.freeze()  # as run_window() does
    beat = Heartbeat()
    panel = window.library_panel
    asked = time.perf_counter()
    sourcelight.start_session(window, path, [], later=QTimer.singleShot)
    while panel.model.rowCount() == 0 and time.perf_counter() - asked < 60:
        qt_app.processEvents()
    listed = time.perf_counter()
    qt_app.processEvents()  # the window paints the list and answers again
    responsive = time.perf_counter() - asked
    rows = panel.model.rowCount()
    print(f"library listed: {rows:,} articles in {(listed - asked) * 1000:.0f} ms; open to"
          f" responsive {responsive * 1000:.0f} ms"
          f" {verdict(responsive, BAR_RESPONSIVE)}")  # fmt: skip
    wait(qt_app, SETTLE)
    stall = beat.longest(asked)
    print(f"longest GUI stall while opening, checking and backing up: {stall * 1000:.0f} ms"
          f" {verdict(stall, BAR_STALL)}")  # fmt: skip
    worst = sorted((gap, when - asked) for when, gap in beat.gaps if when >= asked)[-4:]
    gaps = ", ".join(f"{gap * 1000:.0f} at {at * 1000:.0f}" for gap, at in reversed(worst))
    print(f"  longest gaps (ms, ending at ms after the open was asked): {gaps}")
    print(f"rows read by the list so far: {panel.model.rows_read:,} of {rows:,}")
    if search:
        # Typed once the open article's analysis and the backup are done: their ends repaint
        # the window, which would be counted in the keystroke they fall on.
        from PySide6.QtCore import QThreadPool

        for pool in window.session.findChildren(QThreadPool):
            pool.waitForDone()
        wait(qt_app, 0.5)
        keystrokes(qt_app, panel)
    window.session.safekeeping.wait(30_000)
    window.close()


def keystrokes(qt_app, panel, rounds: int = 3) -> None:
    """Type WORD into the search field letter by letter, rounds times (the search cleared
    between); time each keystroke with its repaint, and print the first round in full."""
    from PySide6.QtTest import QTest

    panel.search.setFocus()
    times = []
    for round_ in range(rounds):
        for letter in WORD:
            start = time.perf_counter()
            QTest.keyClick(panel.search, letter)
            panel.table.viewport().repaint()  # the repaint the keystroke causes, now
            qt_app.processEvents()
            took = time.perf_counter() - start
            times.append(took)
            if round_ == 0:
                print(f"  '{panel.search.text()}': {took * 1000:5.1f} ms, {panel.status.text()}"
                      f" {verdict(took, BAR_KEYSTROKE)}")  # fmt: skip
        panel.search.clear()
        qt_app.processEvents()
    worst = max(times)
    over = sum(took > BAR_KEYSTROKE for took in times)
    print(f"search per keystroke ({len(times)} keystrokes): median"
          f" {statistics.median(times) * 1000:.1f} ms, worst {worst * 1000:.1f} ms, {over} over"
          f" the bar {verdict(worst, BAR_KEYSTROKE)}")  # fmt: skip
    print(f"search cleared: {panel.status.text()}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--baseline", type=int, default=20, help="a small library first (0: none)")
    args = parser.parse_args()
    for count in (args.baseline, args.articles) if args.baseline else (args.articles,):
        path = big_library(count)
        print(f"\nlibrary {path}: {path.stat().st_size / 2**20:,.0f} MB;"
              f" load average {os.getloadavg()[0]:.2f}")  # fmt: skip
        # A copy: the window backs the library up beside it and remembers the last article.
        with tempfile.TemporaryDirectory(dir=path.parent) as folder:
            copy = Path(folder) / path.name
            copy.hardlink_to(path)
            os.environ["XDG_CONFIG_HOME"] = folder  # settings of this run only
            run(copy, search=count == args.articles)
            for made in Path(folder).glob("*.backup-*"):
                made.unlink()


if __name__ == "__main__":
    main()
