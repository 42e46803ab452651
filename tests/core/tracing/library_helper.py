"""A library holding the tracing fixtures, analysed by the real pipeline, with its rows.

Saved as the window saves them (SaveEntities, then SaveFindings, whose handler writes the
findings rows), so the queries read what the app really writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gui.core import findings as article_findings
from gui.core.articles import ImportedText
from gui.core.entities.commands import SaveEntities
from gui.core.entities.pipeline import Pipeline
from gui.core.importing.markdown import parse
from gui.core.library.commands import AddArticles
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.storage import ArticleStore, Library, OutletStore, apply, open_library
from tests.core.tracing.fixtures import fixture_files, library_outlets


def fixture_library(
    pipeline: Pipeline, path: Path | None = None, outlets: list[str] | None = None
) -> Library:
    """A library (in memory, or at path) with the six fixture articles and their rows.

    outlets: the library's outlet list (the fixtures' by default; give the pipeline's too).
    """
    texts = tuple(parse(p.read_bytes(), str(p)) for p in fixture_files())
    outlets = library_outlets() if outlets is None else outlets
    return analysed_library(pipeline, texts, path, outlets)


def analysed_library(
    pipeline: Pipeline, texts: Sequence[ImportedText], path: Path | None, outlets: list[str]
) -> Library:
    """A library (in memory, or at path) with these articles (ids 1..), analysed and saved."""
    library = open_library(path)
    OutletStore(library).set_outlets(outlets)
    apply(library, AddArticles(tuple(texts)))
    for article_id in range(1, len(texts) + 1):
        article = ArticleStore(library).get(article_id)
        entities, findings = article_findings.analyse(
            article.body, pipeline, metadata=article.metadata
        )
        apply(library, SaveEntities(article_id, pipeline.id, tuple(entities)))
        shown = article_findings.compose(library, article, entities, None, pipeline.id)
        apply(library, SaveFindings(article_id, shown.findings_id, findings))
    return library
