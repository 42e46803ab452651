"""analyze --library FILE [--jobs N]: every missing article stored, resumed after a kill."""

from __future__ import annotations

import functools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gui.cli.main import main
from gui.core.analysis_queue.pool import Pool
from gui.core.library.commands import AddArticles
from gui.core.storage import open_library
from gui.core.storage.commands_store import carry_out
from tests.queue_fakes import article, find_fake, load_fake, use_fake_pipeline

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fakes(monkeypatch, tmp_path):
    """Worker processes with the fake pipeline; the log of what they analysed."""
    use_fake_pipeline(monkeypatch)
    pool = functools.partial(Pool, load=load_fake, find=find_fake)
    monkeypatch.setattr("gui.cli.analyze_library.Pool", pool)
    log = tmp_path / "analysed.txt"
    monkeypatch.setenv("QUEUE_LOG", str(log))
    return log


def make_library(path: Path, texts) -> None:
    library = open_library(path)
    carry_out(library, AddArticles(tuple(texts)))
    library.close()


def analysed(log: Path) -> list[int]:
    return sorted(int(n) for n in log.read_text().split()) if log.exists() else []


def stored(path: Path) -> set[int]:
    library = open_library(path, read_only=True)
    rows = library.db.execute("SELECT article_id FROM sourcing_cache").fetchall()
    library.close()
    return {row[0] for row in rows}


def test_a_run_stopped_midway_is_taken_up_where_it_stopped(fakes, library, capsys):
    make_library(library, [article(n) for n in range(1, 9)])
    assert main(["analyze", "--library", str(library), "--jobs", "2", "--limit", "3"]) == 0
    first = capsys.readouterr().err
    assert "[1/3] article" in first and "[3/3]" in first
    assert len(analysed(fakes)) == 3
    assert main(["analyze", "--library", str(library), "--jobs", "2"]) == 0
    assert analysed(fakes) == list(range(1, 9))  # each once
    assert "analysed 5 of 5" in capsys.readouterr().err
    assert main(["analyze", "--library", str(library)]) == 0
    assert analysed(fakes) == list(range(1, 9))
    assert "analysed 0 of 0" in capsys.readouterr().err


def test_an_article_the_parser_fails_on_is_named_and_skipped(fakes, library, capsys):
    make_library(library, [article(1), article(2, "BOOM"), article(3)])
    assert main(["analyze", "--library", str(library), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert "error: article 2 “Story 2” was skipped: ValueError: the parser failed" in err
    assert stored(library) == {1, 3}


def test_a_killed_run_loses_nothing_stored_and_the_next_does_nothing_twice(library, tmp_path):
    make_library(library, [article(n, "SLOW") for n in range(1, 21)])
    log = tmp_path / "analysed.txt"
    script = (
        "import functools, sys\n"
        "import gui.cli.analyze_library as cli\n"
        "import gui.core.findings as findings\n"
        "from gui.core.analysis_queue.pool import Pool\n"
        "from tests.queue_fakes import PIPELINE_ID, find_fake, load_fake\n"
        "findings.nlp.pipeline_id = lambda outlets, model=None: PIPELINE_ID\n"
        "cli.Pool = functools.partial(Pool, load=load_fake, find=find_fake)\n"
        "from gui.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    environment = {**os.environ, "QUEUE_LOG": str(log), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", script, "analyze", "--library", str(library), "--jobs", "1"]
    process = subprocess.Popen(command, env=environment, cwd=ROOT, start_new_session=True,
                               stderr=subprocess.PIPE)  # fmt: skip
    deadline = time.monotonic() + 60
    while len(stored(library)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGKILL)  # the command and its worker, midway
    process.wait()
    before = stored(library)
    assert 2 <= len(before) < 20
    log.unlink()
    with pytest.MonkeyPatch.context() as patch:
        use_fake_pipeline(patch)
        patch.setattr(
            "gui.cli.analyze_library.Pool", functools.partial(Pool, load=load_fake, find=find_fake)
        )
        patch.setenv("QUEUE_LOG", str(log))
        assert main(["analyze", "--library", str(library), "--jobs", "2"]) == 0
    again = set(analysed(log))
    assert again.isdisjoint(before)
    assert again | before == set(range(1, 21))


def test_a_damaged_library_is_not_analysed(fakes, tmp_path, capsys):
    from tests.core.storage.damage import scribble_over, sound_library

    path = sound_library(tmp_path / "damaged.sqlite")
    scribble_over(path, "articles", seed=4)
    assert main(["analyze", "--library", str(path)]) == 1
    assert "error:" in capsys.readouterr().err
    assert analysed(fakes) == []


def test_without_files_or_a_library_analyze_says_what_it_needs(capsys):
    assert main(["analyze"]) == 2
    assert "--library FILE" in capsys.readouterr().err
