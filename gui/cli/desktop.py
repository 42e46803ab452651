"""The install-desktop command: a menu entry, an icon and the .sourcelight file type.

pip cannot (and should not) write outside the environment it installs into, so the desktop
integration is a step the user asks for. It writes into the user's XDG data folder
($XDG_DATA_HOME, else ~/.local/share), following the freedesktop.org Desktop Entry and
Shared MIME-info specifications, and runs the desktop's cache tools when they are installed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gui.cli.arguments import PROG
from gui.cli.errors import CommandError
from gui.core.resources import resource

DESKTOP_ID = "sourcelight.desktop"
MIME_TYPE = "application/x-sourcelight"
_TOOL_SECONDS = 30  # a cache tool that hangs must not hang the command
# Characters that make an Exec argument need quotes (Desktop Entry specification, "Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = '"`$\\'


@dataclass(frozen=True)
class DesktopFiles:
    """Where the three files go under one XDG data folder."""

    entry: Path
    icon: Path
    mime: Path

    @classmethod
    def under(cls, data_home: Path) -> DesktopFiles:
        """The places of the files under data_home."""
        return cls(
            entry=data_home / "applications" / DESKTOP_ID,
            icon=data_home / "icons" / "hicolor" / "scalable" / "apps" / "sourcelight.svg",
            mime=data_home / "mime" / "packages" / "sourcelight.xml",
        )


def add_parser(commands: Any, add_command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the install-desktop command to the command-line parser."""
    parser = add_command(
        commands,
        "install-desktop",
        "add Sourcelight to the desktop's menu and file types (Linux)",
        "Write a menu entry (.desktop file), the icon, and the file type of .sourcelight\n"
        "exercise files into your XDG data folder ($XDG_DATA_HOME, else ~/.local/share),\n"
        "so that Sourcelight appears in the applications menu and opens .sourcelight files.\n"
        "Only your own account is changed; nothing needs root. With --remove, takes them away.",
    )
    parser.add_argument("--remove", action="store_true", help="remove what it installed")


def install_desktop_command(ns: argparse.Namespace) -> int:
    """Install (or with --remove, remove) the desktop entry, icon and MIME type."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        raise CommandError("install-desktop is for Linux and other freedesktop.org desktops")
    files = DesktopFiles.under(data_home())
    try:
        changed = remove(files) if ns.remove else install(files, launcher())
    except OSError as error:
        raise CommandError(f"cannot write {error.filename}: {error.strerror or error}") from None
    for path in changed:
        print(f"{'removed' if ns.remove else 'wrote'} {path}")
    refresh_caches(files)
    return 0


def data_home() -> Path:
    """$XDG_DATA_HOME if absolute (as the specification asks), else ~/.local/share."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this Sourcelight: the installed script, or python main.py."""
    script = Path(sys.argv[0])
    if script.suffix == ".py" and script.is_file():  # a checkout: python main.py
        return [sys.executable, str(script.absolute())]
    if script.name == PROG and script.is_file():
        return [str(script.absolute())]  # not resolved: pipx's link survives an upgrade
    found = shutil.which(PROG)
    if found is None:
        raise CommandError(f"cannot tell how Sourcelight was started; is '{PROG}' on PATH?")
    return [found]


def install(files: DesktopFiles, command: Sequence[str]) -> list[Path]:
    """Write the entry (starting command), icon and MIME type; returns the files written."""
    template = resource("desktop", "sourcelight.desktop").read_text(encoding="utf-8")
    written = {
        files.entry: template.replace("@EXEC@", exec_line(command)),
        files.icon: resource("icons", "sourcelight.svg").read_text(encoding="utf-8"),
        files.mime: resource("desktop", "sourcelight-mime.xml").read_text(encoding="utf-8"),
    }
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(written)


def remove(files: DesktopFiles) -> list[Path]:
    """Delete the files install() writes; returns those that were there."""
    removed = []
    for path in (files.entry, files.icon, files.mime):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def exec_line(command: Sequence[str]) -> str:
    """The Exec value that runs command: arguments quoted, then escaped as a desktop string."""
    quoted = " ".join(_quoted(argument) for argument in command)
    # The value is a "string" first: a backslash is written twice; % starts a field code.
    return quoted.replace("\\", "\\\\").replace("%", "%%")


def _quoted(argument: str) -> str:
    """One Exec argument, in double quotes when it holds a reserved character."""
    if argument and not _RESERVED & set(argument):
        return argument
    escaped = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in argument)
    return f'"{escaped}"'


def refresh_caches(files: DesktopFiles) -> None:
    """Run the desktop's cache tools that are installed; a failing one is reported, not fatal."""
    data = files.entry.parents[1]
    tools = [
        ["update-mime-database", str(data / "mime")],
        ["update-desktop-database", str(data / "applications")],
    ]
    if files.entry.exists():
        tools.append(["xdg-mime", "default", DESKTOP_ID, MIME_TYPE])
    for tool in tools:
        if shutil.which(tool[0]) is not None:
            _run(tool)


def _run(tool: list[str]) -> None:
    """Run one tool, saying on stderr when it failed."""
    try:
        done = subprocess.run(tool, capture_output=True, text=True, timeout=_TOOL_SECONDS)
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"warning: {tool[0]} did not run: {error}", file=sys.stderr)
        return
    if done.returncode != 0:
        print(f"warning: {tool[0]} failed: {done.stderr.strip()}", file=sys.stderr)
