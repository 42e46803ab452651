"""The source-criticism lens in the window: lenses, Sources and Claims panels, decisions."""

import pytest
from PySide6.QtGui import QGuiApplication

from gui.app import make_window, start_session
from gui.core.interchange import export_claimreview
from gui.core.sourcing.commands import claim_key
from gui.core.sourcing.model import Findings
from gui.core.sourcing.summary import build_sources
from gui.core.storage.sourcing_store import findings_text
from gui.sourcing.claims_model import ClaimsModel
from gui.sourcing.sources_panel import SourcesModel
from gui.widgets.messages import ErrorMessage
from tests.core.reports.helpers import cells
from tests.fakes import install_fake_pipeline

ARTICLE = (
    "Toll disputed\n\n"
    "“About 400 civilians were killed since Wednesday,” police sources said, "
    "reports Al Jazeera.\n\n"
    "Activists said up to 300 of them were soldiers. The city reportedly fell on Monday.\n"
)


def span(text, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = ARTICLE.index(text, start + 1)
    return {"start": start, "end": start + len(text), "text": text}


def source(text, type_, anonymous=False, resolved=""):
    return span(text) | {
        "type": type_,
        "resolved": resolved,
        "anonymous": anonymous,
        "channel": "",
        "verify": bool(resolved),
    }


def fake_findings(body) -> Findings:
    assert body == ARTICLE
    return Findings.from_json(fake_json())


def fake_json() -> dict:
    """The findings of ARTICLE as Findings.to_json() writes them."""
    return {
        "attributions": [
            {
                "id": 1,
                "kind": "direct",
                "cue": span("said"),
                "source": source("police sources", "anonymous", anonymous=True),
                "content": span("About 400 civilians were killed since Wednesday"),
                "via": [source("Al Jazeera", "outlet")],
                "verb_class": "neutral",
                "quote_marks": True,
                "paragraph": 1,
            },
            {
                "id": 2,
                "kind": "indirect",
                "cue": span("said", 1),
                "source": source("Activists", "anonymous", anonymous=True),
                "content": span("up to 300 of them were soldiers"),
                "via": [],
                "verb_class": "neutral",
                "quote_marks": False,
                "paragraph": 2,
            },
        ],
        "hedges": [
            span("reportedly") | {"class": "agentless", "band": "", "speaker": ""},
            span("About") | {"class": "approximator", "band": "", "speaker": "police sources"},
        ],
        "numbers": [
            span("About 400")
            | {
                "id": 1,
                "value": 400,
                "approximator": "about",
                "counted": "civilians",
                "window": "since Wednesday",
                "event": "killed",
                "source": "police sources",
                "via": ["Al Jazeera"],
                "group": 1,
            },
            span("up to 300")
            | {
                "id": 2,
                "value": 300,
                "approximator": "up to",
                "counted": "civilians",
                "window": "",
                "event": "killed",
                "source": "Activists",
                "via": [],
                "group": 1,
            },
        ],
        "integrity": [],
        "roles": [],
        "unattributed": [span("The city reportedly fell on Monday.")],
        "profile": {
            "named": 0,
            "anonymous": 2,
            "relayed_share": 0.6,
            "primary": 0.4,
            "secondary": 0.6,
            "tertiary": 0.0,
            "hedge_density": 50.0,
            "unattributed": 1,
            "chain_depth": 1,
        },
    }


def fake_result(body):
    """What the analysis hands back: the findings and their JSON text."""
    findings = fake_findings(body)
    return findings, findings_text(findings)


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(
        "gui.session.sourcing_service.analyse",
        lambda holder, article, outlets, entities, lexicons, progress: fake_result(article.body),
    )
    shown = []
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: shown.append(a)))
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, tmp_path / "lib.sqlite", [])
    QGuiApplication.clipboard().setText(ARTICLE)
    window.paste_action.trigger()
    # police sources, Activists, and Al Jazeera, which relays the police sources
    qtbot.waitUntil(lambda: window.sources_panel.model.rowCount() == 3, timeout=10_000)
    yield window
    assert shown == []
    window.session.wait_for_background()
    window.session.close_library()


def test_lenses_switch_what_the_text_shows(window):
    view, legend = window.pane.view, window.pane.legend
    assert view.entity_layer.visible and not view.sourcing_layer.visible
    window.sourcing.lens_actions["Sourcing"].trigger()
    assert view.sourcing_layer.visible and not view.entity_layer.visible
    assert legend.offered(legend.lens_chips["Sourcing"]["anonymous"])  # on the line or in "+N"
    assert not legend.buttons["PLACE"].isVisibleTo(legend)
    window.sourcing.lens_actions["Hedges"].trigger()
    assert view.hedge_layer.visible and not view.sourcing_layer.visible
    assert legend.lens_chips["Hedges"]["agentless"].text() == "No stated source 1"
    window.sourcing.lens_actions["All"].trigger()
    assert view.entity_layer.visible and view.sourcing_layer.visible and view.hedge_layer.visible


def test_hover_explains_a_quote_and_its_chain(window):
    window.sourcing.lens_actions["Sourcing"].trigger()
    offset = ARTICLE.index("civilians")
    tips = window.pane.view.sourcing_layer.tips_at(offset)
    assert any("article ← Al Jazeera ← police sources" in tip for tip in tips)


