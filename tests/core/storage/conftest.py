"""Fixtures for the storage tests: libraries in memory and in files, and articles to add."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.core.storage import Library, open_library


@pytest.fixture
def library() -> Iterator[Library]:
    """A fresh in-memory library."""
    lib = open_library(None)
    yield lib
    lib.close()


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Where a file library may be created (not created yet)."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def file_library(library_path: Path) -> Iterator[Library]:
    """A fresh library in a file, with a short busy timeout."""
    lib = open_library(library_path, busy_timeout=0.05)
    yield lib
    lib.close()
