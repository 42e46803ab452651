"""A claims timeline as inline SVG: each figure of an event group a point, by date and value.

Written as text, with no Qt, no script and nothing fetched, so that it prints from a browser;
gui/reports/pdf.py draws the same SVG into the PDF. Dates run left to right and values
bottom to top; each outlet has a colour and a marker shape of its own, so the plot reads in
black and white too, and each point's <title> says it in words. Outlets past the seventh
share a grey cross ("other outlets"); points on one date and value sit side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from gui.core.reports.markup import esc
from gui.core.tracing.claims import ClaimFigure, EventGroup

WIDTH, PLOT_HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 44, 14, 46  # margins around the plot area, in px
LEGEND_ROW = 18
# Okabe-Ito hues dark enough on white paper, with a shape each.
MARKERS = (
    ("#0072B2", "circle"),
    ("#D55E00", "square"),
    ("#009E73", "diamond"),
    ("#CC79A7", "triangle"),
    ("#8C6D1F", "down"),
    ("#56B4E9", "circle-open"),
    ("#000000", "square-open"),
)
OTHER = ("#777777", "cross")
R = 5  # marker radius
SPREAD = 2  # points at one place set beside each other at most this far (in 7 px steps)
TICKS = 5  # value steps on the vertical axis, at most
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="11"'


@dataclass(frozen=True)
class Point:
    """One figure placed on the plot."""

    x: float
    y: float
    figure: ClaimFigure
    marker: tuple[str, str]


def plotted(group: EventGroup) -> list[ClaimFigure]:
    """The figures a timeline can draw: dated, with a value."""
    return [f for f in group.figures if _day(f.published) is not None and f.value is not None]


def timeline_svg(group: EventGroup, label: str = "", this_article: int = 0) -> str:
    """The SVG of the group's dated figures with a value ('' when there are none).

    The figures of this_article (an article report's own) are ringed, and the legend says so.
    """
    figures = plotted(group)
    if not figures:
        return ""
    outlets = _outlets(figures)
    points = _points(figures, outlets)
    ringed = any(f.article_id == this_article for f in figures)
    height = TOP + PLOT_HEIGHT + BOTTOM + LEGEND_ROW * _legend_rows(outlets, ringed)
    title = label or f"{group.event} {group.counted}".strip()
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{WIDTH}"'
        f' height="{height}" viewBox="0 0 {WIDTH} {height}" role="img"'
        f' aria-label="{esc("Figures over time: " + title)}">',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
        *_axes(figures),
        *_lines(points),
        *(_marker(p, p.figure.article_id == this_article) for p in points),
        *_legend(outlets, TOP + PLOT_HEIGHT + BOTTOM, ringed),
        "</svg>",
    ]
    return "\n".join(parts)


def _outlets(figures: list[ClaimFigure]) -> dict[str, tuple[str, str]]:
    """Each outlet's marker: the outlets with most figures first, the rest OTHER."""
    counts: dict[str, int] = {}
    for f in figures:
        counts[f.outlet] = counts.get(f.outlet, 0) + 1
    ranked = sorted(counts, key=lambda o: (-counts[o], o.casefold()))
    return {o: MARKERS[n] if n < len(MARKERS) else OTHER for n, o in enumerate(ranked)}


def _points(figures: list[ClaimFigure], outlets: dict[str, tuple[str, str]]) -> list[Point]:
    """Where each figure goes; figures of one date and value are spread sideways."""
    first, last, top = _ranges(figures)
    span = max(last - first, 1)
    width, bottom = WIDTH - LEFT - RIGHT, TOP + PLOT_HEIGHT
    same: dict[tuple[int, float], int] = {}
    points = []
    for f in sorted(figures, key=lambda f: (f.published, f.outlet.casefold(), f.article_id)):
        day, value = _day(f.published), float(f.value)
        x = LEFT + width * (day - first) / span if last > first else LEFT + width / 2
        nth = same[day, value] = same.get((day, value), -1) + 1
        y = bottom - PLOT_HEIGHT * value / top
        points.append(Point(x + _spread(nth), y, f, outlets[f.outlet]))
    return points


def _spread(nth: int) -> float:
    """The sideways offset of the nth point at one place: 0, +7, -7, +14, -14, then +14 ..."""
    if nth == 0:
        return 0.0
    return (1 if nth % 2 else -1) * 7.0 * min((nth + 1) // 2, SPREAD)


def _ranges(figures: list[ClaimFigure]) -> tuple[int, int, float]:
    """First and last day, and the value at the top of the plot (a round number)."""
    days = [_day(f.published) for f in figures]
    return min(days), max(days), _top(max(float(f.value) for f in figures))


def _top(value: float) -> float:
    """The value at the top of the plot: the first tick at or above value."""
    step = tick_step(value)
    return step * max(math.ceil(value / step), 1)


def tick_step(value: float) -> float:
    """The round step (1, 2, 2.5 or 5 times a power of ten) that TICKS steps reach value with."""
    if value <= 0:
        return 1.0
    wanted = value / TICKS
    power = 10 ** math.floor(math.log10(wanted))
    return next(step * power for step in (1, 2, 2.5, 5, 10) if step * power >= wanted)


def _axes(figures: list[ClaimFigure]) -> list[str]:
    """The two axes, the value ticks with their grid lines, and the date ticks."""
    first, last, top = _ranges(figures)
    bottom, right = TOP + PLOT_HEIGHT, WIDTH - RIGHT
    out = [
        f'<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#000000"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}" stroke="#000000"/>',
    ]
    step = tick_step(max(float(f.value) for f in figures))
    steps = round(top / step)
    for n in range(steps + 1):
        value, y = step * n, bottom - PLOT_HEIGHT * n / steps
        if n:
            out.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#dddddd"/>'
            )
        out.append(_text(LEFT - 6, y + 4, f"{value:g}", "end"))
    days = sorted({_day(f.published) for f in figures})
    for day in _date_ticks(days):
        x = LEFT + (WIDTH - LEFT - RIGHT) * (
            (day - first) / (last - first) if last > first else 0.5
        )
        out.append(
            f'<line x1="{x:.1f}" y1="{bottom}" x2="{x:.1f}" y2="{bottom + 4}" stroke="#000"/>'
        )
        out.append(_text(x, bottom + 17, date.fromordinal(day).isoformat(), "middle"))
    return out


def _date_ticks(days: list[int]) -> list[int]:
    """The days to name under the axis: all of them up to six, else six spread evenly."""
    if len(days) <= 6:
        return days
    return [days[round(n * (len(days) - 1) / 5)] for n in range(6)]


def _lines(points: list[Point]) -> list[str]:
    """A thin line through each outlet's points, in date order."""
    by_outlet: dict[str, list[Point]] = {}
    for p in points:
        by_outlet.setdefault(p.figure.outlet, []).append(p)
    out = []
    for outlet_points in by_outlet.values():
        colour, shape = outlet_points[0].marker
        if len(outlet_points) > 1 and shape != OTHER[1]:
            path = " ".join(f"{p.x:.1f},{p.y:.1f}" for p in outlet_points)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="1.5"/>'
            )
    return out


