"""Draws highlights over a plain-text view: the only place where offsets meet Qt positions.

The document itself is never formatted. On each paint, the blocks that are laid out in the
viewport look their spans up in a SpanIndex and draw tinted boxes under the text and a
patterned underline, so opening a long article costs nothing per highlight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

from gui.article_view.palette import Style
from gui.core.span_index import Highlight, SpanIndex
from gui.core.text import Utf16Index


class HighlightLayer:
    """One set of highlights drawn over a view, e.g. entities or find matches."""

    def __init__(self, style_of: Callable[[str], Style], underline: bool = True) -> None:
        self.index = SpanIndex()
        self.hidden: set[str] = set()
        self._style_of = style_of
        self._underline = underline

    def visible_in(self, start: int, end: int) -> list[Highlight]:
        """Highlights overlapping [start, end) whose style is not hidden."""
        return [h for h in self.index.overlapping(start, end) if h.style not in self.hidden]

    def style(self, highlight: Highlight) -> Style:
        """How this highlight is drawn."""
        return self._style_of(highlight.style)

    @property
    def underline(self) -> bool:
        """True when the layer draws an underline under each span."""
        return self._underline


class Highlighter:
    """Paints layers of highlights for one QPlainTextEdit, converting offsets as it goes."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self._view = view
        self.layers: list[HighlightLayer] = []
        self.utf16 = Utf16Index("")

    def set_text(self, text: str) -> None:
        """Prepare offset conversion for a new body (call after setPlainText)."""
        self.utf16 = Utf16Index(text)

    def visible_blocks(self) -> Iterator[tuple[QTextBlock, QRectF]]:
        """The blocks laid out in the viewport, with their rectangles in viewport coordinates."""
        view = self._view
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        bottom = view.viewport().rect().bottom()
        while block.isValid():
            rect = view.blockBoundingGeometry(block).translated(offset)
            if rect.top() > bottom:
                break
            if block.isVisible():
                yield block, rect
            block = block.next()

    def span_rects(self, block: QTextBlock, origin: QPointF, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering [start, end) (code points) within one block."""
        layout = block.layout()
        base = block.position()
        first = max(self.utf16.to_utf16(start) - base, 0)
        last = min(self.utf16.to_utf16(end) - base, block.length() - 1)
        rects = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            line_start, line_end = line.textStart(), line.textStart() + line.textLength()
            if last <= line_start or first >= line_end:
                continue
            x1 = line.cursorToX(max(first, line_start))[0]
            x2 = line.cursorToX(min(last, line_end))[0]
            rects.append(QRectF(origin.x() + x1, origin.y() + line.y(), x2 - x1, line.height()))
        return rects

    def rects_for(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of a span, over the blocks now laid out."""
        rects = []
        for block, rect in self.visible_blocks():
            block_start, block_end = self._block_range(block)
            if start < block_end and end > block_start:
                rects += self.span_rects(block, rect.topLeft(), start, end)
        return rects

    def paint(self, painter: QPainter, clip: QRectF) -> None:
        """Draw every visible layer's highlights that fall in the clip rectangle."""
        for block, rect in self.visible_blocks():
            if rect.bottom() < clip.top() or rect.top() > clip.bottom():
                continue
            block_start, block_end = self._block_range(block)
            for layer in self.layers:
                for highlight in layer.visible_in(block_start, block_end):
                    rects = self.span_rects(block, rect.topLeft(), highlight.start, highlight.end)
                    self._draw(painter, layer, layer.style(highlight), rects)

    def _block_range(self, block: QTextBlock) -> tuple[int, int]:
        """The block's [start, end) in code points, its separator included."""
        start = self.utf16.from_utf16(block.position())
        return start, self.utf16.from_utf16(block.position() + block.length())

    @staticmethod
    def _draw(painter: QPainter, layer: HighlightLayer, style: Style, rects: list[QRectF]) -> None:
        """Fill the rectangles with the style's tint and underline them in its pattern."""
        fill = style.fill()
        for rect in rects:
            painter.fillRect(rect, fill)
        if not layer.underline:
            return
        pen = QPen(QColor(style.colour), 2, style.pen)
        painter.setPen(pen)
        for rect in rects:
            y = rect.bottom() - 1
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
