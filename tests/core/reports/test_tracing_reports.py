"""The traces of marked quotes and the claims timelines in the article and library reports.

On the tracing fixtures (the real pipeline): exact appearances, origin, figures and points.
"""

from __future__ import annotations

import re

import pytest

from gui.core.entities.pipeline import load_pipeline
from gui.core.findings import stored
from gui.core.reports import article_report_html
from gui.core.reports.library import library_report_html
from gui.core.reports.timeline_svg import timeline_svg
from gui.core.storage import ArticleStore
from gui.core.tracing import marked as marked_module
from gui.core.tracing.claims import ClaimFigure, EventGroup
from tests.core.interchange_helpers import add_label, annotate
from tests.core.reports.helpers import cells
from tests.core.tracing import expected
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library

SPEAKERS = ["Mayor Elin Stahl", "Stahl", "Mayor Elin Stahl", "Stahl", "Elin Stahl"]
VIA = {"": "direct"}


@pytest.fixture(scope="module")
def pipeline():
    return load_pipeline(library_outlets())


@pytest.fixture
def library(pipeline):
    """The fixtures, with the mayor's quote marked by ana (part of it) and by ben (a Source)."""
    opened = fixture_library(pipeline)
    annotate(opened, 1, "keep the harbour closed", annotator="ana")
    annotate(opened, 1, "We will keep", "Source", annotator="ben")
    yield opened
    opened.close()


def report(library, article_id: int = 1) -> str:
    return article_report_html(library, stored(library, ArticleStore(library).get(article_id)))


def fact_rows(html: str) -> list[list[str]]:
    """The trace table's rows of facts (its wording rows left out)."""
    return [row for row in cells(html, "trace") if len(row) == 7]


def mayor_rows(this_article: int) -> list[list[str]]:
    """The mayor's trace as the report's cells."""
    rows = []
    for n, (row, speaker) in enumerate(zip(expected.MAYOR_TRACE, SPEAKERS, strict=True)):
        article, published, outlet, via, change, similarity = row
        number = "1 (origin)" if n == 0 else str(n + 1)
        shown = "same" if change == "same" else f"{change} ({similarity:.2f})"
        mark = f"{article} (this article)" if article == this_article else str(article)
        rows.append([number, published, outlet, mark, speaker, VIA.get(via, via), shown])
    return rows


def test_the_article_report_traces_a_marked_quote(library):
    html = report(library)
    assert "<h2>Traced quotes</h2>" in html
    assert fact_rows(html) == mayor_rows(1)
    assert "Marked by ana, ben (Claim, Source) in article 1." in html
    assert "Origin: article 1, Kestrel Bay Herald, 2026-03-02 (the earliest appearance" in html
    # The words of the Courier's version that differ, marked as the trace marks them.
    courier = cells(html, "trace")[7][1]
    assert courier.startswith("We will keep the harbour closed shut until every single")
    for word, mark in expected.MAYOR_CHANGED_WORDS:
        cls = "w-added" if mark == "added" else "w-removed"
        assert f'<span class="{cls}">{word}</span>' in html
    assert cells(html, "similar")[0][3] == "councillor Piet Maas"  # the decoy, apart


def test_a_quote_marked_again_in_another_article_is_one_trace(library):
    annotate(library, 4, "every single container", annotator="cara")
    found = marked_module.article_marked_traces(library, 4)
    assert [t.marked.attribution for t in found.traces] == [2]
    html = report(library, 4)
    assert fact_rows(html) == mayor_rows(4)  # origin first, whichever article is marked


def test_a_quote_labelled_span_no_quote_holds_is_traced_by_its_text(library):
    add_label(library, "Quote")
    annotate(library, 6, "About 40 boats have entered the race", "Quote", annotator="ana")
    found = marked_module.article_marked_traces(library, 6)
    [traced] = found.traces
    assert (traced.marked.attribution, traced.marked.labels) == (0, ("Quote",))
    assert [t.appearance.article_id for t in traced.trace.appearances] == [6]


def test_an_annotation_beside_every_quote_is_no_marked_quote(library):
    annotate(library, 6, "About 40 boats", "Claim", annotator="ana")  # a figure, no quote
    assert marked_module.article_marked_traces(library, 6).traces == ()


