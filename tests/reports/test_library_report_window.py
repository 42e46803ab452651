"""File > Library Report… in the window: made on a worker, written as HTML or PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from gui.app import make_window, start_session
from gui.core.entities.pipeline import load_pipeline
from gui.reports.actions import ReportTarget
from gui.widgets.messages import ErrorMessage, InfoMessage
from tests.cli.helpers import closing_library
from tests.core.interchange_helpers import annotate
from tests.core.reports.helpers import cells
from tests.core.tracing import expected
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library


@pytest.fixture(scope="module")
def library_file(tmp_path_factory):
    """The fixtures analysed (the real pipeline, once), the mayor's quote marked."""
    path = tmp_path_factory.mktemp("library-report") / "library.sqlite"
    fixture_library(load_pipeline(library_outlets()), path).close()
    with closing_library(path) as opened:
        annotate(opened, 1, "keep the harbour closed", annotator="ana")
    return path


@pytest.fixture
def window(qtbot, qapp, monkeypatch, library_file):
    messages = []
    for kind in (ErrorMessage, InfoMessage):
        monkeypatch.setattr(
            kind, "ask", classmethod(lambda cls, parent, *a, k=kind: messages.append((k, a)))
        )
    window = make_window(qapp)
    qtbot.addWidget(window)
    start_session(window, library_file, [])
    qtbot.waitUntil(lambda: window.session.library is not None, timeout=10_000)
    window.messages = messages
    yield window
    window.library_report.wait()
    window.tracing.wait()
    window.session.wait_for_background()
    if window.session.library:
        window.session.close_library()


def choose(monkeypatch, path):
    monkeypatch.setattr(ReportTarget, "ask", classmethod(lambda cls, parent, title: path))


def test_the_action_sits_below_export_report(window):
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    actions = file_menu.actions()
    export = actions.index(window.reports.export_action)
    assert actions[export + 1] is window.library_report.action
    assert window.library_report.action.text() == "Librar&y Report…"


def test_the_menu_action_writes_the_library_report_as_html(qtbot, window, monkeypatch, tmp_path):
    path = tmp_path / "library.html"
    choose(monkeypatch, path)
    with qtbot.waitSignal(window.library_report.written, timeout=30_000) as written:
        window.library_report.action.trigger()
        assert not window.library_report.action.isEnabled()  # busy on the worker meanwhile
    assert written.args == [path]
    html = path.read_text(encoding="utf-8")
    outlets = [row[2] for row in cells(html, "trace") if len(row) == 7]
    assert outlets == [row[2] for row in expected.MAYOR_TRACE]
    assert window.library_report.action.isEnabled()
    assert [kind for kind, _ in window.messages] == [InfoMessage]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is missing")
def test_the_menu_action_writes_a_pdf(qtbot, window, monkeypatch, tmp_path):
    path = tmp_path / "library.pdf"
    choose(monkeypatch, path)
    with qtbot.waitSignal(window.library_report.written, timeout=30_000):
        window.library_report.action.trigger()
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    assert "Library report" in text and "Claims timeline" in text and "Baltic Wire" in text


def test_a_report_that_cannot_be_written_says_why(qtbot, window, monkeypatch, tmp_path):
    choose(monkeypatch, tmp_path / "no such folder" / "library.html")
    window.library_report.action.trigger()
    qtbot.waitUntil(lambda: bool(window.messages), timeout=30_000)
    [(kind, (title, text))] = window.messages
    assert kind is ErrorMessage and title == "Library report not written"
    assert "library.html" in text and "No such file" in text
    assert window.library_report.action.isEnabled()
