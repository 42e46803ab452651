"""A damaged library is found before the first write, and nothing is ever written to it."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest

from gui.core.storage import (
    ArticleStore,
    LibraryCorrupt,
    LibraryLocked,
    OutletStore,
    check_file,
    open_library,
)
from gui.core.storage import integrity as integrity_module
from gui.core.storage.integrity import SOUND, SoundnessGate, Verdict

from .damage import scribble, snapshot, sound_library, truncate
from .factories import imported

SEEDS = range(8)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """A sound library file, made once; each test damages its own copy."""
    return sound_library(tmp_path_factory.mktemp("pristine") / "library.sqlite")


@pytest.fixture
def copy(pristine: Path, tmp_path: Path) -> Path:
    """A copy of the sound library, to damage."""
    target = tmp_path / "library.sqlite"
    shutil.copyfile(pristine, target)
    return target


def test_a_sound_library_passes(copy):
    assert check_file(copy) == SOUND


@pytest.mark.parametrize("aligned", [True, False], ids=["over-a-page", "across-pages"])
@pytest.mark.parametrize("seed", SEEDS)
def test_random_bytes_in_the_middle_are_found(copy, seed, aligned):
    scribble(copy, seed, aligned)
    verdict = check_file(copy)
    assert verdict.sound is False
    assert verdict.problems


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.9])
def test_a_truncated_library_is_found(copy, fraction):
    truncate(copy, fraction)
    assert check_file(copy).sound is False


@pytest.mark.parametrize("seed", SEEDS)
def test_the_first_write_to_a_damaged_library_is_refused_and_nothing_is_written(copy, seed):
    # The failure of the issue: 47 of 50 such files still took a new article.
    scribble(copy, seed)
    before = snapshot(copy)
    library = open_library(copy)
    try:
        with pytest.raises(LibraryCorrupt) as refused:
            ArticleStore(library).add(imported("A new article, never to be saved."))
        assert library.read_only
        with pytest.raises(LibraryCorrupt):
            OutletStore(library).set_outlets(["Amaq"])
    finally:
        library.close()
    message = str(refused.value)
    assert str(copy) in message and "damaged" in message
    assert "Restore Backup" in message and "restore --from" in message
    assert snapshot(copy) == before


def test_a_damaged_library_that_needs_the_switch_to_wal_is_refused_at_open(copy):
    # Changing the journal mode writes the file's header: the check comes first.
    with closing(sqlite3.connect(copy)) as db:
        db.execute("PRAGMA journal_mode = DELETE")
    scribble(copy, 3)
    before = snapshot(copy)
    with pytest.raises(LibraryCorrupt, match="damaged"):
        open_library(copy)
    assert snapshot(copy) == before


def test_a_sound_library_is_checked_once_per_session(copy, monkeypatch):
    calls = []
    monkeypatch.setattr(integrity_module, "check_file", lambda path: calls.append(path) or SOUND)
    library = open_library(copy)
    try:
        store = ArticleStore(library)
        for n in range(3):
            store.add(imported(f"Article number {n} of the session."))
    finally:
        library.close()
    assert calls == [copy]


def test_new_and_in_memory_libraries_need_no_check(tmp_path):
    for library in (open_library(tmp_path / "new.sqlite"), open_library(None)):
        try:
            assert library.gate is None
            ArticleStore(library).add(imported("Saved at once."))
        finally:
            library.close()


def test_a_write_waits_for_a_check_under_way(copy, monkeypatch):
    started, release = threading.Event(), threading.Event()

    def slow_check(path):
        started.set()
        release.wait(timeout=30)
        return Verdict(False, ("Page 9: btreeInitPage() returns error code 11",))

    monkeypatch.setattr(integrity_module, "check_file", slow_check)
    library = open_library(copy)
    checker = threading.Thread(target=library.gate.verdict)
    checker.start()
    assert started.wait(timeout=30)
    outcome: list[BaseException] = []

    def write():
        try:
            ArticleStore(library).add(imported("Written while the check runs."))
        except LibraryCorrupt as error:
            outcome.append(error)

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(timeout=0.2)
    assert writer.is_alive()  # still waiting for the verdict
    release.set()
    writer.join(timeout=30)
    checker.join(timeout=30)
    library.close()
    assert len(outcome) == 1 and "Page 9" in str(outcome[0])


def test_a_library_another_program_holds_is_checked_again_later(copy, monkeypatch):
    verdicts = iter([Verdict(None, ("database is locked",)), SOUND])
    monkeypatch.setattr(integrity_module, "check_file", lambda path: next(verdicts))
    library = open_library(copy)
    try:
        with pytest.raises(LibraryLocked, match="could not be checked"):
            ArticleStore(library).add(imported("First try."))
        ArticleStore(library).add(imported("Second try."))
    finally:
        library.close()


def test_the_gate_gives_one_verdict_to_every_thread(copy, monkeypatch):
    calls = []
    monkeypatch.setattr(integrity_module, "check_file", lambda path: calls.append(1) or SOUND)
    gate = SoundnessGate(copy)
    threads = [threading.Thread(target=gate.verdict) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [1] and gate.known() == SOUND


def test_a_file_that_is_not_a_database_is_damaged(tmp_path):
    path = tmp_path / "noise.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 64)
    assert check_file(path).sound is False


def test_the_verdict_names_the_first_problem_and_counts_the_rest():
    verdict = Verdict(False, ("Page 3: one", "Page 4: two", "Page 5: three"))
    assert verdict.describe() == "Page 3: one (and 2 more problems)"
