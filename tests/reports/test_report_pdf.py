"""Reports as PDF through Qt: A4 with 15 mm margins, page numbers, and the text pdftotext reads."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QColor, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.articles import Metadata
from gui.core.findings import ArticleFindings, stored
from gui.core.reports import article_report_html, class_report_html
from gui.core.storage import ArticleStore, Library, apply
from gui.reports.pdf import MARGIN_MM, ensure_gui_application, html_to_pdf, print_html
from tests.core.interchange_helpers import add_article, label_id, memory_library


def stored_of(library: Library, article_id: int = 1) -> ArticleFindings:
    """What the library keeps of an article (no entities here: no pipeline has run)."""
    return stored(library, ArticleStore(library).get(article_id))


pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)

BODY = "Counting the dead in Mosul\n\naaaa bbbb cccc dddd\n"
TITLE = "Counting the dead in Mosul"
POINTS_PER_MM = 72 / 25.4


def poppler(tool: str, *args: object) -> str:
    """The output of a poppler tool (pdftotext, pdfinfo)."""
    result = subprocess.run([tool, *map(str, args)], capture_output=True, text=True, check=True)
    return result.stdout


def annotate(library: Library, text: str, label: str, layer: str, note: str = "") -> None:
    """An annotation of the first occurrence of text in BODY."""
    start = BODY.index(text)
    anchor = anchor_for(BODY, start, start + len(text))
    stamp = "2024-05-01T10:00:00Z"
    annotation = Annotation(0, 1, label_id(library, label), anchor, note, layer, stamp, stamp)
    apply(library, AddAnnotation(annotation))


@pytest.fixture
def classroom() -> Iterator[Library]:
    """The key marks "aaaa" and "cccc"; ana finds "aaaa"; ben marks "bbbb cccc"."""
    with memory_library() as library:
        add_article(library, BODY, Metadata(title=TITLE, outlet="Example Wire"))
        annotate(library, "aaaa", "Claim", "trainer", "the first count")
        annotate(library, "cccc", "Claim", "trainer")
        annotate(library, "aaaa", "Claim", "ana")
        annotate(library, "bbbb cccc", "Claim", "ben")
        yield library


def test_a_class_report_pdf_has_the_title_and_the_scores(qapp, classroom, tmp_path):
    path = tmp_path / "class.pdf"
    pages = html_to_pdf(class_report_html(classroom, 1, "trainer"), path)
    text = poppler("pdftotext", "-layout", path, "-")
    assert TITLE in text
    # ana: 1 of 2 key annotations, no extras: F1 = 2 / (2 + 1) = 0.67 (see tests/core).
    ana = next(line for line in text.splitlines() if line.split()[:1] == ["ana"])
    assert ana.split()[:7] == ["ana", "1", "1", "1", "0", "0.67", "0.67"]
    assert re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", path)).group(1) == str(pages)


def test_an_article_report_pdf_is_a4_with_margins_and_page_numbers(qapp, classroom, tmp_path):
    path = tmp_path / "article.pdf"
    pages = html_to_pdf(article_report_html(classroom, stored_of(classroom)), path, TITLE)
    info = poppler("pdfinfo", path)
    assert "(A4)" in info and re.search(rf"Title:\s+{TITLE}\n", info)
    assert pages == 2  # the notes start on a page of their own
    text = poppler("pdftotext", path, "-")
    assert re.search(r"1\s*/\s*2", text) and re.search(r"2\s*/\s*2", text)
    assert "the first count" in text
    left, top, _, _ = word_box(path)
    assert MARGIN_MM * POINTS_PER_MM <= left < MARGIN_MM * POINTS_PER_MM + 3
    assert MARGIN_MM * POINTS_PER_MM <= top < MARGIN_MM * POINTS_PER_MM + 12


def test_qt_underlines_annotations_in_their_label_colour_at_print_size(qapp, classroom):
    # The boxes and projection sizes are for browsers only; Qt must not pick them up.
    document = QTextDocument()
    document.setHtml(article_report_html(classroom, stored_of(classroom), ["ana"]))
    found = document.find("aaaa")
    assert not found.isNull()
    fragment = found.charFormat()
    assert fragment.fontUnderline()
    assert fragment.underlineColor() == QColor("#332288")  # Claim in the default codebook
    assert fragment.fontPointSize() == 12


def test_the_running_application_is_used(qapp):
    assert ensure_gui_application() is qapp


def test_a_pdf_that_cannot_be_written_is_an_os_error(qapp, tmp_path):
    with pytest.raises(OSError):
        html_to_pdf("<p>text</p>", tmp_path / "missing folder" / "report.pdf")


def test_a_long_report_flows_over_pages(qapp, tmp_path):
    paragraphs = "".join(f"<p>Paragraph {n} of a long report.</p>" for n in range(400))
    path = tmp_path / "long.pdf"
    pages = html_to_pdf(f"<html><body>{paragraphs}</body></html>", path)
    text = poppler("pdftotext", path, "-")
    assert pages > 3 and "Paragraph 0 " in text and "Paragraph 399 " in text
    assert Path(path).stat().st_size > 0


def word_box(path: Path, word: str | None = None) -> tuple[float, ...]:
    """xMin, yMin, xMax, yMax of the first word pdftotext finds (or the first that is word)."""
    text = rf">{re.escape(word)}<" if word else ">"
    corners = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"'
    box = re.search(corners + text, poppler("pdftotext", "-bbox", path, "-"))
    assert box, word
    return tuple(float(value) for value in box.groups())


def test_the_layout_does_not_depend_on_the_devices_resolution(qapp, classroom, tmp_path):
    # A 96-dpi writer and a 1200-dpi one (like a printer) give the same pages: px (the
    # tables' padding and borders) and pt keep their size, so words below a table line up.
    html = class_report_html(classroom, 1, "trainer")
    found = {}
    for dpi in (96, 1200):
        path = tmp_path / f"{dpi}.pdf"
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
        writer.setResolution(dpi)
        pages = print_html(html, writer)
        found[dpi] = [pages, *word_box(path, "ben"), *word_box(path, "Exact:")]
    assert found[96] == pytest.approx(found[1200], abs=0.5)
