"""What an article has: its entities and sourcing findings as the user corrected them, and the
user's verdicts on its claims. The window, the command line and the reports all get it here.

stored() reads what the library keeps for the current pipeline, and never runs spaCy;
analyse() finds entities and findings (pure: plain data in and out, for a worker thread);
compose() applies the library's corrections and verdicts to what was found. Only this module
applies corrections and makes the cache ids, so the three cannot drift apart.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any
from weakref import ref

from gui.core.articles import Article, Metadata
from gui.core.entities import pipeline as nlp  # by module: tests stand in for pipeline_id
from gui.core.entities.corrections import Correction, apply_corrections
from gui.core.entities.pipeline import Entity, Pipeline
from gui.core.sourcing.check_commands import CheckDecision
from gui.core.sourcing.checks import Check, find_checks
from gui.core.sourcing.commands import ClaimAssessment, ClaimRelation
from gui.core.sourcing.corrections import apply_sourcing_corrections
from gui.core.sourcing.front_matter import blank_front_matter
from gui.core.sourcing.lexicon_edits import lexicons_id
from gui.core.sourcing.model import Findings
from gui.core.sourcing.summary import Summary, summarise
from gui.core.storage import (
    CheckStore,
    CorrectionStore,
    EntityStore,
    Library,
    OutletStore,
    PipelineStore,
    SourcingStore,
)
from gui.core.storage.library_rows_store import LibraryRowsStore
from gui.core.storage.sourcing_store import findings_cache_id

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ArticleFindings:
    """One article with what was found in it, corrected, and what the user decided about it."""

    article: Article
    entities: tuple[Entity, ...] = ()  # with the library's entity corrections
    findings: Findings | None = None  # corrected; None: not analysed for the current pipeline
    assessments: Mapping[str, ClaimAssessment] = field(default_factory=dict)  # by claim key
    relations: tuple[ClaimRelation, ...] = ()
    pipeline_id: str = ""  # the entity pipeline's; "" when no model is installed
    findings_id: str = ""  # the findings cache id; "" without a pipeline
    check_decisions: Mapping[str, CheckDecision] = field(default_factory=dict)  # by check key
    outlets: frozenset[str] = frozenset()  # the keys the library knows as outlets' (known_outlets)

    @cached_property
    def summary(self) -> Summary:
        """The counts every view shows, over the corrected findings and the entities shown."""
        return summarise(self.findings, self.entities, self.outlets)

    @cached_property
    def checks(self) -> tuple[Check, ...]:
        """The lens's checks for the corrected findings (their verdicts: check_decisions)."""
        return tuple(find_checks(self.findings, self.entities))

    def confirmed_checks(self) -> list[Check]:
        """The checks the user confirmed, in text order."""
        decided = self.check_decisions
        return [c for c in self.checks if c.key in decided and decided[c.key].status == "confirmed"]


def known_outlets(library: Library) -> frozenset[str]:
    """The keys that name an outlet in the library: its articles' outlets, and those a relay
    chain passes through as outlets. A source under one is an outlet however an article's
    sourcing typed it (summarise's outlets; the library-wide Sources list decides alike).

    Read again only when the library changed since (13 ms at 100,000 articles, asked on
    every article's findings): by this connection (total_changes) or another (data_version).
    """
    with library.errors():
        stamp = (library.db.conn.total_changes, library.db.execute(_DATA_VERSION).fetchone()[0])
    kept = _KNOWN_OUTLETS.get(id(library))
    if kept is not None and kept[0]() is library and kept[1] == stamp:
        return kept[2]
    found = LibraryRowsStore(library).outlet_keys()
    _KNOWN_OUTLETS.clear()  # one library is open at a time: the last one asked is kept
    _KNOWN_OUTLETS[id(library)] = (ref(library), stamp, found)
    return found


_DATA_VERSION = "PRAGMA data_version"
# id of the library -> (the library, weakly; its stamp; its known outlets). By id: a Library
# is a dataclass, so not hashable.
_KNOWN_OUTLETS: dict[int, tuple[ref, tuple[int, int], frozenset[str]]] = {}


def summary_of(library: Library, findings: Findings | None, entities: Sequence[Entity]) -> Summary:
    """What ArticleFindings.summary says of these findings and entities shown (the window's
    reader has them without the rest): the same counts, with the library's known outlets."""
    return summarise(findings, entities, known_outlets(library) if findings else frozenset())


def entity_cache_id(outlets: Sequence[str], model: str | None = None) -> str | None:
    """The id entities are cached under: the pipeline these outlets and this model make.

    model None or "": the default English pipeline. None when no model is installed.
    """
    return nlp.pipeline_id(outlets, model or None)


def library_cache_id(library: Library) -> str:
    """The entity cache id for the library's outlets and pipeline ("" when no model)."""
    outlets, model = OutletStore(library).outlets(), PipelineStore(library).model()
    return entity_cache_id(outlets, model) or ""


