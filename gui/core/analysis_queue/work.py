"""What a worker process does: load the pipeline once, then analyse batches of articles.

Everything here crosses a process boundary, so it is plain picklable data in and out. A
failure inside the analysis of one article is caught and reported with that article; the
batch goes on with the next one.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass
from typing import Any

from gui.core import findings as article_findings
from gui.core.articles import Metadata
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity, Pipeline


@dataclass(frozen=True)
class Settings:
    """What results depend on besides the article: the same for every article of a run."""

    pipeline_id: str
    outlets: tuple[str, ...]
    model: str  # "" : the default English pipeline
    overrides: Any  # the library's lexicon entries (LexiconStore.overrides), {} for none
    lexicons_id: str  # their part of a findings id ("" without any)
    rules: tuple[Correction, ...]  # the library's entity corrections


@dataclass(frozen=True)
class Job:
    """One article to analyse; entities given when the library has them (only findings miss)."""

    article_id: int
    content_hash: str
    title: str  # to name the article in progress and failures
    body: str
    metadata: Metadata
    entities: tuple[Entity, ...] | None = None  # as found, before corrections


@dataclass(frozen=True)
class Outcome:
    """What became of one job: entities and findings (as JSON text), or why it failed."""

    article_id: int
    content_hash: str
    title: str
    chars: int
    pipeline_id: str = ""
    entities: tuple[Entity, ...] = ()  # as found (the library keeps them uncorrected)
    entities_found: bool = False  # False: they were given, nothing to save of them
    findings_id: str = ""
    findings: str = ""  # Findings as the cache keeps them (findings_text)
    error: str = ""  # not empty: the analysis failed, say so and go on
    seconds: float = 0.0


class _Worker:
    """The pipeline and lexicons of one worker process, loaded by start()."""

    settings: Settings | None = None
    pipeline: Pipeline | None = None
    lexicons: Any = None
    find: Any = None


def start(settings: Settings, load: Any = None, find: Any = None) -> None:
    """Initialise a worker: load the pipeline (slow) and the library's lexicons once.

    load: a function (outlets, model) -> Pipeline standing in for spaCy's, and find one
    standing in for findings.analyse (tests: picklable, so module-level functions).
    """
    from gui.core.entities.pipeline import load_pipeline
    from gui.core.sourcing.lexicons import load_lexicons

    _Worker.settings, _Worker.find = settings, find or article_findings.analyse
    _Worker.pipeline = (load or load_pipeline)(list(settings.outlets), settings.model or None)
    _Worker.lexicons = load_lexicons(settings.overrides) if settings.lexicons_id else None


def analyse_batch(jobs: tuple[Job, ...]) -> list[Outcome]:
    """The outcome of every job, in order (run in a worker that start() initialised)."""
    if _Worker.settings is None or _Worker.pipeline is None:
        raise RuntimeError("the worker was not started")
    worker = _Worker
    _parse_together(jobs, worker.pipeline)
    return [
        analyse_job(job, worker.pipeline, worker.settings, worker.lexicons, worker.find)
        for job in jobs
    ]


def _parse_together(jobs: tuple[Job, ...], pipeline: Any) -> None:
    """Parse the paragraphs of every article of the batch in one go, as the analysis will
    ask for them: the pipeline keeps the parses, and the model runs faster on more at once."""
    from gui.core.entities.pipeline import DOC_MEMORY_CHARS
    from gui.core.normalise import normalise, paragraphs
    from gui.core.sourcing.front_matter import blank_front_matter

    if not hasattr(pipeline, "pipe") or sum(len(j.body) for j in jobs) > DOC_MEMORY_CHARS // 2:
        return
    texts: list[str] = []
    for job in jobs:
        if job.entities is None:
            prepared = normalise(blank_front_matter(job.body, job.metadata)).text
            texts += [prepared[span.start : span.end] for span in paragraphs(prepared)]
    for _ in pipeline.pipe(texts):
        pass


def analyse_job(
    job: Job, pipeline: Pipeline, settings: Settings, lexicons: Any, find: Any = None
) -> Outcome:
    """Entities (unless given) and findings of one article, or the error that stopped them."""
    from gui.core.storage.sourcing_store import findings_text

    started = time.perf_counter()
    done = Outcome(job.article_id, job.content_hash, job.title, len(job.body))
    try:
        found = job.entities is None
        body, metadata = job.body, job.metadata
        raw = article_findings.detect_entities(body, pipeline, metadata) if found else job.entities
        shown = article_findings.correct_entities(body, raw, settings.rules)
        _, sourcing = (find or article_findings.analyse)(
            body, pipeline, shown, lexicons, metadata=metadata
        )
        cache_id = article_findings.cache_id_for(
            settings.pipeline_id, settings.lexicons_id, shown, metadata
        )
        text = findings_text(sourcing)
    except Exception as error:  # one article's failure is reported with it; the rest goes on
        last = traceback.format_exception_only(error)[-1].strip()
        return _with(done, error=last or type(error).__name__, seconds=_since(started))
    return _with(
        done,
        pipeline_id=settings.pipeline_id,
        entities=tuple(raw),
        entities_found=found,
        findings_id=cache_id,
        findings=text,
        seconds=_since(started),
    )


def _since(started: float) -> float:
    return time.perf_counter() - started


def _with(outcome: Outcome, **changes: Any) -> Outcome:
    from dataclasses import replace

    return replace(outcome, **changes)
