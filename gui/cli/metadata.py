"""The metadata command: Datasette's metadata.json, describing every table and column."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui.cli import common
from gui.cli.errors import CommandError

SUMMARY = "write a Datasette metadata.json describing the library's tables and columns"
DESCRIPTION = (
    "Write a description of every table and column of the library in Datasette's\n"
    "metadata format (databases > tables > description, columns), so that\n"
    "`datasette LIBRARY --metadata metadata.json` shows what each one means.\n"
    "The library is only read. --output - prints it instead."
)
DEFAULT_OUTPUT = Path("metadata.json")


def add_parser(commands: argparse._SubParsersAction, add_command: Callable[..., Any]) -> None:
    """Add the metadata command through gui.cli.main's add_command()."""
    parser = add_command(commands, "metadata", SUMMARY, DESCRIPTION)
    parser.add_argument(
        "--output",
        type=lambda value: Path(value).expanduser(),
        default=DEFAULT_OUTPUT,
        metavar="FILE",
        help="where to write it (default: metadata.json here; - for standard output)",
    )


def metadata_command(ns: argparse.Namespace) -> int:
    """Describe the library named by --library in Datasette's metadata format."""
    from gui.core.storage.schema_docs import datasette_metadata

    with common.opened(ns) as library:
        name = library.path.stem if library.path is not None else "library"
        text = json.dumps(datasette_metadata(library.db, name), indent=2, ensure_ascii=False)
    if str(ns.output) == "-":
        print(text)
        return 0
    try:
        ns.output.write_text(text + "\n", encoding="utf-8")
    except OSError as error:
        raise CommandError(f"could not write {ns.output}: {error.strerror or error}") from None
    print(f"wrote {ns.output}", file=sys.stderr)
    return 0
