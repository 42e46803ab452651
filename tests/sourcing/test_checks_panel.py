"""The Checks panel: the lens's checks in words, jump to the text, confirm or dismiss, undo."""

import pytest

from gui.app import start_session
from gui.core.storage import CheckStore
from gui.sourcing.checks_panel import ChecksModel
from tests.sourcing.test_sourcing import ARTICLE, fake_findings, window

__all__ = ["window"]


def row_of(panel, kind: str) -> int:
    """The panel row of the first check of a kind."""
    return next(r for r in range(panel.model.rowCount()) if panel.model.row(r).kind == kind)


def test_every_check_is_listed_in_words_and_marked_in_the_text(window):
    panel = window.checks_panel
    kinds = [panel.model.row(r).kind for r in range(panel.model.rowCount())]
    assert kinds == [
        "anonymous_only",
        "figures_differ",
        "all_relayed",
        "anonymous_only",
        "unattributed",
    ]
    assert panel.summary.text().startswith("5 checks, 5 open")
    row = row_of(panel, "figures_differ")
    assert panel.model.index(row, 1).data() == "Figures differ for one event"
    assert (
        "“About 400” (police sources) and “up to 300” (Activists)"
        in panel.model.index(row, 2).data()
    )
    window.sourcing.lens_actions["Sourcing"].trigger()
    offset = ARTICLE.index("up to 300")
    tips = window.pane.view.check_layer.tips_at(offset)
    assert any("differ for the same event" in tip for tip in tips)
    assert window.pane.legend.lens_chips["Sourcing"]["check"].text() == "Open check 5"


def test_picking_a_check_shows_its_text(window):
    panel = window.checks_panel
    row = row_of(panel, "unattributed")
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    start = ARTICLE.index("The city reportedly")
    assert window.pane.view.selected_span() == (
        start,
        start + len("The city reportedly fell on Monday."),
    )


def test_confirm_and_dismiss_are_kept_undoable_and_survive_a_new_analysis(window, qtbot):
    panel, view, session = window.checks_panel, window.pane.view, window.session
    row = row_of(panel, "figures_differ")
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    panel.buttons["confirmed"].click()
    key = panel.model.row(row).key
    assert CheckStore(session.library).decisions(session.current.id)[key].status == "confirmed"
    assert panel.model.index(row, 0).data() == "Confirmed"
    assert "check_confirmed" in {h.style for h in view.check_layer.index}
    assert (
        window.pane.legend.lens_chips["Sourcing"]["check_confirmed"].text() == "Confirmed check 1"
    )
    assert "Confirm check 'About 400'" in window.annotate.undo_action.text()
    report = window.reports.report_html()
    assert "<h2>Checks</h2>" in report and "differ for the same event" in report
    window.presenter.step_check()
    assert "differ for the same event" in window.presenter.caption.text()
    with qtbot.waitSignal(session.findings_changed):
        session.sourcing_service.refresh()  # the findings again: the verdict is found by its key
    assert panel.model.index(row_of(panel, "figures_differ"), 0).data() == "Confirmed"
    window.annotate.undo_action.trigger()
    assert panel.model.index(row, 0).data() == "Open"
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    panel.buttons["dismissed"].click()
    spans = {(h.start, h.end) for h in view.check_layer.index}
    number = ARTICLE.index("up to 300")
    assert (number, number + len("up to 300")) not in spans  # dismissed: no longer marked
    checks = (window.reports.report_html() or "").split("<h2>Checks</h2>")[-1]
    assert "differ" not in checks.split("<h2>")[0]  # the Checks section alone


def test_a_read_only_library_keeps_no_verdict(window, monkeypatch):
    monkeypatch.setattr(type(window.session), "read_only", property(lambda self: True))
    panel = window.checks_panel
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    panel.buttons["confirmed"].click()
    assert CheckStore(window.session.library).decisions(window.session.current.id) == {}


def test_a_library_that_cannot_change_offers_no_change(window, qtbot):
    session = window.session
    path = session.library.path
    session.close_library()
    path.chmod(0o444)  # as a damaged library is shown: read-only, through the same path
    with qtbot.waitSignal(session.findings_changed, timeout=10_000):
        start_session(window, path, [])
    assert session.read_only
    panel = window.checks_panel
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    assert not any(button.isEnabled() for button in panel.buttons.values())
    for action in (window.trainer.new_action, window.trainer.import_action,
                   window.sourcing.lexicons_action):  # fmt: skip
        assert not action.isEnabled(), action.text()


@pytest.mark.parametrize("decided", [False, True])
def test_the_checks_model_passes_qt_model_tester(qtmodeltester, decided):
    from gui.core.sourcing.check_commands import CheckDecision
    from gui.core.sourcing.checks import find_checks

    checks = find_checks(fake_findings(ARTICLE))
    decisions = {checks[0].key: CheckDecision(1, checks[0].key, checks[0].kind, "confirmed")}
    model = ChecksModel()
    model.set_checks(checks, decisions if decided else {})
    qtmodeltester.check(model)


@pytest.mark.parametrize("status", ["confirmed", "dismissed"])
def test_a_verdicts_colour_reads_on_a_dark_list_too(qapp, status):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette

    from gui.core.colours import READABLE, contrast
    from gui.core.sourcing.check_commands import CheckDecision
    from gui.core.sourcing.checks import find_checks
    from tests.pixels import dark_palette

    checks = find_checks(fake_findings(ARTICLE))
    model = ChecksModel()
    model.set_checks(checks, {checks[0].key: CheckDecision(1, checks[0].key, "x", status)})
    original = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    try:
        shown = model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole)
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    finally:
        qapp.setPalette(original)
    ink, back = (shown.red(), shown.green(), shown.blue()), (base.red(), base.green(), base.blue())
    assert contrast(ink, back) >= READABLE


def test_one_check_is_counted_in_the_singular(qtbot):
    from gui.core.sourcing.checks import Check
    from gui.core.sourcing.model import SpanText
    from gui.sourcing.checks_panel import ChecksPanel

    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_checks([Check("unattributed", "Who says so?", (SpanText(0, 4, "Rain"),))], {})
    assert panel.summary.text().startswith("1 check, 1 open.")
