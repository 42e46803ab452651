"""Telling a window call from a command, with nothing heavier than argparse loaded.

The window's start-up reads its arguments here, so its first paint never waits for the
command line's modules (storage, importers, spaCy-facing code).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

PROG = "sourcelight"
USAGE = "%(prog)s [--library FILE] [FILE ...]\n       %(prog)s [--library FILE] COMMAND [ARGS ...]"
# Each runs gui.cli.commands.<name>_command, with "-" in the name read as "_".
COMMANDS = (
    "import",
    "list",
    "analyze",
    "export",
    "import-annotations",
    "report",
    "library-report",
    "compare",
    "install-desktop",
    "exercise",
    "new",
    "restore",
    "metadata",
    "trace",
    "sources",
    "claims",
    "outlets",
    "grade-source",
    "relate-claims",
)


def window_parser() -> argparse.ArgumentParser:
    """The arguments of the window: a library and files to import."""
    parser = argparse.ArgumentParser(prog=PROG, usage=USAGE, allow_abbrev=False)
    add_library_option(parser, default=None)
    parser.add_argument("files", nargs="*", type=path_argument, metavar="FILE")
    return parser


def is_window_call(argv: list[str]) -> bool:
    """True when argv holds only --library and files, so no command is meant."""
    head, tail = (
        (argv[: argv.index("--")], argv[argv.index("--") + 1 :]) if "--" in argv else (argv, [])
    )
    head = _without_library_option(head)
    if any(arg.startswith("-") for arg in head):
        return False  # --help, --version or a mistake: the full parser explains
    first = (head or tail or [None])[0]
    return first is None or (first not in COMMANDS and _looks_like_file(first))


def _without_library_option(args: list[str]) -> list[str]:
    """args without "--library FILE" and "--library=FILE"."""
    rest: list[str] = []
    skip = False
    for arg in args:
        if skip or arg.startswith("--library="):
            skip = False
            continue
        skip = arg == "--library"
        if not skip:
            rest.append(arg)
    return rest


def _looks_like_file(arg: str) -> bool:
    """True for an existing path or one that looks like a file name (so typos of commands fail)."""
    path = Path(arg)
    return path.exists() or bool(path.suffix) or os.sep in arg or "/" in arg


def path_argument(value: str) -> Path:
    """An argument naming a file, with ~ expanded."""
    return Path(value).expanduser()


def add_library_option(parser: argparse.ArgumentParser, default: object) -> None:
    """--library FILE, on the main parser and on every command."""
    parser.add_argument(
        "--library",
        metavar="FILE",
        type=path_argument,
        default=default,
        help="the library file to use (default: see below); only import and new create a"
        " missing one",
    )
