"""The window's report and the command line's report of one article say the same things."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.cli.report import report_html
from gui.core.entities.corrections import Correction
from gui.sourcing.actions import SpeakerChoice
from gui.widgets.messages import ErrorMessage
from tests.core.reports.helpers import cells
from tests.fakes import install_fake_pipeline
from tests.sourcing.test_sourcing import ARTICLE, fake_result


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    """A window showing ARTICLE with the fake pipeline's entities and the fake findings."""
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(
        "gui.session.sourcing_service.analyse",
        lambda holder, article, outlets, entities, lexicons, progress: fake_result(article.body),
    )
    shown = []
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: shown.append(a)))
    window = make_window(qapp)
    qtbot.addWidget(window)
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: window.sources_panel.model.rowCount() == 3, timeout=10_000)
    yield window
    assert shown == []
    window.session.wait_for_background()
    window.session.close_library()


def test_the_window_and_the_command_line_report_the_same_findings(window, qtbot, monkeypatch):
    monkeypatch.setattr(
        SpeakerChoice, "ask", classmethod(lambda cls, parent, quote, current: "Interior Ministry")
    )
    # An entity rule, a speaker and a verdict: each path must apply all three.
    with qtbot.waitSignal(window.session.findings_changed, timeout=10_000):
        window.session.correct(Correction(0, "add", "Al Jazeera", "OUTLET"))
    with qtbot.waitSignal(window.session.findings_changed, timeout=10_000):
        window.sourcing.change_speaker(window.sourcing.findings.attributions[0])
    claims = window.claims_panel
    claims.assessment_requested.emit(claims.model.claim(0).key, {"status": "disputed"})
    session = window.session
    from_window = window.reports.report_html()
    layers = window.layers.names()  # the window shows its annotator's layer, though empty
    from_command_line = report_html(session.library, session.current.id, None, layers)
    for table in ("profile", "sources", "claims"):
        assert cells(from_window, table) == cells(from_command_line, table), table
    assert from_window == from_command_line  # the entities and everything else too
    assert '<mark class="ent e-OUTLET"' in from_window  # the corrected entities, in both
    sources = [row[0] for row in cells(from_window, "sources")]
    assert "Interior Ministry" in sources and "police sources" not in sources
    assert [row[4] for row in cells(from_window, "claims")] == ["disputed", "unverified"]


def test_the_exported_report_is_made_on_a_worker_and_says_so_meanwhile(
    window, qtbot, monkeypatch, tmp_path
):
    """Its traced quotes ask the whole library (0.4 s at 100,000 articles): not on the GUI
    thread; the report written is the one report_html() makes."""
    import threading

    from gui.core.reports import article
    from gui.reports.actions import ReportTarget
    from gui.widgets.messages import InfoMessage

    told = []
    monkeypatch.setattr(InfoMessage, "ask", classmethod(lambda cls, parent, *a: told.append(a)))
    target = tmp_path / "report.html"
    monkeypatch.setattr(ReportTarget, "ask", classmethod(lambda cls, parent, title: target))
    threads, real = [], article.article_report_html

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(article, "article_report_html", recorded)
    said = []
    window.reports.status.connect(said.append)
    with qtbot.waitSignal(window.reports.done, timeout=10_000) as done:
        window.reports.export_action.trigger()
        assert not window.reports.export_action.isEnabled()  # one report at a time
    assert done.args == [target]
    assert threads and threads[0] is not threading.main_thread()
    assert said == ["Making the report…", ""]
    assert told == [("Report written", f"The report is in {target}.")]
    assert window.reports.export_action.isEnabled()
    assert target.read_text(encoding="utf-8") == real(
        window.session.library, *window.reports._asked()
    )
