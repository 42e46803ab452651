"""Exports for other tools: REFI-QDA projects, and training data for spaCy and Prodigy.

Training data needs each article's entities (and for quotes its sourcing findings): those
the library keeps for the current pipeline are used; for the rest the pipeline is loaded
once, on first need, and what it finds is saved as the window would save it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from gui.cli import common
from gui.cli import sourcing as cli_sourcing
from gui.core import findings as article_findings
from gui.core.articles import Article
from gui.core.entities.commands import SaveEntities
from gui.core.entities.pipeline import Pipeline
from gui.core.interchange import refi_export, training
from gui.core.storage import EntityStore, Library
from gui.core.storage.commands_store import carry_out


class _Pipeline:
    """The entity pipeline, loaded when first asked for and then kept."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._loaded: Pipeline | None = None

    def __call__(self) -> Pipeline:
        """The loaded pipeline (loading it the first time)."""
        if self._loaded is None:
            self._loaded = common.load_library_pipeline(self._library)
        return self._loaded


def qdpx(library: Library, articles: Sequence[Article], name: str) -> bytes:
    """The articles as a REFI-QDA project; the orphans it leaves out are named on stderr."""
    exported = refi_export.export_project(library, [a.id for a in articles], name)
    for reason in exported.left_out:
        print(f"left out: {reason} (its text is no longer in the article)", file=sys.stderr)
    return exported.data


def training_data(
    library: Library, articles: Sequence[Article], spans: str, kind: str
) -> bytes | str:
    """JSON Lines (kind "jsonl") or a spaCy DocBin ("spacy") of the articles' spans."""
    pipeline = _Pipeline(library)
    examples = [training.example(_shown(library, a, spans, pipeline), spans) for a in articles]
    if kind == "jsonl":
        return training.to_jsonl(examples)
    data, dropped = training.to_docbin(examples, spans)
    for reason in dropped:
        print(f"left out: {reason} (not on token boundaries)", file=sys.stderr)
    return data


def _shown(
    library: Library, article: Article, spans: str, pipeline: _Pipeline
) -> article_findings.ArticleFindings:
    """What the article has as the user corrected it; findings only when quotes are asked."""
    entities, pipeline_id = _entities(library, article, pipeline)
    found = None
    if spans == training.QUOTES:
        found, _ = cli_sourcing.export_findings(
            library, article, entities, pipeline_id, None, pipeline
        )
    return article_findings.compose(library, article, entities, found, pipeline_id)


def _entities(library: Library, article: Article, pipeline: _Pipeline) -> tuple[list, str]:
    """The article's entities as found (cached, else detected and saved) and their pipeline."""
    pipeline_id = article_findings.library_cache_id(library)
    cached = EntityStore(library).cached(article.id, pipeline_id) if pipeline_id else None
    if cached is not None:
        return cached, pipeline_id
    loaded = pipeline()
    entities = loaded.analyse(article.body)
    if not library.read_only:
        carry_out(library, SaveEntities(article.id, loaded.id, tuple(entities)))
    return entities, loaded.id
