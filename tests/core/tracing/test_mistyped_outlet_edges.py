"""An outlet the finders typed a person still relays: the rows' edges know it as the library."""

from __future__ import annotations

import pytest

from gui.core import findings as article_findings
from gui.core.entities.pipeline import default_outlets, load_pipeline
from gui.core.findings import known_outlets
from gui.core.storage.articles_store import ArticleStore
from gui.core.tracing import collect, queries
from gui.core.tracing.outlets import RelayEdge, relay_edges
from tests.core.tracing.mistyped_outlet import (
    ARTICLES,
    HERALD_EDGE,
    HERALD_STATEMENTS,
    RELAY_EDGE,
    RELAY_STATEMENTS,
    mistyped_library,
)


@pytest.fixture(scope="module")
def library():
    opened = mistyped_library()
    yield opened
    opened.close()


def test_the_rows_type_the_herald_a_person_and_kestrel_a_person_of_his_own(library):
    rows = library.db.execute(
        "SELECT article_id, speaker, speaker_key, speaker_type FROM quotes"
        " WHERE speaker LIKE '%Kestrel%' ORDER BY id"
    ).fetchall()
    assert rows == [
        (2, "the Kestrel Bay Herald", "kestrel bay herald", "person"),
        (2, "the Kestrel Bay Herald", "kestrel bay herald", "person"),
        (3, "Kestrel", "kestrel", "person"),
    ]


def test_the_rows_type_the_herald_relaying_the_harbour_master_a_person(library):
    rows = library.db.execute(
        "SELECT r.article_id, r.position, r.name, r.name_key, r.type, q.speaker_type, q.text"
        " FROM relays AS r JOIN quotes AS q ON q.id = r.quote_id ORDER BY r.quote_id"
    ).fetchall()
    herald = ("the Kestrel Bay Herald", "kestrel bay herald", "person", "person")
    assert rows == [(4, 0, *herald, "the fire was out")]


def test_an_outlet_typed_a_person_gives_its_edges_as_speaker_and_as_relay(library):
    edges = queries.outlet_edges(library)
    assert [(e.source, e.target, e.count) for e in edges] == [HERALD_EDGE, RELAY_EDGE]


def test_the_statements_behind_the_relay_edge_are_the_relayed(library):
    edge = next(e for e in queries.outlet_edges(library) if e.target == "Lowmoor Times")
    assert edge.names == (("the Kestrel Bay Herald", "Lowmoor Times"),)
    statements = queries.edge_statements(library, edge)
    assert [(s.article_id, s.text) for s in statements] == RELAY_STATEMENTS
    assert [s.via for s in statements] == [(("the Kestrel Bay Herald", "outlet"),)]


def test_the_statements_behind_it_are_the_outlets(library):
    spelled = (("the Kestrel Bay Herald", "Northshore Courier"),)
    statements = queries.edge_statements(library, RelayEdge(*HERALD_EDGE, names=spelled))
    assert [(s.article_id, s.text) for s in statements] == HERALD_STATEMENTS
    assert {s.via for s in statements} == {(("the Kestrel Bay Herald", "outlet"),)}


def test_a_person_named_by_one_word_of_an_outlet_stays_a_person(library):
    # Kestrel's key is "kestrel", not the Herald's "kestrel bay herald": no edge to the Gazette.
    edges = queries.outlet_edges(library)
    assert "Fennick Gazette" not in {e.target for e in edges}
    assert all("Nobody" not in s.text for e in edges for s in queries.edge_statements(library, e))


def test_the_rows_edges_are_those_of_the_chains_in_memory(library):
    # The same rule both ways: the findings' chains (outlet_chain) under the library's keys.
    pipeline = load_pipeline(list(default_outlets()))
    outlets = known_outlets(library)
    relayed = []
    for article_id in range(1, len(ARTICLES) + 1):
        article = ArticleStore(library).get(article_id)
        _, found = article_findings.analyse(article.body, pipeline, metadata=article.metadata)
        relayed += collect.relayed_statements(article, found, outlets)
    in_memory = [(e.source, e.target, e.count) for e in relay_edges(relayed)]
    assert in_memory == [(e.source, e.target, e.count) for e in queries.outlet_edges(library)]
