"""Presentation mode (F11): full screen, large type, one lens, one item in the spotlight.

N and P step through the annotations shown (or, before any layer is revealed, through what
the lens found): the item is spotlit, the rest of the text dimmed, and its note or finding
is the caption, in type that reads from the back of a room. L moves to the next lens; R
reveals the next layer (the trainees' first, the answer key last), so a class can say what
it found before seeing it.
C steps through the checks the trainer confirmed (the sourcing lens's hook:
confirmed_checks).
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextDocumentFragment
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QToolBar, QWidget

from gui.article_view.layers import FINDINGS, Layers
from gui.article_view.lenses import LENSES
from gui.article_view.pane import ArticlePane
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES

ZOOM_STEPS = 8
BOOST = 2.2  # highlight tints, stronger for a projector (kept readable by the highlighter)
JOIN_WITHIN = 120  # characters between two parts of one quote (", police sources said, ")
SINGLE_LENSES = tuple(lens for lens in LENSES if lens != "All")  # a wall of colour helps no one
Key = Qt.Key
# The keys of presentation mode: what each does, and how the shortcut reference says it.
KEYS: tuple[tuple[tuple[Key, ...], str, str], ...] = (
    ((Key.Key_N, Key.Key_Space, Key.Key_Right), "next", "Spotlight the next item"),
    ((Key.Key_P, Key.Key_Left), "previous", "Spotlight the previous item"),
    ((Key.Key_L,), "lens", "Show the next lens (Entities, Sourcing, Hedges)"),
    ((Key.Key_R,), "reveal", "Reveal the next layer: the trainees' first, the key last"),
    ((Key.Key_C,), "check", "Show the next check you confirmed"),
    ((Key.Key_Escape, Key.Key_F11), "leave", "Leave presentation mode"),
)
PRESENTER_KEYS = tuple(
    (", ".join(QKeySequence(key).toString() for key in keys), text) for keys, _, text in KEYS
)
_COMMANDS = {key: command for keys, command, _ in KEYS for key in keys}


@dataclass(frozen=True, order=True)
class Item:
    """One thing to put in the spotlight: a span of the text and its caption (HTML)."""

    start: int
    end: int
    caption: str


class Presenter(QObject):
    """Turns the window into a projection view and back."""

    def __init__(
        self,
        window: QMainWindow,
        pane: ArticlePane,
        layers: Layers,
        label_name: Callable[[int], str],
        set_lens: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.window, self.pane, self.layers, self.label_name = window, pane, layers, label_name
        self.set_lens = set_lens
        self.view = pane.view
        self.caption = QLabel(objectName="presentationCaption", wordWrap=True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setAccessibleDescription("What the spotlit item is, in large type")
        self.caption.hide()
        pane.layout().addWidget(self.caption)
        self.action = QAction("&Presentation Mode", window, checkable=True)
        self.action.setShortcuts(_full_screen_keys())
        self.action.setStatusTip("Full screen for a projector: one lens, one item at a time")
        self.action.toggled.connect(self.set_presenting)
        self.active = False
        self._saved: dict = {}
        self._index = -1
        self._to_reveal: list[str] = []
        self.confirmed_checks: Callable[[], list] = list  # set by the window: confirmed checks
        self._check_index = -1

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
            "lens": self.view.lens,
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
        if self.view.lens not in SINGLE_LENSES:
            self.set_lens(SINGLE_LENSES[0])
        names = self.layers.names()
        self._to_reveal = [*names[1:], names[0]]  # trainees first, your own (the key) last
        self.layers.set_hidden(set(names) | (self.layers.hidden & {FINDINGS}))
        self.view.installEventFilter(self)
        self.active = True
        self._index = -1
        self._check_index = -1
        self._caption(f"{self.view.lens} lens. N next, P previous, L next lens, R reveal a layer.")
        window.showFullScreen()
        self.view.setFocus()

    def _leave(self) -> None:
        window = self.window
        self.view.removeEventFilter(self)
        self.active = False
        self.caption.hide()
        self.view.set_spotlight(None)
        for layer in self.view.highlighter.layers:
            layer.boost = 1.0
        self.view.annotation_layer.width = 2.0
        self.view.set_zoom(self._saved.get("zoom", 0))
        self.set_lens(self._saved.get("lens", SINGLE_LENSES[0]))
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
        self._restart()
        if not self._to_reveal:
            self._caption("Every layer is shown.")
            return None
        name = self._to_reveal.pop(0)
        self.layers.toggle(name, True)
        self._caption(f"Layer shown: <b>{html.escape(name)}</b>. N steps through its notes.")
        return name

    def next_lens(self) -> str:
        """Show the next single lens; its name."""
        now = self.view.lens
        lens = SINGLE_LENSES[(SINGLE_LENSES.index(now) + 1) % len(SINGLE_LENSES)]
        self.set_lens(lens)
        self._restart()
        count = len(self.items())
        self._caption(f"<b>{lens} lens</b> — {count} to step through. N next, P previous.")
        return lens

    def step(self, delta: int) -> None:
        """Spotlight the next (or previous) item, with its note or finding as the caption."""
        items = self.items()
        if not items:
            self._caption("Nothing to show in this lens: L for another, R reveals a layer.")
            return
        self._index = (self._index + delta) % len(items)
        item = items[self._index]
        self.view.select_span(item.start, item.start)
        self.view.set_spotlight((item.start, item.end))
        self._caption(f"{item.caption} <small>({self._index + 1} of {len(items)})</small>")

    def items(self) -> list[Item]:
        """What N steps through: the annotations shown, else what the lens found."""
        shown = sorted(self.view.annotation_layer_items(), key=lambda a: (a.start, a.end))
        if shown:
            return [Item(a.start, a.end, self._annotation_caption(a)) for a in shown]
        return self._lens_items()

    def _annotation_caption(self, annotation) -> str:
        label = html.escape(self.label_name(annotation.label_id))
        note = html.escape(annotation.note) or "<i>no note</i>"
        return f"<b>{label}</b> — {note} <small>{html.escape(annotation.annotator)}</small>"

    def _lens_items(self) -> list[Item]:
        """The lens's findings in reading order; the parts of one quote are one item."""
        view = self.view
        if view.lens == "Entities":
            layer = view.entity_layer
            entities = view.entities()
            captions = [_entity_caption(entities[h.item]) if h.item < len(entities) else ""
                        for h in layer.index]  # fmt: skip
        else:
            layer = view.sourcing_layer if view.lens == "Sourcing" else view.hedge_layer
            captions = [layer.tips[h.item] if layer.tips else "" for h in layer.index]
        if not layer.visible:
            return []
        shown = [(h, c) for h, c in zip(layer.index, captions, strict=True)
                 if h.style not in layer.hidden]  # fmt: skip
        return _join_parts(view.body(), shown)

    def _restart(self) -> None:
        self._index = -1
        self.view.set_spotlight(None)

    def step_check(self) -> None:
        """Show the next confirmed check: its text selected, what to check as the caption."""
        checks = self.confirmed_checks()
        if not checks:
            self._caption("No confirmed checks for this article.")
            return
        self._check_index = (self._check_index + 1) % len(checks)
        check = checks[self._check_index]
        if check.spans:
            self.view.select_span(check.spans[0].start, check.spans[0].end)
        position = f"{self._check_index + 1} of {len(checks)}"
        self._caption(f"<b>Check</b> — {html.escape(check.message)} <small>({position})</small>")

    def _caption(self, text: str) -> None:
        self.caption.setText(text)
        self.caption.setAccessibleName(QTextDocumentFragment.fromHtml(text).toPlainText())
        self.caption.show()

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.active:
            return False
        command = _COMMANDS.get(event.key())
        if command is None:
            return False
        if command in ("next", "previous"):
            self.step(1 if command == "next" else -1)
        elif command == "lens":
            self.next_lens()
        elif command == "reveal":
            self.reveal_next()
        elif command == "check":
            self.step_check()
        else:
            self.set_presenting(False)
        return True


