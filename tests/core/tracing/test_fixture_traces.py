"""The fixtures, analysed by the real pipeline: exact traces, sources, timelines and relays."""

from __future__ import annotations

import pytest

from gui.core.entities.pipeline import load_pipeline
from gui.core.findings import analyse
from gui.core.sourcing.model import Attribution, Findings, Source, SpanText
from gui.core.tracing import collect
from gui.core.tracing.claims import group_claims
from gui.core.tracing.outlets import relay_edges
from gui.core.tracing.sources import merge_sources
from gui.core.tracing.trace import build_trace
from tests.core.tracing import expected
from tests.core.tracing.fixtures import fixture_articles, library_outlets


@pytest.fixture(scope="module")
def found():
    """Each fixture article with its entities and findings (the real pipeline, loaded once)."""
    pipeline = load_pipeline(library_outlets())
    return [(a, *analyse(a.body, pipeline, metadata=a.metadata)) for a in fixture_articles()]


@pytest.fixture(scope="module")
def appearances(found):
    return [x for a, ents, f in found for x in collect.appearances(a, f, ents)]


def traced(appearances, article, text):
    target = next(a for a in appearances if a.article_id == article and a.text.startswith(text))
    return build_trace(target, appearances)


def test_the_mayors_quote_from_its_origin_through_relay_drift_and_shortening(appearances):
    trace = traced(appearances, 1, "We will keep")
    assert expected.trace_rows(trace) == expected.MAYOR_TRACE
    assert trace.appearances[3].as_dict()["words"] == expected.MAYOR_CHANGED_WORDS
    assert (trace.origin.index, trace.origin.reason) == (0, "earliest")
    similar = [(t.appearance.article_id, t.appearance.speaker) for t in trace.similar]
    assert similar == expected.MAYOR_SIMILAR


def test_tracing_a_later_version_finds_the_same_appearances(appearances):
    trace = traced(appearances, 4, "We will keep the harbour shut")
    assert expected.trace_rows(trace) == expected.MAYOR_TRACE


def test_the_decoy_is_a_statement_of_its_own(appearances):
    trace = traced(appearances, 6, "We will keep the harbour open")
    assert [t.appearance.article_id for t in trace.appearances] == [6]
    assert [t.appearance.article_id for t in trace.similar] == [1, 2, 3, 4]


def test_relays_in_both_directions_and_an_origin_pointed_to(appearances):
    assert expected.trace_rows(traced(appearances, 3, "The smoke")) == expected.BERG_TRACE
    lind = traced(appearances, 3, "The crew did")
    assert expected.trace_rows(lind) == expected.LIND_TRACE
    assert (lind.origin.index, lind.origin.reason, lind.origin.outlet) == expected.LIND_ORIGIN


def test_the_anonymous_official_quoted_twice(appearances):
    assert expected.trace_rows(traced(appearances, 1, "the crew had")) == expected.OFFICIAL_TRACE


def test_sources_merged_across_articles(found):
    mentions = [m for a, ents, f in found for m in collect.source_mentions(a, f, ents)]
    assert expected.source_rows(merge_sources(mentions)) == expected.SOURCES


def test_the_injured_figure_as_it_moved_day_by_day(found):
    figures = [c for a, ents, f in found for c in collect.claim_figures(a, f)]
    injured = next(g for g in group_claims(figures) if (g.event, g.counted) == ("injure", "people"))
    assert expected.figure_rows(injured) == expected.INJURED
    assert injured.series() == expected.INJURED_SERIES


def test_outlet_relays_with_the_statements_behind_them(found):
    relayed = [r for a, ents, f in found for r in collect.relayed_statements(a, f)]
    assert expected.edge_rows(relay_edges(relayed)) == expected.OUTLET_EDGES


def test_a_speaker_or_relay_typed_a_person_is_an_outlet_of_the_edges_when_the_library_knows_it():
    article = fixture_articles()[0]  # the Herald's
    wire = Source(SpanText(0, 11, "Baltic Wire"), "person")  # the sourcing did not know it
    findings = Findings(
        attributions=(
            Attribution(1, "direct", None, wire, SpanText(20, 30, "the fire is out")),
            Attribution(
                2,
                "reported",
                None,
                Source(SpanText(40, 45, "a captain"), "anonymous"),
                SpanText(50, 60, "we saw smoke"),
                (Source(SpanText(61, 79, "the Fennick Gazette"), "institution"),),
            ),
        )
    )
    outlets = frozenset({"baltic wire", "fennick gazette", "kestrel bay herald"})
    relayed = collect.relayed_statements(article, findings, outlets)
    assert [s.via for s in relayed] == [
        (("Baltic Wire", "outlet"),),
        (("the Fennick Gazette", "outlet"),),
    ]
    edges = [(e.source, e.target, e.count) for e in relay_edges(relayed)]
    assert edges == [
        ("Baltic Wire", "Kestrel Bay Herald", 1),
        ("Fennick Gazette", "Kestrel Bay Herald", 1),
    ]
    as_found = collect.relayed_statements(article, findings)  # no outlet in the chains
    assert [s.via for s in as_found] == [(("the Fennick Gazette", "institution"),)]
    assert relay_edges(as_found) == []
