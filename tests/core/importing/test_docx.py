"""Word import: paragraphs, tables and core properties; damaged files refused."""

from __future__ import annotations

import io
import random
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from gui.core.importing import ImportFailure, import_file
from gui.core.importing.docx import NOT_WORD

PARAGRAPHS = (
    "Glacier Road Reopens After Rockfall",
    "AP Photo/Valley Rescue Service",
    "MONTREUX-LES-PINS (AP) — The mountain road to the glacier reopened on Friday, "
    "five days after a rockfall buried a stretch of it under boulders.",
    "Engineers said the slope had been stabilised with steel netting.",
)


def save(document: docx.document.Document, path: Path) -> Path:
    """Save a python-docx document and return its path."""
    document.save(str(path))
    return path


def article(tmp_path: Path, *, properties: bool = True) -> Path:
    """A .docx with an empty paragraph between the texts, and core properties if asked."""
    document = docx.Document()
    for text in PARAGRAPHS:
        document.add_paragraph(text)
        document.add_paragraph("")
    if properties:
        document.core_properties.title = "Glacier road reopens"
        document.core_properties.author = "Lena Brunner"
        document.core_properties.created = datetime(2024, 6, 7, 9, 30, tzinfo=UTC)
    return save(document, tmp_path / "glacier.docx")


def failure_reason(path: Path) -> str:
    """The reason import_file gives for refusing path."""
    with pytest.raises(ImportFailure) as caught:
        import_file(path)
    return caught.value.reason


def test_paragraphs_are_joined_by_blank_lines(tmp_path):
    imported = import_file(article(tmp_path))
    assert imported.body == "\n\n".join(PARAGRAPHS)
    assert imported.format == "docx"


def test_core_properties_become_metadata(tmp_path):
    metadata = import_file(article(tmp_path)).metadata
    assert metadata.title == "Glacier road reopens"
    assert metadata.byline == "Lena Brunner"
    assert metadata.published == "2024-06-07"
    assert metadata.published_raw.startswith("2024-06-07T")  # the time stamp as found


def test_missing_fields_are_guessed_from_the_text(tmp_path):
    metadata = import_file(article(tmp_path)).metadata
    assert metadata.credits == ("AP Photo/Valley Rescue Service",)
    assert metadata.dateline == "MONTREUX-LES-PINS"
    assert metadata.outlet == "Associated Press"


def test_title_from_the_first_paragraph_without_properties(tmp_path):
    path = article(tmp_path, properties=False)
    assert import_file(path).metadata.title == PARAGRAPHS[0]


def test_tables_are_kept_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("Water levels on Sunday:")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Gauge", "Level"), ("Old Mill", "3.2 m")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("The river is expected to fall by Tuesday.")
    body = import_file(save(document, tmp_path / "levels.docx")).body
    expected = "Water levels on Sunday:\n\nGauge | Level\nOld Mill | 3.2 m\n\n"
    assert body == expected + "The river is expected to fall by Tuesday."


def test_document_without_text(tmp_path):
    path = save(docx.Document(), tmp_path / "blank.docx")
    assert failure_reason(path) == "no text found"


def test_random_bytes_named_docx(tmp_path):
    path = tmp_path / "noise.docx"
    path.write_bytes(random.Random(11).randbytes(3000))
    assert failure_reason(path) == NOT_WORD


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "a shopping list, not a document")
    assert failure_reason(path) == NOT_WORD


def test_package_of_another_kind(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"/>',
        )
    path = tmp_path / "empty-package.docx"
    path.write_bytes(buffer.getvalue())
    assert failure_reason(path) == NOT_WORD


def test_truncated_docx(tmp_path):
    data = article(tmp_path).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert failure_reason(path) == NOT_WORD


def test_old_binary_doc_renamed(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    assert ".doc" in failure_reason(path)
