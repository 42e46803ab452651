"""Reading the finding rows of the whole library: typed rows out, one query each.

The rows are written by gui.core.storage.finding_rows_sync (the article's composed findings,
corrections applied); this store only reads. Look rows up by key with the normaliser that
wrote them: FindingRowsStore(library).quotes(speaker_key=name_key("Interior Ministry")).
Rows about an article carry its title, outlet and publication date (ISO 8601 or '').
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from gui.core.sourcing.keys import name_key
from gui.core.storage.database import Library
from gui.core.storage.search import fts_query

_ARTICLE_FIELDS = ("title", "outlet", "published")


@dataclass(frozen=True)
class QuoteRow:
    """One quote or reported statement, as the user corrected it."""

    id: int
    article_id: int
    attribution: int  # the attribution's id within the article's findings
    kind: str
    start: int  # what was said: code points into the article's body
    end: int
    text: str
    normalised: str  # quote_key(text)
    speaker: str  # as the article names them
    speaker_key: str  # "" when anonymous or unresolved
    speaker_type: str
    anonymous: bool
    quote_marks: bool
    paragraph: int
    via: str  # "AJ ← police"; "" when direct
    verb_class: str
    corrected: bool
    title: str
    outlet: str
    published: str


@dataclass(frozen=True)
class RelayRow:
    """One link of a quote's relay chain (position 0: the outermost)."""

    quote_id: int
    article_id: int
    position: int
    name: str
    name_key: str
    type: str
    text: str
    anonymous: bool
    channel: str
    title: str
    outlet: str
    published: str


@dataclass(frozen=True)
class SourceRow:
    """One source of an article (a row of the table sources; not the lens's SourceRow)."""

    article_id: int
    position: int  # rank in the article, most statements first
    name_key: str
    name: str
    type: str
    anonymous: bool
    statements: int
    relayed: int
    verify: bool
    channels: str
    title: str
    outlet: str
    published: str


@dataclass(frozen=True)
class HedgeRow:
    """A hedge or weasel cue."""

    article_id: int
    start: int
    end: int
    text: str
    cls: str  # the column "class"
    band: str
    speaker: str
    speaker_key: str
    title: str
    outlet: str
    published: str


@dataclass(frozen=True)
class ClaimRow:
    """A figure with what it counts, its event and its source."""

    article_id: int
    claim: int
    start: int
    end: int
    text: str
    value: float | None
    approximator: str
    counted: str
    window: str
    event: str
    source: str
    source_key: str
    via: str
    grp: int
    title: str
    outlet: str
    published: str


@dataclass(frozen=True)
class CheckRow:
    """One of the lens's checks (its verdict, if any: CheckStore)."""

    article_id: int
    key: str
    kind: str
    start: int | None
    end: int | None
    text: str
    message: str
    spans: int
    title: str
    outlet: str
    published: str


@dataclass(frozen=True)
class FindingSetRow:
    """Which findings an article's rows were made from, and its sourcing profile."""

    article_id: int
    findings_id: str
    analysed_at: str
    content_hash: str
    corrections: int
    named: int
    anonymous: int
    relayed_share: float
    primary_share: float
    secondary_share: float
    tertiary_share: float
    hedge_density: float
    unattributed: int
    chain_depth: int


Row = TypeVar("Row")
_COLUMN_OF = {"cls": "class"}  # field -> column, where Python cannot use the column's name


