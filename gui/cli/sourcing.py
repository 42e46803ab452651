"""Sourcing findings for the command line: found with the loaded pipeline, cached, corrected.

The sourcing analysis is imported only when findings are needed, so that commands which do
not analyse never load spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gui.cli import common
from gui.core.articles import Article
from gui.core.entities import pipeline as nlp
from gui.core.entities.corrections import apply_corrections
from gui.core.entities.pipeline import Entity, Pipeline
from gui.core.sourcing.corrections import apply_sourcing_corrections
from gui.core.sourcing.lexicon_edits import library_lexicons
from gui.core.sourcing.model import Findings
from gui.core.storage import CorrectionStore, EntityStore, Library, OutletStore, SourcingStore
from gui.core.storage.sourcing_store import findings_cache_id

SOURCING_KEYS = ("attributions", "hedges", "numbers")  # what analyze --json adds


def sourcing_json(
    body: str, pipeline: Pipeline, entities: Sequence[Entity], lexicons: Any = None
) -> Findings:
    """The sourcing findings of body, with the pipeline already loaded."""
    from gui.core.sourcing.analysis import analyse_sourcing  # spaCy-facing code, loaded late

    return analyse_sourcing(body, pipeline, list(entities), lexicons=lexicons)


def export_findings(
    library: Library,
    article: Article,
    entities: Sequence[Entity],
    pipeline_id: str,
    pipeline: Pipeline | None = None,
    load: Callable[[], Pipeline] | None = None,
) -> tuple[Findings | None, str]:
    """(findings, cache id) of an article as found, before the user's corrections.

    Cached ones when the library has them for this pipeline and these entities (with the
    user's entity corrections); else found with pipeline, or with the one load() gives, and
    saved. (None, "") when there are none cached and neither pipeline nor load is given.
    """
    corrected = corrected_entities(library, article, entities)
    lexicons, suffix = library_lexicons(library)
    cache_id = findings_cache_id(pipeline_id + suffix, corrected)
    cached = SourcingStore(library).cached(article.id, cache_id)
    if cached is not None:
        return cached, cache_id
    if pipeline is None:
        if load is None:
            return None, ""
        pipeline = load()
    found = sourcing_json(article.body, pipeline, corrected, lexicons)
    if not library.read_only:
        SourcingStore(library).save_cache(article.id, cache_id, found)
    return found, cache_id


def corrected(library: Library, article_id: int, findings: Findings) -> Findings:
    """The findings with the user's corrections of attributions applied."""
    return apply_sourcing_corrections(findings, SourcingStore(library).corrections(article_id))


def has_assessments(library: Library, article_id: int) -> bool:
    """True when the user assessed any of the article's claims."""
    return bool(SourcingStore(library).assessments(article_id))


def corrected_entities(
    library: Library, article: Article, entities: Sequence[Entity]
) -> list[Entity]:
    """The entities as the library's correction rules make them (what the window shows)."""
    return apply_corrections(article.body, entities, CorrectionStore(library).corrections())


def export_entities(
    library: Library, article: Article
) -> tuple[list[Entity], str, Pipeline | None]:
    """The article's entities, pipeline id, and the pipeline if it had to be loaded for them.

    Cached entities if current, else detected (and saved).
    """
    outlets = OutletStore(library).outlets()
    store = EntityStore(library)
    current = nlp.pipeline_id(outlets)
    cached = store.cached(article.id, current) if current else None
    if cached is not None:
        return cached, current, None
    pipeline = common.load_entity_pipeline(outlets)
    entities = pipeline.analyse(article.body)
    if not library.read_only:
        store.save(article.id, pipeline.id, entities)
    return entities, pipeline.id, pipeline
