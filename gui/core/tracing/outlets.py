"""Which outlets relay which: edges from the outlet a statement came through to the one printing it.

A statement in an article of outlet O whose chain reads O ← V1 ← V2 ← speaker gives the
edges V1 → O and V2 → V1, for each link between two outlets. Names of one outlet spelled two
ways ("the Baltic Wire", "Baltic Wire") are one node. A link or speaker the sourcing called a
person or an institution is an outlet when the library knows its name as one (outlet_chain).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from gui.core.sourcing.known_outlets import source_type
from gui.core.sourcing.relays import outlet_words, without_article


@dataclass(frozen=True)
class RelayedStatement:
    """A statement as an article carries it, with its relay chain (name, type), outermost first."""

    article_id: int
    outlet: str
    start: int
    end: int
    text: str
    via: tuple[tuple[str, str], ...]
    quote_id: int = 0  # its row in the quotes table, when it came from there


@dataclass(frozen=True)
class RelayEdge:
    """Statements that reached outlet `target` through outlet `source`.

    From the rows, an edge holds its count and the names it was made of; its statements are
    read when it is chosen (queries.edge_statements).
    """

    source: str
    target: str
    count: int
    statements: tuple[RelayedStatement, ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (from, to) as the articles spell them

    def as_dict(self) -> dict[str, Any]:
        """The edge in the command line's shape: from, to, count, the statements behind it."""
        shown = [
            {"article": s.article_id, "start": s.start, "text": s.text} for s in self.statements
        ]
        return {"from": self.source, "to": self.target, "count": self.count, "statements": shown}


def outlet_chain(
    via: Iterable[tuple[str, str]], speaker: tuple[str, str], outlets: Collection[str] = ()
) -> tuple[tuple[str, str], ...]:
    """(name, type) of who passed a statement on, outermost first, then the speaker if an outlet.

    via and speaker: (name, type) as the sourcing typed them; outlets: keys known to name
    outlets (findings.known_outlets), under which a person or an institution is an outlet.
    """
    hops = tuple((name, source_type(kind, name, outlets)) for name, kind in via)
    name, kind = speaker
    return (*hops, (name, "outlet")) if source_type(kind, name, outlets) == "outlet" else hops


def relay_edges(statements: Iterable[RelayedStatement]) -> list[RelayEdge]:
    """Every edge between two outlets of these statements, the busiest first."""
    nodes = _Nodes()
    edges: dict[tuple[str, str], list[RelayedStatement]] = {}
    for statement in statements:
        for far, near in statement_hops(statement):
            pair = (nodes.node(far), nodes.node(near))
            if pair[0] != pair[1]:
                edges.setdefault(pair, []).append(statement)
    found = [RelayEdge(a, b, len(items), tuple(items)) for (a, b), items in edges.items()]
    return _busiest_first(found)


def statement_hops(statement: RelayedStatement) -> list[tuple[str, str]]:
    """(from, to) of each link between two outlets of a statement's chain, as spelled."""
    hops = [statement.outlet] + [name for name, kind in statement.via if kind == "outlet"]
    hops = [hop for hop in hops if hop.strip()]
    return [(far, near) for near, far in pairwise(hops)]


def counted_edges(pairs: Iterable[tuple[str, str, int]]) -> list[RelayEdge]:
    """The edges of (from, to, count) links as spelled, names of one outlet made one node."""
    nodes = _Nodes()
    counts: dict[tuple[str, str], int] = {}
    names: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for far, near, count in pairs:
        if not far.strip() or not near.strip():
            continue
        pair = (nodes.node(far), nodes.node(near))
        if pair[0] != pair[1]:
            counts[pair] = counts.get(pair, 0) + count
            names.setdefault(pair, []).append((far, near))
    found = [RelayEdge(a, b, n, (), tuple(names[a, b])) for (a, b), n in counts.items()]
    return _busiest_first(found)


def on_edge(edge: RelayEdge, statements: Iterable[RelayedStatement]) -> list[RelayedStatement]:
    """Those of the statements whose chain has the edge's link."""
    spelled = set(edge.names)
    return [s for s in statements if spelled & set(statement_hops(s))]


def _busiest_first(edges: list[RelayEdge]) -> list[RelayEdge]:
    """Edges by count, then by names."""
    return sorted(edges, key=lambda e: (-e.count, e.source.casefold(), e.target.casefold()))


class _Nodes:
    """Outlet names made nodes: a name that names an outlet seen before is that node.

    Two names are one outlet when the words of one are all in the other (as same_outlet
    says): "the Courier" and "The Northern Courier".
    """

    def __init__(self) -> None:
        self._known: list[tuple[frozenset[str], str]] = []
        self._exact: dict[frozenset[str], str] = {}
        self._seen: dict[str, str] = {}

    def node(self, name: str) -> str:
        """The node of an outlet name."""
        found = self._seen.get(name)
        if found is None:
            found = self._seen[name] = self._place(name)
        return found

    def _place(self, name: str) -> str:
        """The node a name not seen before belongs to (a new one if none)."""
        plain = without_article(" ".join(name.split()))
        words = outlet_words(plain)
        found = self._exact.get(words)
        if found is None and words:
            found = next((n for w, n in self._known if w and (w <= words or words <= w)), None)
        if found is None:
            found = plain
            self._known.append((words, plain))
        self._exact.setdefault(words, found)
        return found
