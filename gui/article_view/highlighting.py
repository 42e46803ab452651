"""Draws highlights over a plain-text view: the only place where offsets meet Qt positions.

The document itself is never formatted. On each paint, the blocks that are laid out in the
viewport look their spans up in a SpanIndex and draw tinted boxes under the text and a
patterned underline, so opening a long article costs nothing per highlight.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPen, QRegion, QTextBlock
from PySide6.QtWidgets import QPlainTextEdit

from gui.article_view.palette import Style
from gui.core.colours import Rgb, readable_alpha
from gui.core.span_index import Highlight, SpanIndex, assign_lanes
from gui.core.text import DocumentIndex

Page = tuple[Rgb, Rgb]  # the paper and the ink the highlights are drawn between
TINT_CONTRAST = 4.7  # a little above WCAG AA (4.5): painting rounds the blended colour
VEIL_ALPHA = 165  # how far the spotlight dims the rest of the text towards the paper
HATCH_ALPHA = 110  # of a box's hatch (the compare overlay's), 0-255


class HighlightLayer:
    """One set of highlights drawn over a view: a tint under the text, optionally underlined."""

    def __init__(self, style_of: Callable[[str], Style], underline: bool = True) -> None:
        self.index = SpanIndex()
        self.hidden: set[str] = set()
        self.visible = True
        self.boost = 1.0  # tint strength, raised for projection
        self.tips: list[str] = []  # hover text of each item, when the layer has any
        self._style_of = style_of
        self._underline = underline

    def visible_in(self, start: int, end: int) -> list[Highlight]:
        """Highlights overlapping [start, end) whose style is not hidden."""
        if not self.visible:
            return []
        return [h for h in self.index.overlapping(start, end) if h.style not in self.hidden]

    def set_spans(self, spans, tips: list[str] | None = None) -> None:
        """Index (start, end, style) spans, with a hover text for each."""
        self.index = SpanIndex.of(spans)
        self.tips = list(tips or [])

    def tips_at(self, offset: int) -> list[str]:
        """The hover texts of the visible spans at offset, once each."""
        found = (self.tips[h.item] for h in self.visible_in(offset, offset + 1) if self.tips)
        return list(dict.fromkeys(found))

    def style(self, highlight: Highlight) -> Style:
        """How this highlight is drawn."""
        return self._style_of(highlight.style)

    def draw(
        self, painter: QPainter, highlight: Highlight, rects: list[QRectF], page: Page
    ) -> None:
        """Fill the rectangles with the style's tint and underline them in its pattern."""
        style = self.style(highlight)
        fill = style.fill()
        alpha = min(255, round(fill.alpha() * self.boost))
        # However strong the tint (a projector boosts it), the text over it stays readable.
        tint = (fill.red(), fill.green(), fill.blue())
        fill.setAlpha(readable_alpha(tint, alpha, *page, TINT_CONTRAST))
        for rect in rects:
            painter.fillRect(rect, fill)
        if not self._underline:
            return
        painter.setPen(QPen(QColor(style.colour), 2, style.pen))
        for rect in rects:
            y = rect.bottom() - 1
            painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))


class BoxLayer(HighlightLayer):
    """Annotations: a box in the label's colour around the text, and a bar in the gutter.

    Overlapping annotations get lanes: nested boxes step inwards and the gutter bars stand
    side by side, so every one of them stays visible over the entity tints.
    """

    def __init__(self, style_of: Callable[[str], Style]) -> None:
        super().__init__(style_of, underline=False)
        self.lanes: list[int] = []  # lane of each item, by item index
        self.pens: list[Qt.PenStyle] = []  # line of each item's box: one per annotator layer
        self.width = 2.0
        self.gutter_left = 4.0

    def set_spans(self, spans: Sequence[tuple[int, int, str]], tips=None, pens=None) -> None:
        """Index (start, end, style) spans and give overlapping ones their own lanes."""
        super().set_spans(spans, tips)
        self.lanes = assign_lanes([(start, end) for start, end, _ in spans])
        self.pens = list(pens or [])

    def draw(
        self, painter: QPainter, highlight: Highlight, rects: list[QRectF], page: Page
    ) -> None:
        colour = QColor(self.style(highlight).colour)
        lane = self.lanes[highlight.item] if highlight.item < len(self.lanes) else 0
        inset = min(lane, 3) * 2.0
        pen_style = self.pens[highlight.item] if highlight.item < len(self.pens) else None
        painter.setPen(QPen(colour, self.width, pen_style or Qt.PenStyle.SolidLine))
        hatch = QColor(colour)
        hatch.setAlpha(HATCH_ALPHA)  # the pattern stays behind the text, which stays readable
        painter.setBrush(QBrush(hatch, self.style(highlight).hatch))
        for rect in rects:
            painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
            x = self.gutter_left + lane * 5
            painter.fillRect(QRectF(x, rect.top(), 3, rect.height()), colour)


class Highlighter:
    """Paints layers of highlights for one QPlainTextEdit, converting offsets as it goes."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self._view = view
        self.layers: list[HighlightLayer] = []
        self.utf16 = DocumentIndex("")
        self.spotlight: tuple[int, int] | None = None  # the one span not dimmed, if any

    def set_text(self, text: str) -> None:
        """Prepare offset conversion for a new body (call after setPlainText)."""
        self.utf16 = DocumentIndex(text)

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

    def page(self) -> Page:
        """The view's paper and ink colours, as the theme set them."""
        palette = self._view.palette()
        paper = palette.color(QPalette.ColorRole.Base)
        ink = palette.color(QPalette.ColorRole.Text)
        return (paper.red(), paper.green(), paper.blue()), (ink.red(), ink.green(), ink.blue())

    def paint(self, painter: QPainter, clip: QRectF) -> None:
        """Draw every visible layer's highlights that fall in the clip rectangle."""
        page = self.page()
        for block, rect in self.visible_blocks():
            if rect.bottom() < clip.top() or rect.top() > clip.bottom():
                continue
            block_start, block_end = self._block_range(block)
            for layer in self.layers:
                for highlight in layer.visible_in(block_start, block_end):
                    rects = self.span_rects(block, rect.topLeft(), highlight.start, highlight.end)
                    layer.draw(painter, highlight, rects, page)

    def paint_veil(self, painter: QPainter, paper: QColor) -> None:
        """Dim the whole view in the paper's colour but for the spotlit span."""
        if self.spotlight is None:
            return
        viewport = self._view.viewport().rect()
        shown = QRegion(viewport)
        for rect in self.rects_for(*self.spotlight):
            shown -= QRegion(rect.adjusted(-4, -2, 4, 2).toAlignedRect())
        veil = QColor(paper)
        veil.setAlpha(VEIL_ALPHA)
        painter.setClipRegion(shown)
        painter.fillRect(viewport, veil)

    def _block_range(self, block: QTextBlock) -> tuple[int, int]:
        """The block's [start, end) in code points, its separator included."""
        start = self.utf16.from_utf16(block.position())
        return start, self.utf16.from_utf16(block.position() + block.length())
