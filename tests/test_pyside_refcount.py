"""Guards against PySide6 6.12.0 on Python 3.11, which leaks a reference to None per void call."""

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from PySide6.QtGui import QTextCursor, QTextDocument

CALLS = 20_000


def test_void_qt_calls_keep_the_reference_count_of_none(qapp):
    document = QTextDocument("x" * 64)
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for i in range(CALLS):
        cursor.setPosition(i % 64)  # returns nothing: the call that leaked
    after = sys.getrefcount(None)
    # Other code may take or drop a few references meanwhile; a leak drops thousands.
    assert after > before - CALLS // 10


def test_dependencies_never_allow_the_broken_pair():
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    requirements = [
        Requirement(text)
        for text in tomllib.loads(pyproject.read_text())["project"]["dependencies"]
        if text.lower().startswith("pyside6")
    ]
    on_311 = [
        r for r in requirements if r.marker is None or r.marker.evaluate({"python_version": "3.11"})
    ]
    on_312 = [
        r for r in requirements if r.marker is None or r.marker.evaluate({"python_version": "3.12"})
    ]
    assert on_311 and on_312
    assert not any(r.specifier.contains("6.12.0") for r in on_311)
    assert all(r.specifier.contains("6.11.2") for r in on_311)
    assert any(r.specifier.contains("6.12.0") for r in on_312)
