"""The library panel lists, searches, sorts, renames and deletes through the session."""

import pytest
from PySide6.QtCore import Qt

from gui.core.articles import ArticleSummary
from gui.library.library_model import DATE, ENTITIES, TITLE, LibraryModel
from gui.library.library_panel import LibraryPanel
from gui.session.session import Session
from tests.fakes import make_text


def summary(i, title, entities=None, published=""):
    return ArticleSummary(i, title, "Reuters", published, entities, f"2026-01-0{i}T00:00:00")


def test_model_passes_qt_model_tester(qtmodeltester):
    model = LibraryModel()
    model.set_summaries([summary(1, "One", 4), summary(2, "Two", None, "2015-05-26")])
    qtmodeltester.check(model)
    assert model.index(1, DATE).data() == "2015-05-26"
    assert model.index(0, DATE).data() == "2026-01-01"
    assert model.index(1, ENTITIES).data() == "…"  # not analysed yet


def test_editing_a_title_asks_for_a_rename(qtbot):
    model = LibraryModel()
    model.set_summaries([summary(7, "Old title")])
    with qtbot.waitSignal(model.rename_requested) as renamed:
        assert model.setData(model.index(0, TITLE), "  New title ")
    assert renamed.args == [7, "New title"]
    assert not model.setData(model.index(0, TITLE), "   ")
    model.editable = False
    assert not model.flags(model.index(0, TITLE)) & Qt.ItemFlag.ItemIsEditable


@pytest.fixture
def session(qtbot):
    session = Session()
    assert session.open_library(None)
    for title, body in [
        ("Fire at the port", "Firefighters fought the blaze near al-Tash for hours."),
        ("Talks resume", "Negotiators met in Geneva on Monday, Reuters reported."),
        ("Quiet day", "Nothing happened in the capital."),
    ]:
        session.import_text(make_text(body, title, f"{title}.txt"))
    return session


@pytest.fixture
def panel(qtbot, session):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.search_changed.connect(lambda text: panel.model.set_summaries(session.summaries(text)))
    panel.model.set_summaries(session.summaries())
    return panel


def titles(panel):
    proxy = panel.proxy
    return [proxy.index(row, TITLE).data() for row in range(proxy.rowCount())]


def test_search_as_you_type_filters_by_full_text(panel, qtbot):
    assert len(titles(panel)) == 3
    qtbot.keyClicks(panel.search, "gene")  # a prefix of "Geneva", in the text only
    assert titles(panel) == ["Talks resume"]
    panel.search.clear()
    qtbot.keyClicks(panel.search, 'al-Tash "')
    assert titles(panel) == ["Fire at the port"]


def test_sorting_by_title(panel):
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(panel) == ["Fire at the port", "Quiet day", "Talks resume"]


def test_rename_and_delete_reach_the_library(panel, session, qtbot):
    panel.model.rename_requested.connect(session.rename)
    panel.delete_requested.connect(session.delete_articles)
    panel.model.set_summaries(session.summaries())
    first = panel.proxy.index(0, TITLE)
    article_id = panel._id_at(first)
    panel.proxy.setData(first, "Renamed")
    assert session.articles.get(article_id).metadata.title == "Renamed"
    panel.table.setCurrentIndex(panel.proxy.index(0, TITLE))
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.delete_requested) as asked:
        panel.delete_action.trigger()
    doomed = asked.args[0]
    assert session.articles.count() == 2
    assert all(s.id not in doomed for s in session.summaries())
