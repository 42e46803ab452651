"""The library list read from SQL: pages in the old order, positions, ranked search, counts."""

from __future__ import annotations

import pytest

from gui.core.articles import ArticleSummary
from gui.core.entities.pipeline import Entity
from gui.core.storage import ArticleStore, EntityStore
from gui.core.storage.article_list import (
    DATE,
    ENTITIES,
    MATCH_COUNT_CAP,
    OUTLET_COLUMN,
    RELEVANCE,
    TITLE,
    ArticleList,
    ListOrder,
)

from .factories import imported

TITLES = ["banana split", "Apple pie", "", "cherry", "Zebra crossing", "apple tart", "Mango"]
OUTLETS = ["Reuters", "AP", "reuters", "BBC", "AP", "", "AFP"]
PUBLISHED = ["2020-05-01", "", "2019-01-02", "2021-07-07", "", "2018-03-03", "2022-02-02"]


@pytest.fixture
def listed(library):
    """Seven articles with mixed-case titles (one empty), outlets and dates (some unknown)."""
    store = ArticleStore(library)
    for n, (title, outlet, published) in enumerate(zip(TITLES, OUTLETS, PUBLISHED, strict=True)):
        store.add(
            imported(f"Body {n} about the harbour.", title, outlet=outlet, published=published)
        )
    return ArticleList(library, None)


def old_key(row: ArticleSummary, column: str):
    """A row's sort key as the panel's old sort proxy read it."""
    if column == TITLE:
        return (row.title or "Untitled article").casefold()
    if column == OUTLET_COLUMN:
        return row.outlet.casefold()
    if column == DATE:
        return row.published or row.imported_at
    return -1 if row.entity_count is None else row.entity_count


def keys(rows: list[ArticleSummary], column: str) -> list:
    return [old_key(row, column) for row in rows]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", [TITLE, OUTLET_COLUMN, DATE, ENTITIES])
def test_pages_come_in_the_old_order(library, listed, column, descending):
    everything = ArticleStore(library).summaries()
    rows = listed.page(ListOrder(column, descending), 0, 100)
    assert keys(rows, column) == sorted(keys(everything, column), reverse=descending)
    assert sorted(row.id for row in rows) == sorted(row.id for row in everything)


def test_pages_split_the_list_and_positions_find_rows(listed):
    order = ListOrder(TITLE, False)
    whole = listed.page(order, 0, 100)
    pieces = listed.page(order, 0, 3) + listed.page(order, 3, 3) + listed.page(order, 6, 3)
    assert pieces == whole and listed.count() == 7
    assert [listed.position(row.id, order) for row in whole] == list(range(7))
    assert listed.position(999, order) is None
    assert [row.title for row in whole][:3] == ["Apple pie", "apple tart", "banana split"]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("column", [TITLE, OUTLET_COLUMN, DATE, ENTITIES])
def test_an_article_is_located_with_the_page_it_falls_in(listed, column, descending):
    order = ListOrder(column, descending)
    whole = listed.page(order, 0, 100)
    for row, shown in enumerate(whole):  # outlets tie ("Reuters", "reuters"; "AP" twice)
        located = listed.locate(shown.id, order, 3)
        assert (located.row, located.page) == (row, listed.page(order, row - row % 3, 3))
    assert listed.locate(999, order, 3) is None


