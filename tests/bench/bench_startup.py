"""How long from process start until the main window has painted (bar: 0.7 s)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if "DISPLAY" not in os.environ and "WAYLAND_DISPLAY" not in os.environ:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BAR = 0.7


def process_age() -> float:
    """Seconds since this process was started (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - started


def probe(library: str) -> None:
    """Child: build the window as main.py does and print the age at its first paint."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from gui import app as sourcelight

    class FirstPaint(QObject):
        def eventFilter(self, _obj, event):
            if event.type() == QEvent.Type.Paint:
                print(f"{process_age():.3f}", flush=True)
                QTimer.singleShot(0, QApplication.quit)
            return False

    qt_app = QApplication(sys.argv[:1])
    window = sourcelight.make_window(qt_app)
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    QTimer.singleShot(0, lambda: sourcelight.start_session(window, Path(library), []))
    qt_app.exec()


def main() -> None:
    """Run the probe several times and print the median and worst."""
    with tempfile.TemporaryDirectory() as folder:
        library = str(Path(folder) / "bench.sqlite")
        runs = []
        for _ in range(7):
            out = subprocess.run(
                [sys.executable, __file__, "--probe", library],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            runs.append(float(out.stdout.split()[-1]))
    median, worst = statistics.median(runs), max(runs)
    print(
        f"first window paint after process start: median {median:.3f} s, worst {worst:.3f} s "
        f"(bar {BAR} s) {'OK' if median <= BAR else 'OVER'}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--probe":
        probe(sys.argv[2])
    else:
        main()
