"""Analyse Library in the window: progress, pause, cancel, failures named, the window free."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QTimer

from gui.analysis.controller import IDLE, PAUSED, RUNNING, LibraryAnalysis
from gui.analysis.status import AnalysisStatus
from gui.core.analysis_queue.pool import Pool
from gui.core.changes import Change
from gui.core.library.commands import AddArticles
from gui.core.storage import open_library
from gui.core.storage.commands_store import carry_out
from gui.session.session import Session
from tests.fakes import install_fake_pipeline
from tests.queue_fakes import article, find_fake, load_fake, use_fake_pipeline

WAIT_MS = 30_000


@pytest.fixture
def session(qtbot, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    use_fake_pipeline(monkeypatch)
    session = Session()
    yield session
    session.wait_for_background()
    session.close_library()


@pytest.fixture
def analysis(session, qtbot):
    analysis = LibraryAnalysis(session)
    analysis.pool_factory = lambda settings, jobs: Pool(settings, jobs, load_fake, find_fake)
    status = AnalysisStatus(analysis)
    qtbot.addWidget(status)
    analysis.status = status
    yield analysis
    analysis.cancel()


def fill(session, tmp_path, texts):
    path = tmp_path / "lib.sqlite"
    library = open_library(path)
    carry_out(library, AddArticles(tuple(texts)))
    library.close()
    session.set_library(open_library(path))


def stored(session) -> set[int]:
    rows = session.library.db.execute("SELECT article_id FROM sourcing_cache").fetchall()
    return {row[0] for row in rows}


def test_the_library_is_analysed_in_the_background_with_progress(session, analysis, qtbot,
                                                                 tmp_path):  # fmt: skip
    fill(session, tmp_path, [article(n, "SLOW") for n in range(1, 7)])
    heard, ticks, changes = [], [], []
    analysis.progress.connect(lambda *args: heard.append((args, len(ticks))))
    session.changed.connect(changes.append)
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(analysis.finished, timeout=WAIT_MS) as finished:
        assert analysis.start(2)
        assert analysis.state == RUNNING
    timer.stop()
    assert finished.args == ["Library analysed: 6 of 6 articles."]
    assert stored(session) == set(range(1, 7))
    done, total, name, _left = heard[-1][0]
    assert (done, total) == (6, 6) and name.startswith("“Story")
    # The window went on handling its events while the workers analysed.
    assert heard[0][1] > 3
    assert set(changes) == {Change.ANALYSIS}
    assert analysis.status.label.text() == "Library analysed: 6 of 6 articles."
    assert analysis.status.bar.isHidden()
    assert analysis.state == IDLE


def test_the_open_article_goes_first(session, analysis, qtbot, tmp_path):
    fill(session, tmp_path, [article(n) for n in range(1, 30)])
    session.entity_service.set_enabled(False)  # the reader does not analyse it itself
    session.open_article(17)
    with qtbot.waitSignal(analysis.progress, timeout=WAIT_MS):
        analysis.start(1)
    assert 17 in stored(session)
    assert len(stored(session)) < 29


def test_pause_hands_out_nothing_more_and_resume_goes_on(session, analysis, qtbot, tmp_path):
    fill(session, tmp_path, [article(n, "SLOW") for n in range(1, 25)])
    with qtbot.waitSignal(analysis.progress, timeout=WAIT_MS):
        analysis.start(1)
    analysis.pause()
    assert analysis.state == PAUSED
    assert analysis.status.pause_button.text() == "Resume"
    qtbot.waitUntil(lambda: analysis.run.pool.in_flight == 0, timeout=WAIT_MS)
    kept = stored(session)
    assert 0 < len(kept) < 24
    assert analysis.run.estimate.done == len(kept)
    with qtbot.waitSignal(analysis.finished, timeout=WAIT_MS):
        analysis.status.pause_button.click()  # Resume
    assert stored(session) == set(range(1, 25))


def test_cancel_keeps_what_was_done_and_the_next_run_does_the_rest(session, analysis, qtbot,
                                                                  tmp_path):  # fmt: skip
    fill(session, tmp_path, [article(n, "SLOW") for n in range(1, 25)])
    with qtbot.waitSignal(analysis.progress, timeout=WAIT_MS):
        analysis.start(1)
    with qtbot.waitSignal(analysis.finished) as finished:
        analysis.status.cancel_button.click()
    assert finished.args[0].startswith("Analysis cancelled:")
    assert analysis.state == IDLE and analysis.run is None
    kept = stored(session)
    assert 0 < len(kept) < 24
    with qtbot.waitSignal(analysis.finished, timeout=WAIT_MS) as again:
        analysis.start(2)
    assert again.args == [f"Library analysed: {24 - len(kept)} of {24 - len(kept)} articles."]
    assert stored(session) == set(range(1, 25))


def test_an_article_that_fails_is_named_skipped_and_the_rest_goes_on(session, analysis, qtbot,
                                                                     tmp_path):  # fmt: skip
    fill(session, tmp_path, [article(1), article(2, "BOOM"), article(3, "CRASH"), article(4)])
    failed = []
    analysis.article_failed.connect(lambda name, why: failed.append((name, why)))
    with qtbot.waitSignal(analysis.finished, timeout=WAIT_MS) as finished:
        analysis.start(2)
    assert sorted(name for name, _ in failed) == ["“Story 2”", "“Story 3”"]
    assert finished.args == ["Library analysed: 2 of 4 articles, 2 skipped."]
    assert stored(session) == {1, 4}
    assert "“Story 2”: ValueError: the parser failed" in analysis.status.toolTip()
    assert "2 skipped" in analysis.status.label.text()


def test_a_read_only_library_is_not_analysed_and_the_window_says_why(session, analysis, qtbot,
                                                                     tmp_path):  # fmt: skip
    fill(session, tmp_path, [article(1)])
    path = session.library.path
    session.set_library(open_library(path, read_only=True))
    with qtbot.waitSignal(analysis.refused) as refused:
        assert not analysis.start(2)
    assert "read-only" in refused.args[0]
    assert "read-only" in analysis.status.label.text()
    assert analysis.state == IDLE


def test_opening_another_library_cancels_the_run(session, analysis, qtbot, tmp_path):
    fill(session, tmp_path, [article(n, "SLOW") for n in range(1, 10)])
    with qtbot.waitSignal(analysis.progress, timeout=WAIT_MS):
        analysis.start(1)
    with qtbot.waitSignal(analysis.finished):
        session.set_library(open_library(None))
    assert analysis.state == IDLE


def test_what_came_back_is_kept_a_little_at_a_time_with_the_window_served_between(
    session, analysis, qtbot, tmp_path, monkeypatch
):
    """A worker's whole batch in one transaction held the window 100-170 ms: each save now
    keeps at most SAVE_CHARS of article text (one article at least), within a budget."""
    from gui.analysis import controller

    monkeypatch.setattr(controller, "SAVE_CHARS", 1)  # so: one article a transaction
    monkeypatch.setattr(controller, "SAVE_BUDGET", 0.0)  # and one transaction a tick
    fill(session, tmp_path, [article(n) for n in range(1, 7)])  # one batch of six
    ticks, saves = [], []
    session.changed.connect(lambda _change: saves.append(len(ticks)))
    timer = QTimer(interval=5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    with qtbot.waitSignal(analysis.finished, timeout=WAIT_MS) as finished:
        analysis.start(1)
    timer.stop()
    assert finished.args == ["Library analysed: 6 of 6 articles."]
    assert stored(session) == set(range(1, 7))
    assert len(saves) == 6  # a transaction an article
    assert all(b > a for a, b in pairwise(saves))  # the window had events between


def test_cancel_keeps_what_came_back_but_was_not_kept_yet(
    session, analysis, qtbot, tmp_path, monkeypatch
):
    from gui.analysis import controller

    monkeypatch.setattr(controller, "SAVE_CHARS", 1)
    monkeypatch.setattr(controller, "SAVE_BUDGET", 0.0)
    fill(session, tmp_path, [article(n) for n in range(1, 7)])  # one batch of six
    with qtbot.waitSignal(session.changed, timeout=WAIT_MS):
        analysis.start(1)
    assert len(stored(session)) == 1  # the first of the six came back with the others
    with qtbot.waitSignal(analysis.finished) as finished:
        analysis.cancel()
    assert finished.args == ["Analysis cancelled: 6 of 6 articles."]
    assert stored(session) == set(range(1, 7))