def test_the_article_report_draws_the_timeline_of_its_figures_events(library):
    html = report(library)
    figures = [[r[0], r[1], r[2], r[3], r[4]] for r in cells(html, "figures")]
    want = [
        [published, outlet, text, f"{value:g}", source or "the article itself"]
        for _, published, outlet, text, value, source in expected.INJURED
    ]
    assert figures == want
    assert [r[5] for r in cells(html, "figures")] == ["2", "1 (this article)", "3", "4", "5"]
    assert "injure · people <span class='small'>(5 figures in 5 articles)</span>" in html
    assert "1 more event group with figures from this article alone." in html  # 3 towns
    [svg] = re.findall(r"<svg\b.*?</svg>", html, re.DOTALL)
    assert svg.count('<g class="point">') == len(expected.INJURED)
    ringed = re.findall(
        r'<g class="point"><circle [^>]*r="9" fill="none".*?<title>(.*?)</title>', svg
    )
    assert ringed == ["2026-03-02 · Kestrel Bay Herald: at least 12 (the fire brigade)"]
    assert "ringed: this article&#x27;s figures" in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in svg


def test_one_point_per_dated_figure_and_a_legend_entry_per_outlet():
    def figure(n: int, outlet: str, published: str, value: float | None) -> ClaimFigure:
        return ClaimFigure(n, "", outlet, published, 1, 0, 2, "12", value, "people", "killed", "")

    figures = (
        figure(1, "A", "2026-01-01", 12.0),
        figure(2, "B", "2026-01-01", 12.0),  # the same place: set beside the first
        figure(3, "A", "2026-01-04", 30.0),
        figure(4, "C", "", 9.0),  # undated: not drawn
        figure(5, "C", "2026-01-02", None),  # no value: not drawn
    )
    svg = timeline_svg(EventGroup("kill", "people", figures))
    points = re.findall(r'<g class="point">.*?<title>(.*?)</title></g>', svg, re.DOTALL)
    assert points == ["2026-01-01 · A: 12", "2026-01-01 · B: 12", "2026-01-04 · A: 12"]
    assert svg.count("<polyline") == 1  # A's two points; B has one
    assert ">A</text>" in svg and ">B</text>" in svg and ">C</text>" not in svg
    assert timeline_svg(EventGroup("kill", "people", figures[3:])) == ""


def test_the_library_report_has_every_section(library):
    annotate(library, 4, "every single container", annotator="cara")
    html = library_report_html(library)
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings == [
        "Summary",
        "Traced quotes",
        "Claims timeline",
        "Outlet relays",
        "Sources",
    ]
    summary = dict(cells(html, "summary"))
    assert summary["Articles"] == "6" and summary["Outlets"] == "4"
    assert summary["Sources (alias groups merged)"] == str(len(expected.SOURCES))
    assert summary["Marked quotes"] == "2"
    assert fact_rows(html) == mayor_rows(0)
    assert "Also marked in article 4 by cara." in html
    # Only the injured come from two articles or more; "three towns" and "40 boats" do not.
    assert re.findall(r"<h3>([^<]*) <span class='small'>", html) == ["injure · people"]
    assert html.count('<g class="point">') == len(expected.INJURED)
    edges = [(e[0], e[1], str(e[2])) for e in expected.OUTLET_EDGES]
    assert [tuple(row) for row in cells(html, "relays")] == edges
    sources = cells(html, "library-sources")
    assert sources[0][:4] == ["Elin Stahl (Stahl)", "person", "5", "6"]


def test_the_library_report_is_bounded_and_says_what_it_left_out(library, monkeypatch):
    annotate(library, 2, "The crew did everything right", annotator="ana")
    annotate(library, 3, "The smoke has not reached", annotator="ana")
    monkeypatch.setattr(marked_module, "MAX_TRACES", 1)
    monkeypatch.setattr(marked_module, "MAX_FIGURES", 2)
    monkeypatch.setattr("gui.core.reports.library.MAX_EDGES", 1)
    html = library_report_html(library)
    assert len(re.findall(r"<h3><span class=\"quote\">", html)) == 1
    assert "2 more marked quotes not traced here" in html
    # One figure in every three by date, so that the timeline still spans the days.
    assert [row[5] for row in cells(html, "figures")] == ["1", "4"]
    assert "Listed: 2 of 5 figures, one in every 3 by date." in html
    assert len(cells(html, "relays")) == 1 and "1 more pairs of outlets not listed." in html


def test_a_library_with_nothing_analysed_says_how_to_fill_the_report():
    from tests.core.interchange_helpers import memory_library

    with memory_library() as empty:
        html = library_report_html(empty)
    assert "No article has findings yet: analyse the library" in html
    assert "No marked quotes." in html and "No outlet relays another." in html
