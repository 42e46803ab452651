"""Which outlets relay which: edges from the outlet a statement came through to the one printing it.

A statement in an article of outlet O whose chain reads O ← V1 ← V2 ← speaker gives the
edges V1 → O and V2 → V1, for each link between two outlets. Names of one outlet spelled two
ways ("the Baltic Wire", "Baltic Wire") are one node.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from gui.core.sourcing.relays import same_outlet, without_article


@dataclass(frozen=True)
class RelayedStatement:
    """A statement as an article carries it, with its relay chain (name, type), outermost first."""

    article_id: int
    outlet: str
    start: int
    end: int
    text: str
    via: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RelayEdge:
    """Statements that reached outlet `target` through outlet `source`."""

    source: str
    target: str
    statements: tuple[RelayedStatement, ...]

    @property
    def count(self) -> int:
        """How many statements travelled this edge."""
        return len(self.statements)

    def as_dict(self) -> dict[str, Any]:
        """The edge in the command line's shape: from, to, count, the statements behind it."""
        shown = [
            {"article": s.article_id, "start": s.start, "text": s.text} for s in self.statements
        ]
        return {"from": self.source, "to": self.target, "count": self.count, "statements": shown}


def relay_edges(statements: Iterable[RelayedStatement]) -> list[RelayEdge]:
    """Every edge between two outlets, the busiest first."""
    names: list[str] = []
    edges: dict[tuple[str, str], list[RelayedStatement]] = {}
    for statement in statements:
        hops = [statement.outlet] + [name for name, kind in statement.via if kind == "outlet"]
        hops = [_node(names, hop) for hop in hops if hop.strip()]
        for near, far in pairwise(hops):
            if near != far:
                edges.setdefault((far, near), []).append(statement)
    found = [RelayEdge(a, b, tuple(items)) for (a, b), items in edges.items()]
    return sorted(found, key=lambda e: (-e.count, e.source.casefold(), e.target.casefold()))


def _node(names: list[str], name: str) -> str:
    """The node of an outlet name: one seen before that names the same outlet, else itself."""
    name = without_article(" ".join(name.split()))
    for known in names:
        if same_outlet(known, name):
            return known
    names.append(name)
    return name


def edges_between(edges: Sequence[RelayEdge], source: str, target: str) -> RelayEdge | None:
    """The edge from source to target, if any."""
    return next((e for e in edges if e.source == source and e.target == target), None)