def findings_id(
    library: Library,
    pipeline_id: str,
    entities: Sequence[Entity],
    metadata: Metadata | None = None,
) -> str:
    """The id findings are cached under: pipeline, lexicons, metadata, corrected entities."""
    return cache_id_for(pipeline_id, lexicons_id(library), entities, metadata)


def cache_id_for(
    pipeline_id: str, lexicons: str, entities: Sequence[Entity], metadata: Metadata | None
) -> str:
    """findings_id without the library: lexicons is its lexicons_id (for worker processes)."""
    return findings_cache_id(findings_base(pipeline_id, lexicons, metadata), entities)


def findings_base(pipeline_id: str, lexicons: str, metadata: Metadata | None) -> str:
    """What every findings id of the article starts with, before the rules and entities."""
    return pipeline_id + lexicons + metadata_id(metadata)


def metadata_id(metadata: Metadata | None) -> str:
    """What of the metadata the findings depend on: the outlet and the front-matter texts."""
    if metadata is None:
        return ""
    texts = [metadata.title, metadata.byline, metadata.outlet, metadata.dateline, *metadata.credits]
    return "/meta-" + hashlib.sha256("\n".join(texts).encode()).hexdigest()[:8]


def correct_entities(
    body: str, entities: Sequence[Entity], rules: Sequence[Correction]
) -> list[Entity]:
    """The entities as the library's correction rules make them (what every view shows)."""
    return apply_corrections(body, entities, rules) if rules else list(entities)


def correct_findings(library: Library, article_id: int, findings: Findings) -> Findings:
    """The findings with the user's corrections of attributions applied."""
    return apply_sourcing_corrections(findings, SourcingStore(library).corrections(article_id))


def analyse(
    body: str,
    pipeline: Pipeline,
    entities: Sequence[Entity] | None = None,
    lexicons: Any = None,
    progress: Progress | None = None,
    metadata: Metadata | None = None,
) -> tuple[list[Entity], Findings]:
    """The entities of body (those given, else found) and the sourcing findings over them.

    Pure and slow: run it on a worker thread. Give the corrected entities when there are
    corrections, so that the findings are those of what the user sees; give the article's
    metadata, so that its own outlet and the lines repeating it are known.
    """
    # Imported here: the finders are a tenth of the window's start-up, and used only later.
    from gui.core.sourcing.analysis import analyse_sourcing

    if entities is None:
        found = detect_entities(body, pipeline, metadata, progress)
    else:
        found = list(entities)
    findings = analyse_sourcing(body, pipeline, found, lexicons, progress, metadata)
    return found, findings


def detect_entities(
    body: str,
    pipeline: Pipeline,
    metadata: Metadata | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Entity]:
    """The entities of body, its title and credit lines left out (they are its metadata)."""
    text = blank_front_matter(body, metadata)
    return pipeline.analyse(text, progress=progress, cancelled=cancelled)


def compose(
    library: Library,
    article: Article,
    raw_entities: Sequence[Entity],
    raw_findings: Findings | None,
    pipeline_id: str | None = None,
) -> ArticleFindings:
    """What the article has once the library's corrections and verdicts are applied.

    raw_*: as analysis found them; pipeline_id: the pipeline that found raw_entities (None:
    the library's current one).
    """
    shown = _with_entities(library, article, raw_entities, pipeline_id)
    return _with_findings(library, shown, raw_findings)


def stored(library: Library, article: Article) -> ArticleFindings:
    """What the library keeps for the article and its current pipeline, corrected (no analysis).

    An article not analysed yet has only the entities that "add" corrections give it, and no
    findings.
    """
    pipeline_id = library_cache_id(library)
    raw = EntityStore(library).cached(article.id, pipeline_id) if pipeline_id else None
    shown = _with_entities(library, article, raw or (), pipeline_id)
    cache_id = shown.findings_id
    cached = SourcingStore(library).cached(article.id, cache_id) if cache_id else None
    return _with_findings(library, shown, cached)


def _with_entities(
    library: Library, article: Article, raw: Sequence[Entity], pipeline_id: str | None
) -> ArticleFindings:
    """The article with its corrected entities and the cache ids that go with them."""
    pipeline = library_cache_id(library) if pipeline_id is None else pipeline_id
    rules = CorrectionStore(library).corrections()
    entities = correct_entities(article.body, raw, rules)
    cache_id = findings_id(library, pipeline, entities, article.metadata) if pipeline else ""
    return ArticleFindings(article, tuple(entities), pipeline_id=pipeline, findings_id=cache_id)


def _with_findings(
    library: Library, shown: ArticleFindings, raw: Findings | None
) -> ArticleFindings:
    """shown with the corrected findings, and the user's verdicts and relations."""
    article_id = shown.article.id
    store = SourcingStore(library)
    findings = None if raw is None else correct_findings(library, article_id, raw)
    assessments, relations = store.assessments(article_id), tuple(store.relations(article_id))
    decisions = CheckStore(library).decisions(article_id)
    return replace(
        shown,
        findings=findings,
        assessments=assessments,
        relations=relations,
        check_decisions=decisions,
        outlets=known_outlets(library) if findings is not None else frozenset(),
    )
