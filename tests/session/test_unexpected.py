"""An exception that escapes a slot is said in the window, and still printed."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

from gui.core.storage import LibraryCorrupt
from gui.session.unexpected import report_unexpected_errors


class FakeSession(QObject):
    """The one signal the hook uses."""

    error = Signal(str, str)


@pytest.fixture
def printed(monkeypatch):
    """What the previous hook was given; sys.excepthook is put back afterwards."""
    seen = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: seen.append(error))
    return seen


def test_a_library_error_in_a_slot_reaches_the_window(qtbot, printed):
    session = FakeSession()
    hook = report_unexpected_errors(session)
    error = LibraryCorrupt("/tmp/a.sqlite is damaged (database disk image is malformed).")
    with qtbot.waitSignal(session.error) as said:
        hook(LibraryCorrupt, error, None)
    assert said.args == ["Library problem", str(error)]
    assert printed == [error]


def test_a_bug_is_said_too_and_an_interrupt_is_not(qtbot, printed):
    session = FakeSession()
    hook = report_unexpected_errors(session)
    with qtbot.waitSignal(session.error) as said:
        hook(OverflowError, OverflowError("Python int too large to convert to C ssize_t"), None)
    assert said.args[0] == "Something went wrong" and "OverflowError" in said.args[1]
    with qtbot.assertNotEmitted(session.error, wait=50):
        hook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert len(printed) == 2


def test_the_same_error_again_while_it_is_said_is_not_said_twice(qtbot, printed):
    session = FakeSession()
    heard = []
    session.error.connect(lambda *args: heard.append(args))
    hook = report_unexpected_errors(session)
    error = LibraryCorrupt("/tmp/a.sqlite is damaged.")
    for _ in range(3):  # one refresh after another, each reading the damaged page
        hook(LibraryCorrupt, error, None)
    qtbot.waitUntil(lambda: bool(heard))
    with qtbot.assertNotEmitted(session.error, wait=50):
        pass
    assert len(heard) == 1 and len(printed) == 3
