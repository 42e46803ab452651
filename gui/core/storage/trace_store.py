"""Reads of the findings rows for tracing across the library: quotes, sources, figures, relays.

The rows tables (quotes, quotes_fts, relays, sources, numeric_claims; see the rows migration)
are written with every SaveFindings; this store only reads them, and hands out the tracing
core's typed values. Candidates for a trace come from FTS5 and are few: the core compares
only those, never every quote of the library.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from gui.core.storage.database import Library
from gui.core.storage.search import fts_query
from gui.core.tracing.claims import ClaimFigure
from gui.core.tracing.model import Appearance
from gui.core.tracing.outlets import RelayedStatement
from gui.core.tracing.sources import SourceMention

CANDIDATES = 400  # quotes the full-text index hands over for one trace, best first
_CHUNK = 500  # ids per IN (...) list, well below SQLite's limit on parameters

_QUOTE_COLUMNS = (
    'q.id, q.article_id, a.title, a.outlet, a.published, q.start, q."end", q.text, q.speaker,'
    " q.speaker_key, q.attribution, q.anonymous"
)
_QUOTES = f"SELECT {_QUOTE_COLUMNS} FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"


class TraceStore:
    """Read-only queries over the findings rows of the whole library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def quote(self, article_id: int, attribution: int) -> Appearance | None:
        """The article's quote with this attribution id, or None."""
        where = " WHERE q.article_id = ? AND q.attribution = ?"
        found = self._appearances(_QUOTES + where, [article_id, attribution])
        return found[0] if found else None

    def article_quotes(self, article_id: int) -> list[Appearance]:
        """The article's quotes in text order."""
        sql = _QUOTES + " WHERE q.article_id = ? ORDER BY q.start"
        return self._appearances(sql, [article_id])

    def article_place(self, article_id: int) -> tuple[str, str, str] | None:
        """(title, outlet, published) of an article, None when there is no such article."""
        with self._library.errors():
            row = self._db.execute(
                "SELECT title, outlet, published FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def candidates(self, words: Sequence[str], limit: int = CANDIDATES) -> list[Appearance]:
        """The quotes holding most of these words, best first (bm25), at most limit."""
        if not words:
            return []
        match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
        sql = (
            f"SELECT {_QUOTE_COLUMNS} FROM quotes_fts JOIN quotes AS q ON q.id = quotes_fts.rowid"
            " JOIN articles AS a ON a.id = q.article_id"
            " WHERE quotes_fts MATCH ? ORDER BY quotes_fts.rank LIMIT ?"
        )
        return self._appearances(sql, [match, limit])

    def source_mentions(self, search: str = "") -> list[SourceMention]:
        """Every source per name and outlet, with the articles and statements (search: names)."""
        where, params = "", []
        if search.strip():
            where, params = " WHERE s.name LIKE ? ESCAPE '\\'", [f"%{_like(search.strip())}%"]
        sql = (
            "SELECT group_concat(s.article_id), a.outlet, s.name, s.name_key, s.type,"
            " sum(s.anonymous > 0), sum(s.statements), sum(s.relayed)"
            " FROM sources AS s JOIN articles AS a ON a.id = s.article_id" + where + ""
            " GROUP BY s.name_key, s.name, s.type, a.outlet"
        )
        with self._library.errors():
            rows = self._db.execute(sql, params).fetchall()
        return [
            SourceMention(_ids(r[0]), r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), int(r[7]))
            for r in rows
        ]

    def source_keys_named(self, keys: Iterable[str]) -> list[SourceMention]:
        """The mentions of sources with these keys (to complete a search's alias groups)."""
        found: list[SourceMention] = []
        keys = list(dict.fromkeys(keys))
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            sql = (
                "SELECT group_concat(s.article_id), a.outlet, s.name, s.name_key, s.type,"
                " sum(s.anonymous > 0), sum(s.statements), sum(s.relayed)"
                f" FROM sources AS s JOIN articles AS a ON a.id = s.article_id"
                f" WHERE s.name_key IN ({marks}) GROUP BY s.name_key, s.name, s.type, a.outlet"
            )
            with self._library.errors():
                rows = self._db.execute(sql, chunk).fetchall()
            found += [
                SourceMention(_ids(r[0]), r[1], r[2], r[3], r[4], int(r[5]), int(r[6]), int(r[7]))
                for r in rows
            ]
        return found

    def claim_figures(self, search: str = "") -> list[ClaimFigure]:
        """Every figure, or those of articles matching search (full text) or naming it."""
        sql = (
            'SELECT c.article_id, a.title, a.outlet, a.published, c.claim, c.start, c."end",'
            " c.text, c.value, c.counted, c.event, c.source, c.via"
            " FROM numeric_claims AS c JOIN articles AS a ON a.id = c.article_id"
        )
        params: list[object] = []
        if search.strip():
            like = f"%{_like(search.strip())}%"
            sql += (
                " WHERE c.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                " OR c.counted LIKE ? ESCAPE '\\' OR c.event LIKE ? ESCAPE '\\'"
            )
            params = [fts_query(search), like, like]
        with self._library.errors():
            rows = self._db.execute(sql, params).fetchall()
        return [ClaimFigure(*row[:12], via=row[12] or "") for row in rows]

    def relayed(self) -> list[RelayedStatement]:
        """Every quote that came through someone, or whose speaker is an outlet, with its chain."""
        sql = (
            'SELECT q.id, q.article_id, a.outlet, q.start, q."end", q.text, q.speaker,'
            " q.speaker_type FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
            " WHERE q.via != '' OR q.speaker_type = 'outlet'"
        )
        with self._library.errors():
            rows = self._db.execute(sql).fetchall()
        chains = self._relays([row[0] for row in rows])
        found = []
        for qid, article_id, outlet, start, end, text, speaker, speaker_type in rows:
            hops = chains.get(qid, [])
            if speaker_type == "outlet":
                hops = [*hops, (speaker, "outlet")]
            found.append(RelayedStatement(article_id, outlet, start, end, text, tuple(hops)))
        return found

    def _appearances(self, sql: str, params: Sequence[object]) -> list[Appearance]:
        """Appearances of the quote rows sql selects (_QUOTE_COLUMNS), with their relays."""
        with self._library.errors():
            rows = self._db.execute(sql, list(params)).fetchall()
        chains = self._relays([row[0] for row in rows])
        return [
            Appearance(
                *row[1:8],
                speaker=row[8] or "",
                speaker_key=row[9] or "",
                via=tuple(name for name, _ in chains.get(row[0], [])),
                attribution=row[10],
                anonymous=bool(row[11]),
            )
            for row in rows
        ]

    def _relays(self, quote_ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
        """(name, type) of each quote's relays, outermost first, by quote id."""
        chains: dict[int, list[tuple[str, str]]] = {}
        for start in range(0, len(quote_ids), _CHUNK):
            chunk = list(quote_ids[start : start + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            sql = (
                f"SELECT quote_id, name, type FROM relays WHERE quote_id IN ({marks})"
                " ORDER BY quote_id, position"
            )
            with self._library.errors():
                for quote_id, name, kind in self._db.execute(sql, chunk):
                    chains.setdefault(quote_id, []).append((name, kind or ""))
        return chains


def _ids(text: str | None) -> tuple[int, ...]:
    """The distinct article ids of a group_concat, in order."""
    return tuple(sorted({int(part) for part in (text or "").split(",") if part}))


def _like(text: str) -> str:
    """text with LIKE's wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
