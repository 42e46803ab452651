"""How long the soundness check and a backup take on a big library (1 GB by default).

Builds the library once (a few minutes; kept for the next run), then times, each beside its bar:
SQLite's quick_check and integrity_check on it, a verified backup (copy with the backup API,
then quick_check of the copy), the decision to skip a backup when nothing changed, and the
longest GUI stall while the real window opens the library, lists it, opens its newest article,
and checks and backs it up.

    .venv/bin/python tests/bench/bench_integrity.py [--size-mb 1024] [--path FILE]
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sqlite3
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gui.core.storage import open_library  # noqa: E402
from gui.core.storage.backup import BackupPolicy, back_up  # noqa: E402
from gui.core.storage.integrity import check_file  # noqa: E402

BAR_OPEN = 0.2  # seconds the window may wait for open_library() on the GUI thread
BAR_CHECK = 0.1  # seconds a check may take on the GUI thread (else: off it, as it runs)
BAR_STALL = 0.1  # the longest the window may stop answering while the library opens
ARTICLE_CHARS = 6_000  # a typical wire story
WORDS = [f"{w}{n}" for n in range(40) for w in ("officials", "said", "fighters", "city", "Mosul")]


def build(path: Path, size_mb: int) -> None:
    """A library of distinct articles (with entities and search index) of about size_mb."""
    library = open_library(path)
    db = library.db
    rng = random.Random(1)
    target = size_mb * 1024 * 1024
    number = 0
    while path.stat().st_size < target:
        with library.transaction():
            for _ in range(2_000):
                number += 1
                body = " ".join(rng.choices(WORDS, k=ARTICLE_CHARS // 9)) + f" {number}."
                article = db.execute(
                    "INSERT INTO articles (title, source, format, content_hash, imported_at, body)"
                    " VALUES (?, 'bench', 'txt', ?, '2026-01-01T00:00:00+00:00', ?)",
                    [f"Article {number}", f"hash-{number}", body],
                ).lastrowid
                db.conn.executemany(
                    'INSERT INTO entities (article_id, pipeline_id, start, "end", label, text,'
                    " grp) VALUES (?, 'bench', ?, ?, 'GPE', 'Mosul', 'Mosul')",
                    [(article, i * 50, i * 50 + 5) for i in range(30)],
                )
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"  built {number:,} articles, {path.stat().st_size / 2**20:,.0f} MB", flush=True)
    library.close()


def timed(label: str, bar: float | None, action) -> float:
    """Run action, print how long it took beside the bar, return the seconds."""
    start = time.perf_counter()
    result = action()
    took = time.perf_counter() - start
    verdict = "" if bar is None else f" (bar {bar:g} s) {'OK' if took <= bar else 'OVER'}"
    print(f"{label}: {took:.2f} s{verdict}  -> {result}", flush=True)
    return took


def integrity_check(path: Path) -> str:
    """The full integrity_check (which also checks every index against its table)."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def window_stall(path: Path) -> None:
    """The longest the GUI thread stalls while the real window opens, checks and backs up path.

    The window opens the library as the app does (start_session: open, list, open the newest
    article); a 5 ms heartbeat timer records the gaps until the backup is made.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(path.parent)  # this run's settings only
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from gui import app as sourcelight

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = sourcelight.make_window(app)
    window.show()
    app.processEvents()
    gc.freeze()  # as run_window() does
    session = window.session
    from tests.bench.bench_big_library import Heartbeat

    beat = Heartbeat()
    loop = QEventLoop()
    QTimer.singleShot(
        0, lambda: sourcelight.start_session(window, path, [], later=QTimer.singleShot)
    )
    done = QTimer(interval=50)
    done.timeout.connect(lambda: session.safekeeping.wait(0) and loop.quit())
    QTimer.singleShot(200, done.start)
    start = time.perf_counter()
    loop.exec()
    took = time.perf_counter() - start
    stall = beat.longest(start)
    listed = window.library_panel.model.rowCount()
    print(f"window: open ({listed:,} articles listed), check and back up in {took:.2f} s;"
          f" longest GUI stall {stall * 1000:.0f} ms (bar {BAR_STALL * 1000:.0f} ms)"
          f" {'OK' if stall <= BAR_STALL else 'OVER'}")  # fmt: skip
    worst = sorted((gap, when - start) for when, gap in beat.gaps if when >= start)[-4:]
    gaps = ", ".join(f"{gap * 1000:.0f} at {at * 1000:.0f}" for gap, at in reversed(worst))
    print(f"  longest gaps (ms, ending at ms after the open): {gaps}")
    window.close()
    session.close_library()
    del app


def main() -> None:
    """Build (or reuse) the library and time the check and the backups."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mb", type=int, default=1024)
    parser.add_argument(
        "--path", type=Path, default=Path(tempfile.gettempdir()) / "bench-1g.sqlite"
    )
    args = parser.parse_args()
    if not args.path.exists():
        print(f"building {args.path} ({args.size_mb} MB)…", flush=True)
        build(args.path, args.size_mb)
    print(f"library {args.path}: {args.path.stat().st_size / 2**20:,.0f} MB;"
          f" load average {os.getloadavg()[0]:.2f}")  # fmt: skip
    timed("open_library (GUI thread)", BAR_OPEN, lambda: open_library(args.path).close())
    timed("quick_check, warm cache", BAR_CHECK, lambda: check_file(args.path).sound)
    timed("integrity_check, warm cache", None, lambda: integrity_check(args.path))
    with tempfile.TemporaryDirectory(dir=args.path.parent) as folder:
        copy = Path(folder) / args.path.name
        copy.hardlink_to(args.path)
        policy = BackupPolicy()
        timed("verified backup (copy + quick_check of the copy)", None,
              lambda: back_up(copy, policy).made)  # fmt: skip
        timed("second backup, nothing changed (skipped)", 0.1,
              lambda: back_up(copy, policy).made)  # fmt: skip
        for made in copy.parent.glob("*.backup-*"):
            made.unlink()
        window_stall(copy)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
