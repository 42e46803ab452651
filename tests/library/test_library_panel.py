"""The library panel lists, searches, sorts, renames and deletes through the session, reading
only the rows it shows from the library."""

import pytest
from PySide6.QtCore import Qt

from gui.core.entities.pipeline import Entity
from gui.core.storage import EntityStore, open_library
from gui.core.storage.article_list import ArticleList
from gui.library.library_model import DATE, ENTITIES, OUTLET, PAGE, TITLE, LibraryModel
from gui.library.library_panel import LibraryPanel
from gui.session.session import Session
from tests.fakes import make_text


def many_articles(count: int):
    """An in-memory library of count articles, put in with one statement."""
    library = open_library(None)
    with library.transaction() as db:
        db.conn.executemany(
            "INSERT INTO articles (title, outlet, published, source, format, content_hash,"
            " imported_at, body) VALUES (?, ?, ?, 'gen', 'txt', ?, ?, ?)",
            [
                (
                    f"Story {n:05d}",
                    ("Reuters", "AP", "AFP")[n % 3],
                    "" if n % 4 == 0 else f"20{10 + n % 15:02d}-0{1 + n % 9}-1{n % 10}",
                    f"hash{n}",
                    f"2026-01-01T00:00:{n % 60:02d}+00:00",
                    f"Body of story {n} on the harbour" + (" and the ceasefire" if n % 7 else ""),
                )
                for n in range(count)
            ],
        )
    return library


@pytest.fixture
def big():
    library = many_articles(1_000)
    yield library
    library.close()


def test_model_passes_qt_model_tester(qtmodeltester, big):
    model = LibraryModel()
    model.set_source(ArticleList(big, None))
    qtmodeltester.check(model)
    model.set_search("harb")
    qtmodeltester.check(model)


def test_rows_are_read_only_as_they_are_shown(big):
    model = LibraryModel()
    model.set_source(ArticleList(big, None))
    assert model.rowCount() == 1_000  # counted in SQL
    assert model.rows_read == 0
    assert model.index(0, TITLE).data()
    assert model.rows_read == PAGE
    assert model.index(950, DATE).data()
    assert model.rows_read == 2 * PAGE  # the first page and the one row 950 is on
    model.index(1, TITLE).data()
    assert model.rows_read == 2 * PAGE  # kept


def test_finding_an_articles_row_reads_the_page_it_is_on_with_it(big):
    model = LibraryModel()
    model.set_source(ArticleList(big, None))
    wanted = model.summary(950)
    model.refresh()  # nothing kept
    assert model.row_of(wanted.id) == 950
    assert model.rows_read == PAGE
    assert [model.summary(row).id for row in range(900, 1000)] == [
        row.id for row in ArticleList(big, None).page(model.order, 900, PAGE)
    ]
    assert model.rows_read == PAGE  # the view shows that page next: nothing more read


def test_search_results_are_read_a_page_at_a_time_as_they_are_shown(big):
    model = LibraryModel()
    model.set_source(ArticleList(big, None))
    model.set_search("harb", -1)  # by relevance, as the search field asks
    found = ArticleList(big, None).search("harb")
    assert model.rowCount() == len(found.ids) > 2 * PAGE and model.rows_read == 0
    assert model.summary(0).id == found.ids[0]
    assert model.rows_read == PAGE  # the first page of matches, not all of them
    assert model.summary(2 * PAGE + 1).id == found.ids[2 * PAGE + 1]
    assert model.rows_read == 2 * PAGE
    assert model.known_row(found.ids[-1]) == len(found.ids) - 1  # no page read to know it


def test_a_search_scrolled_to_its_end_reads_only_the_rows_shown(qtbot, qapp, big):
    """Columns sized to their contents made Qt measure every match when the last rows do not
    fill the view, reading all 300 at each keystroke."""
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_source(ArticleList(big, None))
    panel.search.setText("harb")
    assert panel.model.rowCount() == 3 * PAGE
    last = ArticleList(big, None).search("harb").ids[-1]
    panel.select_article(last)  # kept selected, and scrolled to, as the list is read anew
    panel.search.setText("harbo")  # the same matches, read anew
    panel.table.viewport().repaint()
    qapp.processEvents()  # the view's posted layout, which did the measuring
    assert panel.selected_ids() == [last]
    assert panel.model.rows_read == PAGE  # the last page, which the view shows
    date = panel.table.horizontalHeader().sectionSize(DATE)
    assert date >= panel.table.fontMetrics().horizontalAdvance("2026-12-31")


