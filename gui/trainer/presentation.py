"""Presentation mode (F11): full screen, large type, strong highlights, one note at a time.

N and P step through the annotations shown, each note as a caption; R reveals the next layer
(the trainees' first, the answer key last), so a class can say what it found before seeing it.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar, QWidget

from gui.article_view.layers import FINDINGS, Layers
from gui.article_view.pane import ArticlePane

ZOOM_STEPS = 8
BOOST = 2.2  # highlight tints, stronger for a projector


class Presenter(QObject):
    """Turns the window into a projection view and back."""

    def __init__(
        self,
        window: QMainWindow,
        pane: ArticlePane,
        layers: Layers,
        label_name: Callable[[int], str],
    ) -> None:
        super().__init__(window)
        self.window, self.pane, self.layers, self.label_name = window, pane, layers, label_name
        self.view = pane.view
        self.caption = QLabel(objectName="presentationCaption", wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.hide()
        pane.layout().addWidget(self.caption)
        self.action = QAction("&Presentation Mode", window, checkable=True)
        self.action.setShortcut(QKeySequence("F11"))
        self.action.toggled.connect(self.set_presenting)
        self.active = False
        self._saved: dict = {}
        self._index = -1
        self._to_reveal: list[str] = []

    def set_presenting(self, on: bool) -> None:
        """Enter or leave presentation mode."""
        if on != self.active:
            if on:
                self._enter()
            else:
                self._leave()
            self.action.setChecked(on)

    def _enter(self) -> None:
        window = self.window
        self._saved = {
            "state": window.saveState(),
            "maximized": window.isMaximized(),
            "zoom": self.view.zoom(),
            "hidden": set(self.layers.hidden),
            "menubar": window.menuBar().isVisible(),
        }
        for widget in self.pane.chrome():
            widget.setProperty("presentationHidden", widget.isVisible())
            widget.hide()
        for dock_or_bar in _docks_and_toolbars(window):
            dock_or_bar.hide()
        window.menuBar().hide()
        window.statusBar().hide()
        self.view.set_zoom(self.view.zoom() + ZOOM_STEPS)
        for layer in self.view.highlighter.layers:
            layer.boost = BOOST
        self.view.annotation_layer.width = 4.0
        names = self.layers.names()
        self._to_reveal = [*names[1:], names[0]]  # trainees first, your own (the key) last
        self.layers.set_hidden(set(names) | (self.layers.hidden & {FINDINGS}))
        self.view.installEventFilter(self)
        self.active = True
        self._index = -1
        self._caption("Presentation: N next, P previous, R reveal the next layer, Esc to leave.")
        window.showFullScreen()
        self.view.setFocus()

    def _leave(self) -> None:
        window = self.window
        self.view.removeEventFilter(self)
        self.active = False
        self.caption.hide()
        for layer in self.view.highlighter.layers:
            layer.boost = 1.0
        self.view.annotation_layer.width = 2.0
        self.view.set_zoom(self._saved.get("zoom", 0))
        self.layers.set_hidden(self._saved.get("hidden", set()))
        for widget in self.pane.chrome():
            widget.setVisible(bool(widget.property("presentationHidden")))
        window.menuBar().setVisible(self._saved.get("menubar", True))
        window.statusBar().show()
        if self._saved.get("maximized"):
            window.showMaximized()
        else:
            window.showNormal()
        window.restoreState(self._saved.get("state"))

    def reveal_next(self) -> str | None:
        """Show the next hidden layer; its name, or None when all are shown."""
        if not self._to_reveal:
            self._caption("Every layer is shown.")
            return None
        name = self._to_reveal.pop(0)
        self.layers.toggle(name, True)
        self._index = -1
        self._caption(f"Layer shown: <b>{html.escape(name)}</b>. N steps through its notes.")
        return name

    def step(self, delta: int) -> None:
        """Go to the next (or previous) annotation shown, with its note as the caption."""
        shown = sorted(self.view.annotation_layer_items(), key=lambda a: (a.start, a.end))
        if not shown:
            self._caption("No annotations shown yet: R reveals a layer.")
            return
        self._index = (self._index + delta) % len(shown)
        annotation = shown[self._index]
        self.view.select_span(annotation.start, annotation.end)
        label = self.label_name(annotation.label_id)
        note = html.escape(annotation.note) or "<i>no note</i>"
        position = f"{self._index + 1} of {len(shown)}"
        who = html.escape(annotation.annotator)
        self._caption(f"<b>{html.escape(label)}</b> — {note} <small>({who}, {position})</small>")

    def _caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.show()

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.active:
            return False
        key = event.key()
        if key in (Qt.Key.Key_N, Qt.Key.Key_Space, Qt.Key.Key_Right):
            self.step(1)
        elif key in (Qt.Key.Key_P, Qt.Key.Key_Left):
            self.step(-1)
        elif key == Qt.Key.Key_R:
            self.reveal_next()
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_F11):
            self.set_presenting(False)
        else:
            return False
        return True


def _docks_and_toolbars(window: QMainWindow) -> list[QWidget]:
    """The docks and toolbars that are open, for presentation mode to hide."""
    widgets = [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
    return [widget for widget in widgets if widget.isVisible()]
