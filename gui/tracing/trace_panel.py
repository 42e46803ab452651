"""The Trace panel: every appearance of a statement, origin first, its words marked by change.

A table lists the appearances (date, outlet, speaker or relay chain, change, similarity);
the appearance picked shows below with each word the earliest version lacks underlined and
each word it left out struck through. Look-alikes from other speakers are listed apart.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.core.tracing.model import ADDED, REMOVED, Trace, Traced
from gui.core.tracing.queries import grade_of
from gui.tracing.tables import read_only_table
from gui.widgets.accessible import describe
from gui.widgets.table_model import Index, RowsModel

CHANGE_NAMES = {
    "same": "Same words",
    "shortened": "Shortened",
    "changed": "Words changed",
    "paraphrased": "Paraphrased",
}
_EMPTY = "Right-click a quote, or select text, and choose Trace to follow it across the library."


class AppearancesModel(RowsModel):
    """One row per appearance of the statement (a graded speaker with the trainer's grade)."""

    HEADERS = ("Published", "Outlet", "Said by", "Change", "Similarity", "Text")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.grades: dict[str, str] = {}  # source key -> the trainer's Admiralty grade

    def traced(self, row: int) -> Traced:
        """The appearance shown in a row."""
        return self.row(row)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        traced: Traced = self._rows[index.row()]
        a = traced.appearance
        if role == Qt.ItemDataRole.DisplayRole:
            grade = grade_of(self.grades, a.speaker_key)
            return (
                a.published or "undated",
                a.outlet or a.title or f"article {a.article_id}",
                (a.chain or a.speaker or "unknown") + (f" [grade {grade}]" if grade else ""),
                CHANGE_NAMES.get(traced.change, traced.change),
                f"{traced.similarity:.0%}",
                a.text,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{a.title} (article {a.article_id})"
        return None


def marked_words(traced: Traced) -> str:
    """The version as HTML: added words underlined, words left out struck through."""
    parts = []
    for word in traced.words:
        text = escape(word.text)
        if word.mark == ADDED:
            parts.append(f"<u><b>{text}</b></u>")
        elif word.mark == REMOVED:
            parts.append(f"<s>{text}</s>")
        else:
            parts.append(text)
    return " ".join(parts)


class TracePanel(QWidget):
    """The trace of one statement; announces which appearance the user wants to read."""

    open_requested = Signal(int, int, int)  # article id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.trace = Trace()
        self.origin = QLabel(_EMPTY, self)
        self.origin.setWordWrap(True)
        self.model = AppearancesModel(self)
        self.similar_model = AppearancesModel(self)
        self.table = read_only_table(self, self.model, "Appearances")
        self.similar_label = QLabel("Similar words, different speaker:", self)
        self.similar = read_only_table(self, self.similar_model, "Similar words, different speaker")
        self.words = QTextBrowser(self)
        describe(self.words, "Words against the earliest version")
        layout = QVBoxLayout(self)
        for widget in (self.origin, self.table, self.words, self.similar_label, self.similar):
            layout.addWidget(widget)
        self.table.selectionModel().currentRowChanged.connect(lambda now, _: self._show(now.row()))
        self.table.doubleClicked.connect(lambda index: self._open(self.model, index.row()))
        self.similar.doubleClicked.connect(
            lambda index: self._open(self.similar_model, index.row())
        )
        self.show_trace(Trace())

    def show_trace(self, trace: Trace, grades: dict[str, str] | None = None) -> None:
        """Show a trace: its appearances, its origin, the first one's words (and grades)."""
        self.trace = trace
        self.model.grades = self.similar_model.grades = dict(grades or {})
        self.model.set_rows(trace.appearances)
        self.similar_model.set_rows(trace.similar)
        self.similar_label.setVisible(bool(trace.similar))
        self.similar.setVisible(bool(trace.similar))
        self.origin.setText(self.origin_text())
        if trace.appearances:
            self.table.selectRow(0)
        self._show(0 if trace.appearances else -1)

    def origin_text(self) -> str:
        """Where the statement first appeared, in words."""
        origin, shown = self.trace.origin, self.trace.appearances
        if origin is None:
            return _EMPTY
        count = f"{len(shown)} appearance{'s' if len(shown) != 1 else ''}"
        if origin.index is None:
            return f"{count}. First published by {origin.outlet}, which is not in the library."
        first = shown[origin.index].appearance
        why = "others say they relay it" if origin.reason == "pointed" else "it relays no one"
        when = first.published or "undated"
        return f"{count}. Origin: {first.outlet or first.title}, {when} ({why})."

    def _show(self, row: int) -> None:
        """The words of the appearance in a row against the earliest version."""
        if 0 <= row < self.model.rowCount():
            self.words.setHtml(marked_words(self.model.traced(row)))
        else:
            self.words.clear()

    def _open(self, model: AppearancesModel, row: int) -> None:
        """Ask for the appearance of a row to be shown in its article."""
        if 0 <= row < model.rowCount():
            a = model.traced(row).appearance
            self.open_requested.emit(a.article_id, a.start, a.end)
