"""The report sections of tracing: the marked quotes traced across the library, claims timelines.

Both the article report and the library report show them; what they show comes from
gui.core.tracing (marked.py over the one tracing service), nothing is found here.
"""

from __future__ import annotations

from collections.abc import Sequence

from gui.core.reports.markup import element, esc, section, table
from gui.core.reports.timeline_svg import plotted, timeline_svg
from gui.core.tracing.claims import ClaimFigure
from gui.core.tracing.marked import DEFINITION, MarkedTrace, MarkedTraces, Timeline
from gui.core.tracing.model import ADDED, REMOVED, SAME, Origin, Trace, Traced

TRACE_COLUMNS = ("No.", "Date", "Outlet", "Article", "Speaker", "Via", "Change")
SIMILAR_COLUMNS = ("Date", "Outlet", "Article", "Speaker", "Text")
FIGURE_COLUMNS = ("Date", "Outlet", "Figure", "Value", "Source", "Article")
TRACE_NOTE = (
    " Each is traced across the library: every article that carries the same statement, by"
    " publication date and then relay order, with how its words differ from the earliest"
    " version (underlined: added; struck through: left out)."
)
TIMELINE_NOTE = (
    "The figures given for the same event and thing counted, in every article of the library,"
    " by publication date: a point per dated figure, a marker shape and colour per outlet."
    " Sourcelight sets figures side by side; only a person says whether they contradict."
)


def traced_quotes_html(marked: MarkedTraces, this_article: int = 0) -> str:
    """The Traced quotes section: each marked quote's appearances, origin and look-alikes."""
    intro = element("p", esc(DEFINITION + TRACE_NOTE), cls="small")
    if not marked.traces:
        return section("Traced quotes", intro + element("p", "No marked quotes."))
    parts = [intro, *(_one_trace(t, this_article) for t in marked.traces)]
    if marked.left_out:
        parts.append(element("p", esc(_left_out(marked.left_out)), cls="small"))
    return section("Traced quotes", "".join(parts), cls="traced")


def _left_out(count: int) -> str:
    """What the report says of the marked quotes it did not trace."""
    plural = "s" * (count != 1)
    return (
        f"{count:,} more marked quote{plural} not traced here: trace them in the window"
        " (right-click > Trace Across the Library) or with `sourcelight trace`."
    )


def _one_trace(marked: MarkedTrace, this_article: int) -> str:
    """One marked quote: its heading, who marked it, its origin, its appearances."""
    row, trace = marked.marked, marked.trace
    who = ", ".join(row.annotators) or "someone"
    labels = f" ({', '.join(row.labels)})" if row.labels else ""
    lines = [f"Marked by {who}{labels} in article {row.article_id}."]
    lines += [
        f"Also marked in article {m.article_id} by {', '.join(m.annotators)}." for m in marked.also
    ]
    lines.append("Origin: " + origin_words(trace))
    parts = [
        element("h3", element("span", esc(f"“{row.text}”"), cls="quote")),
        element("p", "<br>".join(esc(line) for line in lines), cls="meta"),
        trace_table(trace, this_article),
    ]
    if trace.similar:
        parts.append(element("p", "Similar words, different speaker (not this statement):"))
        rows = [_similar_row(t, this_article) for t in trace.similar]
        parts.append(table(SIMILAR_COLUMNS, rows, cls="similar"))
    return element("div", "".join(parts), cls="traced-quote")


def trace_table(trace: Trace, this_article: int = 0) -> str:
    """The appearances, a row of facts each and under it a row with its words, full width."""
    head = element("tr", "".join(element("th", esc(h)) for h in TRACE_COLUMNS))
    rows = []
    for cells, wording in zip(trace_rows(trace, this_article), trace.appearances, strict=True):
        rows.append(element("tr", "".join(element("td", c) for c in cells)))
        words = element("td", wording_html(wording), colspan=str(len(TRACE_COLUMNS) - 1))
        rows.append(element("tr", element("td", "") + words, cls="wording"))
    content = element("thead", head) + element("tbody", "".join(rows))
    return element("table", content, cls="trace", width="100%")


def origin_words(trace: Trace) -> str:
    """Where the statement first appeared, and why the trace says so, in words."""
    origin: Origin | None = trace.origin
    if origin is None:
        return "not found."
    if origin.index is None:
        return (
            f"{origin.outlet}, which the earliest appearance says it relays"
            " (no article of it is in the library)."
        )
    a = trace.appearances[origin.index].appearance
    place = f"article {a.article_id}, {a.outlet or 'no outlet'}, {a.published or 'undated'}"
    why = {
        "earliest": "the earliest appearance, relaying no one",
        "pointed": "the outlet the earliest appearance says it relays",
    }.get(origin.reason, origin.reason)
    return f"{place} ({why})."


