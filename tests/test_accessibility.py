"""Every control and panel of the window has a name a screen reader can say."""

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from tests.window_helpers import fill_everything, open_window


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    yield from open_window(qtbot, qapp, monkeypatch, tmp_path)


CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox,
            QPlainTextEdit, QTextEdit, QProgressBar, QMenuBar, QToolBar)  # fmt: skip


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the widget: Qt's accessible name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


def ours(widget: QWidget) -> bool:
    """False for the parts Qt makes and names by role (scroll bars, table headers, ...)."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return False
    parent = widget.parent()
    while parent is not None:  # a line edit's clear button, a combo box's popup list
        if isinstance(parent, QLineEdit | QComboBox):
            return False
        parent = parent.parent()
    return True


def test_every_control_has_a_name_and_every_panel_a_name_and_description(window):
    fill_everything(window)
    window.pane.find_bar.open_bar()
    controls = [w for w in window.findChildren(QWidget) if isinstance(w, CONTROLS) and ours(w)]
    assert len(controls) > 40  # the walk really reached the panels
    unnamed = [f"{type(w).__name__} in {type(w.parent()).__name__}" for w in controls
               if w.isVisibleTo(window) and not spoken_name(w)]  # fmt: skip
    assert unnamed == []
    # Inputs and lists have no text of their own to be named by: they carry a set name.
    silent = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit)
    unset = [type(w).__name__ for w in controls if isinstance(w, silent) and not w.accessibleName()]
    assert unset == []
    for dock in window.findChildren(QDockWidget):
        panel = dock.widget()
        assert dock.accessibleName().endswith("panel") and dock.accessibleDescription()
        assert panel.accessibleName() and panel.accessibleDescription(), dock.windowTitle()
    pane = window.pane
    for part in (pane, pane.header, pane.legend, pane.view, pane.find_bar):
        assert part.accessibleName(), type(part).__name__


def test_the_tabs_of_the_panels_are_named_by_their_panels(window):
    tab_bars = [bar for bar in window.findChildren(QTabBar) if bar.isVisibleTo(window)]
    assert tab_bars  # the panels sit in tabs
    for bar in tab_bars:
        names = [bar.tabText(i) for i in range(bar.count())]
        assert all(names), names


def test_legend_chips_say_what_they_stand_for(window):
    fill_everything(window)
    chip = window.pane.legend.buttons["PERSON"]
    assert spoken_name(chip) == "People 3"
    interface = QAccessible.queryAccessibleInterface(chip)
    assert "People" in interface.text(QAccessible.Text.Description)


def unnamed_controls(widget: QWidget) -> list[str]:
    """The controls in widget with no name a screen reader could say."""
    silent = (QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTextEdit)
    found = [w for w in widget.findChildren(QWidget) if isinstance(w, CONTROLS) and ours(w)]
    return [
        type(w).__name__
        for w in found
        if not spoken_name(w) or (isinstance(w, silent) and not w.accessibleName())
    ]


def test_the_dialogs_and_the_checklist_of_the_classroom_and_of_restoring_name_their_controls(
    qtbot, tmp_path
):
    # The walk above sees the window without an exercise and without its dialogs.
    from gui.annotating.preferences_dialog import PreferencesDialog
    from gui.library.restore_dialog import RestoreBackupDialog
    from gui.trainer.checklist import Checklist
    from gui.trainer.exercise_dialog import ExerciseDialog
    from gui.trainer.returns_dialog import ReturnsView

    checklist = Checklist()
    checklist.set_questions(["Who is the source?", "Is it named?"], {}, lambda answers: None)
    parts = (checklist, ReturnsView([]), RestoreBackupDialog(tmp_path / "lib.sqlite", []),
             ExerciseDialog([], None), PreferencesDialog("ana"))  # fmt: skip
    for part in parts:
        qtbot.addWidget(part)
        assert unnamed_controls(part) == [], type(part).__name__
    assert [f.accessibleName() for f in checklist.answers.values()] == [
        "Who is the source?",
        "Is it named?",
    ]


def test_the_progress_of_reading_returned_work_is_named(qtbot):
    from gui.session.session import Session
    from gui.trainer.collecting import ReturnsImport

    window = QWidget()
    qtbot.addWidget(window)
    dialog = ReturnsImport(Session(window), window)._progress_dialog(3)
    assert unnamed_controls(dialog) == []
