"""The library list as SQL answers it: counted, sorted and searched in the database, read a page
at a time, so that a list of 100,000 articles costs what the rows on screen cost.

Sorting by title, outlet or date reads the index on the sort key (migration 10) and pages
through it; sorting by entity count, which depends on the chosen pipeline, reads the ids in that
order once. Search as you type ranks matches with bm25 (title first) and keeps the best few
hundred; a query so short that it matches most of the library ranks its newest matches only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gui.core.articles import ArticleSummary
from gui.core.storage.database import Library, open_library
from gui.core.storage.migration_10_library_list import (
    OUTLET,
    SHOWN_DATE,
    SHOWN_TITLE,
    sort_key,
)
from gui.core.storage.migration_15_article_count import COUNT
from gui.core.storage.search import fts_query

TITLE, OUTLET_COLUMN, DATE, ENTITIES = "title", "outlet", "date", "entities"
RELEVANCE = "relevance"  # the order of search results before the user picks a column
SEARCH_LIMIT = 300  # the best matches a search lists
RANKED_AT_MOST = 3_000  # a search ranks at most this many matches, the newest ones
MATCH_COUNT_CAP = 10_000  # matches are counted up to here ("more than 10,000")
# Title, outlet, byline, body: a word in the title counts most.
_BM25 = "bm25(articles_fts, 10.0, 4.0, 2.0, 1.0)"

_KEYS = {
    TITLE: sort_key(SHOWN_TITLE),
    OUTLET_COLUMN: sort_key(OUTLET),
    DATE: sort_key(SHOWN_DATE),
    ENTITIES: "coalesce(entity_count, -1)",
}
_COUNT = """(SELECT an.entity_count FROM analyses AS an
    WHERE an.article_id = a.id AND an.content_hash = a.content_hash {pipeline}
    ORDER BY an.analysed_at DESC LIMIT 1)"""
# Shown: the ISO date, else the date as the source wrote it; sorted: the ISO date, else the
# import date (raw text would sort wrongly).
_COLUMNS = (
    "a.id, a.title, a.outlet,"
    " CASE a.published WHEN '' THEN a.published_raw ELSE a.published END,"
    " {count} AS entity_count, a.imported_at"
)


@dataclass(frozen=True)
class ListOrder:
    """How the list is sorted: a column (or relevance, for search results) and a direction."""

    column: str = DATE
    descending: bool = True

    def sql(self) -> str:
        """The ORDER BY terms; ties go by id in the same direction, so the index serves both."""
        way = " DESC" if self.descending else ""
        return f"{_KEYS[self.column]}{way}, a.id{way}"


@dataclass(frozen=True)
class Found:
    """The best matches of a search (their ids, in order: the rows are read as they are
    shown, by_ids), and how many articles match in all (up to a cap)."""

    ids: list[int]
    matches: int
    capped: bool  # more than matches articles match


@dataclass(frozen=True)
class Located:
    """Where an article is in the list: its row, and the page of rows it falls in."""

    row: int
    page: list[ArticleSummary]


class ArticleList:
    """Reads the library list of one library, entity counts as the given pipeline found them."""

    def __init__(self, library: Library, pipeline_id: str | None) -> None:
        self._library = library
        self._db = library.db
        mine = "" if pipeline_id is None else "AND an.pipeline_id = :pipeline"
        self._count = _COUNT.format(pipeline=mine)
        self._columns = _COLUMNS.format(count=self._count)
        self._params: dict[str, object] = {"pipeline": pipeline_id}

    @property
    def is_open(self) -> bool:
        """False once the library is closed (a list shown from it has nothing left to read)."""
        return not self._library.closed

    def count(self) -> int:
        """How many articles the library holds (one row kept by triggers, not a count(*) that
        walks an index: 60-140 ms at 100,000 articles when its pages are not in memory)."""
        return int(self._fetch(COUNT)[0][0])

    def page(self, order: ListOrder, offset: int, limit: int) -> list[ArticleSummary]:
        """limit rows of the whole list in order, from offset on."""
        if order.column == ENTITIES:
            return self.by_ids(self.ordered_ids(order)[offset : offset + limit])
        sql = f"SELECT {self._columns} FROM articles AS a ORDER BY {order.sql()}"
        rows = self._fetch(f"{sql} LIMIT :limit OFFSET :offset", limit=limit, offset=offset)
        return [ArticleSummary(*row) for row in rows]

    def ordered_ids(self, order: ListOrder) -> list[int]:
        """Every article id in order (for the orders no index serves: entity counts)."""
        sql = f"SELECT a.id, {self._count} AS entity_count FROM articles AS a"
        return [row[0] for row in self._fetch(f"{sql} ORDER BY {order.sql()}")]

    def by_ids(self, article_ids: list[int]) -> list[ArticleSummary]:
        """The rows of these articles, in the order given (unknown ids left out)."""
        if not article_ids:
            return []
        marks = ", ".join(str(int(i)) for i in article_ids)
        rows = self._fetch(f"SELECT {self._columns} FROM articles AS a WHERE a.id IN ({marks})")
        found = {row[0]: ArticleSummary(*row) for row in rows}
        return [found[i] for i in article_ids if i in found]

    def position(self, article_id: int, order: ListOrder) -> int | None:
        """The row of an article in the whole list in order, or None when it is not there."""
        found = self._key_and_row(article_id, order)
        return None if found is None else found[1]

    def locate(self, article_id: int, order: ListOrder, size: int) -> Located | None:
        """An article's row in the list in order and the page of size rows it falls in (the
        page from row - row % size on), or None when it is not listed.

        The page is read from the article's sort key both ways through the index (its place
        is known), not by an OFFSET that walks the index from the top to it: on pages not in
        memory that walk took 50-300 ms at 100,000 articles.
        """
        if order.column == ENTITIES:
            ids = self.ordered_ids(order)
            if article_id not in ids:
                return None
            row = ids.index(article_id)
            start = row - row % size
            return Located(row, self.by_ids(ids[start : start + size]))
        found = self._key_and_row(article_id, order)
        if found is None:
            return None
        key, row = found
        back = ListOrder(order.column, not order.descending)
        before = self._beyond(key, article_id, back, row % size, inclusive=False)
        after = self._beyond(key, article_id, order, size - row % size, inclusive=True)
        return Located(row, before[::-1] + after)

    def _key_and_row(self, article_id: int, order: ListOrder) -> tuple[object, int] | None:
        key = _KEYS[order.column]
        row = self._fetch(f"SELECT {key} FROM articles AS a WHERE a.id = :id", id=article_id)
        if not row:
            return None
        before = ">" if order.descending else "<"
        sql = (
            f"SELECT (SELECT count(*) FROM articles AS a WHERE {key} {before} :key)"
            f" + (SELECT count(*) FROM articles AS a WHERE {key} = :key AND a.id {before} :id)"
        )
        return row[0][0], int(self._fetch(sql, key=row[0][0], id=article_id)[0][0])

    def _beyond(self, key, article_id: int, order: ListOrder, limit: int, inclusive: bool):
        """Up to limit rows from an article on (inclusive) or after it, in order.

        The key's range is what the index seeks to (SQLite does not seek an expression index
        by a row value); ties on the key go by id, as ListOrder.sql() sorts them.
        """
        if limit <= 0:
            return []
        way = "<" if order.descending else ">"
        tie = f"{way}=" if inclusive else way
        expression = _KEYS[order.column]
        sql = (
            f"SELECT {self._columns} FROM articles AS a WHERE {expression} {way}= :key"
            f" AND ({expression} {way} :key OR a.id {tie} :id)"
            f" ORDER BY {order.sql()} LIMIT :limit"
        )
        rows = self._fetch(sql, key=key, id=article_id, limit=limit)
        return [ArticleSummary(*row) for row in rows]

    def search(self, text: str, order: ListOrder | None = None) -> Found:
        """The best matches of a search-as-you-type string, by relevance or in order."""
        query = fts_query(text)
        if not query:
            return Found([], 0, False)
        matches = self._matches(query)
        # A short prefix matches most of the library: rank only its newest matches.
        floor = self._fetch(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :query"
            " ORDER BY rowid DESC LIMIT 1 OFFSET :skip",
            query=query,
            skip=RANKED_AT_MOST - 1,
        )
        best = (
            f"SELECT rowid, {_BM25} AS score FROM articles_fts WHERE articles_fts MATCH :query"
            " AND rowid >= :floor ORDER BY score, rowid DESC LIMIT :limit"
        )
        if order is None or order.column == RELEVANCE:
            # Ids only: the 300 rows' columns, read at once, were most of a first keystroke
            # (25-50 ms of pages not in memory at 100,000 articles); the list reads those shown.
            sql = best
        else:  # sorted by a column: its key is in the article's row
            sql = (
                f"SELECT {self._columns} FROM ({best}) AS m JOIN articles AS a"
                f" ON a.id = m.rowid ORDER BY {order.sql()}"
            )
        rows = self._fetch(sql, query=query, floor=floor[0][0] if floor else 0, limit=SEARCH_LIMIT)
        return Found([row[0] for row in rows], *matches)

    def newest_id(self) -> int | None:
        """The article imported last, or None in an empty library."""
        rows = self._fetch("SELECT id FROM articles ORDER BY imported_at DESC, id DESC LIMIT 1")
        return rows[0][0] if rows else None

    def contains(self, article_id: int) -> bool:
        """True when the library holds this article."""
        return bool(self._fetch("SELECT 1 FROM articles WHERE id = :id", id=article_id))

    def _matches(self, query: str) -> tuple[int, bool]:
        sql = (
            "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH :query"
            " LIMIT :cap)"
        )
        counted = int(self._fetch(sql, query=query, cap=MATCH_COUNT_CAP + 1)[0][0])
        return min(counted, MATCH_COUNT_CAP), counted > MATCH_COUNT_CAP

    def _fetch(self, sql: str, **params: object) -> list[tuple]:
        with self._library.errors():
            return self._db.execute(sql, {**self._params, **params}).fetchall()


def locate_at(
    path: Path,
    pipeline_id: str | None,
    article_id: int,
    order: ListOrder,
    size: int,
    progress: Callable[[int, int], None] | None = None,
) -> Located | None:
    """ArticleList.locate in the library file at path, through a read-only connection of its
    own: for a worker thread (on pages not in memory it reads 50-200 ms at 100,000 articles)."""
    library = open_library(path, read_only=True)
    try:
        return ArticleList(library, pipeline_id).locate(article_id, order, size)
    finally:
        library.close()
