"""One summary: header, legend, Sources panel, HTML report and JSON export count the same."""

import re

import pytest
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.core.interchange import export_json
from gui.core.sourcing.model import Findings
from gui.core.storage.sourcing_store import findings_text
from gui.widgets.messages import ErrorMessage
from tests.core.reports.helpers import cells
from tests.fakes import install_fake_pipeline

ARTICLE = (
    "Carter on the offensive\n\n"
    "U.S. Secretary of Defense Ashton Carter said the troops “showed no will to fight.”\n\n"
    "Carter told reporters that the city would be retaken, reports Reuters.\n\n"
    "An official, who spoke on condition of anonymity, said the plan was ready. "
    "The official said it would start within days.\n\n"
    "Residents said the roads were closed.\n"
)


def span(text, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = ARTICLE.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text}


def said(number, content, who, kind="person", anonymous=False, resolved="", via=(), marks=False):
    """One attribution as to_json() writes it."""
    source = span(who) | {"type": kind, "resolved": resolved, "anonymous": anonymous,
                          "channel": "", "verify": bool(resolved)}  # fmt: skip
    relays = [span(v) | {"type": "outlet", "resolved": "", "anonymous": False, "channel": "",
                         "verify": False} for v in via]  # fmt: skip
    return {"id": number, "kind": "direct" if marks else "indirect", "cue": span("said"),
            "source": source, "content": span(content), "via": relays, "verb_class": "neutral",
            "quote_marks": marks, "paragraph": number}  # fmt: skip


def fake_findings(body) -> Findings:
    assert body == ARTICLE
    return Findings.from_json({
        "attributions": [
            said(1, "showed no will to fight.", "Secretary of Defense Ashton Carter", marks=True),
            said(2, "the city would be retaken", "Carter", via=("Reuters",)),
            said(3, "the plan was ready", "An official", "anonymous", anonymous=True),
            said(4, "it would start within days", "The official", "description", True,
                 "An official"),
            said(5, "the roads were closed", "Residents", "anonymous", anonymous=True),
        ],
        "profile": {"named": 7, "anonymous": 7},  # stale on purpose: every view recounts
    })  # fmt: skip


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    found = lambda holder, article, *rest, progress: (  # noqa: E731
        fake_findings(article.body),
        findings_text(fake_findings(article.body)),
    )
    monkeypatch.setattr("gui.session.sourcing_service.analyse", found)
    shown = []
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: shown.append(a)))
    window = make_window(qapp)
    qtbot.addWidget(window)
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    qtbot.waitUntil(lambda: window.sources_panel.model.rowCount() > 0, timeout=10_000)
    yield window
    assert shown == []
    window.session.wait_for_background()
    window.session.close_library()


def test_every_view_counts_the_same_sources(window):
    header = window.pane.header.profile.text()
    named, anonymous = map(int, re.search(r"(\d+) named, (\d+) anonymous", header).groups())
    assert (named, anonymous) == (2, 2)  # Ashton Carter and Reuters; the official, residents
    chips = window.pane.legend.lens_chips["Sourcing"]
    assert chips["source"].text() == f"Named source {named}"
    assert chips["anonymous"].text() == f"Anonymous or vague source {anonymous}"
    model = window.sources_panel.model
    rows = [model.source(r) for r in range(model.rowCount())]
    assert (sum(r.named for r in rows), sum(r.anonymous for r in rows)) == (named, anonymous)
    report = window.reports.report_html()
    profile = dict(map(tuple, cells(report, "profile")))
    assert (profile["Named sources"], profile["Anonymous sources"]) == (str(named), str(anonymous))
    session = window.session
    exported = export_json(session.library, session.current.id)["sourcing"]["summary"]
    assert (exported["profile"]["named"], exported["profile"]["anonymous"]) == (named, anonymous)
    # The alias group is merged the same way in the panel, the report and the export.
    names = [r.name for r in rows]
    assert names == [row[0] for row in cells(report, "sources")]
    assert names == [source["name"] for source in exported["sources"]]
    carter = next(r for r in rows if r.name == "Ashton Carter")
    assert len(carter.statements) == 2
    official = next(r for r in rows if r.name == "An official")
    assert official.anonymous and len(official.statements) == 2  # "The official" joins it
