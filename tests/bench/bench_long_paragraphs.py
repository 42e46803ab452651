"""Does analysis time grow linearly with length, with and without paragraph breaks?

Entities and sourcing of the sample article repeated to 300 KB and to 3 MB, once in
paragraphs and once as one line. Bars: a text without breaks takes at most 1.5 times as long
as the same text in paragraphs, and ten times the text at most 12 times as long.

    .venv/bin/python tests/bench/bench_long_paragraphs.py [--sizes 300000 3000000]
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from gui.core.entities.pipeline import load_pipeline  # noqa: E402
from gui.core.resources import resource  # noqa: E402
from gui.core.sourcing.analysis import analyse_sourcing  # noqa: E402

BAR_NO_BREAKS = 1.5  # without breaks / with breaks
BAR_GROWTH = 12.0  # ten times the text / the text


def text_of(size: int, breaks: bool) -> str:
    """Numbered copies of the sample's paragraphs (no two alike), to about size characters."""
    sample = next(resource("samples").glob("*.txt")).read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in sample.split("\n\n") if p.strip()]
    pieces: list[str] = []
    length, copy = 0, 0
    while length < size:
        for number, paragraph in enumerate(paragraphs):
            pieces.append(f"({copy}.{number}) {paragraph}")
            length += len(pieces[-1]) + 2
        copy += 1
    return ("\n\n" if breaks else " ").join(pieces)


def analysed(pipeline, text: str) -> float:
    """Seconds to find the entities and then the sourcing of text."""
    start = time.perf_counter()
    entities = pipeline.analyse(text)
    analyse_sourcing(text, pipeline, entities)
    return time.perf_counter() - start


def verdict(value: float, bar: float) -> str:
    """The value beside its bar."""
    return f"{value:.2f} (bar {bar:g}) {'OK' if value <= bar else 'OVER'}"


def main() -> None:
    """Time each size with and without breaks, and print the ratios beside their bars."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[300_000, 3_000_000])
    sizes = parser.parse_args().sizes
    pipeline = load_pipeline()
    pipeline.analyse(text_of(5_000, True))  # warm up
    took: dict[tuple[int, bool], float] = {}
    for size in sizes:
        for breaks in (True, False):
            load = os.getloadavg()[0]
            took[size, breaks] = analysed(pipeline, text_of(size, breaks))
            shape = "in paragraphs" if breaks else "one line      "
            print(f"{size:>9,} chars {shape}: {took[size, breaks]:7.1f} s (load {load:.2f})")
        ratio = took[size, False] / took[size, True]
        print(f"  without breaks / with: {verdict(ratio, BAR_NO_BREAKS)}")
    for small, large in itertools.pairwise(sizes):
        for breaks in (True, False):
            growth = took[large, breaks] / took[small, breaks]
            name = "in paragraphs" if breaks else "one line"
            print(f"{large:,} / {small:,} chars, {name}: {verdict(growth, BAR_GROWTH)}")


if __name__ == "__main__":
    main()
