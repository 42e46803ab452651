"""Verdict, grade and relation menus say what each value means and tick the one the claim has."""

import pytest
from PySide6.QtWidgets import QAbstractItemView

from gui.actions import plain_text
from gui.widgets.messages import ErrorMessage
from tests.fakes import install_fake_pipeline
from tests.sourcing.test_sourcing import ARTICLE, fake_result
from tests.window_helpers import article_window


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    monkeypatch.setattr(
        "gui.session.sourcing_service.analyse",
        lambda holder, article, outlets, entities, lexicons, progress: fake_result(article.body),
    )
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *a: None))
    with article_window(
        qtbot, qapp, tmp_path, ARTICLE, lambda window: window.claims_panel.model.rowCount() == 2
    ) as window:
        yield window


def submenu(menu, title):
    return next(a.menu() for a in menu.actions() if a.menu() and title in plain_text(a.text()))


def ticked(menu) -> list[str]:
    return [plain_text(a.text()) for a in menu.actions() if a.isChecked()]


def choose(menu, text) -> None:
    next(a for a in menu.actions() if plain_text(a.text()) == text).trigger()


def pick_rows(panel, *rows) -> None:
    panel.table.clearSelection()
    panel.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
    for row in rows:
        panel.table.selectRow(row)
    panel.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)


def test_grades_have_their_meanings_and_a_new_claim_is_unverified_and_ungraded(window):
    panel = window.claims_panel
    pick_rows(panel, 0)
    menu = panel.menu()
    source = [plain_text(a.text()) for a in submenu(menu, "Source Reliability").actions()]
    assert source[:2] == ["A — Completely reliable", "B — Usually reliable"]
    assert source[-2:] == ["F — Reliability cannot be judged", "Not graded"]
    info = [plain_text(a.text()) for a in submenu(menu, "Information Credibility").actions()]
    assert info[0] == "1 — Confirmed by other sources" and info[5] == "6 — Truth cannot be judged"
    assert ticked(submenu(menu, "Verdict")) == ["Unverified"]
    assert ticked(submenu(menu, "Source Reliability")) == ["Not graded"]
    assert ticked(submenu(menu, "Information Credibility")) == ["Not graded"]


def test_the_value_chosen_is_saved_and_then_ticked_alone(window):
    panel = window.claims_panel
    pick_rows(panel, 0)
    choose(submenu(panel.menu(), "Verdict"), "Disputed")
    choose(submenu(panel.menu(), "Source Reliability"), "C — Fairly reliable")
    choose(submenu(panel.menu(), "Information Credibility"), "2 — Probably true")
    assert panel.model.index(0, 6).data() == "C2"
    assert panel.selected_rows() == [0]  # the claim stays selected for the next decision
    menu = panel.menu()
    assert ticked(submenu(menu, "Verdict")) == ["Disputed"]
    assert ticked(submenu(menu, "Source Reliability")) == ["C — Fairly reliable"]
    assert ticked(submenu(menu, "Information Credibility")) == ["2 — Probably true"]
    choose(submenu(menu, "Source Reliability"), "Not graded")  # a grade can be taken back
    assert panel.model.index(0, 6).data() == "2"


def test_the_relation_between_two_claims_is_ticked(window):
    panel = window.claims_panel
    pick_rows(panel, 0, 1)
    relation = submenu(panel.menu(), "Relation")
    assert ticked(relation) == ["No Relation"]
    choose(relation, "Different scope")
    assert panel.selected_rows() == [0, 1]
    assert ticked(submenu(panel.menu(), "Relation")) == ["Different scope"]
