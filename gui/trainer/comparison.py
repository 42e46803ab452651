"""Compare two layers in the reader: found, missed and extra annotations in their own styles.

The scores come from gui.core.trainer.agreement; this module only shows them: an overlay in the
text (hatched boxes in hues no label is given, see gui.article_view.palette) and a scoreboard for
the class, with each layer's scores broken down by label and a line on what κ and α mean.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.article_view.layers import Layers
from gui.article_view.palette import OVERLAY_WORDS
from gui.article_view.pane import ArticlePane
from gui.core.trainer.agreement import ALL
from gui.core.trainer.scoring import ALPHA_LINE, KAPPA_LINE, MATCHING_LINE
from gui.session.session import Session


class LayerChoice(QDialog):
    """Pick the answer key and the layer to compare with it (or every layer: a scoreboard)."""

    EVERYONE = "Every other layer (scoreboard)"

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare layers")
        self.key, self.layer = QComboBox(), QComboBox()
        self.key.addItems(names)
        self.layer.addItems([self.EVERYONE, *names])
        if len(names) > 1:
            self.layer.setCurrentIndex(2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Answer &key", self.key)
        form.addRow("&Compare with", self.layer)
        form.addRow(buttons)

    @classmethod
    def ask(cls, parent, names: list[str]) -> tuple[str, str | None] | None:
        """(key, layer) — layer None for every other layer — or None when cancelled."""
        dialog = cls(names, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        layer = dialog.layer.currentText()
        return dialog.key.currentText(), (None if layer == cls.EVERYONE else layer)


class Scoreboard(QDialog):
    """Per-layer scores against the key (F1 exact and overlap, kappa, alpha), then by label."""

    COLUMNS = ("Layer", "F1 exact", "F1 overlap", "Matches", "Misses", "Extras", "κ chars",
               "κ tokens", "α unitizing")  # fmt: skip
    LABEL_COLUMNS = ("Layer", "Label", "In key", "Found", "Missed", "Extra", "F1 exact",
                     "F1 overlap")  # fmt: skip

    def __init__(self, comparisons, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Scoreboard")
        self.resize(820, 560)
        self.table = _table(self.COLUMNS, [score_row(c) for c in comparisons], self)
        rows = [row for c in comparisons for row in label_breakdown(c)]
        self.labels = _table(self.LABEL_COLUMNS, rows, self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Each layer against the answer key, over this article."))
        layout.addWidget(self.table)
        layout.addWidget(QLabel("By label:"))
        layout.addWidget(self.labels)
        self.explanations = [QLabel(line, wordWrap=True) for line in EXPLANATIONS]
        for label in self.explanations:
            layout.addWidget(label)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    @classmethod
    def ask(cls, parent, comparisons) -> None:
        """Show the scoreboard until it is closed."""
        cls(comparisons, parent).exec()


EXPLANATIONS = (MATCHING_LINE, KAPPA_LINE, ALPHA_LINE)


def _table(columns, rows, parent) -> QTableWidget:
    """A table of text cells."""
    table = QTableWidget(len(rows), len(columns), parent)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    for row, cells in enumerate(rows):
        for column, value in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(value))
    table.resizeColumnsToContents()
    return table


def label_breakdown(comparison) -> list[list[str]]:
    """A layer's scores label by label (the labels either side used), as scoreboard rows."""
    rows = []
    for exact, overlap in zip(comparison.exact, comparison.overlap, strict=True):
        if overlap.label == ALL:
            continue
        counts = [overlap.matches + overlap.misses, overlap.matches, overlap.misses, overlap.extras]
        rows.append([comparison.layer, overlap.label, *map(str, counts),
                     f"{exact.f1:.2f}", f"{overlap.f1:.2f}"])  # fmt: skip
    return rows


def _total(scores):
    return next((s for s in scores if s.label == "ALL"), None)


