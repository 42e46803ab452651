"""The quotes a person marked, traced across the library, and the claims timelines of reports.

A marked quote is a quote the findings hold (an attribution's content: what was said) that
at least one annotation of any layer overlaps by a character or more, whatever its label;
or the text of an annotation whose label's name holds "quot" ("Quote", "Direct quotation")
where the findings hold no quote. Each is traced by the one tracing service (queries:
trace_attribution, trace_text). Everything here is bounded: a report of a library of
100,000 articles traces a few marked quotes and draws a few timelines, and says how many
it left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gui.core.storage.database import Library
from gui.core.storage.report_rows_store import MarkedRow, ReportRowsStore
from gui.core.tracing import queries
from gui.core.tracing.claims import ClaimGroup, EventGroup, group_claims, pair_key
from gui.core.tracing.model import Trace

Progress = Callable[[int, int], None]
MAX_TRACES = 20  # marked quotes traced in one report
MAX_FIGURES = 100  # figures listed and drawn per event group
MAX_GROUPS = 10  # event groups of a library report
DEFINITION = (
    "A marked quote is a quote Sourcelight found (what a source said) that any annotation,"
    " of any layer and with any label, overlaps by at least one character; or the text of an"
    " annotation whose label's name contains “quot” (such as Quote) where no quote was found."
)


@dataclass(frozen=True)
class MarkedTrace:
    """A marked quote and its trace across the library."""

    marked: MarkedRow
    trace: Trace
    also: tuple[MarkedRow, ...] = ()  # other marked quotes that are appearances of this trace


@dataclass(frozen=True)
class MarkedTraces:
    """The traces of the marked quotes a report shows, and how many it left out."""

    traces: tuple[MarkedTrace, ...] = ()
    marked: int = 0  # marked quotes in all
    left_out: int = 0  # marked quotes neither traced nor an appearance of a trace shown


@dataclass(frozen=True)
class Timeline:
    """One event group with the figures a report lists (at most a cap), and how many in all."""

    group: EventGroup
    figures: int  # figures of the group in the whole library
    articles: int  # articles that give them
    every: int = 1  # one figure in every this many is listed (by date)


def article_marked_traces(library: Library, article_id: int) -> MarkedTraces:
    """The traces of an article's marked quotes."""
    marked = ReportRowsStore(library).marked(article_id)
    return trace_marked(library, marked, len(marked))


def library_marked_traces(library: Library, progress: Progress | None = None) -> MarkedTraces:
    """The traces of the library's marked quotes, at most MAX_TRACES of them."""
    store = ReportRowsStore(library)
    marked = store.marked(limit=MAX_TRACES * 5)  # some are appearances of another's trace
    return trace_marked(library, marked, store.marked_count(), progress)


def trace_marked(
    library: Library, marked: list[MarkedRow], total: int, progress: Progress | None = None
) -> MarkedTraces:
    """Trace marked quotes in turn, skipping those already an appearance of a trace made."""
    traces: list[MarkedTrace] = []
    placed: dict[tuple[int, int, int], int] = {}  # appearance -> index into traces
    for done, row in enumerate(marked):
        if progress:
            progress(done, len(marked))
        index = placed.get((row.article_id, row.start, row.end))
        if index is not None:
            shown = traces[index]
            traces[index] = MarkedTrace(shown.marked, shown.trace, (*shown.also, row))
            continue
        if len(traces) == MAX_TRACES:
            continue
        trace = _trace(library, row)
        for t in trace.appearances:
            a = t.appearance
            placed.setdefault((a.article_id, a.start, a.end), len(traces))
        traces.append(MarkedTrace(row, trace))
    counted = len(traces) + sum(len(t.also) for t in traces)
    return MarkedTraces(tuple(traces), total, max(total - counted, 0))


def _trace(library: Library, row: MarkedRow) -> Trace:
    """The trace of one marked quote, through the tracing service."""
    if row.attribution:
        return queries.trace_attribution(library, row.article_id, row.attribution)
    return queries.trace_text(library, row.article_id, row.text, row.start)


def article_timelines(library: Library, article_id: int) -> list[Timeline]:
    """The event groups the article's figures belong to, with the library's figures of each."""
    keys = {pair_key(e, c) for e, c in ReportRowsStore(library).article_pairs(article_id)}
    groups = [g for g in queries.library_claim_groups(library) if (g.event, g.counted) in keys]
    return [_timeline(library, g, article_id) for g in groups]


def library_timelines(library: Library) -> tuple[list[Timeline], int]:
    """The largest event groups with figures from two articles or more; and how many more."""
    candidates = [g for g in queries.library_claim_groups(library) if g.figures > 1]
    shown: list[Timeline] = []
    more = 0
    store = ReportRowsStore(library)
    for group in candidates:
        if len(shown) == MAX_GROUPS:
            more += 1  # unknown whether from two articles: counted as a group left out
            continue
        figures, articles = store.figure_counts(group.pairs)
        if articles > 1:
            shown.append(_timeline(library, group, 0, (figures, articles)))
    return shown, more


def _timeline(
    library: Library, group: ClaimGroup, article_id: int, counts: tuple[int, int] | None = None
) -> Timeline:
    """A group's figures grouped by the core: at most MAX_FIGURES spread over its dates (one
    in every n by date when there are more), and all of article_id's."""
    store = ReportRowsStore(library)
    figures_in_all, articles = counts or store.figure_counts(group.pairs)
    every = -(-figures_in_all // MAX_FIGURES)  # ceiling division
    figures = store.figures_of(group.pairs, MAX_FIGURES, article_id, every)
    found = group_claims(figures)
    event_group = found[0] if found else EventGroup(group.event, group.counted, ())
    return Timeline(event_group, figures_in_all, articles, every)
