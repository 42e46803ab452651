"""Parsing the command line, and how every command fails: one error line, an exit code."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from gui.cli import commands as cli_commands
from gui.cli import main as cli
from gui.cli.main import main, parse_args
from gui.core.storage import (
    default_library_path,
)
from tests.cli.helpers import ROOT, run_cli


def test_help_lists_each_command_and_the_default_library(capsys):
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    for command in ("import", "list", "analyze", "export"):
        assert f"    {command} " in out
    assert str(default_library_path()) in " ".join(out.split())


def test_without_a_command_the_arguments_are_for_the_window(library):
    ns = parse_args(["--library", str(library), "a.txt", "notes/b.md"])
    assert ns.command is None
    assert ns.library == library
    assert ns.files == [Path("a.txt"), Path("notes/b.md")]
    assert parse_args([]).files == []
    assert parse_args([]).library is None


def test_library_option_goes_before_or_after_the_command(library):
    assert parse_args(["--library", str(library), "list"]).library == library
    assert parse_args(["list", "--library", str(library)]).library == library
    assert parse_args(["list"]).library is None


def test_main_refuses_to_open_the_window(capsys, library):
    code, _, err = run_cli(capsys, "--library", library, "article.txt")
    assert code == 2
    assert "usage:" in err
    assert not library.exists()


def test_a_mistyped_command_is_an_error_not_a_file(capsys):
    code, _, err = run_cli(capsys, "lst")
    assert code == 2
    assert "invalid choice: 'lst'" in err


def damage(library: Path) -> None:
    """Overwrite the library with bytes that are not a database."""
    library.write_bytes(b"this is not an SQLite database\n" * 200)


def make_foreign(library: Path) -> None:
    """Make the library another program's SQLite database."""
    with closing(sqlite3.connect(library)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")


def make_too_new(library: Path) -> None:
    """Mark the library as written by a future version."""
    main(["--library", str(library), "new"])
    with closing(sqlite3.connect(library)) as db:
        db.execute("PRAGMA user_version = 9999")


@pytest.mark.parametrize(
    ("spoil", "reason"),
    [(damage, "damaged"), (make_foreign, "not a Sourcelight library"), (make_too_new, "newer")],
)
def test_an_unusable_library_is_one_error_line(capsys, library, articles, spoil, reason):
    spoil(library)
    before = library.read_bytes()
    capsys.readouterr()
    for command in (["list"], ["import", str(articles)], ["export", "--article", "1"]):
        code, out, err = run_cli(capsys, "--library", library, *command)
        assert (code, out) == (1, "")
        assert err.startswith("error: ") and err.count("\n") == 1
        assert str(library) in err and reason in err
    assert library.read_bytes() == before  # left as it was


def test_a_read_only_library_can_be_listed_but_not_changed(capsys, library, articles):
    run_cli(capsys, "--library", library, "import", articles / "floods.txt")
    library.chmod(stat.S_IRUSR)
    try:
        assert run_cli(capsys, "--library", library, "list")[0] == 0
        code, out, err = run_cli(capsys, "--library", library, "import", articles / "talks.txt")
    finally:
        library.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert (code, out) == (1, "")
    assert err.startswith("error: ") and "read-only" in err


def test_ctrl_c_exits_130(capsys, monkeypatch, library):
    def interrupted(ns):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_commands, "list_command", interrupted)
    assert run_cli(capsys, "--library", library, "list")[0] == cli.EXIT_INTERRUPTED == 130


MODULES_LOADED = """
import sys, gui.cli.main
loaded = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "spacy")]
loaded += [m for m in ("gui.cli.commands", "gui.core.findings") if m in sys.modules]
print(loaded)
"""


def test_the_command_line_starts_light_with_no_command_loaded():
    # The window parses its arguments here too: no command, no findings, no Qt, no spaCy.
    result = subprocess.run(
        [sys.executable, "-c", MODULES_LOADED], cwd=ROOT, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout.strip()) == (0, "[]"), result.stderr


def test_every_command_module_imports_on_its_own():
    for name in ("analyze", "compare", "export", "library", "report", "sourcing", "errors"):
        script = f"import gui.cli.{name}"
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
        assert result.returncode == 0, (name, result.stderr)
