"""Relations between figures across articles (cross_claim_relations), and the figures' verdicts.

ClaimLinkStore reads what a person decided about figures for the library-wide Claims view:
each figure's verdict (claim_assessments) and its relations, within its article
(claim_relations) and across articles (cross_claim_relations). People set these one by one,
so there are few: each read takes the whole table and keeps the figures asked about.
take_rows/restore_rows keep an article's cross relations in its snapshot for undo.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from gui.core.library.commands import TableRows
from gui.core.sourcing.commands import claim_key
from gui.core.storage.database import Library, LibraryError, utc_now
from gui.core.tracing.claim_links import (
    ClearCrossClaimRelation,
    CrossClaimCommand,
    CrossClaimRelation,
    Figure,
    FigureRelation,
    SetCrossClaimRelation,
    ordered,
)

TABLE = "cross_claim_relations"
COLUMNS = ("article_a", "key_a", "article_b", "key_b", "relation", "note", "modified")
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM {TABLE}"
_PAIR = " WHERE article_a = ? AND key_a = ? AND article_b = ? AND key_b = ?"
_REPLACE = f"INSERT OR REPLACE INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * 7)})"
# A row of a snapshot comes back only while its other article is there (it may be gone since).
_RESTORE = (
    f"INSERT OR IGNORE INTO {TABLE} ({', '.join(COLUMNS)}) SELECT ?, ?, ?, ?, ?, ?, ?"
    " WHERE (SELECT count(*) FROM articles WHERE id IN (?, ?)) = 2"
)
_CROSS = (  # every cross relation, with where each end was published
    "SELECT r.article_a, r.key_a, r.article_b, r.key_b, r.relation,"
    " a.outlet, a.published, b.outlet, b.published FROM cross_claim_relations AS r"
    " JOIN articles AS a ON a.id = r.article_a JOIN articles AS b ON b.id = r.article_b"
)
_WITHIN = (  # every relation within an article, with where it was published
    "SELECT r.article_id, r.key_a, r.key_b, r.relation, a.outlet, a.published"
    " FROM claim_relations AS r JOIN articles AS a ON a.id = r.article_id"
)

Handler = Callable[[Library, Any], CrossClaimCommand]


class ClaimLinkStore:
    """Reads of the verdicts and relations of figures, for figures of any article."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def relation(self, first: Figure, second: Figure) -> CrossClaimRelation | None:
        """The relation between two figures of different articles (either order), or None."""
        (a, key_a), (b, key_b) = ordered(first, second)
        rows = self._rows(_SELECT + _PAIR, [a, key_a, b, key_b])
        return CrossClaimRelation(*rows[0]) if rows else None

    def relations(
        self, figures: Iterable[Figure] | None = None
    ) -> dict[Figure, list[FigureRelation]]:
        """Each of these figures' relations (within its article and across), as set (None:
        of every figure a person related, a few)."""
        wanted = None if figures is None else set(figures)
        found: dict[Figure, list[FigureRelation]] = {}
        for a, key_a, b, key_b, relation, outlet_a, day_a, outlet_b, day_b in self._rows(_CROSS):
            if wanted is None or (a, key_a) in wanted:
                found.setdefault((a, key_a), []).append(
                    FigureRelation(relation, b, key_b, outlet_b, day_b)
                )
            if wanted is None or (b, key_b) in wanted:
                found.setdefault((b, key_b), []).append(
                    FigureRelation(relation, a, key_a, outlet_a, day_a)
                )
        for article, key_a, key_b, relation, outlet, day in self._rows(_WITHIN):
            for this, other in ((key_a, key_b), (key_b, key_a)):
                if wanted is None or (article, this) in wanted:
                    found.setdefault((article, this), []).append(
                        FigureRelation(relation, article, other, outlet, day)
                    )
        return found

    def article_relations(self, article_id: int) -> list[tuple[str, FigureRelation]]:
        """(own claim key, relation) of each cross relation of one article's figures."""
        sql = _CROSS + " WHERE r.article_a = ? OR r.article_b = ? ORDER BY 1, 2, 3, 4"
        found = []
        for a, key_a, b, key_b, relation, outlet_a, day_a, outlet_b, day_b in self._rows(
            sql, [article_id, article_id]
        ):
            if a == article_id:
                found.append((key_a, FigureRelation(relation, b, key_b, outlet_b, day_b)))
            else:
                found.append((key_b, FigureRelation(relation, a, key_a, outlet_a, day_a)))
        return found

    def figure_keys(self, article_id: int) -> list[str]:
        """The claim keys (text@start) of an article's figures, in the order of its text."""
        sql = "SELECT text, start FROM numeric_claims WHERE article_id = ? ORDER BY start"
        return [claim_key(text, start) for text, start in self._rows(sql, [article_id])]

    def verdicts(self, figures: Iterable[Figure] | None = None) -> dict[Figure, str]:
        """The status a person gave each of these figures (None: every figure), only those
        they judged."""
        rows = self._rows("SELECT article_id, claim_key, status FROM claim_assessments")
        if figures is None:
            return {(a, key): status for a, key, status in rows}
        wanted = set(figures)
        return {(a, key): status for a, key, status in rows if (a, key) in wanted}

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a query, SQLite failures as LibraryError."""
        with self._library.errors():
            return self._library.db.execute(sql, list(params)).fetchall()


# Snapshots


def take_rows(db: Database, article_id: int) -> tuple[TableRows, ...]:
    """The cross relations of an article's figures, to be put back by restore_rows."""
    sql = f"{_SELECT} WHERE article_a = ? OR article_b = ? ORDER BY article_a, key_a, article_b"
    return ((TABLE, tuple(db.execute(sql, [article_id, article_id]).fetchall())),)


def restore_rows(db: Database, rows: Sequence[TableRows]) -> None:
    """Insert rows taken by take_rows, those whose two articles are in the library."""
    for table, table_rows in rows:
        if table != TABLE:
            raise LibraryError(f"Cannot restore rows of an unknown table {table!r}.")
        db.conn.executemany(_RESTORE, [(*row, row[0], row[2]) for row in table_rows])


# Command handlers (called by commands_store inside its transaction)


def _set(library: Library, command: SetCrossClaimRelation) -> CrossClaimCommand:
    """Relate two figures (kept in order); the inverse puts back the old relation or clears."""
    c = command
    (a, key_a), (b, key_b) = ordered((c.article_a, c.key_a), (c.article_b, c.key_b))
    there = library.db.execute("SELECT count(*) FROM articles WHERE id IN (?, ?)", [a, b])
    if there.fetchone()[0] != 2:
        raise LibraryError("One of the two articles is no longer in the library.")
    old = ClaimLinkStore(library).relation((a, key_a), (b, key_b))
    library.db.execute(_REPLACE, [a, key_a, b, key_b, c.relation, c.note, c.modified or utc_now()])
    if old is None:
        return ClearCrossClaimRelation(a, key_a, b, key_b)
    return SetCrossClaimRelation.of(old)


def _clear(library: Library, command: ClearCrossClaimRelation) -> CrossClaimCommand:
    """Take a relation away; the inverse puts it back with its time."""
    c = command
    old = ClaimLinkStore(library).relation((c.article_a, c.key_a), (c.article_b, c.key_b))
    if old is None:
        raise LibraryError("That relation is no longer in the library.")
    pair = [old.article_a, old.key_a, old.article_b, old.key_b]
    library.db.execute(f"DELETE FROM {TABLE}" + _PAIR, pair)
    return SetCrossClaimRelation.of(old)


HANDLERS: dict[type, Handler] = {SetCrossClaimRelation: _set, ClearCrossClaimRelation: _clear}
