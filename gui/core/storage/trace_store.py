"""Reads of the findings rows for tracing a statement across the library: its quotes.

The rows tables (quotes, quotes_fts, relays: migration 9) are written with every
SaveFindings; this store only reads them, and hands out the tracing core's typed values.
Candidates for a trace come from FTS5 and are few: the core compares only those, never
every quote of the library.
"""

from __future__ import annotations

from collections.abc import Sequence

from gui.core.storage.database import Library
from gui.core.tracing.model import Appearance

CANDIDATES = 400  # quotes the full-text index hands over for one trace, best first
_CHUNK = 500  # ids per IN (...) list, well below SQLite's limit on parameters

_QUOTE_COLUMNS = (
    'q.id, q.article_id, a.title, a.outlet, a.published, q.start, q."end", q.text, q.speaker,'
    " q.speaker_key, q.attribution, q.anonymous"
)
_QUOTES = f"SELECT {_QUOTE_COLUMNS} FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"


class TraceStore:
    """Read-only queries over the quotes of the whole library."""

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

    def document_counts(self, words: Sequence[str]) -> dict[str, int]:
        """In how many quotes each word is (words the index does not hold are left out)."""
        words = list(dict.fromkeys(words))
        if not words:
            return {}
        with self._library.errors():
            self._db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.quotes_vocab"
                " USING fts5vocab(main, quotes_fts, 'row')"
            )
            rows = self._db.execute(
                "SELECT term, doc FROM temp.quotes_vocab"
                f" WHERE term IN ({', '.join('?' * len(words))})",
                words,
            ).fetchall()
        return {term: int(doc) for term, doc in rows}

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
