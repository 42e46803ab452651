"""Where the bundled resources (samples, lexicons, icons, styles, desktop files) are read from.

They live in the top-level resources/ folder of the source tree, and a wheel ships that folder
inside the package as gui/resources (pyproject.toml maps gui.resources to it). Found through
importlib.resources, so the same call works from a wheel, pipx, an editable install and a
plain checkout.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


class ResourcesMissing(FileNotFoundError):
    """The installation carries no resources folder: a broken install."""


def _root() -> Path:
    """The folder that holds the resources: inside the installed package, else the checkout's."""
    shipped = files("gui").joinpath("resources")
    if shipped.is_dir():  # a wheel (pip, pipx): gui/resources beside gui's modules
        return Path(os.fspath(shipped))
    # A checkout or an editable install: gui/ sits beside the top-level resources/ folder.
    # Looked at before any other gui.resources on sys.path, so a worktree reads its own files.
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise ResourcesMissing(
        f"Sourcelight's resources are missing (looked in {shipped} and {checkout}); reinstall it"
    )


RESOURCES = _root()


def resource(*parts: str) -> Path:
    """Return the path of a bundled resource file (or folder)."""
    return RESOURCES.joinpath(*parts)
