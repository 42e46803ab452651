"""A claims timeline: each outlet's figures for one event, by publication date, as a small plot.

Dates run left to right, values bottom to top, one colour and one marker shape per outlet,
so the plot reads without colour too; the accessible description says every point in words.
Only the outlets with most figures are drawn (as many as there are colours): an event that
three hundred outlets counted would be a tangle, and slow to paint; the table lists them all.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from gui.widgets.theme import readable_colour

Series = dict[str, list[tuple[str, float]]]  # outlet -> (ISO date, value), as EventGroup.series()
_COLOURS = ("#1F6FB2", "#B04A00", "#2E7D32", "#7B3FA0", "#A0522D", "#00838F")
_MARGIN = 28
DRAWN = len(_COLOURS)  # outlets drawn at most: those with most figures


class TimelinePlot(QWidget):
    """The figures of one event over time, an outlet per line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: Series = {}
        self.drawn: Series = {}  # the outlets drawn: those of series with most figures
        self.setMinimumHeight(120)
        self.setAccessibleName("Figures over time")

    def sizeHint(self) -> QSize:
        return QSize(360, 160)

    def set_series(self, series: Series) -> None:
        """Plot these figures (an empty series clears the plot)."""
        self.series = {outlet: sorted(points) for outlet, points in series.items() if points}
        most = sorted(self.series, key=lambda o: (-len(self.series[o]), o.casefold()))[:DRAWN]
        self.drawn = {o: points for o, points in self.series.items() if o in set(most)}
        self.setAccessibleDescription(self.described())
        self.update()

    @property
    def left_out(self) -> int:
        """How many outlets with figures are not drawn."""
        return len(self.series) - len(self.drawn)

    def described(self) -> str:
        """Every point drawn in words: "Baltic Wire: 14 on 2026-03-02, 21 on 2026-03-05"."""
        said = [
            f"{outlet or 'no outlet'}: " + ", ".join(f"{v:g} on {d}" for d, v in points)
            for outlet, points in self.drawn.items()
        ]
        if self.left_out:
            said.append(f"{self.left_out:,} outlets more, not drawn (the table lists them)")
        return "; ".join(said)

    def points(self, area: QRectF | None = None) -> dict[str, list[QPointF]]:
        """Where each outlet's points go in area (default: the widget less its margins)."""
        area = area or self._area()
        every = [(_day(d), v) for points in self.drawn.values() for d, v in points]
        if not every:
            return {}
        first = min(d for d, _ in every)
        span = max(max(d for d, _ in every) - first, 1)
        top = max(v for _, v in every) or 1.0

        def place(d: str, v: float) -> QPointF:
            x = area.left() + area.width() * (_day(d) - first) / span
            return QPointF(x, area.bottom() - area.height() * v / top)

        return {o: [place(d, v) for d, v in points] for o, points in self.drawn.items()}

    def _area(self) -> QRectF:
        """The plot's area: the widget less its margins."""
        return QRectF(self.rect()).adjusted(_MARGIN, _MARGIN / 2, -_MARGIN / 2, -_MARGIN)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.palette().windowText().color()
        area = self._area()
        painter.setPen(QPen(ink, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        placed = self.points(area)
        for n, where in enumerate(placed.values()):
            painter.setPen(QPen(readable_colour(_COLOURS[n % len(_COLOURS)]), 2))
            painter.drawPolyline(QPolygonF(where))
            for point in where:
                _marker(painter, point, n)
        self._legend(painter, area, list(placed))
        painter.end()

    def _legend(self, painter: QPainter, area: QRectF, outlets: list[str]) -> None:
        """The outlets' names in their colours, bottom right (where rising figures leave room),
        on a pale box so that lines under it do not hide them."""
        if not outlets:
            return
        metrics, names = painter.fontMetrics(), [o or "no outlet" for o in outlets]
        if self.left_out:
            names.append(f"+{self.left_out:,} outlets not drawn")
        width = max(metrics.horizontalAdvance(n) for n in names) + 8
        box = QRectF(
            area.right() - width, area.bottom() - 14 * len(names) - 6, width, 14 * len(names) + 4
        )
        back = self.palette().base().color()
        back.setAlpha(215)
        painter.fillRect(box, back)
        for n, name in enumerate(names):
            colour = _COLOURS[n] if n < len(outlets) else None
            painter.setPen(QPen(readable_colour(colour) if colour else self.palette().text(), 2))
            painter.drawText(QPointF(box.left() + 4, box.top() + 12 + 14 * n), name)


def _day(iso: str) -> int:
    """The day number of an ISO date."""
    return date.fromisoformat(iso[:10]).toordinal()


def _marker(painter: QPainter, at: QPointF, shape: int) -> None:
    """A dot, square or diamond (by outlet), so the lines read without colour."""
    r = 3.5
    if shape % 3 == 0:
        painter.drawEllipse(at, r, r)
    elif shape % 3 == 1:
        painter.drawRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r))
    else:
        painter.drawPolygon(
            QPolygonF(
                [at + QPointF(0, -r), at + QPointF(r, 0), at + QPointF(0, r), at + QPointF(-r, 0)]
            )
        )
