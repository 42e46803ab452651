"""The library-wide answers over the fixtures' rows: the same traces as the core finds alone."""

from __future__ import annotations

import pytest

from gui.core.entities.pipeline import default_outlets, load_pipeline
from gui.core.sourcing.commands import SetClaimAssessment
from gui.core.storage import apply
from gui.core.tracing import queries
from gui.core.tracing.claim_links import SetCrossClaimRelation
from gui.core.tracing.commands import SetSourceGrade, SourceGrade
from tests.core.tracing import expected
from tests.core.tracing.library_helper import fixture_library


def test_a_trace_by_attribution(library):
    trace = queries.trace_attribution(library, 1, 2)
    assert expected.trace_rows(trace) == expected.MAYOR_TRACE
    assert [(t.appearance.article_id, t.appearance.speaker) for t in trace.similar] == (
        expected.MAYOR_SIMILAR
    )


def test_a_trace_by_text_finds_the_quote_holding_it(library):
    trace = queries.trace_text(library, 4, "until every single container")
    assert expected.trace_rows(trace) == expected.MAYOR_TRACE


def test_an_origin_pointed_to_across_articles(library):
    trace = queries.trace_attribution(library, 2, 4)
    assert expected.trace_rows(trace) == expected.LIND_TRACE
    assert (trace.origin.index, trace.origin.reason, trace.origin.outlet) == expected.LIND_ORIGIN


def test_text_that_is_no_quote_is_traced_as_it_stands(library):
    trace = queries.trace_text(library, 6, "Fennick will go ahead as planned")
    assert [t.appearance.article_id for t in trace.appearances] == [6]


def test_an_unknown_quote_is_not_found(library):
    with pytest.raises(queries.NotFound):
        queries.trace_attribution(library, 1, 99)


def test_sources_across_the_library(library):
    assert expected.source_rows(queries.library_sources(library)) == expected.SOURCES


def test_a_source_search_brings_the_whole_alias_group(library):
    found = queries.library_sources(library, "Elin")
    assert expected.source_rows(found) == expected.SOURCES[:1]


def test_the_articles_behind_a_source(library):
    stahl = queries.library_sources(library, "Stahl")[0]
    found = [(a.article_id, a.outlet, a.name) for a in queries.source_articles(library, stahl)]
    assert found == expected.STAHL_ARTICLES


def test_an_anonymous_source_is_found_by_its_words(library):
    found = queries.library_sources(library, "port official")
    assert expected.source_rows(found) == [expected.SOURCES[1]]
    articles = queries.source_articles(library, found[0])
    assert [a.article_id for a in articles] == [1, 3]


def test_a_grade_shows_wherever_the_source_is_and_is_undone(library):
    inverse = apply(library, SetSourceGrade(SourceGrade("elin stahl", "Elin Stahl", "B", "mayor")))
    stahl = queries.library_sources(library, "Stahl")[0]
    assert (stahl.grade, stahl.note) == ("B", "mayor")
    apply(library, inverse)
    assert queries.library_sources(library, "Stahl")[0].grade == ""


def test_claims_across_the_library(library):
    groups = queries.library_claims(library, "injured")
    injured = next(g for g in groups if (g.event, g.counted) == ("injure", "people"))
    assert expected.figure_rows(injured) == expected.INJURED
    assert injured.series() == expected.INJURED_SERIES


def test_claim_groups_then_the_figures_of_one(library):
    groups = queries.library_claim_groups(library)
    injured = next(g for g in groups if (g.event, g.counted) == ("injure", "people"))
    assert injured.figures == len(expected.INJURED)
    assert expected.figure_rows(queries.group_figures(library, injured)) == expected.INJURED


def test_figures_carry_their_verdicts_and_relations_across_articles(library):
    group = next(g for g in queries.library_claim_groups(library) if g.event == "injure")
    courier, wire = queries.group_figures(library, group).figures[3:5]
    undo_verdict = apply(library, SetClaimAssessment(courier.article_id, courier.key, "disputed"))
    undo_relation = apply(
        library,
        SetCrossClaimRelation(
            wire.article_id, wire.key, courier.article_id, courier.key, "corroborates"
        ),
    )
    figures = {f.article_id: f for f in queries.group_figures(library, group).figures}
    assert (figures[4].verdict, figures[5].verdict, figures[1].verdict) == ("disputed", "", "")
    assert [r.described() for r in figures[4].relations] == [
        "corroborates Baltic Wire 2026-03-05 figure '21'"
    ]
    [injured] = [g for g in queries.library_claims(library) if g.event == "injure"]
    shown = {f["article"]: f for f in injured.as_dict()["figures"]}
    assert shown[5]["relations"] == [
        {
            "relation": "corroborates",
            "article": 4,
            "key": courier.key,
            "text": "about 20",
            "outlet": "Northshore Courier",
            "published": "2026-03-04",
        }
    ]
    assert (shown[4]["verdict"], shown[4]["key"]) == ("disputed", "about 20@83")
    apply(library, undo_relation)
    apply(library, undo_verdict)
    figures = queries.group_figures(library, group).figures
    assert all(f.verdict == "" and f.relations == () for f in figures)


def test_outlets_relay_each_other(library):
    edges = queries.outlet_edges(library)
    assert [(e.source, e.target, e.count) for e in edges] == [
        edge[:3] for edge in expected.OUTLET_EDGES
    ]
    behind = [[s.article_id for s in queries.edge_statements(library, e)] for e in edges]
    assert behind == [edge[3] for edge in expected.OUTLET_EDGES]
    smoke = queries.edge_statements(library, edges[1])
    assert [(s.article_id, s.text[:9]) for s in smoke] == [(3, "The smoke")]


def test_an_outlet_missing_from_the_outlet_list_is_still_an_outlet():
    # Without the fixtures' outlets, "the Kestrel Bay Herald reported" reads as a person
    # speaking; the library knows it as an outlet (its articles, and the Wire's relays).
    outlets = list(default_outlets())
    opened = fixture_library(load_pipeline(outlets), outlets=outlets)
    try:
        [herald] = queries.library_sources(opened, "Kestrel Bay Herald")
        rows = opened.db.execute("SELECT type FROM sources WHERE name_key = ?", [herald.key])
        assert [row[0] for row in rows] == ["person"]  # as the article's rows have it
        assert (herald.name, herald.type, herald.relayed) == ("the Kestrel Bay Herald", "outlet", 2)
        named = {s.name: s.type for s in queries.library_sources(opened)}
        assert named["the Kestrel Bay Herald"] == "outlet"
        assert named["Elin Stahl"] == named["Jonas Berg"] == "person"
    finally:
        opened.close()
