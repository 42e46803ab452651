"""What the library lacks for its current pipeline, found a chunk of articles at a time.

An article is analysed when its current body has entities from the library's pipeline and
findings made with that pipeline, the library's lexicons and the article's metadata. Nothing
else records progress: what a killed run stored counts, and the rest is still missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from gui.core import findings as article_findings
from gui.core.analysis_queue.work import Job, Settings
from gui.core.storage import ArticleStore, CorrectionStore, EntityStore, Library
from gui.core.storage.analysis_store import AnalysisState, AnalysisStore, findings_prefix

CHUNK = 500  # articles read per query: a few milliseconds, so the window never waits long


class NoPipeline(Exception):
    """No English spaCy pipeline is installed: nothing can be analysed (str says what to do)."""


@dataclass(frozen=True)
class Missing:
    """An article the library lacks results for; has_entities: only its findings are missing."""

    article_id: int
    has_entities: bool


def settings_for(library: Library) -> Settings:
    """What this library's results depend on; NoPipeline when no model is installed."""
    from gui.core.entities import pipeline as nlp
    from gui.core.sourcing.lexicon_edits import lexicons_id
    from gui.core.storage.settings_store import LexiconStore, OutletStore, PipelineStore

    outlets, model = OutletStore(library).outlets(), PipelineStore(library).model()
    pipeline_id = article_findings.entity_cache_id(outlets, model)
    if pipeline_id is None:
        raise NoPipeline(nlp.missing_message())
    overrides = LexiconStore(library).overrides()
    rules = tuple(CorrectionStore(library).corrections())
    return Settings(pipeline_id, tuple(outlets), model, overrides, lexicons_id(library), rules)


def is_analysed(state: AnalysisState, settings: Settings) -> bool:
    """True when the article has entities and findings for these settings."""
    if not state.has_entities:
        return False
    base = article_findings.findings_base(
        settings.pipeline_id, settings.lexicons_id, state.metadata
    )
    prefix = findings_prefix(base)
    return any(found.startswith(prefix) for found in state.findings_ids)


class Scan:
    """Walks the library in id order, CHUNK articles a step, collecting what is missing."""

    def __init__(self, library: Library, settings: Settings, chunk: int = CHUNK) -> None:
        self._store = AnalysisStore(library)
        self._settings = settings
        self._chunk = chunk
        self._after = 0
        self.done = False
        self.seen = 0  # articles looked at so far

    def step(self) -> list[Missing]:
        """What is missing in the next chunk; done is True once the last one was read."""
        if self.done:
            return []
        states = self._store.states(self._settings.pipeline_id, self._after, self._chunk)
        if len(states) < self._chunk:
            self.done = True
        if states:
            self._after = states[-1].article_id
        self.seen += len(states)
        return [
            Missing(s.article_id, s.has_entities)
            for s in states
            if not is_analysed(s, self._settings)
        ]

    def __iter__(self) -> Iterator[Missing]:
        while not self.done:
            yield from self.step()


def job_for(library: Library, missing: Missing, settings: Settings) -> Job | None:
    """The job for a missing article (its stored entities with it); None if it is gone."""
    try:
        article = ArticleStore(library).get(missing.article_id)
    except KeyError:
        return None
    entities = None
    if missing.has_entities:
        stored = EntityStore(library).cached(article.id, settings.pipeline_id)
        entities = None if stored is None else tuple(stored)
    title = article.metadata.title or f"article {article.id}"
    return Job(article.id, article.content_hash, title, article.body, article.metadata, entities)


def batches(jobs: Iterable[Job], chars: int = 12_000, most: int = 8) -> Iterator[tuple[Job, ...]]:
    """Jobs grouped a few at a time: about chars characters, at most most articles a batch."""
    batch: list[Job] = []
    size = 0
    for job in jobs:
        batch.append(job)
        size += len(job.body)
        if size >= chars or len(batch) >= most:
            yield tuple(batch)
            batch, size = [], 0
    if batch:
        yield tuple(batch)
