"""The relay graph's layout: readable with two outlets and with forty, crossing few edges."""

from __future__ import annotations

from itertools import pairwise

from gui.core.tracing.outlet_graph import DRAWN, crossings, graph_layout, improve
from gui.core.tracing.outlets import RelayEdge


def test_two_outlets_sit_left_and_right_with_an_edge_each_way_bent_apart():
    layout = graph_layout([RelayEdge("Herald", "Wire", 3), RelayEdge("Wire", "Herald", 1)])
    assert [(n.name, n.x, n.y, n.statements) for n in layout.nodes] == [
        ("Herald", -1.0, 0.0, 4),
        ("Wire", 1.0, 0.0, 4),
    ]
    assert [(e.row, e.source, e.target, e.weight, e.bend) for e in layout.edges] == [
        (0, 0, 1, 1.0, True),
        (1, 1, 0, 1 / 3, True),
    ]
    assert layout.caption == ""


def test_one_way_edges_are_straight():
    [edge] = graph_layout([RelayEdge("Herald", "Wire", 2)]).edges
    assert not edge.bend


def test_forty_outlets_draw_the_busiest_and_say_so():
    edges = [RelayEdge(f"Outlet {n:02}", "Hub", 40 - n) for n in range(39)]
    layout = graph_layout(edges)
    assert len(layout.nodes) == DRAWN and layout.outlets == 40
    assert layout.nodes[0].name == "Hub"  # the busiest, on the left
    assert {n.name for n in layout.nodes} == {"Hub", *(f"Outlet {n:02}" for n in range(11))}
    assert [e.row for e in layout.edges] == list(range(11))  # the rows of the table
    assert layout.caption == "The 12 busiest of 40 outlets; the table lists all"
    assert all(abs(n.x**2 + n.y**2 - 1) < 1e-6 for n in layout.nodes)


def test_a_chord_crossing_weighs_the_statements_of_both():
    ties = {frozenset("AC"): 2, frozenset("BD"): 3, frozenset("AB"): 5}
    assert crossings(list("ABCD"), ties) == 6
    assert crossings(list("ACBD"), ties) == 0


def test_the_order_is_improved_until_a_ring_crosses_nothing():
    ring = ["A", "B", "C", "D", "E", "F"]
    ties = {frozenset(pair): 1 for pair in pairwise([*ring, "A"])}
    shuffled = ["A", "D", "B", "F", "C", "E"]
    assert crossings(shuffled, ties) > 0
    better = improve(shuffled, ties)
    assert crossings(better, ties) == 0 and better[0] == "A"
    edges = [RelayEdge(a, b, 1) for a, b in pairwise([*shuffled, "A"])]
    layout = graph_layout(edges)
    order = [n.name for n in layout.nodes]
    chords = {frozenset((e.source, e.target)): 1 for e in layout.edges}
    assert crossings(order, {frozenset(order[i] for i in k): 1 for k in chords}) == 0


def test_no_edges_no_nodes():
    layout = graph_layout([])
    assert layout.nodes == () and layout.edges == () and layout.caption == ""
