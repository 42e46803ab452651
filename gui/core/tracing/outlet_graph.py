"""Where the outlets of the relay graph go: the busiest few on a circle, in an order that crosses
few edges.

Nodes sit on a unit circle (x, y in -1..1, y downwards as on a screen), the busiest on the
left, the rest clockwise. Their order starts as a chain (each next to the one it shares most
statements with) and is then improved, two swapped or a run turned round, while that
crosses fewer edges, the busy ones weighing more. An edge points from the outlet a
statement came through to the outlet that printed it, as the table's From and To.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from gui.core.tracing.outlets import RelayEdge

DRAWN = 12  # outlets drawn at most: the busiest; the table lists every edge
_PASSES = 4  # rounds of swaps at most (each tries every pair)


@dataclass(frozen=True)
class GraphNode:
    """An outlet on the circle, with how many statements its edges carry."""

    name: str
    x: float
    y: float
    statements: int


@dataclass(frozen=True)
class GraphEdge:
    """An edge drawn between two nodes: its row among the edges, and its share of the busiest."""

    row: int  # the edge's place in the list laid out (the table's row)
    source: int  # the node it comes from (the outlet relayed)
    target: int  # the node it goes to (the outlet printing it)
    count: int
    weight: float  # count / the busiest edge's count, 0..1
    bend: bool  # the edge the other way is drawn too: each curves to its own side


@dataclass(frozen=True)
class GraphLayout:
    """The nodes and edges to draw, and how many outlets there are in all."""

    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[GraphEdge, ...] = ()
    outlets: int = 0

    @property
    def caption(self) -> str:
        """What the graph leaves out, in words ('' when it shows every outlet)."""
        if self.outlets <= len(self.nodes):
            return ""
        return f"The {len(self.nodes)} busiest of {self.outlets} outlets; the table lists all"


def graph_layout(edges: Sequence[RelayEdge], limit: int = DRAWN) -> GraphLayout:
    """The busiest `limit` outlets of these edges on a circle, and the edges between them."""
    totals: dict[str, int] = {}
    for edge in edges:
        for name in (edge.source, edge.target):
            totals[name] = totals.get(name, 0) + edge.count
    busiest = sorted(totals, key=lambda name: (-totals[name], name.casefold()))[:limit]
    kept = [(row, e) for row, e in enumerate(edges) if {e.source, e.target} <= set(busiest)]
    ties = _ties(e for _, e in kept)
    order = improve(chain_order(busiest, ties), ties)
    at = {name: place for place, name in enumerate(order)}
    nodes = tuple(_node(name, at[name], len(order), totals[name]) for name in order)
    most = max((e.count for _, e in kept), default=1)
    pairs = {(e.source, e.target) for _, e in kept}
    drawn = tuple(
        GraphEdge(row, at[e.source], at[e.target], e.count, e.count / most, _both_ways(e, pairs))
        for row, e in kept
    )
    return GraphLayout(nodes, drawn, len(totals))


def chain_order(names: Sequence[str], ties: dict[frozenset[str], int]) -> list[str]:
    """The busiest first, then each time the outlet most tied to the last one placed."""
    if not names:
        return []
    order, left = [names[0]], list(names[1:])
    while left:
        last = order[-1]
        best = max(left, key=lambda n: (ties.get(frozenset((last, n)), 0), -left.index(n)))
        order.append(best)
        left.remove(best)
    return order


def improve(order: list[str], ties: dict[frozenset[str], int]) -> list[str]:
    """order changed, again and again, while that crosses less; the first outlet kept first.

    Each change swaps two outlets or turns a run of them round (which undoes a twist of
    the ring that swaps alone cannot).
    """
    order = list(order)
    cost = crossings(order, ties)
    for _ in range(_PASSES):
        better = False
        for i, j in combinations(range(1, len(order)), 2):
            for tried in (
                _swapped(order, i, j),
                order[:i] + order[i : j + 1][::-1] + order[j + 1 :],
            ):
                tried_cost = crossings(tried, ties)
                if tried_cost < cost:
                    order, cost, better = tried, tried_cost, True
        if not better or cost == 0:
            break
    return order


def _swapped(order: list[str], i: int, j: int) -> list[str]:
    """order with the outlets at i and j swapped."""
    swapped = list(order)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    return swapped


def crossings(order: Sequence[str], ties: dict[frozenset[str], int]) -> int:
    """How much the chords of these ties cross with the outlets in this order on a circle.

    Two chords cross when exactly one end of one lies between the ends of the other; each
    crossing weighs the product of the two chords' statements.
    """
    at = {name: place for place, name in enumerate(order)}
    chords = [(*sorted((at[a], at[b])), n) for a, b, n in _ends(ties) if a in at and b in at]
    total = 0
    for (a, b, n), (c, d, m) in combinations(chords, 2):
        if len({a, b, c, d}) == 4 and (a < c < b) != (a < d < b):
            total += n * m
    return total


def _both_ways(edge: RelayEdge, pairs: set[tuple[str, str]]) -> bool:
    """True when the edge the other way is drawn too."""
    return (edge.target, edge.source) in pairs


def _ends(ties: dict[frozenset[str], int]) -> list[tuple[str, str, int]]:
    """(one end, the other, statements) of each tie."""
    return [(*sorted(pair), count) for pair, count in ties.items() if len(pair) == 2]


def _ties(edges) -> dict[frozenset[str], int]:
    """Statements between each two outlets, either way."""
    ties: dict[frozenset[str], int] = {}
    for e in edges:
        pair = frozenset((e.source, e.target))
        ties[pair] = ties.get(pair, 0) + e.count
    return ties


def _node(name: str, place: int, count: int, statements: int) -> GraphNode:
    """The node at this place of count on the circle, the first on the left, then clockwise."""
    angle = math.pi + 2 * math.pi * place / max(count, 1)
    x, y = round(math.cos(angle), 6) + 0.0, round(math.sin(angle), 6) + 0.0  # no -0.0
    return GraphNode(name, x, y, statements)
