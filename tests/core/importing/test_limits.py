"""Limits by what the text becomes: reading stops the moment a text passes MAX_TEXT_CHARS."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import docx
import pytest

from gui.core import interchange
from gui.core.importing import MAX_TEXT_CHARS, ImportFailure, decoding, import_file, import_text
from gui.core.importing import docx as docx_module
from gui.core.importing import pdf as pdf_module
from gui.core.interchange import common as interchange_common
from gui.core.interchange.common import InterchangeError, read_document
from gui.core.storage import ArticleStore, open_library

from .test_pdf import make_pdf

ROOT = Path(__file__).resolve().parents[3]
PARAGRAPH = "<w:p><w:r><w:t>" + "The convoy left at dawn. " * 40 + "</w:t></w:r></w:p>"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body(path: Path, paragraphs: int, paragraph: str = PARAGRAPH) -> Path:
    """A real .docx (python-docx's package) whose body is paragraphs copies, streamed in."""
    template = path.with_name("template.docx")
    docx.Document().save(str(template))
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                target.writestr(item, source.read(item))
        member = zipfile.ZipInfo("word/document.xml")
        member.compress_type = zipfile.ZIP_DEFLATED
        with target.open(member, "w", force_zip64=True) as xml:
            xml.write(f'<?xml version="1.0"?><w:document {W}><w:body>'.encode())
            repeat = min(1000, paragraphs)
            chunk = (paragraph * repeat).encode()
            for _ in range(paragraphs // repeat):
                xml.write(chunk)
            xml.write(b"</w:body></w:document>")
    return path


def reason(path: Path) -> str:
    """Why import_file refused path."""
    with pytest.raises(ImportFailure) as refused:
        import_file(path)
    return refused.value.reason


BOMB_RUN = """
import resource, sys, time
from gui.core.importing import ImportFailure, import_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
try:
    import_file(sys.argv[1])
except ImportFailure as failure:
    print(failure.reason)
grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(round(time.perf_counter() - start, 2), grown // 1024)
"""


def test_a_zip_bomb_docx_stops_at_the_limit_without_expanding(tmp_path):
    # The failure of the issue: an 846 KB .docx became a 153-million-character article
    # (87 s and 2.4 GB to import). This one holds 160 million characters.
    bomb = docx_with_body(tmp_path / "bomb.docx", 160_000)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    result = subprocess.run(
        [sys.executable, "-c", BOMB_RUN, str(bomb)], cwd=ROOT, capture_output=True, text=True
    )
    message, numbers = result.stdout.strip().splitlines()
    seconds, megabytes = map(float, numbers.split())
    assert f"passes the limit of {MAX_TEXT_CHARS:,} characters" in message
    assert "nothing was imported" in message
    assert megabytes < 150, f"memory grew by {megabytes} MB"
    assert seconds < 20


def test_one_endless_paragraph_stops_inside_it(tmp_path):
    runs = "<w:r><w:t>" + "word " * 2_000 + "</w:t></w:r>"
    endless = "<w:p>" + runs * 1_200 + "</w:p>"  # 12 million characters in one paragraph
    assert "passes the limit" in reason(docx_with_body(tmp_path / "one.docx", 1, endless))


def test_a_part_that_declares_more_than_the_ceiling_is_not_read(tmp_path, monkeypatch):
    path = docx_with_body(tmp_path / "big.docx", 2_000)
    monkeypatch.setattr(docx_module, "MAX_PART_BYTES", 1024)
    text = reason(path)
    assert "declares" in text and "nothing was read" in text


def test_docx_text_within_the_limit_still_imports(tmp_path):
    body = import_file(docx_with_body(tmp_path / "fine.docx", 1_000)).body
    assert body.count("\n\n") == 999 and body.startswith("The convoy left at dawn.")


def test_a_pdf_stops_at_the_page_that_passes_the_limit(tmp_path, monkeypatch):
    pages = [[f"Page {n}: the council met again on the budget."] for n in range(40)]
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(pages))
    read: list[int] = []
    real = pdf_module._page_text
    monkeypatch.setattr(pdf_module, "_page_text", lambda page: read.append(1) or real(page))
    monkeypatch.setattr(decoding, "MAX_TEXT_CHARS", 500)
    assert "passes the limit of 500 characters" in reason(path)
    assert len(read) < 15  # about 50 characters a page: it stopped near the tenth


def test_a_plain_text_over_the_limit_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Officials said. " * (MAX_TEXT_CHARS // 16 + 100), encoding="ascii")
    assert "passes the limit" in reason(path)


@pytest.mark.parametrize("suffix", [".md", ".html"])
def test_markdown_and_html_are_limited_by_their_text(tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(decoding, "MAX_TEXT_CHARS", 1_000)
    text = "Officials said the road was closed. " * 60
    page = f"<html><body><article><p>{text}</p></article></body></html>"
    path = tmp_path / f"long{suffix}"
    path.write_text(page if suffix == ".html" else f"# Title\n\n{text}\n", encoding="utf-8")
    assert "passes the limit of 1,000 characters" in reason(path)


def test_pasted_text_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(decoding, "MAX_TEXT_CHARS", 100)
    with pytest.raises(ImportFailure, match="passes the limit"):
        import_text("Officials said so. " * 10)


def test_an_own_json_article_over_the_limit_is_refused_and_nothing_changes(tmp_path):
    # The failure of the issue: an own-format JSON brought a 100 MB article.
    document = {"sourcelight_export": 2, "text": "x" * (MAX_TEXT_CHARS + 1), "annotations": []}
    library = open_library(None)
    try:
        with pytest.raises(InterchangeError, match="passes the limit"):
            interchange.import_document(library, json.dumps(document))
        assert ArticleStore(library).count() == 0
    finally:
        library.close()


def test_an_annotation_file_over_its_limit_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(interchange_common, "MAX_DOCUMENT_BYTES", 1_000)
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"note": "x" * 2_000}]))
    with pytest.raises(InterchangeError, match="too large"):
        read_document(path)
    with pytest.raises(InterchangeError, match="too large"):
        interchange_common.load_json(path.read_bytes())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("make", ["fifo", "device"])
def test_an_annotation_file_that_is_no_plain_file_is_refused_without_waiting(tmp_path, make):
    # A pipe would make the reading wait for a writer forever (on the GUI thread, in the
    # window); a link to /dev/zero would never end. Documents and returned exercises are
    # refused the same way.
    path = tmp_path / "notes.json"
    if make == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_document(path)
        except BaseException as error:  # handed over to the test's thread
            outcome.append(error)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive() and make == "fifo":
        with open(path, "wb"):  # let the stuck reader go
            pass
    assert outcome and isinstance(outcome[0], InterchangeError)
    assert "not a plain file" in str(outcome[0])