def test_sources_panel_and_profile(window, qtbot):
    panel = window.sources_panel
    names = {panel.model.index(r, 0).data() for r in range(3)}
    assert names == {"police sources", "Activists", "Al Jazeera"}
    row = next(r for r in range(3) if panel.model.index(r, 0).data() == "police sources")
    assert panel.model.index(row, 3).data() == "article ← Al Jazeera ← police sources"
    assert "1 named, 2 anonymous" in window.pane.header.profile.text()
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    focus = list(window.pane.view.focus_layer.index)
    content = span("About 400 civilians were killed since Wednesday")
    assert [(h.start, h.end) for h in focus] == [(content["start"], content["end"])]


def test_claims_side_by_side_with_verdicts_grades_and_relations(window, qtbot):
    panel = window.claims_panel
    assert panel.model.rowCount() == 2
    assert panel.model.index(0, 0).data() == panel.model.index(1, 0).data() == "#1 killed"
    key = panel.model.claim(0).key
    panel.assessment_requested.emit(key, {"status": "disputed"})
    panel.assessment_requested.emit(key, {"source_grade": "C"})
    panel.assessment_requested.emit(key, {"info_grade": "3"})
    assert panel.model.index(0, 5).data() == "disputed"
    assert panel.model.index(0, 6).data() == "C3"
    other = panel.model.claim(1).key
    panel.relation_requested.emit(key, other, "different_scope")
    assert panel.model.index(0, 7).data() == "different scope up to 300"
    window.annotate.undo_action.trigger()
    assert panel.model.index(0, 7).data() == ""
    window.annotate.undo_action.trigger()
    assert panel.model.index(0, 6).data() == "C"


def test_changing_a_speaker_is_kept_and_undoable(window, qtbot, monkeypatch):
    from gui.sourcing.actions import SpeakerChoice

    monkeypatch.setattr(
        SpeakerChoice, "ask", classmethod(lambda cls, parent, quote, current: "Interior Ministry")
    )
    attribution = window.sourcing.findings.attributions[0]
    window.sourcing.change_speaker(attribution)
    names = {row.name for row in build_sources(window.sourcing.findings)}
    assert "Interior Ministry" in names and "police sources" not in names
    window.annotate.undo_action.trigger()
    names = {row.name for row in build_sources(window.sourcing.findings)}
    assert "police sources" in names


def test_models_pass_qt_model_tester(qtmodeltester):
    findings = fake_findings(ARTICLE)
    sources = SourcesModel()
    sources.set_rows(build_sources(findings))
    qtmodeltester.check(sources)
    claims = ClaimsModel()
    claims.set_claims(findings.numbers, {}, [])
    qtmodeltester.check(claims)


def test_the_library_lexicons_reach_the_analysis_and_are_kept(window, qtbot, monkeypatch):
    from gui.core.storage.settings_store import LexiconStore
    from gui.sourcing.lexicons_dialog import LexiconsDialog

    seen = []

    def analyse(holder, article, outlets, entities, lexicons, progress):
        seen.append(lexicons)
        return fake_result(article.body)

    monkeypatch.setattr("gui.session.sourcing_service.analyse", analyse)
    edited = {
        "hedges": [{"phrase": "supposedly", "class": "agentless", "band": "", "source": "us"}]
    }
    monkeypatch.setattr(LexiconsDialog, "ask", classmethod(lambda cls, parent, current: edited))
    window.sourcing.lexicons_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert "supposedly" in {h.phrase for h in seen[-1].hedges}
    assert LexiconStore(window.session.library).overrides() == edited


def test_lexicons_dialog_refuses_an_unreadable_line(qtbot):
    from gui.sourcing.lexicons_dialog import LexiconsDialog

    dialog = LexiconsDialog({})
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("verb\tclass\tsource\nquip\tloaded\tus\textra\tcells\n")
    dialog._save()
    assert "Speech verbs" in dialog.problem.text() and "line 2" in dialog.problem.text()
    dialog.editor.setPlainText("verb\tclass\tsource\nquip\tloaded\tus\n")
    assert dialog.overrides() == {
        "speech_verbs": [{"verb": "quip", "class": "loaded", "source": "us"}]
    }


def test_the_panel_the_report_and_claimreview_know_a_claim_by_one_key(window):
    panel = window.claims_panel
    claim = panel.model.claim(1)
    assert claim.key == claim_key("up to 300", ARTICLE.index("up to 300"))
    panel.assessment_requested.emit(claim.key, {"status": "false"})
    assert panel.model.index(1, 5).data() == "false"
    report = window.reports.report_html()
    assert [(row[1], row[4]) for row in cells(report, "claims")] == [
        ("About 400", "unverified"),
        ("up to 300", "false"),
    ]
    session = window.session
    document = export_claimreview(session.library, session.current.id, window.sourcing.findings)
    [review] = document["@graph"]
    assert review["@id"].endswith(f"#char={claim.span.start},{claim.span.end}")
    assert review["reviewRating"]["alternateName"] == "False"
