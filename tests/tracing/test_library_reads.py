"""Across the Library reads on the worker: a search, clearing it, and every pick run off the GUI
thread and show the rows they showed when they ran on it; an old answer is never shown."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QTableView

from gui.app import make_window, start_session
from gui.core.storage import LibraryLocked
from gui.core.tracing import queries
from gui.widgets.messages import ErrorMessage
from tests.core.tracing import expected

READS = ("library_sources", "source_articles", "group_figures", "edge_statements")


@pytest.fixture
def ran(monkeypatch):
    """The reads the panel ran: (name, thread, args) each, as the query functions record them."""
    found: list[tuple[str, threading.Thread, tuple]] = []
    for name in READS:
        original = getattr(queries, name)

        def recording(library, *args, _name=name, _read=original):
            found.append((_name, threading.current_thread(), args))
            return _read(library, *args)

        monkeypatch.setattr(queries, name, recording)
    return found


@pytest.fixture
def views(qtbot, qapp, monkeypatch, library_file, ran):
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *args: None))
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, library_file, [])
    qtbot.waitUntil(lambda: window.session.library is not None, timeout=10_000)
    views = window.tracing.views
    with qtbot.waitSignal(views.filled, timeout=10_000):
        views.fill()
    yield views
    window.tracing.wait()
    window.session.wait_for_background()
    if window.session.library:
        window.session.close_library()


def names(model):
    return [model.row(r).name for r in range(model.rowCount())]


def pick(qtbot, views, model, row, shown):
    """Pick a row of the table showing model, as a click would; wait until its details are in."""
    table = next(t for t in views.findChildren(QTableView) if t.model() is model)
    with qtbot.waitSignal(shown, timeout=10_000):
        table.selectRow(row)


def test_search_clear_and_picks_read_on_the_worker_and_show_the_same_rows(qtbot, views, ran):
    everyone = names(views.sources)
    shown_on = []  # the threads the answers are shown on
    for model in (views.sources, views.source_articles, views.figures, views.statements):
        keep = model.set_rows
        model.set_rows = lambda rows, _keep=keep: (
            shown_on.append(threading.current_thread()),
            _keep(rows),
        )
    with qtbot.waitSignal(views.sources_shown, timeout=10_000):
        views.search.setText("port official")
    assert names(views.sources) == ["A port official"]
    with qtbot.waitSignal(views.sources_shown, timeout=10_000):
        views.search.setText("")
    assert names(views.sources) == everyone
    pick(qtbot, views, views.sources, 0, views.articles_shown)
    outlets = [views.source_articles.row(r).outlet for r in range(views.source_articles.rowCount())]
    assert outlets == [row[1] for row in expected.STAHL_ARTICLES]
    groups = [(g.event, g.counted) for g in views.groups._rows]
    at = groups.index(("injure", "people"))
    pick(qtbot, views, views.groups, at, views.claims.figures_shown)
    assert [views.figures.row(r).value for r in range(views.figures.rowCount())] == [
        row[4] for row in expected.INJURED
    ]
    pick(qtbot, views, views.edges, 1, views.outlets.statements_shown)
    assert [views.statements.row(0).article_id] == [3]
    assert views.outlets.graph.selected == 1  # the graph marks the edge picked, as before
    assert {name for name, _, _ in ran} == set(READS)
    assert all(thread is not threading.main_thread() for _, thread, _ in ran)
    assert set(shown_on) == {threading.main_thread()}


def test_a_search_typed_fast_is_read_once_for_the_last_text(qtbot, views, ran):
    ran.clear()
    with qtbot.waitSignal(views.sources_shown, timeout=10_000):
        for typed in ("p", "po", "por", "port", "port official"):
            views.search.setText(typed)
    assert [args for name, _, args in ran if name == "library_sources"] == [("port official",)]
    assert names(views.sources) == ["A port official"]
    assert "whose names hold “port official”" in views.status.text()


def test_while_a_read_runs_the_panel_says_so(qtbot, views):
    views.search.setText("stahl")
    views._typing.timeout.emit()  # the pause in typing, now
    assert views.status.text() == "Finding “stahl”…"
    qtbot.waitSignal(views.sources_shown, timeout=10_000).wait()
    assert names(views.sources) == ["Elin Stahl"]
    assert not views.status.failing


def test_a_read_that_fails_says_why_in_the_panel(qtbot, views, monkeypatch):
    def locked(library, source):
        raise LibraryLocked("The library is busy: another program holds it")

    monkeypatch.setattr(queries, "source_articles", locked)
    table = next(t for t in views.findChildren(QTableView) if t.model() is views.sources)
    table.selectRow(0)
    qtbot.waitUntil(lambda: views.status.failing, timeout=10_000)
    assert views.status.text() == (
        "Could not read the source's articles: The library is busy: another program holds it"
    )
    assert views.source_articles.rowCount() == 0


def test_of_two_groups_picked_in_a_row_only_the_second_s_figures_are_shown(qtbot, views, ran):
    groups = [(g.event, g.counted) for g in views.groups._rows]
    table = views.claims.group_table
    shown: list[list] = []
    views.claims.figures_shown.connect(
        lambda: shown.append([views.figures.row(r) for r in range(views.figures.rowCount())])
    )
    ran.clear()
    table.selectRow(next(i for i, g in enumerate(groups) if g != ("injure", "people")))
    table.selectRow(groups.index(("injure", "people")))  # while the first is still read
    qtbot.waitUntil(lambda: not views.claims._read.busy, timeout=10_000)
    assert len(shown) == 1
    assert [f.value for f in shown[0]] == [row[4] for row in expected.INJURED]
    assert len([name for name, _, _ in ran if name == "group_figures"]) == 2  # one at a time
