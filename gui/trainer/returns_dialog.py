"""The Returns view: for each exercise, who handed in what and when, their answers and scores.

The scores compare each trainee's layer with the answer key frozen when the exercise was
made, per label, with exact and with overlap matching (gui.core.trainer.results).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.core.storage.database import Library
from gui.core.trainer.agreement import ALL
from gui.core.trainer.results import ExerciseResults, ReturnResult, all_results
from gui.core.trainer.scoring import MATCHING_LINE
from gui.widgets.accessible import describe
from gui.widgets.messages import ErrorMessage

RETURN_COLUMNS = ("Trainee", "Layer", "Handed in", "Articles annotated", "Annotations",
                  "Exact F1", "Overlap F1")  # fmt: skip
LABEL_COLUMNS = ("Label", "In key", "Found", "Missed", "Extra", "Exact P", "Exact R",
                 "Exact F1", "Overlap P", "Overlap R", "Overlap F1")  # fmt: skip


class ClassReportTarget:
    """Ask where the class report of an exercise goes."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str) -> Path | None:
        """The chosen path (.html added when no suffix was typed), or None."""
        stem = "".join(c if c.isalnum() or c in " -_" else "_" for c in title)[:60] or "class"
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export class report", f"{stem} - class report.html", "Web page (*.html)"
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".html")


class ReturnsView(QDialog):
    """Exercises, their returns, and the selected return's answers and scores per label."""

    def __init__(self, results: Sequence[ExerciseResults], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Returned work")
        self.resize(980, 640)
        self.results = list(results)
        self.exercises = QComboBox()
        self.exercises.addItems([_exercise_line(r) for r in self.results])
        self.key_line = QLabel(wordWrap=True)
        self.returns = _table(RETURN_COLUMNS)
        self.answers = QTextBrowser()
        self.labels = _table(LABEL_COLUMNS)
        self.export_button = self._layout()
        for widget, name, description in (
            (self.exercises, "Exercise", "The exercise whose returns are shown"),
            (self.returns, "Returns", "Who handed in what and when, with their overall scores"),
            (self.answers, "Checklist answers", "The selected trainee's answers"),
            (self.labels, "Scores per label", "The selected return against the key, by label"),
        ):
            describe(widget, name, description)
        self.exercises.currentIndexChanged.connect(self._show_exercise)
        self.returns.currentCellChanged.connect(lambda row, *_: self._show_return(row))
        self._show_exercise(0)

    def _layout(self):
        details = QSplitter()
        details.addWidget(self.answers)
        details.addWidget(self.labels)
        details.setSizes([360, 620])
        parts = QSplitter(Qt.Orientation.Vertical)
        parts.addWidget(self.returns)
        parts.addWidget(details)
        parts.setSizes([180, 380])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        export = buttons.addButton("Export Class Report…", QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self.export_report)
        layout = QVBoxLayout(self)
        if not self.results:
            layout.addWidget(QLabel("No exercise has been made from this library yet."))
        for widget in (self.exercises, self.key_line, parts):
            layout.addWidget(widget)
        layout.addWidget(QLabel(MATCHING_LINE, wordWrap=True))
        layout.addWidget(buttons)
        export.setEnabled(bool(self.results))
        return export

    def current(self) -> ExerciseResults | None:
        """The exercise shown."""
        index = self.exercises.currentIndex()
        return self.results[index] if 0 <= index < len(self.results) else None

    def _show_exercise(self, _index: int) -> None:
        shown = self.current()
        returns = shown.returns if shown else ()
        self.key_line.setText(_key_line(shown) if shown else "")
        self.returns.setRowCount(len(returns))
        for row, result in enumerate(returns):
            for column, text in enumerate(return_row(result)):
                self.returns.setItem(row, column, QTableWidgetItem(text))
        self.returns.resizeColumnsToContents()
        if returns:
            self.returns.setCurrentCell(0, 0)
        self._show_return(0 if returns else -1)

    def _show_return(self, row: int) -> None:
        shown = self.current()
        result = shown.returns[row] if shown and 0 <= row < len(shown.returns) else None
        self.answers.setHtml(answers_html(result) if result else "")
        rows = label_rows(result) if result else []
        self.labels.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for column, text in enumerate(cells):
                self.labels.setItem(r, column, QTableWidgetItem(text))
        self.labels.resizeColumnsToContents()

    def export_report(self) -> None:
        """Write the class report of the exercise shown as one HTML page."""
        shown = self.current()
        if shown is None:
            return
        path = ClassReportTarget.ask(self, shown.exercise.title)
        if path is None:
            return
        from gui.core.reports.scores import exercise_report_html  # loaded on first use

        try:
            path.write_text(exercise_report_html(shown), encoding="utf-8")
        except OSError as error:
            ErrorMessage.ask(self, "Report not written", f"Could not write {path}: {error}.")

    @classmethod
    def ask(cls, parent: QWidget | None, library: Library) -> None:
        """Show the returned work of the exercises made from library until it is closed."""
        cls(all_results(library), parent).exec()


def return_row(result: ReturnResult) -> list[str]:
    """One return as the cells of the returns table."""
    r = result.record
    exact, overlap = result.score("exact"), result.score("overlap")
    return [
        r.trainee, r.layer, _when(r.handed_in or r.imported_at),
        ", ".join(result.annotated) or "none", str(r.annotations),
        f"{exact.f1:.2f}" if exact else "–", f"{overlap.f1:.2f}" if overlap else "–",
    ]  # fmt: skip


def label_rows(result: ReturnResult) -> list[list[str]]:
    """The return's scores per label (ALL last): key count, overlap counts, exact and overlap."""
    rows = []
    for exact, overlap in zip(result.exact, result.overlap, strict=True):
        counts = [overlap.matches + overlap.misses, overlap.matches, overlap.misses, overlap.extras]
        figures = [exact.precision, exact.recall, exact.f1,
                   overlap.precision, overlap.recall, overlap.f1]  # fmt: skip
        name = "All labels" if overlap.label == ALL else overlap.label
        rows.append([name, *map(str, counts), *(f"{f:.2f}" for f in figures)])
    return rows


def answers_html(result: ReturnResult) -> str:
    """The trainee's checklist answers, question by question."""
    if not result.answers:
        return "<p><i>No checklist answers.</i></p>"
    parts = [
        f"<p><b>{html.escape(a.question)}</b><br>{html.escape(a.answer) or '<i>no answer</i>'}</p>"
        for a in result.answers
    ]
    return "<h3>Checklist answers</h3>" + "".join(parts)


def _exercise_line(results: ExerciseResults) -> str:
    """An exercise as the chooser names it."""
    e = results.exercise
    return f"{e.title} — {e.created[:10]} — {len(results.returns)} returned"


def _key_line(results: ExerciseResults) -> str:
    """Which key the returns are scored against."""
    e = results.exercise
    if not results.key_size:
        return "This exercise has no answer key: the returns are listed without scores."
    return (
        f"Scored against the answer key kept when the exercise was made: {results.key_size} "
        f"annotation(s) of “{e.key_layer}”. The file handed out held none of it."
    )


def _when(stamp: str) -> str:
    """A stored time, as the tables show it."""
    return stamp[:16].replace("T", " ")


def _table(columns: Sequence[str]) -> QTableWidget:
    """A read-only table with these column headers."""
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    return table
