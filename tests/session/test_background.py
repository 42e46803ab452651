"""Background jobs report progress and results on the GUI thread, and can be cancelled."""

import threading

import pytest
from PySide6.QtCore import QObject

from gui.session.background import Worker, finish_background


@pytest.fixture
def worker(qtbot):
    worker = Worker()
    yield worker
    worker.wait(5000)


def count_to(n, progress):
    for i in range(1, n + 1):
        progress(i, n)
    return threading.current_thread() is threading.main_thread()


def test_result_and_progress_arrive_on_the_gui_thread(qtbot, worker):
    seen = []
    results = []
    on_gui_thread = []

    def record_progress(done, total):
        seen.append((done, total))
        on_gui_thread.append(threading.current_thread() is threading.main_thread())

    worker.start(count_to, 5, finished=results.append, progress=record_progress)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [False]  # the function itself ran on a worker thread
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [(i, 5) for i in range(1, 6)]
    assert all(on_gui_thread)


def test_a_failure_is_reported_with_its_message(qtbot, worker):
    def explode(progress):
        raise ValueError("the file is empty")

    errors = []
    worker.start(explode, failed=lambda message, trace: errors.append((message, trace)))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0][0] == "the file is empty"
    assert "ValueError" in errors[0][1]


def test_cancel_stops_at_the_next_progress_report(qtbot, worker):
    gate = threading.Event()
    reached = []

    def wait_then_report(progress):
        gate.wait(5)
        progress(1, 2)
        reached.append("after")
        return "done"

    results, cancels = [], []
    task = worker.start(
        wait_then_report, finished=results.append, cancelled=lambda: cancels.append(1)
    )
    task.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(cancels), timeout=5000)
    assert results == [] and reached == []


def test_quitting_stops_every_job_under_the_window_and_waits_for_its_thread(qtbot):
    root = QObject()
    serial, other = Worker(serial=True, parent=root), Worker(parent=root)
    started, ran = threading.Event(), []

    def until_stopped(progress):  # a long analysis: reports progress, else would run on
        started.set()
        for _ in range(5_000):
            progress(0, 1)
            threading.Event().wait(0.001)
        ran.append("ran out")

    def busy(name, progress):
        started.set()
        for i in range(200):
            progress(i, 200)
        ran.append(name)

    serial.start(until_stopped)
    serial.start(busy, "queued behind it")
    other.start(until_stopped)
    assert started.wait(5)
    finish_background(root)
    assert ran == []  # both long jobs stopped, the queued one never began
    assert serial.wait(0) and other.wait(0)  # no thread of theirs is left running
