"""What the export commands need of an article's analysis: found once and saved, then corrected.

Entities and findings the library keeps for the current pipeline are used as they are; what
is missing is found with the pipeline (loaded only then) and saved, as the window saves it.
Corrections, verdicts and cache ids come from gui.core.findings, as they do for the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress

from gui.cli import common
from gui.core import findings as article_findings
from gui.core.articles import Article
from gui.core.entities.commands import SaveEntities
from gui.core.entities.pipeline import Entity, Pipeline
from gui.core.sourcing.lexicon_edits import library_lexicons
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.sourcing.model import Findings
from gui.core.storage import EntityStore, Library, LibraryCorrupt, SourcingStore
from gui.core.storage.commands_store import carry_out

SOURCING_KEYS = ("attributions", "hedges", "numbers")  # what analyze --json adds


def export_entities(
    library: Library, article: Article
) -> tuple[list[Entity], str, Pipeline | None]:
    """The article's entities as found, their pipeline id, and the pipeline if it had to load.

    Cached entities if current, else detected (and saved).
    """
    pipeline_id = article_findings.library_cache_id(library)
    cached = EntityStore(library).cached(article.id, pipeline_id) if pipeline_id else None
    if cached is not None:
        return cached, pipeline_id, None
    pipeline = common.load_library_pipeline(library)
    entities = article_findings.detect_entities(article.body, pipeline, article.metadata)
    save(library, SaveEntities(article.id, pipeline.id, tuple(entities)))
    return entities, pipeline.id, pipeline


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
    shown = article_findings.compose(library, article, entities, None, pipeline_id)
    cached = SourcingStore(library).cached(article.id, shown.findings_id)
    if cached is not None:
        return cached, shown.findings_id
    if pipeline is None and load is None:
        return None, ""
    lexicons, _ = library_lexicons(library)
    used = pipeline or load()
    _, found = article_findings.analyse(
        article.body, used, shown.entities, lexicons, metadata=article.metadata
    )
    save(library, SaveFindings(article.id, shown.findings_id, found))
    return found, shown.findings_id


def save(library: Library, command: object) -> None:
    """Save what was found when the library may be written; never into a damaged one."""
    if library.read_only:
        return
    with suppress(LibraryCorrupt):  # library.damage says why; export says it once it wrote
        carry_out(library, command)


def has_assessments(library: Library, article_id: int) -> bool:
    """True when the user assessed any of the article's claims."""
    return bool(SourcingStore(library).assessments(article_id))
