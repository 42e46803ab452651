"""Plain-text import: decoding, line endings, binary, empty, size and unreadable files."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from gui.core.importing import MAX_FILE_BYTES, ImportFailure, import_file
from gui.core.importing.decoding import BINARY

ARTICLE = (
    "Flood Barrier Holds as River Peaks Overnight\n"
    "\n"
    "By Tomasz Wierzbicki\n"
    "\n"
    "  The temporary barrier along the east bank held through the night, officials said.\n"
    "Residents of the low-lying streets were allowed home shortly after dawn.\n"
)
ACCENTED = "The café owners called the plan “reckless” — señor Ibáñez paid £40.\n"


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    """Write bytes to a file in tmp_path and return its path."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def failure_reason(path: Path) -> str:
    """The reason import_file gives for refusing path."""
    with pytest.raises(ImportFailure) as caught:
        import_file(path)
    return caught.value.reason


def test_utf8_body_is_the_file_content_exactly(tmp_path):
    imported = import_file(write(tmp_path, ARTICLE.encode("utf-8")))
    assert imported.body == ARTICLE
    assert imported.format == "txt"
    assert imported.source == str(tmp_path / "article.txt")


def test_utf8_bom_is_removed(tmp_path):
    imported = import_file(write(tmp_path, codecs.BOM_UTF8 + ARTICLE.encode("utf-8")))
    assert imported.body == ARTICLE


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_utf16_and_utf32_with_bom(tmp_path, bom, encoding):
    imported = import_file(write(tmp_path, bom + (ARTICLE + ACCENTED).encode(encoding)))
    assert imported.body == ARTICLE + ACCENTED


def test_utf16_without_bom_is_recognised(tmp_path):
    imported = import_file(write(tmp_path, ARTICLE.encode("utf-16-le")))
    assert imported.body == ARTICLE


def test_cp1252_curly_quotes_and_accents(tmp_path):
    imported = import_file(write(tmp_path, (ARTICLE + ACCENTED).encode("cp1252")))
    assert imported.body == ARTICLE + ACCENTED


def test_short_cp1252_text_is_not_read_as_central_european(tmp_path):
    text = "The naïve élite met in Zürich; señor Muñoz paid £200 for a café crème.\n"
    assert import_file(write(tmp_path, text.encode("cp1252"))).body == text


def test_latin1(tmp_path):
    text = "Préfecture de la Côte\n\nLe maire a annoncé la fermeture du marché à 18 h.\n"
    assert import_file(write(tmp_path, text.encode("latin-1"))).body == text


@pytest.mark.parametrize(
    "raw",
    [
        b"Title line\r\n\r\nFirst paragraph.\r\nSecond line.\r\n",
        b"Title line\r\rFirst paragraph.\rSecond line.\r",
        b"Title line\r\n\rFirst paragraph.\nSecond line.\r\n",
    ],
    ids=["crlf", "lone-cr", "mixed"],
)
def test_line_endings_become_newlines(tmp_path, raw):
    imported = import_file(write(tmp_path, raw))
    assert imported.body == "Title line\n\nFirst paragraph.\nSecond line.\n"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        random.Random(7).randbytes(4096),
        random.Random(8).randbytes(4096).replace(b"\x00", b""),
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00\x01\x02\x03" * 100,
    ],
    ids=["png", "random", "random-without-nul", "zip"],
)
def test_binary_data_is_refused(tmp_path, data):
    assert failure_reason(write(tmp_path, data)) == BINARY


def test_control_characters_without_nul_are_binary(tmp_path):
    rng = random.Random(3)
    data = bytes(rng.randrange(1, 32) for _ in range(2000))
    assert failure_reason(write(tmp_path, data)) == BINARY


def test_empty_file(tmp_path):
    assert failure_reason(write(tmp_path, b"")) == "the file is empty"


def test_whitespace_only_file(tmp_path):
    assert failure_reason(write(tmp_path, b"  \n\t\r\n  \n")) == "no text found"


def test_five_megabyte_text_imports(tmp_path):
    paragraph = "The committee met again on Wednesday to review the harbour accounts.\n\n"
    text = "Harbour Accounts Reviewed\n\n" + paragraph * (5 * 1024 * 1024 // len(paragraph))
    assert len(text) < MAX_FILE_BYTES
    imported = import_file(write(tmp_path, text.encode("ascii")))
    assert imported.body == text
    assert imported.metadata.title == "Harbour Accounts Reviewed"


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: takes no time and no disk

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", no_reading)
    monkeypatch.setattr("builtins.open", no_reading)
    reason = failure_reason(path)
    assert "50.0 MB" in reason
    assert "20 MB" in reason


def test_limit_is_between_five_and_fifty_megabytes():
    assert 5 * 1024 * 1024 < MAX_FILE_BYTES < 50 * 1024 * 1024


def test_missing_file(tmp_path):
    assert failure_reason(tmp_path / "gone.txt") == "file not found"


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, ARTICLE.encode("utf-8"))

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # chmod does not stop root, so simulate it
    assert "permission denied" in failure_reason(path)


def test_folder_named_like_a_file(tmp_path):
    folder = tmp_path / "notes.txt"
    folder.mkdir()
    assert "folder" in failure_reason(folder)


def test_unsupported_suffix(tmp_path):
    reason = failure_reason(write(tmp_path, b"a,b\n1,2\n", name="table.csv"))
    assert "'.csv'" in reason
    assert ".txt" in reason


def test_suffix_is_case_insensitive(tmp_path):
    imported = import_file(write(tmp_path, ARTICLE.encode("utf-8"), name="SHOUT.TXT"))
    assert imported.body == ARTICLE


def test_failure_names_the_file_and_the_reason(tmp_path):
    with pytest.raises(ImportFailure) as caught:
        import_file(write(tmp_path, b"", name="blank.txt"))
    assert caught.value.path == str(tmp_path / "blank.txt")
    assert str(caught.value) == "blank.txt: the file is empty"
