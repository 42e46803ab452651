"""What a report reads from the library besides the article: entities, findings, verdicts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gui.core.articles import Article
from gui.core.entities.corrections import apply_corrections
from gui.core.entities.pipeline import Entity, pipeline_id
from gui.core.sourcing.corrections import apply_sourcing_corrections
from gui.core.sourcing.model import Findings
from gui.core.storage import CorrectionStore, EntityStore, Library, OutletStore, SourcingStore
from gui.core.storage.exercise_store import EXERCISE_SETTING
from gui.core.storage.settings_store import json_setting


@dataclass(frozen=True)
class Verdicts:
    """The user's assessments of claims (by claim key) and the relations between claims."""

    assessments: Mapping[str, Any] = field(default_factory=dict)  # key -> ClaimAssessment
    relations: Sequence[Any] = ()  # ClaimRelation(key_a, key_b, relation, ...)


def stored_entities(library: Library, article: Article) -> list[Entity]:
    """The article's entities saved by the current pipeline, with the library's corrections.

    Never runs the pipeline: an article not analysed yet has only the entities that the
    "add" corrections give it.
    """
    current = pipeline_id(OutletStore(library).outlets())
    cached = EntityStore(library).cached(article.id, current) if current else None
    rules = CorrectionStore(library).corrections()
    return apply_corrections(article.body, cached or [], rules) if rules else list(cached or [])


def stored_findings(library: Library, article_id: int) -> Findings | None:
    """The sourcing findings saved for the article's current text, as the user corrected them."""
    store = SourcingStore(library)
    latest = store.latest(article_id)
    if latest is None:
        return None
    return apply_sourcing_corrections(latest[1], store.corrections(article_id))


def stored_verdicts(library: Library, article_id: int) -> Verdicts:
    """The article's claim assessments and relations."""
    store = SourcingStore(library)
    return Verdicts(store.assessments(article_id), tuple(store.relations(article_id)))


def exercise_title(library: Library) -> str:
    """The title of the exercise this library is, or ""."""
    value = json_setting(library, EXERCISE_SETTING)
    return str(value.get("title") or "") if isinstance(value, Mapping) else ""
