"""analyze --library FILE [--jobs N]: analyse every article the library lacks, and keep it.

What is stored stays: a run that was killed or interrupted is taken up where it stopped by
the next one, which starts with what is missing. Progress goes to stderr (count, article,
time left), failures by name; the exit code is 1 when any article failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from gui.cli import common
from gui.cli.errors import EXIT_FAILED, EXIT_NO_PIPELINE, CommandError
from gui.core.analysis_queue.estimate import duration
from gui.core.analysis_queue.pending import NoPipeline, settings_for
from gui.core.analysis_queue.pool import Pool
from gui.core.analysis_queue.run import Run
from gui.core.analysis_queue.saving import save_batch
from gui.core.analysis_queue.work import Outcome
from gui.core.storage import Library
from gui.core.storage.commands_store import carry_out

WAIT = 0.5  # seconds to wait for the workers between two looks at the run


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def analyze_library_command(ns: argparse.Namespace) -> int:
    """Analyse what the library lacks on ns.jobs cores; 1 when an article failed."""
    with common.opened(ns, common.WRITE) as library:
        if library.read_only:
            raise CommandError(f"{library.name} is read-only: the analysis could not be stored")
        try:
            settings = settings_for(library)
        except NoPipeline as missing:
            raise CommandError(str(missing), EXIT_NO_PIPELINE) from None
        run = Run(library, settings, Pool(settings, ns.jobs or default_jobs()), ns.limit)
        try:
            failed = _drive(library, run)
        finally:
            run.close()
    return EXIT_FAILED if failed else 0


def _drive(library: Library, run: Run) -> int:
    """Step the run to its end, saving each step's outcomes; the number of failures."""
    started = time.perf_counter()
    while not run.finished:
        outcomes = run.step(WAIT)
        if outcomes:
            batch = save_batch(library, outcomes)
            if batch is not None:
                carry_out(library, batch)
            first = run.estimate.done - len(outcomes) + 1
            for number, outcome in enumerate(outcomes, start=first):
                _report(run, outcome, number)
    estimate = run.estimate
    took = time.perf_counter() - started
    print(
        f"analysed {estimate.done - estimate.failed} of {estimate.total} articles missing"
        f" in {took:.1f} s; {estimate.failed} failed",
        file=sys.stderr,
        flush=True,
    )
    return estimate.failed


def _report(run: Run, outcome: Outcome, number: int) -> None:
    """One line on stderr: how far, which article, how long is left; or why it failed."""
    estimate = run.estimate
    total = f"{estimate.total}" if run.scanned else f"{estimate.total}+"
    name = f"article {outcome.article_id} “{outcome.title}”"
    if outcome.error:
        line = f"error: {name} was skipped: {outcome.error}"
    else:
        left = duration(estimate.seconds_left())
        line = f"[{number}/{total}] {name}" + (f" ({left})" if left else "")
    print(line, file=sys.stderr, flush=True)
