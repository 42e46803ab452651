"""Choose the alias group an entity should join."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QInputDialog, QWidget


class GroupChoice:
    """Ask which group (or a new name) a mention belongs to."""

    @classmethod
    def ask(cls, parent: QWidget | None, text: str, groups: Sequence[str]) -> str | None:
        """The chosen or typed group name, or None when cancelled."""
        name, accepted = QInputDialog.getItem(
            parent, "Merge into group", f"“{text}” is the same as:", list(groups), 0, True
        )
        name = " ".join(name.split())
        return name if accepted and name else None
