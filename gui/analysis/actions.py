"""The menu action that starts the library's analysis, and where the window shows it."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QInputDialog, QMainWindow, QWidget

from gui.actions import insert_below, make_action
from gui.analysis.controller import IDLE, LibraryAnalysis
from gui.analysis.status import AnalysisStatus
from gui.session.session import Session

JOBS_KEY = "analysis/jobs"


def cores() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class AnalysisActions(QObject):
    """Analyse Library…: asks how many cores (remembered), then runs the queue."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.analysis = LibraryAnalysis(session, self)
        self.status = AnalysisStatus(self.analysis, parent)
        self.action = make_action(
            self,
            "Analyse &Library…",
            self.ask_and_start,
            tip="Find the entities and sourcing of every article not analysed yet, in the"
            " background",
        )
        self.analysis.state_changed.connect(lambda state: self.action.setEnabled(state == IDLE))

    def jobs(self) -> int:
        """The number of worker processes last chosen (default: every core)."""
        value = QSettings().value(JOBS_KEY, cores())
        try:
            return max(1, min(int(value), cores()))
        except (TypeError, ValueError):
            return cores()

    def ask_and_start(self) -> None:
        """Ask how many cores to use, remember it, and start."""
        jobs, accepted = QInputDialog.getInt(
            self.parent_widget,
            "Analyse Library",
            "Cores to use (the window stays free to use):",
            self.jobs(),
            1,
            cores(),
        )
        if accepted:
            QSettings().setValue(JOBS_KEY, jobs)
            self.analysis.start(jobs)

    def install(self, window: QMainWindow, after) -> None:
        """Put the action in the menu that holds after (below it), the status in the bar."""
        insert_below(window, after, self.action)
        window.statusBar().addPermanentWidget(self.status)
        application = QCoreApplication.instance()
        if application is not None:  # the workers go with the application
            application.aboutToQuit.connect(self.analysis.cancel)


def install(window) -> AnalysisActions:
    """Give a main window the library's analysis (called once, after it was built)."""
    actions = AnalysisActions(window.session, window)
    actions.install(window, window.import_folder_action)
    window.library_analysis = actions
    return actions
