"""The Help menu: the user guide, the keyboard shortcuts (read from the menus), About."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from gui.actions import fill_menu, make_action
from gui.help.about_dialog import AboutDialog
from gui.help.guide import GuideWindow
from gui.help.shortcuts import Section, ShortcutsDialog, shortcut_sections


class HelpActions(QObject):
    """Owns the Help menu of a window."""

    def __init__(self, window: QMainWindow, keys: Sequence[Section] = ()) -> None:
        super().__init__(window)
        self.window, self.keys = window, list(keys)
        self.guide_action = make_action(
            self, "&User Guide", self.show_guide, QKeySequence.StandardKey.HelpContents,
            "How to use Sourcelight, from this computer (no network needed)",
        )  # fmt: skip
        self.shortcuts_action = make_action(
            self, "&Keyboard Shortcuts", self.show_shortcuts, "Ctrl+/",
            "Every key the window answers",
        )  # fmt: skip
        self.about_action = make_action(self, "&About Sourcelight", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.menu = fill_menu(
            QMenu("&Help", window),
            [self.guide_action, self.shortcuts_action, None, self.about_action],
        )

    def sections(self):
        """The shortcut reference as it stands: the menus now, and the keys of the reader."""
        return shortcut_sections(self.window.menuBar(), self.keys)

    def show_guide(self) -> None:
        """Open the user guide."""
        GuideWindow.ask(self.window)

    def show_shortcuts(self) -> None:
        """List the keyboard shortcuts."""
        ShortcutsDialog.ask(self.window, self.sections())

    def show_about(self) -> None:
        """Show version, licence and the offline promise."""
        AboutDialog.ask(self.window)
