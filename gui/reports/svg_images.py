"""Inline SVG in a report made images Qt's rich text can lay out (it draws no <svg> itself).

Each <svg> element becomes an <img> of the same size, whose picture the SVG renderer paints
at print resolution and the document holds as a resource: nothing is written or fetched.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRectF, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer

SCALE = 4  # image pixels per CSS px: 384 dpi, sharp on paper
_SVG = re.compile(r"<svg\b[^>]*>.*?</svg>", re.DOTALL)
_SIZE = re.compile(r'\b(width|height)="(\d+(?:\.\d+)?)"')


def with_svg_images(html: str, document: QTextDocument) -> str:
    """html with each inline SVG replaced by an <img> whose picture document now holds."""
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        svg = match.group(0)
        size = dict(_SIZE.findall(svg[: svg.index(">")]))
        width, height = float(size.get("width", 300)), float(size.get("height", 150))
        count += 1
        name = f"sourcelight-svg-{count}.png"
        image = render_svg(svg, width, height)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        return f'<img src="{name}" width="{width:g}" height="{height:g}">'

    return _SVG.sub(replace, html)


def render_svg(svg: str, width: float, height: float, scale: int = SCALE) -> QImage:
    """The SVG painted on white at scale pixels per px (a blank image when it cannot be read)."""
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if renderer.isValid():
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, image.width(), image.height()))
        painter.end()
    image.setDevicePixelRatio(scale)
    return image
