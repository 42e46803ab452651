"""Library files to damage in tests: a sound one with real content, and ways to break it."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.storage import ArticleStore, LabelStore, apply, open_library

from .factories import big_body, imported

PAGE = 4096


def sound_library(path: Path, articles: int = 40) -> Path:
    """A closed library of articles (each long enough to overflow a page) and annotations.

    Vacuumed, so that no page is free: SQLite never reads a free page, and damage there
    would harm nothing.
    """
    library = open_library(path)
    try:
        label = LabelStore(library).labels()[0].id
        for n in range(articles):
            body = f"Article {n}. " + big_body(600, seed=str(n))
            article = ArticleStore(library).add(imported(body, f"Article {n}"))
            note = Annotation(0, article, label, anchor_for(body, 0, 9), "", "me", "", "")
            apply(library, AddAnnotation(note))
    finally:
        library.close()
    with closing(sqlite3.connect(path)) as db:
        db.execute("VACUUM")
    return path


def scribble(path: Path, seed: int, aligned: bool = True) -> None:
    """Write 4 KiB of random bytes over the middle half of the file (over a page if aligned)."""
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    if aligned:
        pages = len(data) // PAGE
        start = rng.randrange(pages // 4, 3 * pages // 4) * PAGE
    else:
        start = rng.randrange(len(data) // 4, 3 * len(data) // 4)
    data[start : start + PAGE] = rng.randbytes(PAGE)
    path.write_bytes(bytes(data))


def scribble_over(path: Path, table: str, seed: int) -> int:
    """Write random bytes over one page of a table (the article bodies, say); its number."""
    with closing(sqlite3.connect(path)) as db:
        pages = [row[0] for row in db.execute("SELECT pageno FROM dbstat WHERE name = ?", [table])]
    page = random.Random(seed).choice(pages[len(pages) // 4 :])
    data = bytearray(path.read_bytes())
    data[(page - 1) * PAGE : page * PAGE] = random.Random(seed).randbytes(PAGE)
    path.write_bytes(bytes(data))
    return page


def truncate(path: Path, fraction: float) -> None:
    """Cut the file to fraction of its length, at a page boundary."""
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * fraction) // PAGE * PAGE])


def snapshot(path: Path) -> tuple[bytes, int]:
    """The file's bytes and modification time, to prove nothing was written to it."""
    return path.read_bytes(), path.stat().st_mtime_ns


def titles(path: Path) -> list[str]:
    """The article titles in the library file at path, read by plain sqlite3."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as db:
        return [row[0] for row in db.execute("SELECT title FROM articles ORDER BY id")]
