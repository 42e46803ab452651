"""The user's entity correction rules: reading them, and the commands that add or remove them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui.core.entities.commands import AddCorrection, RemoveCorrection
from gui.core.entities.corrections import Correction
from gui.core.storage.database import Library, LibraryError, utc_now
from gui.core.storage.rows import exists

CORRECTION_COLUMNS = ("id", "kind", "text", "label", "grp", "created")
_CORRECTION_SELECT = f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections"
_INSERT_CORRECTION = (
    f"INSERT INTO corrections ({', '.join(CORRECTION_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
)


class CorrectionStore:
    """Reads the entity correction rules of one library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def corrections(self) -> list[Correction]:
        """Every rule, in the order they apply (by id)."""
        with self._library.errors():
            rows = self._db.execute(f"{_CORRECTION_SELECT} ORDER BY id").fetchall()
        return [Correction(*row) for row in rows]


# Commands (carried out by gui.core.storage.commands_store inside its transaction)


def _add_correction(library: Library, command: AddCorrection) -> Any:
    """Save a correction rule (stamping created when empty)."""
    rule = command.rule
    if rule.id and exists(library.db, "corrections", rule.id):
        raise LibraryError(f"Correction {rule.id} is already in the library.")
    row = (rule.id or None, rule.kind, rule.text, rule.label, rule.group)
    cursor = library.db.execute(_INSERT_CORRECTION, (*row, rule.created or utc_now()))
    return RemoveCorrection(int(cursor.lastrowid or 0))


def _remove_correction(library: Library, command: RemoveCorrection) -> Any:
    """Delete a correction rule; its inverse puts it back with its id."""
    row = library.db.execute(
        f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections WHERE id = ?",
        [command.rule_id],
    ).fetchone()
    if row is None:
        raise LibraryError("That correction is no longer in the library.")
    library.db.execute("DELETE FROM corrections WHERE id = ?", [command.rule_id])
    return AddCorrection(Correction(*row))


HANDLERS: dict[type, Callable[[Library, Any], Any]] = {
    AddCorrection: _add_correction,
    RemoveCorrection: _remove_correction,
}
