"""Dispatch by suffix, folders, batches that go on past bad files, and pasted text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from gui.core.importing import (
    SUPPORTED_SUFFIXES,
    BatchResult,
    ImportFailure,
    collect_paths,
    import_file,
    import_paths,
    import_text,
)

PAGE = Path(__file__).parents[2] / "fixtures" / "importing" / "harbour_strike.html"
STORY = "Library Extends Opening Hours\n\nThe town library will open on Sundays from May.\n"


def make_tree(root: Path) -> dict[str, Path]:
    """A folder of good and bad article files, some nested, some to be skipped."""
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    files = {
        "good.txt": STORY.encode("utf-8"),
        "nested/notes.md": b"# Bus lanes\n\nThe new bus lanes open next week.\n",
        "nested/deeper/page.html": PAGE.read_bytes(),
        "binary.txt": b"\x00\x01\x02\x03\xff\xfe\x00" * 50,
        "empty.md": b"",
        "broken.docx": b"this is not a zip archive at all",
        "nested/ignored.csv": b"a,b\n",
        ".hidden/secret.txt": b"Hidden file that a folder import skips.\n",
        ".dotfile.txt": b"Also hidden.\n",
        "~$lock.docx": b"Word lock file",
    }
    paths = {}
    for name, data in files.items():
        paths[name] = root / name
        paths[name].write_bytes(data)
    return paths


def test_supported_suffixes():
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"} == SUPPORTED_SUFFIXES


def test_folders_expand_recursively_sorted_and_skip_hidden(tmp_path):
    make_tree(tmp_path)
    files, failures = collect_paths([tmp_path])
    names = [path.relative_to(tmp_path).as_posix() for path in files]
    assert names == [
        "binary.txt",
        "broken.docx",
        "empty.md",
        "good.txt",
        "nested/deeper/page.html",
        "nested/notes.md",
    ]
    assert failures == []


def test_explicit_unsupported_files_fail_and_repeats_are_dropped(tmp_path):
    paths = make_tree(tmp_path)
    given = [paths["good.txt"], paths["nested/ignored.csv"], paths["good.txt"]]
    files, failures = collect_paths(given)
    assert files == [paths["good.txt"]]
    assert [f.path for f in failures] == [str(paths["nested/ignored.csv"])]
    assert "'.csv'" in failures[0].reason


def test_folder_without_articles(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    files, failures = collect_paths([tmp_path / "photos"])
    assert files == []
    assert failures[0].reason == "no supported files in this folder"


def test_mixed_folder_imports_the_good_and_reports_the_bad(tmp_path):
    make_tree(tmp_path)
    calls: list[tuple[int, int]] = []
    result = import_paths([tmp_path], progress=lambda done, total: calls.append((done, total)))
    assert isinstance(result, BatchResult)
    assert sorted(item.format for item in result.imported) == ["html", "md", "txt"]
    reasons = {Path(f.path).name: f.reason for f in result.failures}
    assert reasons == {
        "binary.txt": "not a text file (binary data)",
        "broken.docx": "not a valid Word document",
        "empty.md": "the file is empty",
    }
    assert calls == [(done, 6) for done in range(1, 7)]


def test_an_unexpected_error_fails_only_its_file(tmp_path, monkeypatch):
    paths = make_tree(tmp_path)

    def explode(data: bytes, source: str):
        raise RuntimeError("a bug in a parser")

    monkeypatch.setattr("gui.core.importing.markdown.parse", explode)
    result = import_paths([paths["nested/notes.md"], paths["good.txt"]])
    assert [item.body for item in result.imported] == [STORY]
    assert result.failures[0].reason == "the file could not be read (RuntimeError)"


def test_missing_file_in_a_batch(tmp_path):
    result = import_paths([tmp_path / "nowhere.txt"])
    assert result.imported == ()
    assert result.failures[0].reason == "file not found"


def test_no_progress_callback_is_fine(tmp_path):
    (tmp_path / "one.txt").write_text(STORY, encoding="utf-8")
    assert len(import_paths([tmp_path]).imported) == 1


def test_title_falls_back_to_the_file_name(tmp_path):
    document = docx.Document()
    document.add_paragraph("Parking fees " * 30)
    document.save(str(tmp_path / "parking-fees.docx"))
    assert import_file(tmp_path / "parking-fees.docx").metadata.title == "parking-fees"


def test_txt_metadata_is_guessed(tmp_path):
    (tmp_path / "wire.txt").write_text(
        "Dam Inspection Ordered\n\nAP Photo/River Authority\nAssociated Press\nLisbon, Portugal\n\n"
        "Inspectors will examine the dam next month, the river authority said on Monday.\n",
        encoding="utf-8",
    )
    metadata = import_file(tmp_path / "wire.txt").metadata
    assert metadata.title == "Dam Inspection Ordered"
    assert metadata.outlet == "Associated Press"
    assert metadata.dateline == "Lisbon, Portugal"
    assert metadata.credits == ("AP Photo/River Authority",)


def test_pasted_text():
    imported = import_text("\ufeffMarket Reopens\r\n\r\nBy Ana Costa\r\n\r\nStalls returned.\r\n")
    assert imported.body == "Market Reopens\n\nBy Ana Costa\n\nStalls returned.\n"
    assert imported.format == "clipboard"
    assert imported.source == "clipboard"
    assert imported.metadata.title == "Market Reopens"
    assert imported.metadata.byline == "Ana Costa"


def test_empty_paste():
    with pytest.raises(ImportFailure) as caught:
        import_text(" \n\t")
    assert str(caught.value) == "clipboard: no text found"
