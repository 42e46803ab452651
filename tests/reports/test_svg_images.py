"""The claims timeline's inline SVG in Qt's PDF: drawn as a picture, sharp, the right size."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from PySide6.QtGui import QColor, QTextDocument

from gui.core.reports.markup import document
from gui.core.reports.timeline_svg import timeline_svg
from gui.core.tracing.claims import ClaimFigure, EventGroup
from gui.reports.pdf import html_to_pdf
from gui.reports.svg_images import SCALE, render_svg, with_svg_images


def group() -> EventGroup:
    figures = [
        ClaimFigure(n, "", outlet, day, 1, 0, 2, str(v), v, "people", "injured", "")
        for n, (outlet, day, v) in enumerate(
            [
                ("Herald", "2026-03-02", 12.0),
                ("Wire", "2026-03-02", 14.0),
                ("Wire", "2026-03-05", 21.0),
            ],
            start=1,
        )
    ]
    return EventGroup("injure", "people", tuple(figures))


def test_an_inline_svg_becomes_an_image_the_document_holds(qapp):
    svg = timeline_svg(group())
    text = QTextDocument()
    html = with_svg_images(f"<p>before</p>{svg}<p>after</p>", text)
    assert "<svg" not in html
    [name] = re.findall(r'<img src="([^"]+)" width="640" height="\d+">', html)
    image = text.resource(QTextDocument.ResourceType.ImageResource, name)
    assert image.width() == 640 * SCALE


def test_the_picture_has_the_markers_colours(qapp):
    svg = timeline_svg(group())
    height = float(re.search(r'height="(\d+)"', svg).group(1))
    image = render_svg(svg, 640, height, scale=1)
    colours = {
        image.pixelColor(x, y).name() for x in range(0, 640, 2) for y in range(0, image.height(), 2)
    }
    assert QColor("#0072B2").name().lower() in colours  # the outlet with most figures
    assert QColor("#D55E00").name().lower() in colours


@pytest.mark.skipif(not shutil.which("pdfimages"), reason="pdfimages (poppler-utils) is missing")
def test_the_pdf_holds_one_picture_per_timeline(qapp, tmp_path):
    svg = timeline_svg(group())
    path = tmp_path / "timeline.pdf"
    html_to_pdf(document("t", "", f"<h2>Claims timeline</h2>{svg}{svg}"), path)
    listed = subprocess.run(["pdfimages", "-list", path], capture_output=True, text=True).stdout
    assert len(listed.splitlines()[2:]) == 2
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    assert "Claims timeline" in text
