"""The library's analysis queue in the window: worker processes, stepped from a timer.

Nothing is analysed on the GUI thread: a timer looks at the run every TICK_MS, hands the
workers more articles, and has the session keep what came back (SaveEntities and
SaveFindings, never an undo step), so the one writer and its changed() signal hold. What came
back is kept a little at a time (SAVE_CHARS of article text a transaction, SAVE_BUDGET of a
tick): a worker's whole batch at once held the window 100-170 ms. The open article goes
first; another library, or closing, cancels.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from gui.session.session import Session

if TYPE_CHECKING:  # the queue loads when a run starts, not before the window's first paint
    from gui.core.analysis_queue.pool import Pool
    from gui.core.analysis_queue.run import Run
    from gui.core.analysis_queue.work import Outcome, Settings

TICK_MS = 50
SAVE_CHARS = 4_000  # article text whose results one transaction keeps (~25 ms; one at least)
SAVE_BUDGET = 0.03  # seconds of keeping per tick, then the window's events come first
IDLE, RUNNING, PAUSED = "idle", "running", "paused"

PoolFactory = Callable[["Settings", int], "Pool"]


def _pool(settings: Settings, jobs: int) -> Pool:
    from gui.core.analysis_queue.pool import Pool

    return Pool(settings, jobs)


class LibraryAnalysis(QObject):
    """Starts, pauses and cancels the analysis of every article the library lacks."""

    progress = Signal(int, int, str, float)  # done, total (so far), article, seconds left (-1)
    article_failed = Signal(str, str)  # the article's name, what went wrong: it was skipped
    state_changed = Signal(str)  # IDLE, RUNNING or PAUSED
    finished = Signal(str)  # what the run did, in a sentence
    refused = Signal(str)  # why the library is not analysed (read-only, damaged, no model)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.pool_factory: PoolFactory = _pool
        self.run: Run | None = None
        self._unsaved: deque[Outcome] = deque()  # came back, not kept yet
        self.state = IDLE
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self._tick)
        session.library_opened.connect(self.cancel)
        session.article_opened.connect(self._article_opened)

    def start(self, jobs: int) -> bool:
        """Analyse what the open library lacks on jobs worker processes; False if refused."""
        if self.run is not None:
            return True
        why = self._refusal()
        if why:
            self.refused.emit(why)
            return False
        from gui.core.analysis_queue.pending import NoPipeline, settings_for
        from gui.core.analysis_queue.run import Run
        from gui.core.storage.database import LibraryError

        library = self.session.library
        try:
            settings = settings_for(library)
        except (NoPipeline, LibraryError) as error:
            self.refused.emit(str(error))
            return False
        self.run = Run(library, settings, self.pool_factory(settings, jobs))
        if self.session.current is not None:
            self.run.prioritise(self.session.current.id)
        self._set_state(RUNNING)
        self._timer.start()
        return True

    def pause(self) -> None:
        """Hand out no more articles; those under way are still kept."""
        if self.run is not None and self.state == RUNNING:
            self.run.pause()
            self._set_state(PAUSED)

    def resume(self) -> None:
        """Go on after a pause."""
        if self.run is not None and self.state == PAUSED:
            self.run.resume()
            self._set_state(RUNNING)

    def cancel(self) -> None:
        """Stop now: the workers go, what was kept stays, the rest is left for another run.

        What came back and was not kept yet is kept now, in one go (it was found already),
        unless another library is open by now.
        """
        if self.run is None:
            return
        run, self.run = self.run, None
        unsaved, self._unsaved = list(self._unsaved), deque()
        self._timer.stop()
        if unsaved:
            self._keep(run, unsaved)
        run.close()
        self._set_state(IDLE)
        self.finished.emit(_summary(run, "Analysis cancelled"))

    def _refusal(self) -> str:
        """Why the open library cannot be analysed ("" when it can)."""
        library = self.session.library
        if library is None:
            return "Open or create a library first (File menu)."
        if library.damage:
            return f"The library is damaged, so nothing is analysed: {library.damage}"
        if library.read_only:
            return "The library is read-only: what is found could not be kept."
        return ""

    def _article_opened(self, article) -> None:
        if self.run is not None and article is not None:
            self.run.prioritise(article.id)

    def _tick(self) -> None:
        run = self.run
        if run is None:
            return
        self._unsaved.extend(run.step(0))
        self._keep_some(run, SAVE_BUDGET)
        if self.run is run and run.finished and not self._unsaved:
            self.run = None
            self._timer.stop()
            run.close()
            self._set_state(IDLE)
            self.finished.emit(_summary(run, "Library analysed"))

    def _keep_some(self, run: Run, budget: float) -> None:
        """Keep what came back, SAVE_CHARS at a time, until budget seconds have gone."""
        started = time.perf_counter()
        while self._unsaved and self.run is run:
            chunk, size = [], 0
            while self._unsaved and (not chunk or size + self._unsaved[0].chars <= SAVE_CHARS):
                outcome = self._unsaved.popleft()
                chunk.append(outcome)
                size += outcome.chars
            self._keep(run, chunk)
            if time.perf_counter() - started >= budget:
                return

    def _keep(self, run: Run, outcomes: list[Outcome]) -> None:
        """Have the session store what came back, and say how far the run is."""
        library = self.session.library
        if library is not run.library or library is None:
            return
        from gui.core.analysis_queue.saving import save_batch

        batch = save_batch(library, outcomes)
        if (
            batch is not None
            and self.session.execute(batch, "Could not save the analysis", undoable=False) is None
        ):
            self.cancel()  # the library refuses changes now (full disk, damage): stop
            return
        estimate = run.estimate
        for outcome in outcomes:
            if outcome.error:
                self.article_failed.emit(_name(outcome), outcome.error)
        left = estimate.seconds_left()
        last = outcomes[-1]
        self.progress.emit(
            estimate.done, estimate.total, _name(last), -1.0 if left is None else left
        )

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.state_changed.emit(state)


def _name(outcome: Outcome) -> str:
    return f"“{outcome.title}”"


def _summary(run: Run, what: str) -> str:
    estimate = run.estimate
    failed = f", {estimate.failed} skipped" if estimate.failed else ""
    return f"{what}: {estimate.done - estimate.failed} of {estimate.total} articles{failed}."
