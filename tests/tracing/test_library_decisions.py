"""In the window, Across the Library: verdicts and relations set on figures of any article, and
the relay graph, whose edges list their statements when clicked."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from gui.app import make_window, start_session
from gui.core.entities.pipeline import load_pipeline
from gui.widgets.messages import ErrorMessage
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library

CORROBORATES = "corroborates Baltic Wire 2026-03-05 figure '21'"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A library file with the fixtures analysed (the real pipeline, once) and their rows."""
    path = tmp_path_factory.mktemp("decisions") / "library.sqlite"
    fixture_library(load_pipeline(library_outlets()), path).close()
    return path


@pytest.fixture
def window(qtbot, qapp, monkeypatch, built, tmp_path):
    errors = []
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, _p, *a: errors.append(a)))
    library = tmp_path / "library.sqlite"
    shutil.copy(built, library)  # each test decides on a library of its own
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, library, [])
    qtbot.waitUntil(lambda: window.session.library is not None, timeout=10_000)
    across = next(d for d in window.workspace.docks if d.windowTitle() == "Across the Library")
    across.toggleViewAction().trigger()
    views = window.tracing.views
    qtbot.waitUntil(lambda: views.groups.rowCount() > 0, timeout=10_000)
    yield window
    assert errors == []
    window.tracing.wait()
    window.session.wait_for_background()
    if window.session.library:
        window.session.close_library()


def injured(qtbot, window):
    """The Claims tab, the injured picked: Wire 14, Herald 12, Herald 19, Courier 20, Wire 21."""
    views = window.tracing.views
    views.setCurrentWidget(views.claims)
    groups = [(g.event, g.counted) for g in views.groups._rows]
    with qtbot.waitSignal(views.claims.figures_shown, timeout=10_000):
        views.claims.group_table.selectRow(groups.index(("injure", "people")))
    return views.claims


def select(tab, *rows):
    """Select these rows of the figures, as a ctrl-click would."""
    selection = tab.figure_table.selectionModel()
    selection.clear()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(tab.figures.index(row, 0), flags)


def trigger(menu, text):
    try:
        next(a for a in menu.actions() if a.text().replace("&", "") == text).trigger()
    finally:
        menu.deleteLater()


def decided(qtbot, tab, menu, text):
    """Trigger an entry of a verdict or relation menu; wait for the figures read again."""
    with qtbot.waitSignal(tab.figures_shown, timeout=10_000):
        trigger(menu, text)


def undone(qtbot, window, tab):
    """Undo the last step; wait for the figures read again."""
    with qtbot.waitSignal(tab.figures_shown, timeout=10_000):
        window.session.undo_stack.undo()


def relations_shown(tab, row):
    return tab.figures.index(row, 4).data()


def test_a_relation_set_across_articles_shows_in_both_and_undo_takes_it_away(qtbot, window):
    tab = injured(qtbot, window)
    assert [tab.figures.row(r).outlet for r in (3, 4)] == ["Northshore Courier", "Baltic Wire"]
    select(tab, 3, 4)
    assert tab.relate_button.isEnabled() and not tab.verdict_button.isEnabled()
    decided(qtbot, tab, tab.relation_menu(), "Corroborates")
    assert relations_shown(tab, 3) == CORROBORATES
    assert relations_shown(tab, 4) == "corroborates Northshore Courier 2026-03-04 figure 'about 20'"
    assert [f.article_id for f in tab.selected_figures()] == [4, 5]  # kept selected
    ticked = [a.text() for a in tab.relation_menu().actions() if a.isChecked()]
    assert ticked == ["&Corroborates"]
    window.session.open_article(4)
    qtbot.waitUntil(lambda: window.claims_panel.across.text() != "", timeout=10_000)
    assert window.claims_panel.across.text() == f"Across the library:\n• about 20 {CORROBORATES}"
    assert CORROBORATES in window.claims_panel.model.index(0, 7).data()
    undone(qtbot, window, tab)
    assert relations_shown(tab, 3) == "" and relations_shown(tab, 4) == ""
    assert window.claims_panel.across.isHidden()


def test_a_relation_is_taken_away_from_the_one_figure_selected(qtbot, window):
    tab = injured(qtbot, window)
    select(tab, 3, 4)
    decided(qtbot, tab, tab.relation_menu(), "Contradicts")
    select(tab, 4)
    decided(
        qtbot,
        tab,
        tab.relation_menu(),
        "Remove: contradicts Northshore Courier 2026-03-04 figure 'about 20'",
    )
    assert relations_shown(tab, 3) == "" and relations_shown(tab, 4) == ""
    assert window.session.undo_stack.undoText() == "Remove relation between figures"


def test_a_verdict_set_in_the_library_is_the_articles_own(qtbot, window):
    tab = injured(qtbot, window)
    select(tab, 3)
    decided(qtbot, tab, tab.verdict_menu(), "Disputed")
    assert tab.figures.index(3, 3).data() == "Disputed"
    assert tab.decided.text() == "Northshore Courier, about 20: Disputed"
    window.session.open_article(4)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=10_000)
    assert window.claims_panel.model.index(0, 5).data() == "disputed"
    select(tab, 3)
    decided(qtbot, tab, tab.verdict_menu(), "Clear Verdict")
    assert tab.figures.index(3, 3).data() == ""
    assert window.claims_panel.model.index(0, 5).data() == "unverified"  # none: the default
    undone(qtbot, window, tab)
    assert tab.figures.index(3, 3).data() == "Disputed"


def test_clicking_an_edge_of_the_graph_picks_it_in_the_table_and_lists_its_statements(
    qtbot, window
):
    views = window.tracing.views
    views.setCurrentWidget(views.outlets)
    graph = views.outlets.graph
    qtbot.waitUntil(lambda: graph.edge_item(1) is not None and graph.isVisible())
    edge = views.edges.row(1)
    assert (edge.source, edge.target) == ("Baltic Wire", "Kestrel Bay Herald")
    assert graph.edge_item(1).toolTip() == "Baltic Wire → Kestrel Bay Herald: 1 statements"
    at = graph.mapFromScene(graph.edge_item(1).midpoint())
    with qtbot.waitSignal(views.outlets.statements_shown, timeout=10_000):
        qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert views.outlets.edge_table.currentIndex().row() == 1
    assert [views.statements.row(r).article_id for r in range(views.statements.rowCount())] == [3]
    assert graph.selected == 1
    at = graph.mapFromScene(graph.edge_item(0).midpoint())
    with qtbot.waitSignal(views.outlets.statements_shown, timeout=10_000):
        qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert views.statements.rowCount() == 3
    assert "Kestrel Bay Herald to Baltic Wire: 3" in graph.accessibleDescription()


def test_a_verdict_set_in_the_articles_panel_shows_when_the_tab_is_shown_again(qtbot, window):
    tab = injured(qtbot, window)
    views = window.tracing.views
    views.setCurrentWidget(views.outlets)  # the Claims tab hidden
    window.session.open_article(4)
    qtbot.waitUntil(lambda: window.claims_panel.model.rowCount() > 0, timeout=10_000)
    key = window.claims_panel.model.claim(0).key
    window.sourcing.assess(key, {"status": "false"})
    assert tab.figures.index(3, 3).data() == ""  # not read while hidden
    with qtbot.waitSignal(tab.figures_shown, timeout=10_000):
        views.setCurrentWidget(views.claims)
    assert tab.figures.index(3, 3).data() == "False"
