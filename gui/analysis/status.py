"""The analysis queue in the status bar: how far, what is left, Pause and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from gui.analysis.controller import IDLE, PAUSED, RUNNING, LibraryAnalysis
from gui.core.analysis_queue.estimate import duration
from gui.widgets.accessible import describe


class AnalysisStatus(QWidget):
    """Shown while the library is analysed; says why when it is not, and what was skipped."""

    def __init__(self, analysis: LibraryAnalysis, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.analysis = analysis
        self.label = QLabel(self)
        self.bar = QProgressBar(self, maximumWidth=160, textVisible=False)
        describe(self.bar, "Analysing the library", "How many of the articles are analysed")
        self.pause_button = QPushButton("Pause", self)
        describe(self.pause_button, "Pause the analysis", "Go on later with Resume")
        self.cancel_button = QPushButton("Cancel", self)
        describe(self.cancel_button, "Cancel the analysis", "What is analysed is kept")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.pause_button, self.cancel_button):
            layout.addWidget(widget)
        self.skipped: list[str] = []  # "name: why", for the tooltip
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.cancel_button.clicked.connect(analysis.cancel)
        analysis.progress.connect(self._progress)
        analysis.state_changed.connect(self._state)
        analysis.article_failed.connect(self._failed)
        analysis.finished.connect(self._say)
        analysis.refused.connect(self._say)
        self._state(IDLE)
        self.label.hide()

    def _pause_or_resume(self) -> None:
        if self.analysis.state == RUNNING:
            self.analysis.pause()
        else:
            self.analysis.resume()

    def _state(self, state: str) -> None:
        busy = state in (RUNNING, PAUSED)
        for widget in (self.bar, self.pause_button, self.cancel_button):
            widget.setVisible(busy)
        self.pause_button.setText("Resume" if state == PAUSED else "Pause")
        if state == RUNNING and not self.skipped:
            self._say("Analysing the library…")
        elif state == PAUSED:
            self._say(f"{self.label.text().split(' (')[0]} (paused)")

    def _progress(self, done: int, total: int, article: str, seconds_left: float) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        left = duration(None if seconds_left < 0 else seconds_left)
        self._say(f"Analysed {done} of {total}: {article}" + (f" ({left})" if left else ""))

    def _failed(self, article: str, why: str) -> None:
        self.skipped.append(f"{article}: {why}")
        self.setToolTip("Skipped:\n" + "\n".join(self.skipped[-20:]))

    def _say(self, text: str) -> None:
        skipped = f" — {len(self.skipped)} skipped" if self.skipped else ""
        self.label.setText(text + skipped)
        self.label.show()
