"""Making menu and toolbar actions, and filling menus, the same way everywhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Shortcut = str | QKeySequence.StandardKey | list


def make_action(
    parent: QObject, text: str, slot: Callable, shortcut: Shortcut | None = None, tip: str = ""
) -> QAction:
    """An action with its text, shortcut (or several), status tip and slot."""
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcuts(key_sequences(shortcut))
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """The keys of a shortcut: a platform's standard key may have several (Find Previous)."""
    keys: list[QKeySequence] = []
    for item in shortcut if isinstance(shortcut, list) else [shortcut]:
        if isinstance(item, QKeySequence.StandardKey):
            keys += QKeySequence.keyBindings(item)
        else:
            keys.append(QKeySequence(item))
    return keys


def fill_menu(menu: QMenu, items: Sequence[QAction | None]) -> QMenu:
    """Add actions to a menu; None stands for a separator."""
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
    return menu


def menu_text(text: str) -> str:
    """Text shown as it is in a menu or on a button: a single & would mark a shortcut key."""
    return text.replace("&", "&&")


def plain_text(text: str) -> str:
    """A menu text as the user reads it: no shortcut marker, no key hint after a tab."""
    text = text.split("\t")[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def insert_below(window: QMainWindow, after: QAction, action: QAction) -> None:
    """Put action in the window's menu that holds after, just below it."""
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and after in menu.actions():
            items = menu.actions()
            following = items[items.index(after) + 1 : items.index(after) + 2]
            menu.insertAction(following[0] if following else None, action)
            return
