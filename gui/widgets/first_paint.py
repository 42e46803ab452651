"""Run something once a window has been painted for the first time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Calls then() on the event loop's pass after window's first paint, or after wait_ms."""

    def __init__(self, window: QWidget, then: Callable[[], None], wait_ms: int) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(wait_ms, self._run)  # hidden, minimised or never exposed

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self.parent().removeEventFilter(self)
        then()


def after_first_paint(window: QWidget, then: Callable[[], None], wait_ms: int) -> None:
    """Call then() once, soon after window is first painted (at the latest after wait_ms)."""
    _FirstPaint(window, then, wait_ms)