def test_a_shown_panel_reads_a_few_pages(qtbot, big):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_source(ArticleList(big, None))
    qtbot.waitUntil(lambda: panel.model.rows_read > 0)
    assert panel.model.rows_read <= 3 * PAGE
    assert panel.status.text() == "1,000 articles"
    panel.table.scrollToBottom()
    assert panel.model.summary(999).title and panel.model.rows_read <= 5 * PAGE


def test_sorting_by_each_column_follows_the_library(big):
    model = LibraryModel()
    model.set_source(ArticleList(big, None))
    for column in (TITLE, OUTLET, DATE, ENTITIES):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            shown = [model.index(row, column).data() for row in range(0, 1_000, 37)]
            if column == ENTITIES:
                assert shown == ["…"] * len(shown)  # nothing analysed yet
                continue
            key = str.casefold if column != DATE else str
            descending = order == Qt.SortOrder.DescendingOrder
            assert [key(x) for x in shown] == sorted(map(key, shown), reverse=descending)
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, TITLE).data() == "Story 00000"


@pytest.fixture
def session(qtbot):
    session = Session()
    assert session.open_library(None)
    for title, body in [
        ("Fire at the port", "Firefighters fought the blaze near al-Tash for hours."),
        ("Talks resume", "Negotiators met in Geneva on Monday, Reuters reported."),
        ("Quiet day", "Nothing happened in the capital, not even talks."),
    ]:
        session.import_text(make_text(body, title, f"{title}.txt"))
    return session


@pytest.fixture
def panel(qtbot, session):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_source(ArticleList(session.library, None))
    return panel


def titles(panel):
    model = panel.model
    return [model.index(row, TITLE).data() for row in range(model.rowCount())]


def test_search_as_you_type_filters_by_full_text(panel, qtbot):
    assert len(titles(panel)) == 3
    qtbot.keyClicks(panel.search, "gene")  # a prefix of "Geneva", in the text only
    assert titles(panel) == ["Talks resume"]
    assert panel.status.text() == "Showing 1 matching article"
    panel.search.clear()
    qtbot.keyClicks(panel.search, '"')  # nothing to search for: everything listed
    assert len(titles(panel)) == 3
    qtbot.keyClicks(panel.search, ' al-Tash "')
    assert titles(panel) == ["Fire at the port"]


def test_search_ranks_then_sorts_by_a_column_and_clearing_brings_the_sort_back(
    panel, session, qtbot
):
    for n in range(5):  # bm25 weighs a word by how rare it is: make it rare
        session.import_text(make_text(f"Weather report {n}.", f"Weather {n}", f"w{n}.txt"))
    panel.set_source(ArticleList(session.library, None))
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(panel.search, "talks")
    assert titles(panel) == ["Talks resume", "Quiet day"]  # the title match first
    assert panel.table.horizontalHeader().sortIndicatorSection() == -1
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(panel) == ["Quiet day", "Talks resume"]
    panel.search.clear()
    assert titles(panel)[:3] == ["Fire at the port", "Quiet day", "Talks resume"]
    assert panel.table.horizontalHeader().sortIndicatorSection() == TITLE


def test_sorting_by_title(panel):
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(panel) == ["Fire at the port", "Quiet day", "Talks resume"]


def test_selection_survives_a_refresh(panel, session):
    panel.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    panel.table.selectRow(0)
    panel.table.selectionModel().select(
        panel.model.index(2, TITLE),
        panel.table.selectionModel().SelectionFlag.Select
        | panel.table.selectionModel().SelectionFlag.Rows,
    )
    chosen = sorted(panel.selected_ids())
    assert len(chosen) == 2
    session.import_text(make_text("Aardvarks escaped from the zoo.", "Aardvarks", "a.txt"))
    panel.set_source(ArticleList(session.library, None))  # the new article comes first
    assert titles(panel)[0] == "Aardvarks"
    assert sorted(panel.selected_ids()) == chosen
    assert panel.model.summary(panel.table.currentIndex().row()).title == "Fire at the port"