def score_row(comparison) -> list[str]:
    """One scoreboard row as text."""
    exact, overlap = _total(comparison.exact), _total(comparison.overlap)
    alpha = comparison.alpha_unitizing
    return [
        comparison.layer,
        f"{exact.f1:.2f}" if exact else "–",
        f"{overlap.f1:.2f}" if overlap else "–",
        str(overlap.matches if overlap else 0),
        str(overlap.misses if overlap else 0),
        str(overlap.extras if overlap else 0),
        f"{comparison.kappa_chars:.2f}",
        f"{comparison.kappa_tokens:.2f}",
        "–" if alpha is None else f"{alpha:.2f}",
    ]


class Comparison(QObject):
    """The window's Compare action: overlay one layer on the key, or score every layer."""

    status = Signal(str)  # a short message for the status bar

    def __init__(
        self, session: Session, pane: ArticlePane, layers: Layers, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session, self.pane, self.layers, self.parent_widget = session, pane, layers, parent
        self.action = QAction("&Compare Layers…", self)
        self.action.setShortcut("Ctrl+Shift+K")
        self.action.triggered.connect(self.ask_and_compare)
        self.stop_action = QAction("Stop Comparing", self)
        self.stop_action.setEnabled(False)
        self.stop_action.triggered.connect(self.stop)
        self.active: tuple[str, str] | None = None
        # Connected after the annotation display: the overlay is drawn over what it drew.
        session.changed.connect(lambda _changes: self._redraw())
        session.article_opened.connect(lambda _article: self._redraw())
        layers.changed.connect(self._redraw)

    def ask_and_compare(self) -> None:
        """Ask which layers, then show the overlay or the scoreboard."""
        names = self.layers.names()
        if self.session.current is None or len(names) < 2:
            self.status.emit("Comparing needs an article with two layers.")
            return
        choice = LayerChoice.ask(self.parent_widget, names)
        if choice is None:
            return
        key, layer = choice
        if layer is None:
            Scoreboard.ask(self.parent_widget, self.scoreboard(key))
        else:
            self.overlay(key, layer)

    def compare(self, key: str, layer: str):
        """Scores of layer against key on the open article."""
        from gui.core.trainer.scoring import compare_layers

        session = self.session
        body, labels = session.current.body, session.labels()
        return compare_layers(body, session.annotations(), labels, key, layer)

    def scoreboard(self, key: str) -> list:
        """Every other layer of the open article against key."""
        return [self.compare(key, name) for name in self.layers.names() if name != key]

    def overlay(self, key: str, layer: str) -> None:
        """Draw found (green), missed (red) and extra (violet) annotations of layer vs key."""
        comparison = self.compare(key, layer)
        missed = {a.id for a in comparison.missed}
        extra = {a.id for a in comparison.extra}
        shown = [a for a in self.session.annotations() if a.annotator in (key, layer)]
        shown = [a for a in shown if not a.orphaned and (a.annotator == layer or a.id in missed)]
        kinds = ["cmp:miss" if a.id in missed else "cmp:extra" if a.id in extra else "cmp:match"
                 for a in shown]  # fmt: skip
        self.pane.view.set_comparison(shown, kinds)
        self.active = (key, layer)
        self.stop_action.setEnabled(True)
        total = _total(comparison.overlap)
        self.pane.banner.say(
            f"Comparing {html.escape(layer)} with the key ({html.escape(key)}): "
            f"{_words()}. F1 (overlap) {total.f1:.2f}, "
            f"κ {comparison.kappa_chars:.2f}. View ▸ Stop Comparing to return."
        )

    def stop(self) -> None:
        """Back to the ordinary view of the layers."""
        self.active = None
        self.stop_action.setEnabled(False)
        self.pane.banner.say("")
        self.layers.changed.emit()  # the annotation display draws the layers again

    def _redraw(self) -> None:
        """Keep the overlay on top of a change, while comparing."""
        if self.active is not None and self.session.current is not None:
            self.overlay(*self.active)


def _words() -> str:
    """What the overlay's colours mean, in words."""
    what = {"cmp:match": "found", "cmp:miss": "missed", "cmp:extra": "extra"}
    shown = ", ".join(f"{OVERLAY_WORDS[kind]} {word}" for kind, word in what.items())
    return f"{shown} (hatched boxes)"
