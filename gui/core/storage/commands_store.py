"""Carrying out commands on the library: one transaction each, returning the inverse command.

Undo is data: apply(library, command) returns the command that undoes it, and applying that
returns the command that redoes it, with the same ids. A command that cannot be carried out
raises LibraryError (or a subclass) and leaves the library exactly as it was.

Simple commands are carried out by the store of the records they change (each store's
HANDLERS). A composite command (an import, say) has a run(library) method instead, which
says what it does in terms of simple commands, inside the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui.core.changes import Applied, Batch, Done
from gui.core.storage import (
    annotations_store,
    articles_store,
    checks_store,
    claim_links_store,
    corrections_store,
    entities_store,
    exercise_store,
    grades_store,
    settings_store,
    sourcing_store,
)
from gui.core.storage.database import Library

Handler = Callable[[Library, Any], Any]


def apply(library: Library, command: Any) -> Any:
    """Carry out command in one transaction and return the command that undoes it."""
    return carry_out(library, command).inverse


def carry_out(library: Library, command: Any) -> Applied:
    """Carry out command in one transaction: its inverse, and the reports it made."""
    reports: list[Any] = []
    with library.transaction():
        inverse = _dispatch(library, command, reports)
    return Applied(command, inverse, tuple(reports))


def _dispatch(library: Library, command: Any, reports: list[Any]) -> Any:
    """Run the handler for the command's kind (inside the caller's transaction)."""
    if isinstance(command, Batch):
        inverses = [_dispatch(library, part, reports) for part in command.commands]
        return Batch(command.description, tuple(reversed(inverses)))
    handler = _HANDLERS.get(type(command)) or getattr(command, "run", None)
    if handler is None:
        raise TypeError(f"not a command: {command!r}")
    result = handler(library, command) if type(command) in _HANDLERS else handler(library)
    if isinstance(result, Done):
        reports.append(result.report)
        return result.inverse
    return result


_HANDLERS: dict[type, Handler] = {
    **annotations_store.HANDLERS,
    **corrections_store.HANDLERS,
    **articles_store.HANDLERS,
    **entities_store.HANDLERS,
    **settings_store.HANDLERS,
    **exercise_store.HANDLERS,
    **sourcing_store.HANDLERS,
    **checks_store.HANDLERS,
    **grades_store.HANDLERS,
    **claim_links_store.HANDLERS,
}
