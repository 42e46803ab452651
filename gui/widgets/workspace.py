"""The window's panels as tabs the user arranges, three workspaces to start from, and a reset.

Every panel is added through add_panel(): it becomes a dock in its side's tab group, named for
screen readers, listed in View ▸ Panels, and placed by each workspace (Read, Annotate, Teach).
A panel added later by a new feature needs that one call, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabWidget, QWidget

from gui.widgets.accessible import describe

READ, ANNOTATE, TEACH = "Read", "Annotate", "Teach"
PRESETS = (READ, ANNOTATE, TEACH)
PRESET_TIPS = {
    READ: "Reading: the library beside the text, entities, sources and claims in tabs",
    ANNOTATE: "Annotating: the annotations list in front, the library and entities at hand",
    TEACH: "Teaching: the text wide for a projector, annotations, sources and claims beside",
}
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
# Each side's share of the window's width, and the narrowest and widest it gets.
SIDE_WIDTHS = {LEFT: (0.22, 240, 420), RIGHT: (0.27, 280, 540)}


@dataclass(frozen=True)
class Placement:
    """Where a panel goes and in which workspaces it is shown (and in front of its tabs)."""

    area: Qt.DockWidgetArea
    shown_in: frozenset[str]
    front_in: frozenset[str]


class Workspace(QObject):
    """Places the window's panels; the user may move them, a preset or a reset puts them back."""

    preset_changed = Signal(str)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preset = READ
        self.docks: list[QDockWidget] = []
        self._places: dict[str, Placement] = {}
        self._unavailable: set[str] = set()
        window.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
            | QMainWindow.DockOption.GroupedDragging
        )
        window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.preset_group = QActionGroup(self)
        self.preset_actions: dict[str, QAction] = {}
        for name in PRESETS:
            action = QAction(f"&{name}", self, checkable=True)
            action.setStatusTip(PRESET_TIPS[name])
            action.triggered.connect(lambda _=False, chosen=name: self.apply(chosen))
            self.preset_group.addAction(action)
            self.preset_actions[name] = action
        self.preset_actions[READ].setChecked(True)
        self.menu = QMenu("&Workspace", window)
        self.menu.addActions(list(self.preset_actions.values()))
        self.reset_action = QAction("&Reset Layout", self)
        self.reset_action.setStatusTip("Put every panel back where the workspace has it")
        self.reset_action.triggered.connect(self.reset)
        self.panels_menu = QMenu("&Panels", window)

    def add_panel(
        self, title: str, widget: QWidget, area: Qt.DockWidgetArea,
        shown_in: Iterable[str] = PRESETS, front_in: Iterable[str] = (), description: str = "",
    ) -> QDockWidget:  # fmt: skip
        """Dock a panel in its side's tabs; it shows in the workspaces named by shown_in."""
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"{title.lower().replace(' ', '_')}Dock")
        dock.setWidget(widget)
        describe(dock, f"{title} panel", description)
        if not widget.accessibleName():
            describe(widget, title, description)
        self._places[dock.objectName()] = Placement(area, frozenset(shown_in), frozenset(front_in))
        self.window.addDockWidget(area, dock)
        same_side = [d for d in self.docks if self._place(d).area == area]
        if same_side:
            self.window.tabifyDockWidget(same_side[-1], dock)
        self.docks.append(dock)
        toggle = dock.toggleViewAction()
        # Shown from the menu, a panel comes to the front of its tabs: else only a tab appears.
        toggle.triggered.connect(lambda shown, d=dock: shown and self.reveal(d))
        self.panels_menu.addAction(toggle)
        return dock

    def signature(self) -> str:
        """The panels there are: a layout saved with other panels is not restored over these."""
        return ",".join(dock.objectName() for dock in self.docks)

    def apply(self, preset: str) -> None:
        """Arrange the panels as the workspace has them, at sizes that fit the window."""
        self.preset = preset
        self.preset_actions[preset].setChecked(True)
        for area in (LEFT, RIGHT, BOTTOM):
            self._arrange(area)
        self.fit_widths()
        self.preset_changed.emit(preset)

    def reset(self) -> None:
        """Undo the user's moves: the current workspace as it was first laid out."""
        self.apply(self.preset)

    def set_available(self, dock: QDockWidget, available: bool) -> None:
        """Offer a panel only when it has something to show (a checklist in an exercise)."""
        name = dock.objectName()
        if available:
            self._unavailable.discard(name)
        else:
            self._unavailable.add(name)
        dock.toggleViewAction().setEnabled(available)
        dock.setVisible(self._shown(dock))
        if available and dock.isVisible():
            dock.raise_()

    def reveal(self, dock: QDockWidget) -> None:
        """Show a panel in front of its tabs (e.g. the entities after a click on one)."""
        dock.show()
        dock.raise_()

    def _place(self, dock: QDockWidget) -> Placement:
        return self._places[dock.objectName()]

    def _shown(self, dock: QDockWidget) -> bool:
        name = dock.objectName()
        return self.preset in self._places[name].shown_in and name not in self._unavailable

    def _arrange(self, area: Qt.DockWidgetArea) -> None:
        """Dock one side's panels again as one tab group, the workspace's front tab raised."""
        group = [dock for dock in self.docks if self._place(dock).area == area]
        for dock in group:
            dock.setFloating(False)
            self.window.removeDockWidget(dock)
        for i, dock in enumerate(group):
            self.window.addDockWidget(area, dock)
            if i:
                self.window.tabifyDockWidget(group[0], dock)
        shown = [dock for dock in group if self._shown(dock)]
        for dock in group:
            dock.setVisible(dock in shown)
        front = [dock for dock in shown if self.preset in self._place(dock).front_in]
        if front or shown:
            (front or shown)[0].raise_()

    def fit_widths(self) -> None:
        """Give each side a share of the window, so that the text keeps most of it."""
        width = self.window.width()
        docks, sizes = [], []
        for area, (share, narrowest, widest) in SIDE_WIDTHS.items():
            shown = [
                d for d in self.docks if self._place(d).area == area and d.isVisibleTo(self.window)
            ]
            if shown:
                docks.append(shown[0])
                sizes.append(max(narrowest, min(widest, round(width * share))))
        if docks:
            self.window.resizeDocks(docks, sizes, Qt.Orientation.Horizontal)
