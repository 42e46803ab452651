"""The import, list and import-annotations commands, and no Qt or spaCy on their path."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from gui.cli.main import main
from tests.cli.helpers import FLOODS, ROOT, TALKS, annotated_library, annotations_of, run_cli, write


def test_import_prints_one_line_per_article_and_finds_duplicates(capsys, library, articles):
    code, out, err = run_cli(capsys, "--library", library, "import", articles)
    assert (code, err) == (0, "")
    talks_title = TALKS.splitlines()[0]
    assert out.splitlines() == ["imported 1: Floods hit Lagos", f"imported 2: {talks_title}"]
    code, out, _ = run_cli(capsys, "import", articles / "talks.txt", "--library", library)
    assert code == 0
    assert out == f"already in library as 2: {talks_title}\n"


def test_a_bad_file_fails_alone_and_the_batch_exits_1(capsys, library, tmp_path):
    good = write(tmp_path, "good.txt", FLOODS)
    unsupported = write(tmp_path, "notes.xyz", "text")
    empty = write(tmp_path, "empty.txt", "")
    code, out, err = run_cli(capsys, "--library", library, "import", unsupported, good, empty)
    assert code == 1
    assert out == "imported 1: Floods hit Lagos\n"
    errors = err.splitlines()
    assert len(errors) == 2
    assert errors[0].startswith("error: notes.xyz: unsupported file type")
    assert errors[1].startswith("error: empty.txt: ")


def test_list_shows_an_aligned_table_and_json(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles)
    code, out, _ = run_cli(capsys, "--library", library, "list")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "TITLE", "OUTLET", "PUBLISHED", "ENTITIES"]
    titles = {row[header.index("TITLE") :].split("  ")[0] for row in rows}
    assert titles == {"Floods hit Lagos", TALKS.splitlines()[0]}
    assert all(len(row) == len(header) for row in rows)  # counts right-aligned under ENTITIES
    assert all(row.endswith("-") for row in rows)  # not analysed yet
    code, out, _ = run_cli(capsys, "--library", library, "list", "--json")
    listed = json.loads(out)
    assert {item["title"] for item in listed} == {"Floods hit Lagos", TALKS.splitlines()[0]}
    assert set(listed[0]) >= {"id", "title", "outlet", "published", "entity_count"}


def test_list_search_narrows_the_list(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles)
    code, out, _ = run_cli(capsys, "--library", library, "list", "--json", "--search", "Merk")
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == [2]
    code, out, err = run_cli(capsys, "--library", library, "list", "--search", 'no "such')
    assert (code, out) == (0, "")
    assert "no articles" in err


def test_importing_articles_loads_neither_qt_nor_spacy(tmp_path):
    article = write(tmp_path, "floods.txt", FLOODS)
    argv = ["--library", str(tmp_path / "library.sqlite"), "import", str(article)]
    script = (
        "import sys, gui.cli.main\n"
        f"code = gui.cli.main.main({argv!r})\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "imported 1: Floods hit Lagos\n"


def test_import_w3c_reports_orphans_and_skipped_items(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    items = [
        {
            "type": "Annotation",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Lagos"}},
        },
        {
            "type": "Annotation",
            "target": {"selector": {"type": "TextQuoteSelector", "exact": "Accra"}},
        },
        {"type": "Annotation", "body": "no target"},
        {"type": "Person", "name": "not an annotation"},
    ]
    path = write(library.parent, "w3c.json", json.dumps(items))
    argv = ["--library", library, "import-annotations", "--article", 1, path, "--annotator", "Zoë"]
    code, out, err = run_cli(capsys, *argv)
    assert code == 1
    assert out == "anchored 1, orphaned 1\n"
    assert err.splitlines() == [
        "skipped: item 3: an annotation without a target",
        "skipped: item 4: a Person, not an Annotation",
    ]
    assert {row[3] for row in annotations_of(library)} == {"Zoë"}


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"{not json", "not valid JSON"), (b'{"some": "object"}', "expected a W3C Annotation")],
)
def test_import_of_a_bad_file_changes_nothing(capsys, library, articles, content, message):
    annotated_library(capsys, library, articles)
    before = annotations_of(library)
    path = library.parent / "bad.json"
    path.write_bytes(content)
    code, out, err = run_cli(
        capsys, "--library", library, "import-annotations", "--article", 1, path
    )
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {path}: ") and message in err and "nothing was imported" in err
    assert annotations_of(library) == before


def test_import_needs_an_article_it_can_find(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    item = {
        "type": "Annotation",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "rain"}},
    }
    path = write(library.parent, "one.json", json.dumps(item))
    code, _, err = run_cli(capsys, "--library", library, "import-annotations", path)
    assert code == 1 and "--article ID" in err
    code, _, err = run_cli(capsys, "--library", library, "import-annotations", "--article", 7, path)
    assert code == 1 and "there is no article 7" in err
    missing = library.parent / "missing.json"
    code, _, err = run_cli(
        capsys, "--library", library, "import-annotations", "--article", 1, missing
    )
    assert code == 1 and f"cannot read {missing}" in err


def test_import_reads_standard_input(capsys, monkeypatch, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    item = {
        "type": "Annotation",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "rain"}},
    }
    stdin = io.TextIOWrapper(io.BytesIO(json.dumps(item).encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run_cli(capsys, "--library", library, "import-annotations", "--article", 1, "-")
    assert (code, out) == (0, "anchored 1, orphaned 0\n")


def test_importing_annotations_loads_neither_qt_nor_spacy(tmp_path, articles):
    library = tmp_path / "library.sqlite"
    main(["--library", str(library), "import", str(articles / "floods.txt")])
    item = {
        "type": "Annotation",
        "target": {"selector": {"type": "TextQuoteSelector", "exact": "rain"}},
    }
    path = write(tmp_path, "one.json", json.dumps(item))
    argv = ["--library", str(library), "import-annotations", "--article", "1", str(path)]
    script = (
        "import sys, gui.cli.main\n"
        f"code = gui.cli.main.main({argv!r})\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "anchored 1, orphaned 0\n"