def test_rename_and_delete_reach_the_library(panel, session, qtbot):
    panel.model.rename_requested.connect(session.rename)
    panel.delete_requested.connect(session.delete_articles)
    first = panel.model.index(0, TITLE)
    article_id = panel._id_at(first)
    panel.model.setData(first, "Renamed")
    assert session.articles.get(article_id).metadata.title == "Renamed"
    panel.table.setCurrentIndex(panel.model.index(0, TITLE))
    panel.table.selectRow(0)
    with qtbot.waitSignal(panel.delete_requested) as asked:
        panel.delete_action.trigger()
    doomed = asked.args[0]
    assert session.articles.count() == 2
    assert all(s.id not in doomed for s in session.summaries())


def test_editing_a_title_asks_for_a_rename(qtbot, panel):
    model = panel.model
    with qtbot.waitSignal(model.rename_requested) as renamed:
        assert model.setData(model.index(0, TITLE), "  New title ")
    assert renamed.args == [model.summary(0).id, "New title"]
    assert not model.setData(model.index(0, TITLE), "   ")
    panel.set_read_only(True)
    assert not model.flags(model.index(0, TITLE)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, ENTITIES).data() == "…"  # not analysed yet


def test_a_saved_analysis_changes_the_counts_without_reading_the_list_anew(panel, session, qtbot):
    panel.table.selectRow(1)
    chosen = panel.selected_ids()
    article_id = panel.model.summary(0).id
    found = [Entity(0, 4, "GPE", "Fire", "Fire")] * 2
    EntityStore(session.library).save(article_id, "p1", found)
    reset, changed = panel.model.modelReset, panel.model.dataChanged
    with qtbot.assertNotEmitted(reset), qtbot.waitSignal(changed):
        panel.model.update_counts(ArticleList(session.library, "p1"))
    assert panel.model.index(0, ENTITIES).data() == 2
    assert panel.selected_ids() == chosen
    panel.model.update_counts(ArticleList(session.library, "p2"))  # another pipeline
    assert panel.model.index(0, ENTITIES).data() == "…"


def test_the_keyboard_reaches_the_end_of_a_long_list_reading_only_its_pages(qtbot, big):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_source(ArticleList(big, None))
    panel.show()
    qtbot.waitExposed(panel)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(0, TITLE))
    qtbot.keyClick(panel.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert panel.table.currentIndex().row() == 999
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert panel.table.currentIndex().row() == 998
    assert panel.model.rows_read <= 4 * PAGE  # the first and last pages, not the middle
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [panel.model.summary(998).id]


def test_sorted_by_count_a_saved_analysis_leaves_the_rows_in_place(panel, session, qtbot):
    panel.model.update_counts(ArticleList(session.library, "p1"))
    panel.table.sortByColumn(ENTITIES, Qt.SortOrder.DescendingOrder)
    before = titles(panel)
    last = panel.model.summary(2).id
    EntityStore(session.library).save(last, "p1", [Entity(0, 4, "GPE", "Fire", "Fire")] * 5)
    with qtbot.assertNotEmitted(panel.model.modelReset):
        panel.model.update_counts(ArticleList(session.library, "p1"))
    assert titles(panel) == before and panel.model.index(2, ENTITIES).data() == 5
    panel.table.sortByColumn(ENTITIES, Qt.SortOrder.DescendingOrder)  # sorted again: first
    assert panel.model.summary(0).id == last


def test_a_narrow_panel_keeps_the_titles_readable(qtbot, panel):
    panel.show()
    panel.resize(280, 400)
    qtbot.waitUntil(lambda: panel.table.isColumnHidden(OUTLET))
    assert not panel.table.isColumnHidden(ENTITIES) and not panel.table.isColumnHidden(DATE)
    assert panel.table.columnWidth(TITLE) >= 90  # was 25 px: every title an ellipsis
    panel.resize(600, 400)
    qtbot.waitUntil(lambda: not panel.table.isColumnHidden(OUTLET))


def test_a_click_opens_the_article_and_a_ctrl_click_only_selects(qtbot, panel):
    panel.show()
    opened = []
    panel.open_requested.connect(opened.append)
    first, second = (panel.table.visualRect(panel.model.index(row, TITLE)) for row in (0, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=first.center())
    assert opened == [panel.model.summary(0).id]
    qtbot.mouseClick(
        panel.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
        second.center(),
    )  # fmt: skip
    assert len(panel.selected_ids()) == 2 and len(opened) == 1
