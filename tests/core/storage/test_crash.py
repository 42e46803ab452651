"""The library under stress: writers killed mid-stream (a short soak too), two writers at once."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from gui.core.storage import (
    AnnotationStore,
    ArticleStore,
    LabelStore,
    LibraryLocked,
    back_up,
    check_file,
    open_library,
)
from gui.core.storage.integrity import SOUND

from .factories import imported
from .test_commands_store import BODY as SEEDED_BODY
from .test_commands_store import World, add, annotation, assert_sound, seed

ROOT = Path(__file__).resolve().parents[3]
ACKNOWLEDGED = 30  # annotations the writer must confirm before it is killed
BODY = "Officials said fighters left Palmyra on Tuesday, a witness said."

# The writer: the real store, one apply() per annotation, an id printed (and flushed) only
# after apply() returned, that is after the transaction committed.
WRITER = """
import sys
from pathlib import Path
from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.storage import apply, open_library

library = open_library(Path(sys.argv[1]))
article, label = int(sys.argv[2]), int(sys.argv[3])
anchor = anchor_for(sys.argv[4], 15, 36)
for n in range(100_000):
    new = Annotation(0, article, label, anchor, f"note {n}", "writer", "", "")
    inverse = apply(library, AddAnnotation(new))
    print(inverse.annotation_id, flush=True)
"""


def prepared_library(path: Path) -> tuple[int, int]:
    """A library file with one article; returns (article id, label id)."""
    library = open_library(path)
    try:
        article = ArticleStore(library).add(imported(BODY))
        return article, LabelStore(library).labels()[0].id
    finally:
        library.close()


def acknowledged_ids(writer: subprocess.Popen[str]) -> list[int]:
    """Read ids from the writer until ACKNOWLEDGED came, kill it, then read what was left."""
    assert writer.stdout is not None
    ids: list[int] = []
    while len(ids) < ACKNOWLEDGED:
        line = writer.stdout.readline()
        assert line, f"the writer stopped early: {writer.stderr.read() if writer.stderr else ''}"
        ids.append(int(line))
    writer.send_signal(signal.SIGKILL)
    rest = writer.stdout.read()
    # Only whole lines count: a cut-off last line was never acknowledged.
    ids.extend(int(line) for line in rest.split("\n")[:-1] if line)
    return ids


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_writer_keeps_every_acknowledged_annotation(library_path):
    article, label = prepared_library(library_path)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(library_path), str(article), str(label), BODY],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        ids = acknowledged_ids(writer)
    finally:
        writer.kill()
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    library = open_library(library_path)
    try:
        saved = {a.id for a in AnnotationStore(library).for_article(article)}
        assert len(ids) >= ACKNOWLEDGED
        assert set(ids) <= saved
        assert library.db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        library.db.execute(
            "INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')"
        )
    finally:
        library.close()


def test_two_writers_at_once_both_succeed_or_one_is_told_it_is_locked(library_path):
    setup = open_library(library_path)
    world = seed(setup)
    setup.close()
    start = threading.Barrier(2, timeout=60)  # a guard against a hang, not a clock
    outcomes: list[Any] = [None, None]
    threads = [
        threading.Thread(target=write_many, args=(library_path, world, n, start, outcomes))
        for n in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(o, list | LibraryLocked) for o in outcomes), outcomes
    library = open_library(library_path)
    try:
        saved = {a.id for a in AnnotationStore(library).search()}
        acknowledged = {i for o in outcomes if isinstance(o, list) for i in o}
        assert acknowledged <= saved
        assert len(saved) == 3 + len(acknowledged)
        assert_sound(library)
    finally:
        library.close()


def write_many(path: Path, world: World, n: int, start: threading.Barrier, out: list) -> None:
    """A second program: its own connection, 50 annotations as fast as it can."""
    start.wait()
    try:
        library = open_library(path)
    except LibraryLocked as error:
        out[n] = error
        return
    try:
        new = annotation(world.article, world.claim, SEEDED_BODY, "Officials")
        out[n] = [add(library, replace(new, note=f"writer {n}, {i}")) for i in range(50)]
    except LibraryLocked as error:
        out[n] = error
    finally:
        library.close()


SOAK_ROUNDS = 6  # each round starts a writer and kills it: a few seconds in all


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_writers_killed_at_random_moments_lose_nothing_acknowledged(library_path):
    # A short soak: writers killed one after another at random points of their work (a
    # backup runs beside one of them); after each kill every acknowledged annotation is
    # there, the file passes its check, and so does the backup.
    article, label = prepared_library(library_path)
    rng = random.Random(10)
    acknowledged: set[int] = set()
    made = None
    for round_number in range(SOAK_ROUNDS):
        writer = start_writer(library_path, article, label)
        try:
            acknowledged |= set(read_then_kill(writer, rng.randint(1, 40)))
            if round_number == SOAK_ROUNDS // 2:
                made = back_up(library_path, now=datetime.now(UTC)).made
        finally:
            writer.kill()
            writer.wait()
        assert check_file(library_path) == SOUND
        library = open_library(library_path)
        try:
            saved = {a.id for a in AnnotationStore(library).for_article(article)}
        finally:
            library.close()
        assert acknowledged <= saved, f"round {round_number}: {acknowledged - saved} lost"
    assert made is not None and check_file(made) == SOUND


def start_writer(path: Path, article: int, label: int) -> subprocess.Popen[str]:
    """A writer process that adds annotations and prints each id once it is saved."""
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(article), str(label), BODY],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def read_then_kill(writer: subprocess.Popen[str], wanted: int) -> list[int]:
    """Read wanted acknowledgements, kill the writer at once, and keep the whole lines left."""
    assert writer.stdout is not None
    ids = []
    for _ in range(wanted):
        line = writer.stdout.readline()
        assert line, f"the writer stopped early: {writer.stderr.read() if writer.stderr else ''}"
        ids.append(int(line))
    writer.send_signal(signal.SIGKILL)
    ids.extend(int(line) for line in writer.stdout.read().split("\n")[:-1] if line)
    return ids
