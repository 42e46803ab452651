"""The thin adapter between core commands (data) and Qt's undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

Apply = Callable[[object], object | None]  # applies a command, returns its inverse or None


class StoredCommand(QUndoCommand):
    """A change already saved in the library; undo and redo apply the stored inverse.

    Every apply returns the command that reverses it, so undo and redo simply swap roles.
    A step that fails (the disk is full, the library was locked) leaves the stack.
    """

    def __init__(self, apply: Apply, done: object, inverse: object, text: str = "") -> None:
        super().__init__(text or done.description)
        self._apply = apply
        self._forward = done
        self._backward = inverse
        self._fresh = True  # push() calls redo() at once, but the change is already made

    def redo(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        self._backward = self._run(self._forward)

    def undo(self) -> None:
        self._forward = self._run(self._backward)

    def _run(self, command: object) -> object:
        inverse = self._apply(command)
        if inverse is None:
            self.setObsolete(True)
            return command
        return inverse
