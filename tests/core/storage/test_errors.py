"""SQLite's failures in words the user can act on: a full disk reads as a full disk."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import namedtuple
from pathlib import Path

import pytest

from gui.core.storage import LibraryFull, LibraryUnavailable
from gui.core.storage import errors as errors_module
from gui.core.storage.errors import library_error

ROOT = Path(__file__).resolve().parents[3]

# A writer whose files may not grow past a little more than they are (RLIMIT_FSIZE): each
# write past it fails as on a full disk, and SQLite calls that "disk I/O error".
FULL_WRITER = """
import resource, sys
from pathlib import Path
from gui.core.articles import ImportedText, Metadata
from gui.core.storage import ArticleStore, LibraryError, open_library

path = Path(sys.argv[1])
library = open_library(path)
store = ArticleStore(library)
store.add(ImportedText("The first article.", Metadata(), "a.txt", "txt"))
largest = max(p.stat().st_size for p in path.parent.iterdir())
resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 200_000, resource.RLIM_INFINITY))
try:
    for n in range(200):
        store.add(ImportedText(f"{n} " + "words " * 10_000, Metadata(), "b.txt", "txt"))
except LibraryError as error:
    print(type(error).__name__, error, sep="\\n")
print(store.count())
"""


def io_error(code: int = sqlite3.SQLITE_IOERR_WRITE) -> sqlite3.OperationalError:
    """An OperationalError as SQLite raises it for a failed write."""
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_write_past_the_file_size_limit_reads_as_a_full_disk(library_path):
    # The failure of the issue: a completely full disk reported "disk I/O error".
    result = subprocess.run(
        [sys.executable, "-c", FULL_WRITER, str(library_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    kind, message, count = result.stdout.strip().splitlines()
    assert kind == "LibraryFull", result.stdout + result.stderr
    assert "the disk is full" in message and "disk I/O error" not in message
    assert "Nothing was changed" in message
    assert int(count) >= 1  # what was saved before is still there


def test_an_io_error_on_a_disk_without_room_reads_as_a_full_disk(library_path, monkeypatch):
    library_path.write_bytes(b"")
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(errors_module.shutil, "disk_usage", lambda path: usage(10, 10, 0))
    assert isinstance(library_error(io_error(), "the library", library_path), LibraryFull)


def test_an_io_error_with_room_to_spare_is_still_an_io_error(library_path):
    library_path.write_bytes(b"")
    found = library_error(io_error(), "the library", library_path)
    assert isinstance(found, LibraryUnavailable) and "disk I/O error" in str(found)