class FindingRowsStore:
    """Reads quotes, relays, sources, hedges, figures and checks across the library."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def finding_set(self, article_id: int) -> FindingSetRow | None:
        """What the article's rows were made from; None when it has none."""
        rows = self._select(FindingSetRow, "finding_sets", {"article_id": article_id})
        return rows[0] if rows else None

    def quotes(
        self,
        article_id: int | None = None,
        *,
        speaker_key: str | None = None,
        normalised: str | None = None,
        limit: int | None = None,
    ) -> list[QuoteRow]:
        """Quotes, by article and offset; narrowed to an article, a speaker key, a quote key."""
        where = {"article_id": article_id, "speaker_key": speaker_key, "normalised": normalised}
        return self._select(QuoteRow, "quotes", where, "t.article_id, t.start, t.id", limit)

    def search_quotes(self, text: str, limit: int = 50) -> list[QuoteRow]:
        """The quotes whose words match text (the last word as a prefix), best first."""
        query = fts_query(text)
        if not query:
            return []
        # Ranked and cut inside the index: only the rows shown are joined and read.
        ranked = (
            "(SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH :query"
            " ORDER BY rank LIMIT :limit) AS f JOIN quotes AS t ON t.id = f.rowid"
        )
        return self._select(QuoteRow, ranked, {}, "f.rank, t.id", limit, query=query)

    def count_quotes(self, text: str) -> int:
        """How many quotes match text, counted without reading them."""
        query = fts_query(text)
        if not query:
            return 0
        sql = "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?"
        with self._library.errors():
            return int(self._library.db.execute(sql, [query]).fetchone()[0])

    def relays(self, quote_id: int | None = None, *, name: str | None = None) -> list[RelayRow]:
        """Links of relay chains, of one quote or of everyone under one name (any spelling)."""
        where = {"quote_id": quote_id, "name_key": None if name is None else name_key(name)}
        return self._select(RelayRow, "relays", where, "t.quote_id, t.position")

    def sources(self, article_id: int | None = None, *, name: str | None = None) -> list[SourceRow]:
        """Sources of one article (by rank), or every article's source of one name."""
        where = {"article_id": article_id, "name_key": None if name is None else name_key(name)}
        return self._select(SourceRow, "sources", where, "t.article_id, t.position")

    def hedges(self, article_id: int | None = None) -> list[HedgeRow]:
        """Hedges, by article and offset."""
        where = {"article_id": article_id}
        return self._select(HedgeRow, "hedges", where, "t.article_id, t.start")

    def numeric_claims(
        self,
        article_id: int | None = None,
        *,
        event: str | None = None,
        counted: str | None = None,
    ) -> list[ClaimRow]:
        """Figures, by article and offset; narrowed to an event or to what they count."""
        where = {"article_id": article_id, "event": event, "counted": counted}
        return self._select(ClaimRow, "numeric_claims", where, "t.article_id, t.start")

    def checks(self, article_id: int | None = None, *, kind: str | None = None) -> list[CheckRow]:
        """Checks, by article and offset; narrowed to one kind."""
        where = {"article_id": article_id, "kind": kind}
        return self._select(CheckRow, "checks", where, "t.article_id, t.start, t.key")

    def _select(
        self,
        cls: type[Row],
        source: str,
        where: dict[str, Any],
        order: str = "t.rowid",
        limit: int | None = None,
        condition: str = "",
        query: str = "",
    ) -> list[Row]:
        """Rows of source (a table, or a join that names it t) as cls: its fields from t,
        the article's from articles."""
        names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
        columns = ", ".join(
            f"a.{name}" if name in _ARTICLE_FIELDS else f't."{_COLUMN_OF.get(name, name)}"'
            for name in names
        )
        params: dict[str, Any] = {"query": query, "limit": -1 if limit is None else limit}
        tests = [condition] if condition else []
        for column, value in where.items():
            if value is not None:
                tests.append(f't."{column}" = :{column}')
                params[column] = value
        sql = (
            f"SELECT {columns} FROM {source if ' ' in source else source + ' AS t'}"
            " JOIN articles AS a ON a.id = t.article_id"
            f" {'WHERE ' + ' AND '.join(tests) if tests else ''} ORDER BY {order} LIMIT :limit"
        )
        with self._library.errors():
            rows = self._library.db.execute(sql, params).fetchall()
        flags = [i for i, f in enumerate(fields(cls)) if f.type == "bool"]  # type: ignore[arg-type]
        return [cls(*_with_flags(row, flags)) for row in rows]


def _with_flags(row: Sequence[Any], flags: Sequence[int]) -> list[Any]:
    """A row with its 0/1 columns as bools."""
    values = list(row)
    for index in flags:
        values[index] = bool(values[index])
    return values
