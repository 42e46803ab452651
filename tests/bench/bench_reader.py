"""Opening long articles whose entities are stored, and scrolling them (bars in the output).

The 5 MB article is opened twice: right after the 1 MB one, while that one's sourcing is still
being analysed on a worker thread of this process (it shares the interpreter lock, so this
number says what that costs), and alone, once the background work is done; the bar is for
the article alone.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from gui.app import make_window
from gui.core.articles import ImportedText, Metadata
from gui.core.entities import pipeline as nlp
from gui.core.entities.pipeline import Entity
from gui.core.storage.entities_store import EntityStore
from gui.core.storage.settings_store import OutletStore
from gui.session.background import finish_background

WORDS = [
    "officials",
    "said",
    "the",
    "offensive",
    "near",
    "the",
    "city",
    "had",
    "stalled",
    "while",
    "activists",
    "reported",
    "about",
    "forty",
    "civilians",
    "killed",
    "since",
    "Monday",
    "according",
    "to",
    "state",
    "television",
]
LABELS = ("PERSON", "ORG", "PLACE", "DATE", "NUMBER", "OUTLET", "GROUP")


def make_body(size: int, rng: random.Random) -> str:
    """Paragraphs of wire-like words up to size characters."""
    paragraphs, length = [], 0
    while length < size:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 120))) + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:size]


def make_entities(body: str, count: int, rng: random.Random) -> list[Entity]:
    """count word-aligned spans spread evenly through the body."""
    step = len(body) // count
    found = []
    for i in range(count):
        start = body.find(" ", i * step) + 1
        end = body.find(" ", start)
        if 0 < start < end:
            found.append(Entity(start, end, rng.choice(LABELS), body[start:end], body[start:end]))
    return found


def settle(window) -> None:
    """Let the background work of the articles opened before finish."""
    for pool in window.session.findChildren(QThreadPool):
        pool.waitForDone()
    QApplication.processEvents()


def measure(
    window, label: str, size: int, count: int, bars: tuple[float, float], seed: int = 0
) -> None:
    """Store one article with its entities, then time opening it and scrolling to its end."""
    rng = random.Random(size + seed)
    session = window.session
    body = make_body(size, rng)
    # Straight into the store: going through the window would start a real analysis.
    article_id = session.articles.add(ImportedText(body, Metadata(title=label), "bench", "txt"))
    entities = make_entities(body, count, rng)
    pipeline = nlp.pipeline_id(OutletStore(session.library).outlets())
    EntityStore(session.library).save(article_id, pipeline, entities)
    view = window.pane.view
    start = time.perf_counter()
    session.open_article(article_id)
    view.viewport().repaint()  # text and highlights on screen
    opened = time.perf_counter() - start
    assert len(view.entity_layer.index) == len(entities), "highlights not taken from the library"
    QApplication.processEvents()  # tooltips' details and the Entities panel follow
    complete = time.perf_counter() - start
    assert len(view.entities()) == len(entities)
    start = time.perf_counter()
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    view.viewport().repaint()
    scrolled = time.perf_counter() - start
    print(
        f"{label}: open with {len(entities):,} highlights {opened * 1000:.0f} ms "
        f"(bar {bars[0] * 1000:.0f} ms) {'OK' if opened <= bars[0] else 'OVER'}; "
        f"tooltips and Entities panel ready at {complete * 1000:.0f} ms; "
        f"scroll to end and repaint {scrolled * 1000:.1f} ms (bar {bars[1] * 1000:.0f} ms) "
        f"{'OK' if scrolled <= bars[1] else 'OVER'}"
    )


def main() -> None:
    """Open a 1 MB and a 5 MB article in a real window."""
    app = QApplication(sys.argv[:1])
    window = make_window(app)
    window.resize(1280, 800)
    window.show()
    gc.freeze()  # as run_window() does
    with tempfile.TemporaryDirectory() as folder:
        window.session.open_library(Path(folder) / "bench.sqlite")
        measure(window, "warm-up (first paint of the app, not counted)", 20_000, 400, (1, 1))
        settle(window)
        measure(window, "1 MB article", 1_000_000, 20_000, (0.100, 0.030))
        busy = "5 MB article, the 1 MB one still analysed in the background"
        measure(window, busy, 5_000_000, 100_000, (0.300, 0.030))
        settle(window)
        measure(window, "5 MB article, alone", 5_000_000, 100_000, (0.300, 0.030), seed=1)
        window.session.library.close()
    window.close()
    finish_background(window)  # as the app does when it quits


if __name__ == "__main__":
    main()
