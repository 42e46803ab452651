"""Which commands may create a library, which never write, and new, restore and damage."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from gui.core.storage import ArticleStore, back_up, open_library
from tests.cli.helpers import FLOODS, TALKS, annotated_library, run_cli, write
from tests.core.storage.damage import scribble, scribble_over, snapshot, sound_library

READ_COMMANDS = (
    ["list"],
    ["export", "--article", "1"],
    ["report", "--article", "1", "--output", "report.html"],
    ["compare", "--article", "1", "--key", "a", "--layer", "b"],
)


def listing(folder: Path) -> list[str]:
    """The names in a folder, to prove that nothing was created."""
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("command", [*READ_COMMANDS, ["import-annotations", "notes.json"]])
def test_a_missing_library_is_an_error_for_commands_that_create_none(capsys, tmp_path, command):
    # The failure of the issue: a mistyped --library made an empty library and exited 0.
    notes = tmp_path / "notes.json"
    notes.write_text("[]")
    command = [str(notes) if part == "notes.json" else part for part in command]
    before = listing(tmp_path)
    code, out, err = run_cli(capsys, "--library", tmp_path / "mistyped.sqlite", *command)
    assert (code, out) == (1, "")
    assert "there is no library at" in err and "mistyped.sqlite" in err and " new" in err
    assert listing(tmp_path) == before


@pytest.mark.parametrize("command", READ_COMMANDS[:1])
def test_a_read_only_command_never_turns_an_empty_file_into_a_library(capsys, library, command):
    library.touch()
    code, _, err = run_cli(capsys, "--library", library, *command)
    assert code == 1 and "is an empty file, not a library" in err
    assert library.read_bytes() == b""
    assert listing(library.parent) == ["library.sqlite"]


def test_reading_commands_leave_no_file_beside_the_library(capsys, library, articles):
    annotated_library(capsys, library, articles)
    before = listing(library.parent)
    contents = snapshot(library)
    assert run_cli(capsys, "--library", library, "list")[0] == 0
    assert run_cli(capsys, "--library", library, "compare", "--article", 1, "--key", "me",
                   "--layer", "me")[0] in (0, 1)  # fmt: skip
    assert listing(library.parent) == before
    assert snapshot(library) == contents


def test_import_and_new_create_a_library_and_new_never_replaces_one(capsys, tmp_path, articles):
    made = tmp_path / "made-by-import.sqlite"
    assert run_cli(capsys, "--library", made, "import", articles / "floods.txt")[0] == 0
    fresh = tmp_path / "fresh.sqlite"
    code, out, _ = run_cli(capsys, "--library", fresh, "new")
    assert (code, out) == (0, f"created library {fresh}\n")
    assert run_cli(capsys, "--library", fresh, "list")[0] == 0
    before = snapshot(made)
    code, _, err = run_cli(capsys, "--library", made, "new")
    assert code == 1 and "already exists" in err
    assert snapshot(made) == before


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A library of twenty articles with 4 KiB of random bytes over a page in the middle."""
    path = sound_library(tmp_path / "library.sqlite", articles=20)
    scribble(path, seed=1)
    return path


def test_import_into_a_damaged_library_is_refused_before_anything_is_read(capsys, damaged,
                                                                          articles):  # fmt: skip
    before = snapshot(damaged)
    code, out, err = run_cli(capsys, "--library", damaged, "import", articles)
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and "is damaged" in err and "restore --from" in err
    assert snapshot(damaged) == before


def test_import_annotations_into_a_damaged_library_is_refused(capsys, damaged, tmp_path):
    notes = tmp_path / "notes.json"
    notes.write_text(json.dumps([]))
    before = snapshot(damaged)
    code, _, err = run_cli(capsys, "--library", damaged, "import-annotations", "--article", 1,
                           notes)  # fmt: skip
    assert code == 1 and "is damaged" in err
    assert snapshot(damaged) == before