def trace_rows(trace: Trace, this_article: int = 0) -> list[list[str]]:
    """The appearances' facts as cells, in trace order; the origin's number says so."""
    origin = trace.origin.index if trace.origin else None
    rows = []
    for n, t in enumerate(trace.appearances):
        a = t.appearance
        number = f"{n + 1} (origin)" if n == origin else str(n + 1)
        change = t.change if t.change == SAME else f"{t.change} ({t.similarity:.2f})"
        cells = [number, a.outlet, _article(a.article_id, this_article)]
        cells += [a.speaker, a.chain or "direct", change]
        rows.append([esc(cells[0]), _date(a.published), *map(esc, cells[1:])])
    return rows


def wording_html(traced: Traced) -> str:
    """The version's words, those added underlined and those left out struck through."""
    if traced.change == SAME or not traced.words:
        return element("span", esc(traced.appearance.text), cls="quote")
    words = []
    for w in traced.words:
        cls = {ADDED: "w-added", REMOVED: "w-removed"}.get(w.mark, "")
        words.append(element("span", esc(w.text), cls=cls) if cls else esc(w.text))
    return element("span", " ".join(words), cls="quote")


def _similar_row(t: Traced, this_article: int) -> list[str]:
    """A look-alike statement of another speaker as cells."""
    a = t.appearance
    cells = [a.outlet, _article(a.article_id, this_article), a.speaker]
    return [_date(a.published), *map(esc, cells), element("span", esc(a.text), cls="quote")]


def _date(published: str) -> str:
    """A publication date kept on one line (Qt would break it at its hyphens)."""
    return element("span", esc(published or "undated"), cls="nowrap")


def _article(article_id: int, this_article: int) -> str:
    """An article's number, with "this article" for the report's own."""
    return f"{article_id} (this article)" if article_id == this_article else str(article_id)


def timelines_html(
    timelines: Sequence[Timeline],
    this_article: int = 0,
    more_groups: int = 0,
    empty: str = "",
    alone: int = 0,
) -> str:
    """The Claims timeline section: for each event group a drawn timeline and its figures.

    more_groups: groups left out for room; alone: groups only this article has figures of.
    """
    parts = [element("p", esc(TIMELINE_NOTE), cls="small")]
    parts += [_one_timeline(t, this_article) for t in timelines]
    if not timelines:
        parts.append(element("p", esc(empty or "No figures about the same event.")))
    if more_groups:
        plural = "s" * (more_groups != 1)
        more = f"{more_groups:,} more event group{plural} not shown (the largest come first)."
        parts.append(element("p", esc(more), cls="small"))
    if alone:
        plural = "s" * (alone != 1)
        only = f"{alone:,} more event group{plural} with figures from this article alone."
        parts.append(element("p", esc(only), cls="small"))
    return section("Claims timeline", "".join(parts), cls="timelines")


def _one_timeline(timeline: Timeline, this_article: int) -> str:
    """One event group: heading, SVG, the figures' table, and what was left out."""
    group = timeline.group
    listed = len(group.figures)
    count = f"{timeline.figures:,} figure{'s' * (timeline.figures != 1)}"
    count += f" in {timeline.articles:,} article{'s' * (timeline.articles != 1)}"
    heading = f"{esc(group_name(group.event, group.counted))} <span class='small'>({count})</span>"
    svg = timeline_svg(group, group_name(group.event, group.counted), this_article)
    parts = [element("h3", heading)]
    if svg:
        parts.append(element("div", svg, cls="timeline"))
    rows = [_figure_row(f, this_article) for f in group.figures]
    parts.append(table(FIGURE_COLUMNS, rows, cls="figures"))
    notes = []
    if listed < timeline.figures:
        notes.append(
            f"Listed: {listed:,} of {timeline.figures:,} figures, one in every"
            f" {timeline.every:,} by date (and all of this article's)."
            if this_article
            else f"Listed: {listed:,} of {timeline.figures:,} figures, one in every"
            f" {timeline.every:,} by date."
        )
    undrawn = listed - len(plotted(group))
    if undrawn:
        notes.append(f"{undrawn:,} listed without a date or a value, so not drawn.")
    if notes:
        parts.append(element("p", esc(" ".join(notes)), cls="small"))
    return element("div", "".join(parts), cls="event-group")


def group_name(event: str, counted: str) -> str:
    """An event group's name: "injure · people"."""
    return " · ".join(word for word in (event, counted) if word) or "(no event)"


def _figure_row(f: ClaimFigure, this_article: int) -> list[str]:
    """One figure as cells."""
    value = "" if f.value is None else f"{f.value:g}"
    source = " ← ".join(part for part in (f.via, f.source) if part) or "the article itself"
    cells = [f.outlet, f.text, value, source, _article(f.article_id, this_article)]
    return [_date(f.published), *map(esc, cells)]
