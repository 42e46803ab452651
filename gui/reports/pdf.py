"""Reports as PDF through Qt's own rich text and PDF writer: A4, 15 mm margins, page numbers.

No browser is needed. The text is laid out at a browser's 96 px per inch and scaled to the
device, so a 1200-dpi printer (File > Print) gives the same pages as the PDF. The command line
has no application object, so the first call makes a QGuiApplication on the offscreen
platform (unless QT_QPA_PLATFORM names another one).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from gui.reports.svg_images import with_svg_images

MARGIN_MM = 15.0
FOOTER_MM = 7.0  # room at the bottom of each page's printable area for the page number
RESOLUTION = 1200  # dots per inch of the PDF's coordinates
CSS_DPI = 96  # a browser's px per inch: the layout's resolution
FOOTER_POINTS = 8
_application: QGuiApplication | None = None  # the one this module made, kept alive
_css_image: QImage | None = None


def html_to_pdf(html: str, path: str | Path, title: str = "") -> int:
    """Write html (e.g. gui.core.reports' output) to path as an A4 PDF; returns its page count.

    OSError (with the system's reason) when the file cannot be written.
    """
    Path(path).open("wb").close()  # QPdfWriter would fail without saying why
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    writer.setCreator("Sourcelight")
    writer.setTitle(title)
    return print_html(html, writer)


def print_html(html: str, device: QPagedPaintDevice) -> int:
    """Lay html out on the device's pages (a QPdfWriter or a QPrinter) and paint them.

    The layout is made at CSS_DPI and scaled to the device, so that the style sheet's px are a
    browser's px (Qt counts them in device pixels) on a 1200-dpi printer as in the PDF.
    """
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the output device")
    try:
        scale_x, scale_y = device.logicalDpiX() / CSS_DPI, device.logicalDpiY() / CSS_DPI
        painter.scale(scale_x, scale_y)
        page = QSizeF(device.width() / scale_x, device.height() / scale_y)
        return _paint_pages(painter, device, html, page)
    finally:
        painter.end()


def _paint_pages(painter: QPainter, device: QPagedPaintDevice, html: str, page: QSizeF) -> int:
    """Paint each page of the laid-out html with its number; returns the number of pages."""
    footer = FOOTER_MM / 25.4 * CSS_DPI
    document = _laid_out(html, QSizeF(page.width(), page.height() - footer))
    pages = document.pageCount()
    for number in range(pages):
        if number:
            device.newPage()
        _paint_page(painter, document, number)
        area = QRectF(0, page.height() - footer, page.width(), footer)
        _paint_footer(painter, area, f"{number + 1} / {pages}")
    return pages


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication (or QApplication); else a new one on the offscreen platform."""
    global _application
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("PDF reports need a QGuiApplication, not a QCoreApplication")
    arguments = [sys.argv[0] if sys.argv else "sourcelight"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        arguments += ["-platform", "offscreen"]  # a command line needs no display
    _application = QGuiApplication(arguments)
    return _application


def _laid_out(html: str, page: QSizeF) -> QTextDocument:
    """The document, laid out at CSS_DPI in pages of this size (in CSS px)."""
    document = QTextDocument()
    font = document.defaultFont()
    # No ligatures: text copied or searched in the PDF keeps plain letters ("fi", not "ﬁ").
    font.setFeature(QFont.Tag("liga"), 0)
    document.setDefaultFont(font)
    document.setUseDesignMetrics(True)  # print metrics, not those hinted for a screen
    document.documentLayout().setPaintDevice(_css_device())
    document.setHtml(with_svg_images(html, document))
    document.setDocumentMargin(0)
    document.setPageSize(page)
    return document


def _css_device() -> QImage:
    """A paint device of CSS_DPI for the layout (kept for the life of the process)."""
    global _css_image
    if _css_image is None:
        _css_image = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(CSS_DPI / 0.0254)
        _css_image.setDotsPerMeterX(dots_per_metre)
        _css_image.setDotsPerMeterY(dots_per_metre)
    return _css_image


def _paint_page(painter: QPainter, document: QTextDocument, page: int) -> None:
    """Paint one page of a paginated document at the top of the printable area."""
    height = document.pageSize().height()
    painter.save()
    painter.translate(0, -page * height)
    document.drawContents(painter, QRectF(0, page * height, document.pageSize().width(), height))
    painter.restore()


def _paint_footer(painter: QPainter, area: QRectF, text: str) -> None:
    """The page number, small and grey, at the bottom right of the area."""
    painter.save()
    font = QFont("DejaVu Sans")
    font.setPixelSize(round(FOOTER_POINTS / 72 * CSS_DPI))  # px: the painter is scaled
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, text)
    painter.restore()
