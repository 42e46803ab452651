"""Shortcuts are the platform's own where it has one (QKeySequence.StandardKey), and never clash."""

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from gui.actions import plain_text
from gui.app import make_window

Standard = QKeySequence.StandardKey


@pytest.fixture
def window(qtbot, qapp):
    window = make_window(qapp)
    qtbot.addWidget(window)
    return window


def by_text(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if plain_text(a.text()) == text)


def standard_actions(window) -> dict:
    return {
        window.import_action: Standard.Open,
        by_text(window, "Quit"): Standard.Quit,
        window.annotate.undo_action: Standard.Undo,
        window.annotate.redo_action: Standard.Redo,
        window.copy_action: Standard.Copy,
        window.find_action: Standard.Find,
        window.find_next_action: Standard.FindNext,
        window.find_previous_action: Standard.FindPrevious,
        window.preferences_action: Standard.Preferences,
        window.zoom_in_action: Standard.ZoomIn,
        window.zoom_out_action: Standard.ZoomOut,
        window.reports.print_action: Standard.Print,
        window.help.guide_action: Standard.HelpContents,
        window.presenter.action: Standard.FullScreen,
    }


def test_common_commands_take_the_platforms_standard_keys(window):
    for action, key in standard_actions(window).items():
        platform = QKeySequence.keyBindings(key)
        assert action.shortcuts()[: len(platform)] == platform, plain_text(action.text())


def test_no_two_commands_share_a_key(window):
    """Qt ignores a key that two window-wide actions share: both would silently stop working."""
    owners = defaultdict(set)
    for action in window.findChildren(QAction):
        if action.shortcutContext() != Qt.ShortcutContext.WindowShortcut:
            continue  # e.g. the library list's Delete, only while the list has the focus
        for key in action.shortcuts():
            owners[key.toString()].add(plain_text(action.text()))
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert shared == {}
