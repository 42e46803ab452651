"""Bounded reads for the reports: the quotes people marked, figures by event, the library's counts.

A report of a library of 100,000 articles lists a few of everything: each read here takes a
limit and says how many there are in all, so that the report can say how many it left out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from gui.core.storage.database import Library
from gui.core.tracing.claims import ClaimFigure

QUOTE_LABEL = "quot"  # a label whose name holds it ("Quote", "Direct quotation") marks quotes
_CHUNK = 400  # values per IN (...) list, well below SQLite's limit on parameters
_OVERLAPS = 'q.article_id = n.article_id AND q.start < n."end" AND n.start < q."end"'
# One row per found quote that a person's annotation overlaps, with who marked it and how.
_MARKED_QUOTES = f"""
SELECT q.article_id, q.attribution, q.start, q."end", q.text,
       json_group_array(DISTINCT n.annotator), json_group_array(DISTINCT l.name)
FROM annotations AS n JOIN labels AS l ON l.id = n.label_id
JOIN quotes AS q ON {_OVERLAPS}
WHERE n.orphaned = 0 {{where}}
GROUP BY q.id
"""
# Annotations with a quote label over text the findings hold no quote in.
_LABELLED = f"""
SELECT n.article_id, 0, n.start, n."end", n.exact, json_array(n.annotator), json_array(l.name)
FROM annotations AS n JOIN labels AS l ON l.id = n.label_id
WHERE n.orphaned = 0 AND instr(lower(l.name), '{QUOTE_LABEL}') > 0 {{where}}
AND NOT EXISTS (SELECT 1 FROM quotes AS q WHERE {_OVERLAPS})
"""
_COLUMNS = (
    'c.article_id, a.title, a.outlet, a.published, c.claim, c.start, c."end",'
    " c.text, c.value, c.counted, c.event, c.source, c.via"
)
_FROM = "FROM numeric_claims AS c JOIN articles AS a ON a.id = c.article_id"


@dataclass(frozen=True)
class MarkedRow:
    """A span a person marked that is (or holds part of) a quote: where, who, with which labels."""

    article_id: int
    attribution: int  # the found quote's id in its article; 0 for a quote-labelled span
    start: int
    end: int
    text: str
    annotators: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class LibraryCounts:
    """How much the library holds, for the library report's summary."""

    articles: int
    analysed: int  # articles with findings rows
    outlets: int
    quotes: int
    figures: int
    annotations: int


class ReportRowsStore:
    """Read-only, bounded queries for the article and library reports."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def marked(self, article_id: int | None = None, limit: int = -1) -> list[MarkedRow]:
        """The marked quotes of an article (None: of the library), by article and place."""
        where, params = (
            ("AND n.article_id = ?", [article_id]) if article_id is not None else ("", [])
        )
        sql = (
            f"SELECT * FROM ({_MARKED_QUOTES.format(where=where)}"
            f" UNION ALL {_LABELLED.format(where=where)}) ORDER BY 1, 3, 4 LIMIT ?"
        )
        rows = self._rows(sql, [*params, *params, limit])
        return [
            MarkedRow(*row[:5], _names(row[5]), _names(row[6]))  # type: ignore[arg-type]
            for row in rows
        ]

    def marked_count(self) -> int:
        """How many marked quotes the library has in all."""
        sql = (
            f"SELECT count(*) FROM ({_MARKED_QUOTES.format(where='')}"
            f" UNION ALL {_LABELLED.format(where='')})"
        )
        return int(self._rows(sql, [])[0][0])

    def article_pairs(self, article_id: int) -> list[tuple[str, str]]:
        """The (event, counted) pairs of an article's figures."""
        sql = "SELECT DISTINCT event, counted FROM numeric_claims WHERE article_id = ?"
        return [(e or "", c or "") for e, c in self._rows(sql, [article_id])]

    def figures_of(
        self, pairs: Sequence[tuple[str, str]], limit: int, article_id: int = 0, every: int = 1
    ) -> list[ClaimFigure]:
        """At most limit figures of these pairs by date, one in `every`; all of article_id's too.

        One in every n, not the first n: a timeline of many figures still spans its days.
        """
        where, params = self._pairs(pairs)
        order = "coalesce(nullif(a.published, ''), '~'), c.article_id, c.start"
        ranked = (
            f"SELECT * FROM (SELECT {_COLUMNS}, row_number() OVER (ORDER BY {order}) AS n"
            f" {_FROM}{where}) WHERE (n - 1) % ? = 0 ORDER BY n LIMIT ?"
        )
        found = self._figures(ranked, [*params, max(every, 1), limit])
        if article_id:
            more = f"SELECT {_COLUMNS} {_FROM}{where} AND c.article_id = ?"
            held = {(f.article_id, f.claim) for f in found}
            extra = self._figures(more, [*params, article_id])
            found += [f for f in extra if (f.article_id, f.claim) not in held]
        return found

    def figure_counts(self, pairs: Sequence[tuple[str, str]]) -> tuple[int, int]:
        """(figures, articles) of these pairs in the whole library."""
        where, params = self._pairs(pairs)
        sql = "SELECT count(*), count(DISTINCT c.article_id) FROM numeric_claims AS c" + where
        figures, articles = self._rows(sql, params)[0]
        return int(figures), int(articles)

    def counts(self) -> LibraryCounts:
        """The library's articles, analysed articles, outlets, quotes, figures, annotations."""
        sql = (
            "SELECT (SELECT count(*) FROM articles),"
            " (SELECT count(DISTINCT article_id) FROM finding_sets),"
            " (SELECT count(DISTINCT outlet) FROM articles WHERE outlet != ''),"
            " (SELECT count(*) FROM quotes), (SELECT count(*) FROM numeric_claims),"
            " (SELECT count(*) FROM annotations)"
        )
        return LibraryCounts(*(int(value) for value in self._rows(sql, [])[0]))

    def _pairs(self, pairs: Sequence[tuple[str, str]]) -> tuple[str, list[str]]:
        """A WHERE clause matching these (event, counted) pairs, and its parameters."""
        chosen = list(dict.fromkeys(pairs))[:_CHUNK] or [("", "\x00")]
        values = ", ".join("(?, ?)" for _ in chosen)
        params = [value for pair in chosen for value in pair]
        return f" WHERE (c.event, c.counted) IN (VALUES {values})", params

    def _figures(self, sql: str, params: Sequence[object]) -> list[ClaimFigure]:
        """The ClaimFigures sql selects (_COLUMNS first)."""
        return [ClaimFigure(*row[:12], via=row[12] or "") for row in self._rows(sql, params)]

    def _rows(self, sql: str, params: Sequence[object]) -> list[tuple]:
        """The rows of a read."""
        with self._library.errors():
            return self._db.execute(sql, list(params)).fetchall()


def _names(packed: str) -> tuple[str, ...]:
    """The names of a JSON array SQLite made, sorted, without blanks."""
    return tuple(sorted({name for name in json.loads(packed or "[]") if name}))
