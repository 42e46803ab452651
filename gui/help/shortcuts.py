"""The keyboard shortcut reference, read from the window's own menus so that it never drifts."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.actions import plain_text
from gui.widgets.accessible import describe

Row = tuple[str, str]  # the keys, and what they do
Section = tuple[str, Sequence[Row]]


def shortcut_sections(menubar: QMenuBar, extra: Sequence[Section] = ()) -> list[Section]:
    """Every menu command that has a shortcut, menu by menu, then the keys given in extra."""
    sections: list[Section] = []
    for menu_action in menubar.actions():
        menu = menu_action.menu()
        rows = list(_menu_rows(menu, "")) if menu else []
        if rows:
            sections.append((f"{plain_text(menu.title())} menu", rows))
    return [*sections, *extra]


def _menu_rows(menu: QMenu, path: str) -> Iterator[Row]:
    """(keys, menu path) of a menu's commands that have shortcuts, submenus included."""
    for action in menu.actions():
        name = path + action.iconText()  # the short name: no "…", no step being undone
        if action.menu():
            yield from _menu_rows(action.menu(), f"{name} ▸ ")
        elif keys := [key for key in action.shortcuts() if _on_a_keyboard(key)]:
            native = QKeySequence.SequenceFormat.NativeText
            yield ", ".join(key.toString(native) for key in keys), name


def _on_a_keyboard(key: QKeySequence) -> bool:
    """False for keys few keyboards have (F13 and up, Help, Find, Open...): Qt binds them too."""
    if key.count() == 0:
        return False
    code = key[0].key()
    return code < Qt.Key.Key_F13 or Qt.Key.Key_F35 < code < Qt.Key.Key_Help


class ShortcutsDialog(QDialog):
    """The shortcuts in a list the user can filter by key or by command."""

    def __init__(self, sections: Sequence[Section], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(620, 560)
        self.filter = QLineEdit(placeholderText="Filter by key or command", clearButtonEnabled=True)
        describe(self.filter, "Filter shortcuts", "Type part of a key or a command")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        describe(self.tree, "Keyboard shortcuts", "Every command with a key, by menu")
        for title, rows in sections:
            section = QTreeWidgetItem(self.tree, [title])
            section.setFirstColumnSpanned(True)
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            for keys, what in rows:
                QTreeWidgetItem(section, [what, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.filter.textChanged.connect(self.apply_filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.filter, self.tree, buttons):
            layout.addWidget(widget)

    def apply_filter(self, text: str) -> None:
        """Show only the commands whose name or keys contain the text."""
        wanted = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            shown = 0
            for j in range(section.childCount()):
                row = section.child(j)
                match = not wanted or wanted in f"{row.text(0)} {row.text(1)}".casefold()
                row.setHidden(not match)
                shown += match
            section.setHidden(shown == 0)

    def visible_rows(self) -> list[Row]:
        """(keys, command) of the rows shown now."""
        rows = []
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            for j in range(section.childCount()):
                row = section.child(j)
                if not row.isHidden():
                    rows.append((row.text(1), row.text(0)))
        return rows

    @classmethod
    def ask(cls, parent: QWidget | None, sections: Sequence[Section]) -> None:
        """Show the reference until it is closed."""
        dialog = cls(sections, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()
