"""In the window, on a library of the tracing fixtures: Trace a quote, open an appearance, and
read the sources, claims and relays of the whole library."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from gui.app import make_window, start_session
from gui.tracing.library_views import LibraryViews
from gui.widgets.messages import ErrorMessage
from tests.core.tracing import expected


@pytest.fixture
def window(qtbot, qapp, monkeypatch, library_file):
    monkeypatch.setattr(ErrorMessage, "ask", classmethod(lambda cls, parent, *args: None))
    window = make_window(qapp)
    qtbot.addWidget(window)
    window.show()
    start_session(window, library_file, [])
    qtbot.waitUntil(lambda: window.session.library is not None, timeout=10_000)
    yield window
    window.tracing.wait()
    window.session.wait_for_background()
    if window.session.library:
        window.session.close_library()


def filled(qtbot, views):
    """Read the library views' lists (on the worker) and wait until they are shown."""
    with qtbot.waitSignal(views.filled, timeout=10_000):
        views.fill()


def open_article(qtbot, window, article_id):
    window.session.open_article(article_id)
    qtbot.waitUntil(lambda: window.session.current is not None)
    assert window.session.current.id == article_id


def dock_of(window, title):
    [dock] = [d for d in window.workspace.docks if d.windowTitle() == title]
    return dock


def test_the_library_panels_wait_hidden_until_asked_for(qtbot, window):
    # Six tabs beside the article cut every title to two letters; these come when wanted.
    trace, across = dock_of(window, "Trace"), dock_of(window, "Across the Library")
    assert not trace.isVisible() and not across.isVisible()
    open_article(qtbot, window, 4)
    offset = window.session.current.body.index("keep the harbour shut")
    assert window.tracing.trace(offset, offset, offset)
    assert trace.isVisible() and not across.isVisible()
    across.toggleViewAction().trigger()  # View > Panels > Across the Library
    assert across.isVisible()


def test_trace_the_quote_under_the_pointer_and_open_its_origin(qtbot, window):
    open_article(qtbot, window, 4)
    body = window.session.current.body
    offset = body.index("keep the harbour shut")
    assert window.tracing.trace(offset, offset, offset)
    panel = window.tracing.panel
    outlets = [panel.model.index(row, 1).data() for row in range(panel.model.rowCount())]
    assert outlets == [row[2] for row in expected.MAYOR_TRACE]
    assert panel.origin.text().startswith("5 appearances. Origin: Kestrel Bay Herald, 2026-03-02")
    first = panel.model.traced(0).appearance
    panel.table.doubleClicked.emit(panel.model.index(0, 0))
    assert window.session.current.id == 1
    assert window.pane.view.selected_span() == (first.start, first.end)


def test_trace_is_on_the_reader_menu(qtbot, window):
    open_article(qtbot, window, 2)
    offset = window.session.current.body.index("The smoke")
    menu = window.annotate.context_menu(offset)
    try:
        trace = next(a for a in menu.actions() if "Trace" in a.text())
        trace.trigger()
    finally:
        menu.deleteLater()
    outlets = [window.tracing.panel.model.index(r, 1).data() for r in range(2)]
    assert outlets == [row[2] for row in expected.BERG_TRACE]


def pick(qtbot, views, model, row, shown):
    """Pick a row of the table that shows model, as a click would; wait for its details."""
    table = next(t for t in views.findChildren(QTableView) if t.model() is model)
    with qtbot.waitSignal(shown, timeout=10_000):
        table.selectRow(row)


def test_the_library_views_list_sources_claims_and_relays(qtbot, window):
    views: LibraryViews = window.tracing.views
    filled(qtbot, views)
    assert views.sources.row(0).name == "Elin Stahl"
    pick(qtbot, views, views.sources, 0, views.articles_shown)
    named = [views.source_articles.row(r).outlet for r in range(views.source_articles.rowCount())]
    assert named == [row[1] for row in expected.STAHL_ARTICLES]
    groups = [(g.event, g.counted) for g in views.groups._rows]
    pick(qtbot, views, views.groups, groups.index(("injure", "people")), views.claims.figures_shown)
    values = [views.figures.row(r).value for r in range(views.figures.rowCount())]
    assert values == [row[4] for row in expected.INJURED]
    assert views.timeline.series == expected.INJURED_SERIES
    assert "Baltic Wire: 14 on 2026-03-02, 21 on 2026-03-05" in views.timeline.described()
    edges = [views.edges.row(r) for r in range(views.edges.rowCount())]
    assert [(e.source, e.target, e.count) for e in edges] == [
        edge[:3] for edge in expected.OUTLET_EDGES
    ]
    pick(qtbot, views, views.edges, 1, views.outlets.statements_shown)
    assert [views.statements.row(0).article_id] == [3]


def test_the_sources_search_narrows_the_list(qtbot, window):
    views: LibraryViews = window.tracing.views
    filled(qtbot, views)
    with qtbot.waitSignal(views.sources_shown, timeout=10_000):
        views.search.setText("port official")
    assert [views.sources.row(r).name for r in range(views.sources.rowCount())] == [
        "A port official"
    ]


def test_a_grade_given_in_the_sources_shows_in_a_trace_and_is_undone(qtbot, window):
    views: LibraryViews = window.tracing.views
    filled(qtbot, views)
    menu = views.grade_menu(0)
    try:
        next(a for a in menu.actions() if a.text().startswith("&B:")).trigger()
    finally:
        menu.deleteLater()
    filled(qtbot, views)
    assert (views.sources.row(0).name, views.sources.row(0).grade) == ("Elin Stahl", "B")
    open_article(qtbot, window, 4)
    offset = window.session.current.body.index("keep the harbour shut")
    window.tracing.trace(offset, offset, offset)
    said = window.tracing.panel.model.index(3, 2).data()
    assert said == "Stahl [grade B]"
    window.session.undo_stack.undo()
    filled(qtbot, views)
    assert views.sources.row(0).grade == ""
    ticked = [a.text() for a in views.grade_menu(0).actions() if a.isChecked()]
    assert ticked == ["&No Grade"]
