"""The library report: what the whole library holds, its marked quotes traced, its timelines.

Summary (articles, outlets, sources), the trace of each marked quote, the claims timelines
of the events with figures from two articles or more, the outlets that relay one another
and the most quoted sources. Bounded: a library of 100,000 articles gets the first few of
each list, and the report says how many it left out. Everything comes from the tracing
service (gui.core.tracing); nothing is analysed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gui.core.reports.markup import document, element, esc, section, table
from gui.core.reports.style import report_css
from gui.core.reports.tracing_sections import timelines_html, traced_quotes_html
from gui.core.storage.database import Library, open_library
from gui.core.storage.report_rows_store import LibraryCounts, ReportRowsStore
from gui.core.tracing import queries
from gui.core.tracing.marked import library_marked_traces, library_timelines
from gui.core.tracing.outlets import RelayEdge
from gui.core.tracing.sources import LibrarySource

Progress = Callable[[int, int], None]
MAX_EDGES = 50
MAX_SOURCES = 25
STEPS = 5  # the parts the report is made in, for progress
SOURCE_COLUMNS = ("Source", "Type", "Articles", "Statements", "Anonymous in", "Relayed", "Grade")
NO_ROWS = (
    "No article has findings yet: analyse the library (File > Analyse Library…) and make"
    " the report again."
)


def library_report_html(library: Library, progress: Progress | None = None) -> str:
    """A self-contained, printable HTML report of the whole library."""
    step = progress or (lambda done, total: None)
    step(0, STEPS)
    counts = ReportRowsStore(library).counts()
    sources = queries.library_sources(library)
    step(1, STEPS)
    marked = library_marked_traces(library)
    step(2, STEPS)
    timelines, more_groups = library_timelines(library)
    step(3, STEPS)
    edges = queries.outlet_edges(library)
    step(4, STEPS)
    name = library.path.name if library.path is not None else "in-memory library"
    body = [
        element("header", element("h1", "Library report") + element("p", esc(name), cls="meta")),
        summary_html(counts, len(sources), marked.marked),
        traced_quotes_html(marked),
        timelines_html(timelines, more_groups=more_groups),
        relays_html(edges),
        sources_html(sources),
    ]
    step(STEPS, STEPS)
    return document(f"Library report: {name}", report_css(()), "\n".join(body))


def library_report_at(path: Path, progress: Progress | None = None) -> str:
    """library_report_html of the library file at path, through a connection of its own.

    For a worker thread: plain data in and out, the GUI thread's connection left alone.
    """
    library = open_library(path, read_only=True)
    try:
        return library_report_html(library, progress)
    finally:
        library.close()


def summary_html(counts: LibraryCounts, sources: int, marked: int) -> str:
    """The Summary section: how much the library holds."""
    rows = [
        ("Articles", counts.articles),
        ("Articles analysed (with findings)", counts.analysed),
        ("Outlets", counts.outlets),
        ("Sources (alias groups merged)", sources),
        ("Quotes and reported statements", counts.quotes),
        ("Figures", counts.figures),
        ("Annotations", counts.annotations),
        ("Marked quotes", marked),
    ]
    cells = [[esc(name), f"{value:,}"] for name, value in rows]
    note = "" if counts.analysed else element("p", esc(NO_ROWS), cls="small")
    return section("Summary", table(("Measure", "Count"), cells, cls="summary") + note)


def relays_html(edges: list[RelayEdge]) -> str:
    """The Outlet relays section: which outlets pass on which one's statements, how often."""
    intro = element(
        "p",
        "Statements an outlet printed that came through another outlet, the most first.",
        cls="small",
    )
    if not edges:
        return section("Outlet relays", intro + element("p", "No outlet relays another."))
    rows = [[esc(e.source), esc(e.target), f"{e.count:,}"] for e in edges[:MAX_EDGES]]
    body = intro + table(("From", "To", "Statements"), rows, cls="relays")
    if len(edges) > MAX_EDGES:
        more = len(edges) - MAX_EDGES
        body += element("p", esc(f"{more:,} more pairs of outlets not listed."), cls="small")
    return section("Outlet relays", body)


def sources_html(sources: list[LibrarySource]) -> str:
    """The Sources section: the sources quoted in most articles."""
    if not sources:
        return section("Sources", element("p", "No sources found."))
    ranked = sorted(sources, key=lambda s: (-s.articles, -s.statements, s.name.casefold()))
    rows = [_source_row(s) for s in ranked[:MAX_SOURCES]]
    body = table(SOURCE_COLUMNS, rows, cls="library-sources")
    if len(sources) > MAX_SOURCES:
        more = len(sources) - MAX_SOURCES
        body += element("p", esc(f"{more:,} more sources, quoted in fewer articles."), cls="small")
    return section("Sources", body)


def _source_row(s: LibrarySource) -> list[str]:
    """One source of the library as cells."""
    name = s.name + (f" ({', '.join(s.aliases)})" if s.aliases else "")
    counts = (s.articles, s.statements, s.anonymous, s.relayed)
    return [esc(name), esc(s.type), *(f"{n:,}" for n in counts), esc(s.grade)]
