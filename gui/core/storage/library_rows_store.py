"""Reads of the findings rows across the library: sources, figures by event, outlet relays.

Every list is a sum SQLite keeps (source_totals, migration 13) or makes on an index
(migration 11); what lies behind one entry (a source's articles, an edge's statements, a
group's figures) is read when it is chosen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import partial

from gui.core.sourcing.keys import name_key
from gui.core.sourcing.known_outlets import MISTAKEN
from gui.core.storage.database import Library
from gui.core.storage.search import fts_query
from gui.core.storage.source_groups import current_groups, unsettled
from gui.core.tracing.claims import ClaimFigure
from gui.core.tracing.outlets import RelayedStatement
from gui.core.tracing.sources import SourceArticle, SourceMention

_CHUNK = 400  # values per IN (...) list, well below SQLite's limit on parameters
_GROUPED = (  # the sums of each key, name and type under the key's group (migration 14)
    "SELECT t.name, coalesce(g.root, t.name_key), t.type, t.articles, t.anonymous,"
    " t.statements, t.relayed FROM source_totals AS t"
    " LEFT JOIN source_groups AS g ON g.name_key = t.name_key"
)
_ROOTS_LIKE = (  # the groups with a key holding ? (a LIKE pattern)
    "SELECT DISTINCT coalesce(g.root, t.name_key) FROM source_totals AS t"
    " LEFT JOIN source_groups AS g ON g.name_key = t.name_key"
    " WHERE t.name_key LIKE ? ESCAPE '\\' AND t.name_key != ''"
)
_IN_GROUPS = (  # ... of the groups of the keys in the JSON list ? (each key a group's or alone)
    " WHERE t.name_key IN (SELECT value FROM json_each(?1)"
    " UNION SELECT name_key FROM source_groups WHERE root IN (SELECT value FROM json_each(?1)))"
)
_FIGURES = (
    'SELECT c.article_id, a.title, a.outlet, a.published, c.claim, c.start, c."end",'
    " c.text, c.value, c.counted, c.event, c.source, coalesce(c.via, '')"
    " FROM numeric_claims AS c JOIN articles AS a ON a.id = c.article_id"
)
_UNDECIDED = ("", ())  # the last fields of a ClaimFigure: no verdict, no relations
_FIGURE = partial(tuple.__new__, ClaimFigure)  # ClaimFigure._make without its length check
_MISTAKEN = ", ".join(f"'{kind}'" for kind in sorted(MISTAKEN))
_KNOWN = "(SELECT value FROM json_each(?1))"  # the keys known to name outlets (outlet_keys)


def _as_outlet(kind: str, key: str) -> str:
    """SQL: a source of this type and key column is an outlet: so typed, or typed a person or
    such under a key of the JSON list ?1 (outlet_keys), as sourcing.known_outlets decides."""
    return f"({kind} = 'outlet' OR ({kind} IN ({_MISTAKEN}) AND {key} IN {_KNOWN}))"


# In every query below ?1 is the outlet keys as a JSON list (_outlet_list), read once.
_SPEAKS_AS_OUTLET = _as_outlet("q.speaker_type", "q.speaker_key")  # quote q's speaker
_STATEMENTS = (  # a statement, and whether its speaker is an outlet
    f'SELECT q.id, q.article_id, a.outlet, q.start, q."end", q.text, q.speaker, {_SPEAKS_AS_OUTLET}'
    " FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
)
_OUTLET_HOPS = (  # the relays that are outlets: two index reads (the partial index of those
    # typed outlet, the name_key index for the keys of ?1), not a scan of every relay
    "WITH hops AS (SELECT quote_id, article_id, position, name FROM relays WHERE type = 'outlet'"
    " UNION ALL SELECT quote_id, article_id, position, name FROM relays"
    f" WHERE name_key IN {_KNOWN} AND type IN ({_MISTAKEN})) "
)
_OUTLET_BEFORE = (  # the name of the outlet relay before relay r in its chain, if any
    "(SELECT p.name FROM relays AS p WHERE p.quote_id = r.quote_id"
    f" AND {_as_outlet('p.type', 'p.name_key')} AND p.position < r.position"
    " ORDER BY p.position DESC LIMIT 1)"
)
_LAST_OUTLET = (  # the name of the last outlet relay of quote q, if any
    "(SELECT p.name FROM relays AS p WHERE p.quote_id = q.id"
    f" AND {_as_outlet('p.type', 'p.name_key')} ORDER BY p.position DESC LIMIT 1)"
)
_OUTLET_RELAYS = (  # (quote, name) of the outlet relays of the quotes in (...), in order
    f"SELECT quote_id, name FROM relays WHERE {_as_outlet('type', 'name_key')}"
    " AND quote_id IN ({marks}) ORDER BY quote_id, position"
)
_NEAR = (  # quote q reached outlet ?3 (its article's outlet, or one of its outlet relays)
    "(a.outlet = ?3 OR EXISTS (SELECT 1 FROM relays AS n WHERE n.quote_id = q.id"
    f" AND n.name = ?3 AND {_as_outlet('n.type', 'n.name_key')}))"
)
_THROUGH = (  # the quotes relayed by outlet ?2 (its key; or spoken by it: its name ?4) that
    # reached outlet ?3
    "SELECT q.id FROM relays AS r JOIN quotes AS q ON q.id = r.quote_id"
    " JOIN articles AS a ON a.id = q.article_id"
    f" WHERE r.name_key = ?2 AND {_as_outlet('r.type', 'r.name_key')} AND {_NEAR}"
    " UNION SELECT q.id FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
    f" WHERE q.speaker = ?4 AND {_SPEAKS_AS_OUTLET} AND {_NEAR}"
)
_LINKS = (  # (from, to, count) of the links between outlets: of each outlet relay to the
    # outlet relay before it (or the article's outlet), of each speaker to the last
    f"{_OUTLET_HOPS}SELECT r.name,"
    f" CASE WHEN r.position = 0 THEN a.outlet ELSE coalesce({_OUTLET_BEFORE}, a.outlet) END,"
    " count(*) FROM hops AS r JOIN articles AS a ON a.id = r.article_id GROUP BY 1, 2"
    f" UNION ALL SELECT q.speaker, coalesce({_LAST_OUTLET}, a.outlet), count(*) FROM quotes AS q"
    f" JOIN articles AS a ON a.id = q.article_id WHERE {_SPEAKS_AS_OUTLET} GROUP BY 1, 2"
)


class LibraryRowsStore:
    """Read-only sums and lists over the findings rows of the whole library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def source_mentions(self, keys: Iterable[str] | None = None) -> list[SourceMention]:
        """Every source, or those of these keys, summed up per key, name and type."""
        sql = (
            "SELECT name, name_key, type, articles, anonymous, statements, relayed"
            " FROM source_totals{where} ORDER BY name_key, name, type"
        )
        if keys is None:
            return self._mentions(sql.format(where=""), [])
        found: list[SourceMention] = []
        keys = list(dict.fromkeys(keys))
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            where = f" WHERE name_key IN ({', '.join('?' * len(chunk))})"
            found += self._mentions(sql.format(where=where), chunk)
        return found

    def grouped_mentions(self, search: str = "") -> list[SourceMention]:
        """Every source summed up per key, name and type, under its group's key (search:
        of the groups with a key that holds it; unkeyed sources apart, unkeyed_mentions).

        Right only while groups_settled(); else current_groups() says the groups.
        """
        if not search.strip():
            return self._mentions(_GROUPED, [])
        with self._library.errors():
            roots = [row[0] for row in self._db.execute(_ROOTS_LIKE, [_key_like(search)])]
        return self._mentions(_GROUPED + _IN_GROUPS, [json.dumps(roots)]) if roots else []

    def group_members(self, roots: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
        """Every key of each group of more than one key (the group's own among them); of
        these groups' keys only, when given."""
        sql = "SELECT root, name_key FROM source_groups WHERE root != name_key"
        params: list[str] = []
        if roots is not None:
            sql += " AND root IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(roots)))
        with self._library.errors():
            rows = self._db.execute(sql, params).fetchall()
        members: dict[str, list[str]] = {}
        for root, key in rows:
            members.setdefault(root, [root]).append(key)
        return {root: tuple(sorted(keys)) for root, keys in members.items()}

    def groups_settled(self) -> bool:
        """Whether the stored groups are those of the rows (no other program wrote since)."""
        with self._library.errors():
            return not unsettled(self._db)

    def current_groups(self) -> dict[str, str]:
        """The group of every named key, what others wrote settled in memory (slower)."""
        with self._library.errors():
            return current_groups(self._db)

    def source_keys_like(self, search: str) -> list[str]:
        """The keys that hold search (casefolded, spaces collapsed)."""
        like = _key_like(search)
        with self._library.errors():
            rows = self._db.execute(
                "SELECT DISTINCT name_key FROM source_totals WHERE name_key LIKE ? ESCAPE '\\'",
                [like],
            ).fetchall()
        return [row[0] for row in rows if row[0]]

    def unkeyed_mentions(self, search: str) -> list[SourceMention]:
        """Sources without a key (anonymous, vague) whose names hold search."""
        sql = (
            "SELECT name, name_key, type, articles, anonymous, statements, relayed"
            " FROM source_totals WHERE name_key = '' AND name LIKE ? ESCAPE '\\'"
        )
        return self._mentions(sql, [f"%{_like(search.strip())}%"])

    def outlet_keys(self) -> frozenset[str]:
        """The keys that name an outlet: one whose articles the library holds, or one a relay
        chain passes through as an outlet (so it is one however another article types it)."""
        with self._library.errors():
            outlets = self._db.execute("SELECT outlet FROM articles GROUP BY outlet").fetchall()
            relays = self._db.execute(
                "SELECT DISTINCT name_key FROM relays WHERE type = 'outlet'"
            ).fetchall()
        found = {name_key(row[0]) for row in outlets} | {row[0] for row in relays}
        return frozenset(found - {""})

    def source_articles(
        self, keys: Sequence[str], names: Sequence[str] = ()
    ) -> list[SourceArticle]:
        """The articles quoting a source of these keys (or, unkeyed, these names), by date."""
        keys, names = list(keys), list(names)
        where = [f"s.name_key IN ({', '.join('?' * len(keys))})"] if keys else []
        if names:
            where.append(f"(s.name_key = '' AND s.name IN ({', '.join('?' * len(names))}))")
        if not where:
            return []
        sql = (
            "SELECT s.article_id, a.title, a.outlet, a.published, s.name, s.statements,"
            " s.relayed FROM sources AS s JOIN articles AS a ON a.id = s.article_id"
            f" WHERE {' OR '.join(where)} ORDER BY a.published, s.article_id"
        )
        with self._library.errors():
            rows = self._db.execute(sql, keys + names).fetchall()
        return [SourceArticle(*row) for row in rows]

    def _mentions(self, sql: str, params: Sequence[object]) -> list[SourceMention]:
        """The SourceMentions sql selects (name, key, type, articles, anonymous, sums)."""
        with self._library.errors():
            rows = self._db.execute(sql, list(params)).fetchall()
        return list(map(SourceMention._make, rows))

    def claim_pairs(self) -> list[tuple[str, str, int]]:
        """(event, counted, figures) of every event word and thing counted in the figures."""
        sql = "SELECT event, counted, count(*) FROM numeric_claims GROUP BY event, counted"
        with self._library.errors():
            rows = self._db.execute(sql).fetchall()
        return [(row[0] or "", row[1] or "", int(row[2])) for row in rows]

    def figures_of(self, pairs: Sequence[tuple[str, str]]) -> list[ClaimFigure]:
        """The figures of these (event, counted) pairs."""
        found: list[ClaimFigure] = []
        for start in range(0, len(pairs), _CHUNK):
            chunk = pairs[start : start + _CHUNK]
            values = ", ".join("(?, ?)" for _ in chunk)
            sql = _FIGURES + f" WHERE (c.event, c.counted) IN (VALUES {values})"
            found += self._figures(sql, [value for pair in chunk for value in pair])
        return found

    def figures_in_articles_about(self, search: str) -> list[ClaimFigure]:
        """The figures of the articles whose text matches search (full text)."""
        query = fts_query(search)
        if not query:
            return []
        sql = (
            _FIGURES + " WHERE c.article_id IN"
            " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        )
        return self._figures(sql, [query])

    def relay_links(self) -> list[tuple[str, str, int]]:
        """(from, to, count) of every link between two outlets in the quotes' chains, as spelled.

        A chain reads article outlet ← relay ← ... ← speaker; only its outlets count, so
        the first outlet relay links to the article's outlet, a later one to the outlet
        relay before it, and a speaker that is an outlet to the last outlet relay (or the
        article's outlet). A relay or a speaker is one when typed so, or when typed a person
        or an institution under a key the library knows as an outlet's (outlet_keys), as
        sourcing.known_outlets decides for one article (and tracing.outlets.outlet_chain).
        """
        outlets = self._outlet_list()
        with self._library.errors():
            rows = self._db.execute(_LINKS, [outlets]).fetchall()
        return [(far or "", near or "", int(count)) for far, near, count in rows]

    def relayed_through(self, links: Sequence[tuple[str, str]]) -> list[RelayedStatement]:
        """The statements whose chains may hold these (from, to) links, with their chains.

        Those relayed by (or spoken by) outlet `from` in an article of outlet `to`, or with
        `to` among their outlet relays too; the caller keeps those whose chain has the link.
        A relay or a speaker is an outlet as relay_links says.
        """
        ids: set[int] = set()
        outlets = self._outlet_list()
        for far, near in dict.fromkeys(links):
            with self._library.errors():
                params = [outlets, name_key(far), near, far]
                ids |= {row[0] for row in self._db.execute(_THROUGH, params)}
        return self._chains(sorted(ids), outlets)

    def _outlet_list(self) -> str:
        """outlet_keys as a JSON list, for json_each in a query (read once per question)."""
        return json.dumps(sorted(self.outlet_keys()))

    def _chains(self, quote_ids: Sequence[int], outlets: str) -> list[RelayedStatement]:
        """These quotes' statements, with their outlet chains (the speaker last, if an outlet:
        typed one, or a key of the JSON list outlets)."""
        found: list[RelayedStatement] = []
        for start in range(0, len(quote_ids), _CHUNK):
            chunk = list(quote_ids[start : start + _CHUNK])
            marks = ", ".join("?" * len(chunk))
            with self._library.errors():
                sql = _STATEMENTS + f" WHERE q.id IN ({marks})"
                rows = self._db.execute(sql, [outlets, *chunk]).fetchall()
                relays = self._db.execute(
                    _OUTLET_RELAYS.format(marks=marks), [outlets, *chunk]
                ).fetchall()
            chains: dict[int, list[str]] = {}
            for quote_id, name in relays:
                chains.setdefault(quote_id, []).append(name)
            for qid, article_id, outlet, start_, end, text, speaker, speaks_as_outlet in rows:
                hops = chains.get(qid, []) + ([speaker] if speaks_as_outlet else [])
                via = tuple((name, "outlet") for name in hops)
                found.append(RelayedStatement(article_id, outlet, start_, end, text, via, qid))
        return sorted(found, key=lambda s: (s.article_id, s.start))

    def _figures(self, sql: str, params: Sequence[object]) -> list[ClaimFigure]:
        """The ClaimFigures sql selects (_FIGURES' columns)."""
        with self._library.errors():
            rows = self._db.execute(sql, list(params)).fetchall()
        return [_FIGURE(row + _UNDECIDED) for row in rows]


def _key_like(search: str) -> str:
    """The LIKE pattern of the keys holding search (casefolded, spaces collapsed)."""
    return f"%{_like(' '.join(search.casefold().split()))}%"


def _like(text: str) -> str:
    """text with LIKE's wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
