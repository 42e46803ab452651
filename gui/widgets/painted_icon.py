"""Icons painted on demand at the screen's pixel density, so they stay sharp at 150 % and 200 %.

A fixed bitmap made at 14 px is stretched on a high-DPI screen and blurs; an icon engine
paints the same drawing again for each size and device pixel ratio it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap

Paint = Callable[[QPainter, QRectF], None]  # draws the icon into a rectangle, in logical pixels


class PaintedIconEngine(QIconEngine):
    """Draws an icon with a painting function at whatever size and scale Qt asks for."""

    def __init__(self, paint: Paint) -> None:
        super().__init__()
        self._paint = paint

    def paint(self, painter: QPainter, rect: QRect, mode, state) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        self._paint(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode, state) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode, state, scale: float) -> QPixmap:
        pixmap = QPixmap(QSize(round(size.width() * scale), round(size.height() * scale)))
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return pixmap

    def actualSize(self, size: QSize, mode, state) -> QSize:
        return size

    def clone(self) -> QIconEngine:
        return PaintedIconEngine(self._paint)


def painted_icon(paint: Paint) -> QIcon:
    """An icon drawn by paint(painter, rect) at every size and pixel ratio."""
    return QIcon(PaintedIconEngine(paint))
