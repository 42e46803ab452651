"""Batches of articles analysed in worker processes, on as many cores as the user allows.

Workers are spawned (not forked: the window's process has threads and Qt), each loads the
pipeline once. A worker that dies (the parser crashed on an article) breaks the pool: its
batches are then tried again one article at a time, each alone, so that the article that
kills a worker is known, reported by name, and skipped; the rest goes on.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from gui.core.analysis_queue import work
from gui.core.analysis_queue.work import Job, Outcome, Settings

CRASHED = "the analysis process stopped on this article (the parser crashed)"


class Pool:
    """Worker processes running work.analyse_batch; results collected without blocking."""

    def __init__(
        self,
        settings: Settings,
        jobs: int,
        load: Callable[..., Any] | None = None,
        find: Callable[..., Any] | None = None,
    ) -> None:
        """load, find: stand-ins for the pipeline's loading and analysis (work.start)."""
        self.jobs = max(1, int(jobs))
        self._settings, self._load, self._find = settings, load, find
        self._executor: ProcessPoolExecutor | None = None
        self._running: dict[Future, tuple[Job, ...]] = {}
        self._suspects: deque[Job] = deque()  # from a broken pool: tried one at a time
        self._trying: int | None = None  # the suspect running alone, if any

    @property
    def in_flight(self) -> int:
        """Batches submitted and not collected yet."""
        return len(self._running)

    def wants_work(self) -> bool:
        """True while more batches may be submitted (two per worker keep them all busy)."""
        idle = not self._suspects and self._trying is None
        return idle and len(self._running) < 2 * self.jobs

    def submit(self, batch: tuple[Job, ...]) -> None:
        """Run a batch in the background; its outcomes come back from collect()."""
        self._running[self._pool().submit(work.analyse_batch, batch)] = batch

    def collect(self, timeout: float | None = 0) -> list[Outcome]:
        """Outcomes of the batches done, waiting at most timeout seconds (None: for one)."""
        if not self._running:
            self._retry_suspect()
            return []
        done, _ = wait(list(self._running), timeout=timeout, return_when=FIRST_COMPLETED)
        outcomes: list[Outcome] = []
        broken: list[tuple[Job, ...]] = []
        for future in [f for f in self._running if f in done]:  # in the order submitted
            batch = self._running.pop(future)
            try:
                outcomes.extend(future.result())
            except BrokenProcessPool:
                broken.append(batch)
            except Exception as error:  # the batch itself could not run (e.g. pickling)
                outcomes.extend(_failed(job, str(error) or type(error).__name__) for job in batch)
        if broken:
            outcomes.extend(self._broke(broken))
        self._retry_suspect()
        return outcomes

    def close(self, wait: bool = False) -> None:
        """Stop: batches not started are dropped, workers exit after the batch under way.

        wait: until they have exited (at the end of a run, when none is under way).
        """
        if self._executor is not None:
            self._executor.shutdown(wait=wait, cancel_futures=True)
        self._executor = None
        self._running.clear()
        self._suspects.clear()
        self._trying = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=work.start,
                initargs=(self._settings, self._load, self._find),
            )
        return self._executor

    def _broke(self, broken: list[tuple[Job, ...]]) -> list[Outcome]:
        """A worker died: every batch of the pool is lost; try their articles alone."""
        for batch in self._running.values():
            broken.append(batch)  # the whole pool is broken: those fail too
        self._running.clear()
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        culprits = [job for batch in broken for job in batch if job.article_id == self._trying]
        self._suspects.extend(job for batch in broken for job in batch if job not in culprits)
        self._trying = None
        return [_failed(job, CRASHED) for job in culprits]

    def _retry_suspect(self) -> None:
        """While suspects wait, run exactly one of them at a time, alone."""
        if self._running:
            return
        self._trying = None
        if self._suspects:
            job = self._suspects.popleft()
            self._trying = job.article_id
            self.submit((job,))


def _failed(job: Job, message: str) -> Outcome:
    return Outcome(job.article_id, job.content_hash, job.title, len(job.body), error=message)
