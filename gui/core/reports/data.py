"""What a report reads from the library besides the article: entities, findings, verdicts, answers.

Sourcing verdicts come from gui.core.storage.sourcing_store, imported when needed and
tolerated when missing (an older library, or a build without the sourcing lens).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from gui.core.articles import Article
from gui.core.entities.corrections import apply_corrections
from gui.core.entities.pipeline import Entity, pipeline_id
from gui.core.storage import CorrectionStore, EntityStore, Library, LibraryError, OutletStore
from gui.core.storage.settings_store import json_setting

CHECKLIST_ANSWERS = "checklist_answers"  # settings row: JSON list of {question, answer}
EXERCISE = "exercise"  # settings row: JSON object with title, instructions, ...
_TOLERATED = (ImportError, LibraryError, sqlite3.Error)


@dataclass(frozen=True)
class Verdicts:
    """The user's assessments of claims (by claim key) and the relations between claims."""

    assessments: Mapping[str, Any] = field(default_factory=dict)  # key -> ClaimAssessment
    relations: Sequence[Any] = ()  # ClaimRelation(key_a, key_b, relation, ...)


@dataclass(frozen=True)
class ChecklistAnswer:
    """One question of an exercise's checklist and the trainee's answer."""

    question: str
    answer: str


def stored_entities(library: Library, article: Article) -> list[Entity]:
    """The article's entities saved by the current pipeline, with the library's corrections.

    Never runs the pipeline: an article not analysed yet has only the entities that the
    "add" corrections give it.
    """
    current = pipeline_id(OutletStore(library).outlets())
    cached = EntityStore(library).cached(article.id, current) if current else None
    rules = CorrectionStore(library).corrections()
    return apply_corrections(article.body, cached or [], rules) if rules else list(cached or [])


def stored_findings(library: Library, article_id: int) -> dict[str, Any] | None:
    """The sourcing findings saved for the article's current text, as the user corrected them."""
    try:
        from gui.core.sourcing.corrections import apply_sourcing_corrections
        from gui.core.storage.sourcing_store import SourcingStore

        store = SourcingStore(library)
        latest = store.latest(article_id)
        if latest is None:
            return None
        return apply_sourcing_corrections(latest[1], store.corrections(article_id))
    except _TOLERATED:
        return None


def stored_verdicts(library: Library, article_id: int) -> Verdicts:
    """The article's claim assessments and relations; none when the library has no such store."""
    try:
        from gui.core.storage.sourcing_store import SourcingStore

        store = SourcingStore(library)
        return Verdicts(store.assessments(article_id), tuple(store.relations(article_id)))
    except _TOLERATED:
        return Verdicts()


def checklist_answers(library: Library) -> list[ChecklistAnswer]:
    """The checklist answers kept in an exercise file, in the checklist's order; [] when none.

    The answers are a JSON object (question -> answer) or a list of {question, answer}; the
    exercise's own questions come first, unanswered ones included, then any others answered.
    """
    answers = _answer_pairs(json_setting(library, CHECKLIST_ANSWERS))
    if not answers:
        return []
    exercise = json_setting(library, EXERCISE)
    asked = exercise.get("checklist") if isinstance(exercise, Mapping) else None
    questions = [str(q) for q in asked if q] if isinstance(asked, list) else []
    order = list(dict.fromkeys([*questions, *answers]))
    return [ChecklistAnswer(question, answers.get(question, "")) for question in order]


def exercise_title(library: Library) -> str:
    """The title of the exercise this library is, or ""."""
    value = json_setting(library, EXERCISE)
    return str(value.get("title") or "") if isinstance(value, Mapping) else ""


def _answer_pairs(value: Any) -> dict[str, str]:
    """question -> answer from either stored shape; {} for anything else."""
    if isinstance(value, Mapping):
        return {str(q): _answer_text(a) for q, a in value.items() if q}
    if isinstance(value, list):
        items = [item for item in value if isinstance(item, Mapping) and item.get("question")]
        return {str(item["question"]): _answer_text(item.get("answer")) for item in items}
    return {}


def _answer_text(answer: Any) -> str:
    """An answer as text: yes/no for booleans, "" for none."""
    if isinstance(answer, bool):
        return "yes" if answer else "no"
    return "" if answer is None else str(answer)
