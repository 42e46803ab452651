"""The relay graph of the Outlets tab: outlets on a circle, an arrow for each edge, width by count.

The layout comes from gui.core.tracing.outlet_graph (Qt-free); this view only scales it to
its size and draws it. An arrow runs from the outlet a statement came through to the outlet
that printed it, like the table's From → To. Clicking an edge announces its row
(edge_clicked); the owner selects it in the table, which lists the statements behind it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsEllipseItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from gui.core.tracing.outlet_graph import GraphLayout, graph_layout
from gui.core.tracing.outlets import RelayEdge
from gui.widgets.theme import readable_colour

LEGEND = "Arrow: from the outlet a statement came through to the outlet that printed it"
_LABEL_CHARS = 22  # an outlet's name is cut after this many characters (the tooltip has it all)
_HIT = 10.0  # pixels either side of an edge that still click it
_ARROW = 9.0  # length of an arrow's head
_SELECTED = "#1F6FB2"


class EdgeItem(QGraphicsPathItem):
    """One edge's curve with its arrowhead; its row is the edge's row in the table."""

    def __init__(self, row: int, path: QPainterPath, head: QPolygonF, pen: QPen) -> None:
        super().__init__(path)
        self.row = row
        self.head = head
        self.setPen(pen)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(max(self.pen().widthF(), 2 * _HIT))
        hit = stroker.createStroke(self.path())
        hit.addPolygon(self.head)
        return hit

    def boundingRect(self) -> QRectF:
        return self.shape().boundingRect()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(self.pen())
        painter.drawPath(self.path())
        painter.setBrush(QBrush(self.pen().color()))
        painter.setPen(QPen(self.pen().color(), 1))
        painter.drawPolygon(self.head)

    def midpoint(self) -> QPointF:
        """A point on the curve, halfway (where a test or a user clicks it)."""
        return self.path().pointAtPercent(0.5)


class OutletGraph(QGraphicsView):
    """The busiest outlets and the relay edges between them; click an edge to pick it."""

    edge_clicked = Signal(int)  # the edge's row in the edges listed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(160)
        self.setAccessibleName("Relay graph")
        self.edges: list[RelayEdge] = []
        self.layout_: GraphLayout = GraphLayout()
        self._edge_items: dict[int, EdgeItem] = {}
        self.selected = -1
        self._room = 0.0

    def sizeHint(self) -> QSize:
        return QSize(360, 240)

    def set_edges(self, edges: Sequence[RelayEdge], layout: GraphLayout | None = None) -> None:
        """Draw these edges (the busiest outlets of them); none picked.

        layout: graph_layout(edges), when the owner made it already (on a worker: it tries
        many orders of the outlets, too slow for the GUI thread with many edges).
        """
        self.edges, self.selected = list(edges), -1
        self.layout_ = graph_layout(self.edges) if layout is None else layout
        described = [f"{e.source} to {e.target}: {e.count}" for e in self.edges]
        self.setAccessibleDescription("; ".join(filter(None, [self.layout_.caption, *described])))
        self._draw()

    def select_edge(self, row: int) -> None:
        """Show the edge of this row as the one picked (-1: none)."""
        self.selected = row
        self._draw()

    def edge_item(self, row: int) -> EdgeItem | None:
        """The item drawn for the edge of this row (None when its outlets are not drawn)."""
        return self._edge_items.get(row)

    def mousePressEvent(self, event) -> None:
        under = self.items(event.position().toPoint())
        hit = next((item for item in under if isinstance(item, EdgeItem)), None)
        if hit is not None and event.button() == Qt.MouseButton.LeftButton:
            self.edge_clicked.emit(hit.row)
            event.accept()
            return
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._draw()

    def _draw(self) -> None:
        """Lay the scene out again at the view's size (text keeps its size, the circle grows)."""
        scene = self.scene()
        scene.clear()
        self._edge_items = {}
        area = QRectF(self.viewport().rect())
        scene.setSceneRect(area)
        ink = self.palette().text().color()
        if not self.layout_.nodes:
            self._text("No relays between outlets", area.center(), ink, centred=True)
            return
        names = [_label(n.name) for n in self.layout_.nodes]
        widest = max(self.fontMetrics().horizontalAdvance(name) for name in names)
        line = self.fontMetrics().height()
        beside = min(widest + 16, max(area.width() * 0.3, 60))  # room for a label beside a node
        top = line + 2 if self.layout_.caption else 0.0  # the caption's line
        ring = area.adjusted(0, top + line + 12, 0, -(line + 12))  # labels over and under it
        radius = max(20.0, min(area.width() / 2 - beside, ring.height() / 2))
        self._room = area.width() / 2 - radius - 12  # a label's width at most, beside its node
        centre = ring.center()
        where = [centre + QPointF(n.x * radius, n.y * radius) for n in self.layout_.nodes]
        sizes = [4 + 6 * math.sqrt(n.statements / self._busiest()) for n in self.layout_.nodes]
        for edge in self.layout_.edges:
            self._edge(edge, where, sizes, ink)
        for node, at, size in zip(self.layout_.nodes, where, sizes, strict=True):
            self._node(node, at, size, ink, centre, area)
        if self.layout_.caption:
            self._text(self.layout_.caption, area.topLeft() + QPointF(4, 2), ink)

    def _busiest(self) -> int:
        return max(n.statements for n in self.layout_.nodes) or 1

    def _edge(self, edge, where: list[QPointF], sizes: list[float], ink: QColor) -> None:
        start, end = where[edge.source], where[edge.target]
        chord = end - start
        length = math.hypot(chord.x(), chord.y()) or 1.0
        unit = QPointF(chord.x() / length, chord.y() / length)
        normal = QPointF(-unit.y(), unit.x())  # to the right of the way it points, on screen
        control = (start + end) / 2 + normal * (0.18 * length if edge.bend else 0.0)
        head_at = _towards(end, control, sizes[edge.target] + 2)
        tail_at = _towards(start, control, sizes[edge.source] + 2)
        path = QPainterPath(tail_at)
        path.quadTo(control, _towards(head_at, control, _ARROW * 0.6))
        picked = edge.row == self.selected
        colour = readable_colour(_SELECTED) if picked else QColor(ink)
        if not picked:
            colour.setAlpha(170)
        width = 1.5 + 5.5 * edge.weight + (1.5 if picked else 0.0)
        pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        item = EdgeItem(edge.row, path, _head(head_at, control, _ARROW + width), pen)
        shown = self.edges[edge.row]
        item.setToolTip(f"{shown.source} → {shown.target}: {shown.count} statements")
        item.setZValue(2 if picked else 1)
        self.scene().addItem(item)
        self._edge_items[edge.row] = item

    def _node(
        self, node, at: QPointF, size: float, ink: QColor, centre: QPointF, area: QRectF
    ) -> None:
        dot = QGraphicsEllipseItem(at.x() - size, at.y() - size, 2 * size, 2 * size)
        dot.setBrush(self.palette().base())
        dot.setPen(QPen(ink, 1.5))
        dot.setToolTip(f"{node.name}: {node.statements} statements relayed or printed")
        dot.setZValue(3)
        self.scene().addItem(dot)
        outward, gap = at - centre, size + 3
        above = abs(outward.y()) > 2 * abs(outward.x())  # near the top or bottom of the circle
        room = 2 * self._room if above else area.width() / 2 - abs(outward.x()) - gap - 4
        elide = Qt.TextElideMode.ElideRight
        text = self.fontMetrics().elidedText(_label(node.name), elide, int(max(room, 40)))
        label = self._text(text, at, ink)
        label.setToolTip(node.name)
        box = label.boundingRect()
        if above:  # over or under it
            x = at.x() - box.width() / 2
            y = at.y() + gap if outward.y() > 0 else at.y() - gap - box.height()
        else:  # beside it, on the outer side
            x = at.x() + gap if outward.x() > 0 else at.x() - gap - box.width()
            y = at.y() - box.height() / 2
        x = min(max(x, area.left() + 2), area.right() - box.width() - 2)
        label.setPos(x, y)
        self._backdrop(label)

    def _backdrop(self, label: QGraphicsSimpleTextItem) -> None:
        """A pale box behind a label, so the edges under it do not hide its words."""
        back = QColor(self.palette().base().color())
        back.setAlpha(210)
        box = QGraphicsRectItem(label.sceneBoundingRect().adjusted(-1, 0, 1, 0))
        box.setBrush(back)
        box.setPen(QPen(Qt.PenStyle.NoPen))
        box.setZValue(3.5)
        self.scene().addItem(box)

    def _text(self, text: str, at: QPointF, ink: QColor, centred: bool = False):
        item = QGraphicsSimpleTextItem(text)
        item.setFont(self.font())
        item.setBrush(QBrush(ink))
        item.setZValue(4)
        box = item.boundingRect()
        item.setPos(at - QPointF(box.width() / 2, box.height() / 2) if centred else at)
        self.scene().addItem(item)
        return item


def _label(name: str) -> str:
    """An outlet's name as drawn: cut after _LABEL_CHARS characters."""
    return name if len(name) <= _LABEL_CHARS else name[: _LABEL_CHARS - 1] + "…"


def _towards(point: QPointF, other: QPointF, distance: float) -> QPointF:
    """The point this far from point, on the way to other."""
    way = other - point
    length = math.hypot(way.x(), way.y()) or 1.0
    return point + way * (distance / length)


def _head(tip: QPointF, control: QPointF, size: float) -> QPolygonF:
    """An arrowhead with its tip at tip, pointing away from control."""
    back = _towards(tip, control, size)
    way = tip - back
    side = QPointF(-way.y(), way.x()) * 0.45
    return QPolygonF([tip, back + side, back - side])
