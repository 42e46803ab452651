"""LatestRead: one read at a time, the newest request next, answers to older requests dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.core.tracing.reads_at import read_at
from gui.tracing.reads import LatestRead, Reads


class FileLibrary:
    """Stands in for a library file: only its path is asked for."""

    path = Path("/nowhere/library.sqlite")


class HeldWorker:
    """A worker that runs nothing until told: the reads handed to it, in order."""

    def __init__(self) -> None:
        self.held: list[tuple] = []

    def __call__(self, fn, args, done, failed) -> None:
        self.held.append((fn, args, done, failed))

    def finish(self, index: int, result) -> None:
        _, _, done, _ = self.held[index]
        done(result)


def look_up(library, text):
    return f"found {text}"


@pytest.fixture
def reads():
    reads = Reads()
    reads.library_of = FileLibrary
    reads.run_later = HeldWorker()
    return reads


def answers(qtbot, read):
    shown: list = []
    read.arrived.connect(shown.append)
    return shown


def test_each_request_goes_to_the_worker_with_the_path_and_its_arguments(qtbot, reads):
    read = LatestRead(reads)
    shown = answers(qtbot, read)
    read.ask(look_up, "stahl")
    [(fn, args, _, _)] = reads.run_later.held
    assert (fn, args) == (read_at, (FileLibrary.path, look_up, "stahl"))
    reads.run_later.finish(0, "found stahl")
    assert shown == ["found stahl"]


def test_requests_made_while_a_read_runs_wait_and_only_the_newest_runs(qtbot, reads):
    read = LatestRead(reads)
    shown = answers(qtbot, read)
    for text in ("s", "st", "sta"):
        read.ask(look_up, text)
    assert len(reads.run_later.held) == 1  # one at a time
    reads.run_later.finish(0, "found s")
    assert shown == []  # an old answer
    assert [args[-1] for _, args, _, _ in reads.run_later.held] == ["s", "sta"]
    reads.run_later.finish(1, "found sta")
    assert shown == ["found sta"] and not read.busy


def test_a_dropped_request_shows_nothing(qtbot, reads):
    read = LatestRead(reads)
    shown = answers(qtbot, read)
    read.ask(look_up, "stahl")
    read.drop()
    reads.run_later.finish(0, "found stahl")
    assert shown == []


def test_a_failure_of_the_newest_request_is_told_and_of_an_older_one_not(qtbot, reads):
    read = LatestRead(reads)
    failures: list[str] = []
    read.failed.connect(failures.append)
    read.ask(look_up, "a")
    read.ask(look_up, "b")
    reads.run_later.held[0][3]("locked", "traceback")
    assert failures == []
    reads.run_later.held[1][3]("disk full", "traceback")
    assert failures == ["disk full"]


def test_without_a_worker_the_read_runs_at_once(qtbot):
    reads = Reads()
    reads.library_of = FileLibrary
    read = LatestRead(reads)
    shown = answers(qtbot, read)
    read.ask(look_up, "stahl")
    assert shown == ["found stahl"] and not read.busy
