"""One run over the library: scan for what is missing, feed the pool, hand back outcomes.

Stepped, never blocking longer than asked: the window calls step() from a timer, the command
line in a loop. The caller saves the outcomes (saving.py) with its own writer. The open
article can be put first at any time.
"""

from __future__ import annotations

import time
from collections import deque

from gui.core.analysis_queue.estimate import Estimate
from gui.core.analysis_queue.pending import Missing, Scan, batches, is_analysed, job_for
from gui.core.analysis_queue.pool import Pool
from gui.core.analysis_queue.work import Job, Outcome, Settings
from gui.core.storage.analysis_store import AnalysisStore
from gui.core.storage.database import Library

SCAN_BUDGET = 0.02  # seconds of scanning per step, so a window's timer stays quick


class Run:
    """The articles a library lacks, analysed in pool; outcomes come from step()."""

    def __init__(self, library: Library, settings: Settings, pool: Pool, limit: int = 0) -> None:
        self.library, self.settings, self.pool = library, settings, pool
        self.estimate = Estimate()
        self._scan = Scan(library, settings)
        self._missing: deque[Missing] = deque()
        self._queued: set[int] = set()  # ids in _missing or in flight: never twice
        self._limit = limit  # 0: every article; else stop after this many (tests, trials)
        self._taken = 0
        self.paused = False
        self.estimate.started(time.perf_counter())

    @property
    def finished(self) -> bool:
        """True once nothing is missing, nothing is in flight, and the scan is done."""
        return self._scan.done and not self._missing and not self.pool.in_flight

    @property
    def scanned(self) -> bool:
        """True once every article was looked at (the total is then exact)."""
        return self._scan.done

    def prioritise(self, article_id: int) -> None:
        """Do this article next (the open one), if it is missing."""
        states = AnalysisStore(self.library).states(self.settings.pipeline_id, article_id - 1, 1)
        if not states or states[0].article_id != article_id:
            return
        state = states[0]
        if is_analysed(state, self.settings):
            return
        if article_id in self._queued:
            found = next((m for m in self._missing if m.article_id == article_id), None)
            if found is None:
                return  # in flight already
            self._missing.remove(found)
        else:
            self._queued.add(article_id)
            self.estimate.total += 1
        self._missing.appendleft(Missing(article_id, state.has_entities))

    def pause(self) -> None:
        """Submit nothing more; what is in flight still comes back."""
        self.paused = True

    def resume(self) -> None:
        """Go on after a pause (the pause does not count in the estimate)."""
        self.paused = False
        self.estimate.started(time.perf_counter())

    def step(self, timeout: float = 0) -> list[Outcome]:
        """Scan a little, keep the workers busy, and return the outcomes that came back."""
        self._scan_some()
        if not self.paused:
            self._feed()
        outcomes = self.pool.collect(timeout if self.pool.in_flight else 0)
        now = time.perf_counter()
        for outcome in outcomes:
            self._queued.discard(outcome.article_id)
            self.estimate.finished(now, outcome.chars, bool(outcome.error))
        return outcomes

    def close(self) -> None:
        """Stop the workers; what was not saved stays missing for the next run."""
        self.pool.close(wait=self.finished)

    def _scan_some(self) -> None:
        started = time.perf_counter()
        while not self._scan.done and time.perf_counter() - started < SCAN_BUDGET:
            for missing in self._scan.step():
                if missing.article_id not in self._queued and self._within_limit():
                    self._queued.add(missing.article_id)
                    self._missing.append(missing)
                    self.estimate.total += 1

    def _within_limit(self) -> bool:
        return not self._limit or self.estimate.total < self._limit

    def _feed(self) -> None:
        while self.pool.wants_work() and self._missing:
            batch = next(batches(self._jobs()), None)
            if batch is None:
                return
            self.pool.submit(batch)

    def _jobs(self):
        """Jobs for the next missing articles (those gone meanwhile count as done)."""
        while self._missing:
            missing = self._missing.popleft()
            job: Job | None = job_for(self.library, missing, self.settings)
            if job is None:
                self._queued.discard(missing.article_id)
                self.estimate.finished(time.perf_counter(), 0)
                continue
            yield job
