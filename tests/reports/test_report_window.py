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
