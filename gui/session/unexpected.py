"""Errors that escape a slot reach the window as a message, not only the terminal.

Qt calls Python slots from C++; an exception raised in one (a read from a damaged library,
say) goes to sys.excepthook, which prints it and returns to the event loop, and the user
sees nothing. The hook installed here still prints it, then has the session say it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QTimer

from gui.core.storage.errors import LibraryError

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def report_unexpected_errors(session) -> Hook:
    """Install (and return) the hook that tells session.error about escaped exceptions."""
    previous = sys.excepthook
    waiting: set[tuple[str, str]] = set()  # said, or about to be: the same is said once

    def say(message: tuple[str, str]) -> None:
        session.error.emit(*message)  # returns once the user has closed the message
        waiting.discard(message)

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None):
        previous(kind, error, trace)
        if not issubclass(kind, Exception):
            return  # KeyboardInterrupt and the like are not the user's to read
        message = message_for(error)
        if message not in waiting:
            waiting.add(message)
            # Later, from the event loop: a modal message inside the hook could nest hooks.
            QTimer.singleShot(0, lambda: say(message))

    sys.excepthook = hook
    return hook


def message_for(error: BaseException) -> tuple[str, str]:
    """The title and text that tell the user about an exception nobody caught."""
    if isinstance(error, LibraryError):
        return "Library problem", str(error)
    return (
        "Something went wrong",
        f"{type(error).__name__}: {error or 'no details'}. What was saved before is safe; the"
        " details are on the terminal.",
    )
