"""Annotator layers: which are shown, in which order and line style, and the automatic findings."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from gui.actions import menu_text
from gui.core.annotations.model import Annotation
from gui.session.session import Session

FINDINGS = "Automatic findings"


class Layers(QObject):
    """Keeps the hidden layers; the window asks it what to draw."""

    changed = Signal()

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.hidden: set[str] = set()
        self.findings_allowed = True  # False: an exercise hides the automatic findings
        self.menu = QMenu("&Layers", parent)
        self.menu.aboutToShow.connect(self._fill_menu)

    def names(self) -> list[str]:
        """The layers of the open article: your own first, then the others by name."""
        session = self.session
        names = session.layer_names()
        others = sorted((n for n in names if n != session.annotator), key=str.casefold)
        return [session.annotator, *others]

    def visible(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        """The annotations of the layers shown."""
        return [a for a in annotations if a.annotator not in self.hidden]

    def findings_shown(self) -> bool:
        """False when the automatic findings (entities, sourcing, hedges) are hidden."""
        return FINDINGS not in self.hidden

    def set_hidden(self, hidden: set[str]) -> None:
        """Hide exactly these layers (annotator names, or FINDINGS)."""
        if hidden != self.hidden:
            self.hidden = set(hidden)
            self.changed.emit()

    def toggle(self, name: str, shown: bool) -> None:
        """Show or hide one layer."""
        self.set_hidden(self.hidden - {name} if shown else self.hidden | {name})

    def _fill_menu(self) -> None:
        self.menu.clear()
        for name in (FINDINGS, None, *self.names()):
            if name is None:
                self.menu.addSeparator()
                continue
            mine = " (you)" if name == self.session.annotator else ""
            action = QAction(menu_text(f"{name}{mine}"), self.menu, checkable=True)
            action.setChecked(name not in self.hidden)
            action.setEnabled(name != FINDINGS or self.findings_allowed)
            action.toggled.connect(lambda shown, n=name: self.toggle(n, shown))
            self.menu.addAction(action)
