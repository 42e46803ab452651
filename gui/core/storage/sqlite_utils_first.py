"""Loads sqlite-utils without numpy; gui.core.storage imports this before anything else.

sqlite-utils imports numpy (and pandas) when they are installed, only to store their number
types, which the library never holds; importing numpy cost the window 180 ms of its first
paint. So they are hidden while sqlite-utils loads, and left to whatever imports them later
(spaCy does, when an article is analysed). Already imported, they are used as they are.
"""

from __future__ import annotations

import sys

_OPTIONAL = ("numpy", "pandas")


def _load() -> None:
    hidden = [name for name in _OPTIONAL if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" fails at once
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


_load()