def test_locating_an_article_seeks_the_index_instead_of_walking_it(library, listed):
    """Its page is read from its key, not by an OFFSET that walks the list from the top."""
    orders = [ListOrder(column, way) for column in (TITLE, OUTLET_COLUMN, DATE) for way in (0, 1)]
    sixth = [listed.page(order, 5, 1)[0].id for order in orders]
    statements: list[str] = []
    library.db.conn.set_trace_callback(statements.append)
    try:
        for order, article_id in zip(orders, sixth, strict=True):
            listed.locate(article_id, order, 3)
    finally:
        library.db.conn.set_trace_callback(None)
    selects = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    assert selects and not [sql for sql in selects if "OFFSET" in sql.upper()]
    for sql in selects:
        plan = " ".join(str(row[-1]) for row in library.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SCAN a" not in plan.replace("SCAN an", ""), (sql, plan)


def test_sorting_reads_an_index_not_every_row(library, listed):
    for column in (TITLE, OUTLET_COLUMN, DATE):
        sql = (
            f"EXPLAIN QUERY PLAN SELECT a.id FROM articles AS a ORDER BY {ListOrder(column).sql()}"
        )
        plan = " ".join(str(row[-1]) for row in library.db.execute(sql).fetchall())
        assert "USING" in plan and "INDEX articles_by_" in plan and "TEMP B-TREE" not in plan


def test_search_ranks_a_title_above_a_mention_in_the_text(library):
    store = ArticleStore(library)
    best = store.add(imported("Both sides met again on Monday.", "Ceasefire holds"))
    store.add(imported("The harbour reopened; ceasefire talks went on elsewhere.", "Harbour news"))
    for n in range(5):  # bm25 weighs a word by how rare it is: make it rare
        store.add(imported(f"Nothing to report today ({n}).", f"Quiet {n}"))
    found = ArticleList(library, None).search("ceasef")
    assert found.ids[0] == best
    assert (len(found.ids), found.matches, found.capped) == (2, 2, False)
    assert ArticleList(library, None).search("nothing-at-all").matches == 0
    by_title = ArticleList(library, None).search("ceasefire", ListOrder(TITLE, False))
    titles = [row.title for row in ArticleList(library, None).by_ids(by_title.ids)]
    assert titles == ["Ceasefire holds", "Harbour news"]
    assert ArticleList(library, None).search("   ").ids == []


def test_a_search_matching_most_of_the_library_is_counted_up_to_a_cap(library, monkeypatch):
    monkeypatch.setattr("gui.core.storage.article_list.MATCH_COUNT_CAP", 5)
    monkeypatch.setattr("gui.core.storage.article_list.RANKED_AT_MOST", 4)
    monkeypatch.setattr("gui.core.storage.article_list.SEARCH_LIMIT", 3)
    store = ArticleStore(library)
    ids = [
        store.add(imported(f"Report number {n} from the front.", f"Report {n}")) for n in range(8)
    ]
    found = ArticleList(library, None).search("rep")
    assert (found.matches, found.capped) == (5, True)
    assert set(found.ids) <= set(ids[-4:])  # the newest matches are ranked
    assert len(found.ids) == 3
    assert MATCH_COUNT_CAP == 10_000


def test_entity_counts_follow_the_pipeline(library, listed):
    first = listed.page(ListOrder(DATE), 0, 1)[0].id
    entity = Entity(0, 4, "GPE", "Body", "Body")
    EntityStore(library).save(first, "p1", [entity] * 3)
    EntityStore(library).save(first, "p2", [entity])
    counts = {
        pipeline: ArticleList(library, pipeline).by_ids([first])[0].entity_count
        for pipeline in ("p1", "p2", "p3")
    }
    assert counts == {"p1": 3, "p2": 1, "p3": None}
    by_count = ArticleList(library, "p1").page(ListOrder(ENTITIES, True), 0, 2)
    assert [row.entity_count for row in by_count] == [3, None]
    assert ArticleList(library, "p2").search("harbour", ListOrder(RELEVANCE)).matches == 7


def test_newest_and_contains(library, listed):
    newest = ArticleStore(library).summaries()[0].id
    assert listed.newest_id() == newest and listed.contains(newest)
    assert not listed.contains(12345)
    assert ArticleList(library, None).newest_id() is not None


def test_a_date_as_the_source_wrote_it_is_shown_and_sorted_by_the_import_date(library, listed):
    raw = ArticleStore(library).add(imported("Body raw.", "Raw date", published="last Tuesday"))
    rows = listed.page(ListOrder(DATE, True), 0, 100)
    assert (rows[0].id, rows[0].published) == (raw, "last Tuesday")  # imported today: newest