def _marker(p: Point, ringed: bool = False) -> str:
    """One figure's marker (ringed: the report's own article), with what it says as its title."""
    f = p.figure
    said = f"{f.published} · {f.outlet or 'no outlet'}: {f.text}" + (
        f" ({f.source})" if f.source else ""
    )
    title = f"<title>{esc(said)}</title>"
    ring = _ring(p.x, p.y) if ringed else ""
    return f'<g class="point">{ring}{_shape(p.x, p.y, *p.marker)}{title}</g>'


def _shape(x: float, y: float, colour: str, shape: str) -> str:
    """A marker of this shape and colour centred on (x, y)."""
    fill = "#ffffff" if shape.endswith("-open") else colour
    common = f'fill="{fill}" stroke="{colour}" stroke-width="1.5"'
    kind = shape.removesuffix("-open")
    if kind == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{R}" {common}/>'
    if kind == "square":
        return f'<rect x="{x - R:.1f}" y="{y - R:.1f}" width="{2 * R}" height="{2 * R}" {common}/>'
    if kind == "cross":
        a, b, c, d = x - R, y - R, x + R, y + R
        lines = f"M{a:.1f},{b:.1f} L{c:.1f},{d:.1f} M{a:.1f},{d:.1f} L{c:.1f},{b:.1f}"
        return f'<path d="{lines}" stroke="{colour}" stroke-width="2" fill="none"/>'
    corners = {
        "diamond": ((0, -R - 1), (R + 1, 0), (0, R + 1), (-R - 1, 0)),
        "triangle": ((0, -R - 1), (R + 1, R), (-R - 1, R)),
        "down": ((0, R + 1), (R + 1, -R), (-R - 1, -R)),
    }[kind]
    path = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in corners)
    return f'<polygon points="{path}" {common}/>'


def _ring(x: float, y: float) -> str:
    """The ring around a figure of the report's own article."""
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{R + 4}" fill="none" stroke="#000000"/>'


def _legend_rows(outlets: dict[str, tuple[str, str]], ringed: bool = False) -> int:
    """How many rows the legend takes: two entries a row."""
    shown = min(len(outlets), len(MARKERS) + (len(outlets) > len(MARKERS))) + ringed
    return (shown + 1) // 2


def _legend(outlets: dict[str, tuple[str, str]], top: float, ringed: bool = False) -> list[str]:
    """Each outlet's marker and name, two a row; the outlets past the seventh as one entry."""
    entries = [(o or "no outlet", m) for o, m in outlets.items() if m != OTHER]
    others = len(outlets) - len(entries)
    if others:
        entries.append((f"{others} other outlet{'s' * (others != 1)}", OTHER))
    if ringed:
        entries.append(("ringed: this article's figures", ("", "ring")))
    out = []
    for n, (name, (colour, shape)) in enumerate(entries):
        x, y = LEFT + (n % 2) * (WIDTH - LEFT) / 2, top + LEGEND_ROW * (n // 2) + 4
        out.append(_ring(x + R, y) if shape == "ring" else _shape(x + R, y, colour, shape))
        shown = name if len(name) <= 36 else name[:35] + "…"
        out.append(_text(x + 2 * R + 10, y + 4, shown, "start"))
    return out


def _text(x: float, y: float, text: str, anchor: str) -> str:
    """A label at (x, y)."""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {FONT}>{esc(text)}</text>'


def _day(published: str) -> int | None:
    """The day number of an ISO date (its first ten characters), None when there is none."""
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None
