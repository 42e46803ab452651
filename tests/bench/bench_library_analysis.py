"""How fast is a whole library analysed, and in how much memory? (bars: issue 11, point 3)

Makes two libraries in /tmp from generated news text (tests/bench/news_text.py): 1 MB of
articles of varied length, and 1,000 short articles (3 MB). Each is analysed as
`sourcelight analyze --library FILE --jobs N` does it, with 1 and with 2 jobs, each run in a
fresh process from an empty analysis (model loading included). Printed for each: wall time,
the peak of all the run's processes together (sampled from /proc every 0.1 s), and the
largest single process (getrusage: RUSAGE_SELF and RUSAGE_CHILDREN ru_maxrss).

    python tests/bench/bench_library_analysis.py [--only=1mb|1000] [--jobs=1,2]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BARS = {  # (seconds, MB) on 2 cores; only the 2-job runs have a bar of time
    "1mb": (25.0, 800.0),
    "1000": (75.0, 800.0),
}


def make_library(path: Path, kind: str) -> tuple[int, int]:
    """Fill a new library at path; (articles, characters)."""
    import random

    from gui.core.articles import ImportedText, Metadata
    from gui.core.library.commands import AddArticles
    from gui.core.storage import open_library
    from gui.core.storage.commands_store import carry_out
    from tests.bench.news_text import NewsText

    source, sizes = NewsText(seed=11), random.Random(3)
    texts: list[ImportedText] = []
    made = 0
    while (kind == "1mb" and made < 1_000_000) or (kind == "1000" and len(texts) < 1000):
        size = sizes.randint(800, 9000) if kind == "1mb" else 3000
        title, body = source.article(size)
        texts.append(ImportedText(body, Metadata(title=title), f"gen-{len(texts)}.txt", "txt"))
        made += len(body)
    library = open_library(path)
    carry_out(library, AddArticles(tuple(texts)))
    library.close()
    return len(texts), made


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    """The process ids below pid."""
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            children = [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
        for child in children:
            found += [child, *descendants(child)]
    return found


def one_run(library: str, jobs: int) -> None:
    """In a fresh process: analyse the library and print the measures as JSON."""
    from gui.cli.main import main

    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            me = os.getpid()
            peak[0] = max(peak[0], sum(rss_mb(p) for p in [me, *descendants(me)]))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    code = main(["analyze", "--library", library, "--jobs", str(jobs)])
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"code": code, "wall": wall, "peak": peak[0], "own": own, "child": children}))


def measure(library: Path, jobs: int) -> dict:
    """Run one_run in a fresh interpreter on a copy of the library (nothing analysed yet)."""
    copy = library.with_name(f"{library.stem}-{jobs}.sqlite")
    copy.write_bytes(library.read_bytes())
    command = [sys.executable, __file__, "--run", str(copy), str(jobs)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    copy.unlink()
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"the run failed:\n{done.stderr[-2000:]}")
    return json.loads(lines[-1])


def verdict(value: float, bar: float | None) -> str:
    if bar is None:
        return "(no bar)"
    return f"(bar {bar:.0f}) {'OK' if value <= bar else 'OVER'}"


def main(argv: list[str]) -> None:
    if argv[:1] == ["--run"]:
        one_run(argv[1], int(argv[2]))
        return
    only = next((a.split("=", 1)[1] for a in argv if a.startswith("--only=")), "")
    jobs = next((a.split("=", 1)[1] for a in argv if a.startswith("--jobs=")), "1,2")
    cores = len(os.sched_getaffinity(0))
    print(f"{cores} cores, load average {os.getloadavg()[0]:.1f} (the machine is shared)")
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        for kind in ("1mb", "1000"):
            if only and only != kind:
                continue
            path = Path(folder) / f"{kind}.sqlite"
            count, chars = make_library(path, kind)
            print(f"\n{kind}: {count:,} articles, {chars:,} characters")
            seconds_bar, memory_bar = BARS[kind]
            for n in (int(j) for j in jobs.split(",")):
                m = measure(path, n)
                time_bar = seconds_bar if n >= 2 else None
                print(
                    f"  {n} job{'s' if n > 1 else ' '}: {m['wall']:6.1f} s wall"
                    f" {verdict(m['wall'], time_bar)};"
                    f" peak {m['peak']:4.0f} MB all processes {verdict(m['peak'], memory_bar)};"
                    f" largest process {max(m['own'], m['child']):.0f} MB"
                    f" (self {m['own']:.0f}, children {m['child']:.0f});"
                    f" exit {m['code']}"
                )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