def test_a_damaged_library_can_still_be_listed_and_exported(capsys, tmp_path, fake_pipeline):
    damaged = sound_library(tmp_path / "library.sqlite", articles=20)
    scribble_over(damaged, "articles", seed=3)  # one article's text: the others read well
    before = snapshot(damaged)
    code, out, _ = run_cli(capsys, "--library", damaged, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 20
    exported = []
    for article in range(1, 21):  # the ones the damage spared are still worth reading
        code, out, err = run_cli(capsys, "--library", damaged, "export", "--article", article)
        assert code == 1 and "Traceback" not in err and err.count("\n") == 1, err
        if out:
            exported.append(json.loads(out)["metadata"]["title"])
            assert "not saved" in err and "is damaged" in err  # its entities had to be found
    assert len(exported) == 19
    assert snapshot(damaged) == before


@pytest.fixture
def with_backup(capsys, library, articles) -> Path:
    """A library with one article, backed up, then given a second."""
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    made = back_up(library).made
    run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    return made


def test_restore_lists_the_backups(capsys, library, with_backup):
    code, out, _ = run_cli(capsys, "--library", library, "restore")
    assert code == 0
    assert str(with_backup) in out and "restore --from FILE" in out


def test_restore_asks_first_and_can_be_undone(capsys, library, with_backup, monkeypatch):
    answers = FakeTerminal("n\ny\n")
    monkeypatch.setattr(sys, "stdin", answers)
    code, _, err = run_cli(capsys, "--library", library, "restore", "--from", with_backup)
    assert code == 1 and "[y/N]" in err and "nothing was restored" in err
    assert titles(library) == ["Floods hit Lagos", TALKS.splitlines()[0]]
    code, out, _ = run_cli(capsys, "--library", library, "restore", "--from", with_backup)
    assert code == 0 and titles(library) == ["Floods hit Lagos"]
    kept = Path(out.splitlines()[-1].split(" kept as ")[1])
    run_cli(capsys, "--library", library, "restore", "--from", kept, "--yes")
    assert titles(library) == ["Floods hit Lagos", TALKS.splitlines()[0]]


def test_restore_without_a_terminal_needs_yes(capsys, library, with_backup, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    before = snapshot(library)
    code, _, err = run_cli(capsys, "--library", library, "restore", "--from", with_backup)
    assert code == 1 and "--yes" in err
    assert snapshot(library) == before


def test_a_damaged_library_is_restored_and_its_bytes_kept(capsys, damaged, tmp_path):
    good = sound_library(tmp_path / "good.sqlite", articles=3)
    code, out, _ = run_cli(capsys, "--library", damaged, "restore", "--from", good, "--yes")
    assert code == 0 and "damaged bytes are kept as" in out
    assert len(titles(damaged)) == 3
    assert run_cli(capsys, "--library", damaged, "import", write(tmp_path, "f.txt", FLOODS))[0] == 0


def test_positions_past_any_article_are_skipped_not_a_traceback(capsys, library, articles,
                                                               tmp_path):  # fmt: skip
    # The failure of the issue: 2**63 raised OverflowError out of the command line.
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    huge = {"type": "TextPositionSelector", "start": 2**63, "end": 2**63 + 5}
    quote = {"type": "TextQuoteSelector", "exact": "Heavy rain"}
    items = [
        {"type": "Annotation", "body": "a note", "target": {"selector": huge}},
        {
            "type": "Annotation",
            "body": "quoted",
            "target": {"selector": [quote, {**huge, "end": 2**64}]},
        },
    ]
    notes = write(tmp_path, "w3c.json", json.dumps(items))
    code, out, err = run_cli(capsys, "--library", library, "import-annotations", "--article", 1,
                             notes)  # fmt: skip
    assert code == 1 and "Traceback" not in err
    assert "item 1: its TextPositionSelector's span 9223372036854775808" in err
    assert "beyond any article" in err
    assert out == "anchored 1, orphaned 0\n"  # the second by its quote


def test_a_folder_of_odd_file_names_is_imported_whole(capsys, library, tmp_path):
    # The failure of the issue: a name that is not UTF-8 stopped the batch with a traceback.
    folder = tmp_path / "odd"
    folder.mkdir()
    names = [b"caf\xe9.txt", b"-leading-dash.txt", b"L" * 240 + b".txt", b"line\nbreak.txt"]
    for number, name in enumerate(names):
        (Path(os.fsdecode(bytes(folder) + b"/" + name))).write_text(
            f"Story {number}\n\nText {number}."
        )
    Path(os.fsdecode(bytes(folder) + b"/empty\xff.txt")).write_bytes(b"")
    code, out, err = run_cli(capsys, "--library", library, "import", folder)
    assert code == 1  # the empty one
    assert sorted(line.split(": ")[1] for line in out.splitlines()) == [
        f"Story {n}" for n in range(4)
    ]
    assert err == "error: empty\\xff.txt: the file is empty\n"
    with_library = open_library(library, read_only=True)
    sources = sorted(a.source for a in map(ArticleStore(with_library).get, range(1, 5)))
    with_library.close()
    assert any(source.endswith("caf\\xe9.txt") for source in sources)
    assert any(source.endswith("line\\x0abreak.txt") for source in sources)


def titles(path: Path) -> list[str]:
    """The titles in a library, in the order they were added."""
    library = open_library(path, read_only=True)
    try:
        return [s.title for s in sorted(ArticleStore(library).summaries(), key=lambda s: s.id)]
    finally:
        library.close()


class FakeTerminal(io.StringIO):
    """Standard input that says it is a terminal, with the answers typed in advance."""

    def isatty(self) -> bool:
        return True
