"""PDF import: the text layer and document information; scans, locks and damage refused."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from gui.core.importing import ImportFailure, import_file
from gui.core.importing.pdf import LOCKED, NO_TEXT, NOT_PDF

PAGE_ONE = ["Wind Farm Approved Despite Objections", "By Saoirse Keane"]
PAGE_TWO = ["The planning board approved eleven turbines on Thursday."]


def pdf_string(text: str) -> str:
    """A PDF literal string."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})"


def page_stream(lines: list[str]) -> bytes:
    """A content stream that shows each line below the previous one."""
    shown = " T* ".join(f"{pdf_string(line)} Tj" for line in lines)
    return f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1")


def make_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A small, valid PDF written by hand: one Helvetica text object per page."""
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for index, lines in enumerate(pages):
        stream = page_stream(lines)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * index)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    if info is not None:
        entries = " ".join(f"/{key} {pdf_string(value)}" for key, value in info.items())
        objects.append(f"<< {entries} >>".encode("latin-1"))
    return assemble(objects, info_number=len(objects) if info is not None else None)


def assemble(objects: list[bytes], info_number: int | None) -> bytes:
    """Number the objects, write the cross-reference table and the trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info = b" /Info %d 0 R" % info_number if info_number else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, info)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def encrypted(data: bytes, user_password: str) -> bytes:
    """The PDF encrypted with RC4 (which pypdf writes without extra packages)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def write(tmp_path: Path, data: bytes, name: str = "article.pdf") -> Path:
    """Write bytes to a file in tmp_path and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def failure_reason(path: Path) -> str:
    """The reason import_file gives for refusing path."""
    with pytest.raises(ImportFailure) as caught:
        import_file(path)
    return caught.value.reason


INFO = {"Title": "Wind farm approved", "Author": "Saoirse Keane", "CreationDate": "D:20240411"}


def test_pages_are_joined_by_blank_lines(tmp_path):
    imported = import_file(write(tmp_path, make_pdf([PAGE_ONE, PAGE_TWO], INFO)))
    assert imported.body == "\n".join(PAGE_ONE) + "\n\n" + "\n".join(PAGE_TWO)
    assert imported.format == "pdf"


def test_document_information_becomes_metadata(tmp_path):
    metadata = import_file(write(tmp_path, make_pdf([PAGE_ONE, PAGE_TWO], INFO))).metadata
    assert metadata.title == "Wind farm approved"
    assert metadata.byline == "Saoirse Keane"
    assert metadata.published == "2024-04-11"
    assert metadata.published_raw == "D:20240411"


def test_metadata_guessed_without_document_information(tmp_path):
    metadata = import_file(write(tmp_path, make_pdf([PAGE_ONE, PAGE_TWO]))).metadata
    assert metadata.title == "Wind Farm Approved Despite Objections"
    assert metadata.byline == "Saoirse Keane"


def test_unreadable_creation_date_is_ignored(tmp_path):
    info = {"Title": "Wind farm approved", "CreationDate": "yesterday-ish"}
    metadata = import_file(write(tmp_path, make_pdf([PAGE_TWO], info))).metadata
    assert metadata.title == "Wind farm approved"
    assert metadata.published == ""


def test_pdf_without_a_text_layer(tmp_path):
    scanned = make_pdf([[], []])
    assert failure_reason(write(tmp_path, scanned)) == NO_TEXT


def test_pdf_locked_with_a_password(tmp_path):
    locked = encrypted(make_pdf([PAGE_ONE]), user_password="secret")
    assert failure_reason(write(tmp_path, locked)).startswith(LOCKED)


def test_pdf_encrypted_with_an_empty_password_opens(tmp_path):
    protected = encrypted(make_pdf([PAGE_ONE]), user_password="")
    assert import_file(write(tmp_path, protected)).body == "\n".join(PAGE_ONE)


@pytest.mark.parametrize(
    "data",
    [
        random.Random(5).randbytes(2000),
        b"%PDF-1.4\n" + random.Random(6).randbytes(2000),
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << >>\n%%EOF\n",
    ],
    ids=["random", "header-then-noise", "broken-structure"],
)
def test_damaged_pdf(tmp_path, data):
    assert failure_reason(write(tmp_path, data)) == NOT_PDF


def test_truncated_pdf(tmp_path):
    data = make_pdf([PAGE_ONE, PAGE_TWO], INFO)
    assert failure_reason(write(tmp_path, data[: len(data) // 2])) == NOT_PDF
