"""Making menu and toolbar actions, and filling menus, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

Shortcut = str | QKeySequence.StandardKey | list


def make_action(
    parent: QObject, text: str, slot: Callable, shortcut: Shortcut | None = None, tip: str = ""
) -> QAction:
    """An action with its text, shortcut (or several), status tip and slot."""
    action = QAction(text, parent)
    if shortcut is not None:
        shortcuts = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def fill_menu(menu: QMenu, items: Sequence[QAction | None]) -> QMenu:
    """Add actions to a menu; None stands for a separator."""
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
    return menu
