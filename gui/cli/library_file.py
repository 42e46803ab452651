"""The commands about the library file itself: new creates one, restore puts a backup back."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from gui.cli.common import library_path
from gui.cli.errors import EXIT_FAILED, CommandError

NEW_SUMMARY = "create a new, empty library (the file must not exist yet)"
RESTORE_SUMMARY = "list the library's backups, or put one back (--from FILE)"
RESTORE_DESCRIPTION = (
    "Without --from: list the backups beside the library, newest first. Sourcelight makes\n"
    "one each time the window opens a library that changed since the last, and checks\n"
    "each copy before it keeps it.\n\n"
    "With --from FILE: put that backup back as the library, after asking (--yes: do not\n"
    "ask). The backup is checked first; the library as it is now is kept as a backup (or,\n"
    "when damaged, as FILE.damaged-TIME), so a restore can itself be undone."
)


def add_parsers(commands: argparse._SubParsersAction, add_command: Callable[..., Any]) -> None:
    """Add the new and restore commands through gui.cli.main's add_command()."""
    add_command(commands, "new", NEW_SUMMARY, "Create a new library at --library FILE.")
    parser = add_command(commands, "restore", RESTORE_SUMMARY, RESTORE_DESCRIPTION)
    parser.add_argument(
        "--from", dest="source", type=_path, metavar="FILE", help="the backup to put back"
    )
    parser.add_argument("--yes", action="store_true", help="restore without asking")


def new_command(ns: argparse.Namespace) -> int:
    """Create an empty library where --library says; an existing file is left alone."""
    from gui.core.storage import open_library

    path = library_path(ns)
    if path.exists() and (not path.is_file() or path.stat().st_size > 0):
        raise CommandError(f"{path} already exists; nothing was changed")
    open_library(path).close()
    print(f"created library {path}")
    return 0


def restore_command(ns: argparse.Namespace) -> int:
    """List the backups, or restore the one named by --from after the user confirms."""
    path = library_path(ns)
    if ns.source is None:
        return _list_backups(path)
    from gui.core.storage import restore
    from gui.core.storage.restore import check_restorable

    check_restorable(path, ns.source)
    if not ns.yes and not _confirmed(path, ns.source):
        print("nothing was restored", file=sys.stderr)
        return EXIT_FAILED
    restored = restore(path, ns.source)
    print(f"restored {path} from {ns.source}")
    if restored.kept is not None:
        how = "its damaged bytes are kept as" if restored.kept_damaged else "it is kept as"
        print(f"the library as it was: {how} {restored.kept}")
    return 0


def _list_backups(path: Path) -> int:
    """Print the backups of the library at path, newest first; 1 when there are none."""
    from gui.core.storage import backups

    found = backups(path)
    if not found:
        print(f"no backups of {path}", file=sys.stderr)
        return EXIT_FAILED
    print(f"backups of {path}, newest first (restore one with: restore --from FILE):")
    for backup in found:
        size = backup.path.stat().st_size / 2**20
        print(f"  {_local(backup.made)}  {size:8.1f} MB  {backup.path}")
    return 0


def _confirmed(path: Path, source: Path) -> bool:
    """Ask on the terminal; without one, refuse (CommandError) and say how to go on."""
    if not sys.stdin.isatty():
        raise CommandError(f"restoring {source} needs a yes: add --yes (nothing was restored)")
    print(
        f"Replace the library {path} with the backup {source}? The library as it is now is"
        " kept as a backup first. [y/N] ",
        end="",
        file=sys.stderr,
        flush=True,
    )
    return sys.stdin.readline().strip().lower() in ("y", "yes")


def _local(moment: datetime) -> str:
    """A time as the user's clock shows it, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _path(value: str) -> Path:
    """An argument naming a file, with ~ expanded."""
    return Path(value).expanduser()