def _join_parts(body: str, shown: list) -> list[Item]:
    """One item per finding: a quote's words, verb, speaker and outlet are spotlit as one."""
    # The parts of one finding share its caption and stand close together in one paragraph.
    items: list[Item] = []
    for highlight, caption in shown:
        last = items[-1] if items else None
        between = body[last.end : highlight.start] if last else ""
        if last and caption and last.caption == caption and _near(between):
            items[-1] = Item(last.start, max(last.end, highlight.end), caption)
        else:
            items.append(Item(highlight.start, highlight.end, caption))
    return items


def _near(between: str) -> bool:
    """True for the little text (within one paragraph) between two parts of one finding."""
    return len(between) <= JOIN_WITHIN and "\n" not in between


def _entity_caption(entity) -> str:
    """An entity's caption: its text and what kind of name it is."""
    kind = ENTITY_TYPE_NAMES.get(entity.label, entity.label)
    return f"<b>{html.escape(entity.text)}</b> — {html.escape(kind)}"


def _full_screen_keys() -> list[QKeySequence]:
    """The platform's full-screen keys, with F11 where the platform names none."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.FullScreen)
    return keys or [QKeySequence(Key.Key_F11)]


def _docks_and_toolbars(window: QMainWindow) -> list[QWidget]:
    """The docks and toolbars that are open, for presentation mode to hide."""
    widgets = [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
    return [widget for widget in widgets if widget.isVisible()]
