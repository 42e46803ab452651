"""First paint of Sourcelight's window against a bare PySide6 window with a text view.

Both are fresh processes, run several times each (after one unmeasured run that warms the
bytecode cache: PYTHONDONTWRITEBYTECODE is unset for them), timed from process start to the
first paint; the medians and their ratio are printed beside the bars (2x the bare window, and
0.7 s). The whole window is timed too, until its article is shown, with the longest the
window stopped answering after its first paint (a 5 ms timer's gaps; bar 100 ms).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if "DISPLAY" not in os.environ and "WAYLAND_DISPLAY" not in os.environ:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BAR = 0.7
BAR_RATIO = 2.0  # Sourcelight's first paint may take at most twice a bare window's
BAR_STALL = 0.100  # the longest the window may stop answering while its parts are made
RUNS = 7
STALLS: list[float] = []  # the whole window's longest stalls after its first paint


def process_age() -> float:
    """Seconds since this process was started (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - started


def first_paint_watcher(quit_after: bool = True, seen: list | None = None):
    """An event filter that prints this process's age at the first paint, then quits (or,
    with quit_after False, notes the time of it in seen and goes on).

    Qt is imported here, in the child, so the parent that starts the probes never loads it.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, _obj, event):
            if event.type() != QEvent.Type.Paint:
                return False
            if not quit_after:
                if seen is not None and not seen:
                    seen.append(time.perf_counter())
            else:
                print(f"{process_age():.3f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    return FirstPaint()


def probe(library: str) -> None:
    """Child: start the window as main.py does; print the age at its first paint, then quit.

    With --whole, wait instead for the whole window with its first article on screen.
    """
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui import app as sourcelight

    qt_app = QApplication(sys.argv[:1])
    if "--whole" not in sys.argv:
        watcher = first_paint_watcher()
        window = sourcelight.show_window(qt_app, Path(library), [])
        window.installEventFilter(watcher)
        qt_app.exec()
        return
    window = sourcelight.show_window(qt_app, Path(library), [])
    painted: list[float] = []
    watcher = first_paint_watcher(quit_after=False, seen=painted)  # kept: it is not owned
    window.installEventFilter(watcher)
    beat = {"last": 0.0, "longest": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        if painted:  # a gap counts from the first paint on, even if no tick came before it
            since = max(beat["last"], painted[0])
            beat["longest"] = max(beat["longest"], now - since)
        beat["last"] = now

    heartbeat = QTimer(interval=5)
    heartbeat.timeout.connect(tick)
    heartbeat.start()

    def article_shown() -> None:
        if window.session is not None and window.session.current is not None:
            print(f"{process_age():.3f} {beat['longest']:.3f}", flush=True)
            QApplication.quit()
        else:
            QTimer.singleShot(5, article_shown)

    QTimer.singleShot(0, article_shown)
    qt_app.exec()


def bare_probe() -> None:
    """Child: a bare PySide6 window with a text view; print the age at its first paint."""
    from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit

    qt_app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QTextEdit("A bare window with a text view."))
    watcher = first_paint_watcher()
    window.installEventFilter(watcher)
    window.show()
    qt_app.exec()


def first_paints(kind: str, library: str, *extra: str) -> list[float]:
    """Seconds from start to first paint of RUNS fresh processes, after one to warm up.

    With --whole: to the article shown; the longest stalls go to STALLS."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs, stalls = [], []
    for _ in range(RUNS + 1):
        out = subprocess.run(
            [sys.executable, __file__, kind, library, *extra],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
            env=env,
        )
        measures = out.stdout.splitlines()[-1].split()
        runs.append(float(measures[0]))
        stalls += [float(m) for m in measures[1:]]
    STALLS.extend(stalls[1:])  # not the warm-up run's
    return runs[1:]


def main() -> None:
    """Time both windows in turn and print the medians, the worst runs and the ratio."""
    with tempfile.TemporaryDirectory() as folder:
        library = str(Path(folder) / "bench.sqlite")
        samples = ROOT / "resources" / "samples"  # an article to show, as a user's library has
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--library", library, "import", str(samples)],
            capture_output=True,
            check=True,
            cwd=ROOT,
        )
        bare = first_paints("--bare", library)
        ours = first_paints("--probe", library)
        whole = first_paints("--probe", library, "--whole")
    median, worst = statistics.median(ours), max(ours)
    bare_median = statistics.median(bare)
    ratio = median / bare_median
    print(
        f"bare PySide6 window with a text view: median {bare_median:.3f} s, worst {max(bare):.3f} s"
    )
    print(
        f"Sourcelight first window paint after process start: median {median:.3f} s, worst "
        f"{worst:.3f} s (bar {BAR} s) {'OK' if median <= BAR else 'OVER'}"
    )
    print(
        f"the whole window with its article shown: median {statistics.median(whole):.3f} s, "
        f"worst {max(whole):.3f} s (no bar: for the notes)"
    )
    stall = max(STALLS)
    print(
        f"longest stall of the window from its first paint until the article is shown: median"
        f" {statistics.median(STALLS) * 1000:.0f} ms, worst {stall * 1000:.0f} ms (bar"
        f" {BAR_STALL * 1000:.0f} ms) {'OK' if stall <= BAR_STALL else 'OVER'}"
    )
    print(
        f"ratio to the bare window: {ratio:.2f}x (bar {BAR_RATIO:g}x) "
        f"{'OK' if ratio <= BAR_RATIO else 'OVER'}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--probe":
        probe(sys.argv[2])
    elif len(sys.argv) > 2 and sys.argv[1] == "--bare":
        bare_probe()
    else:
        main()
