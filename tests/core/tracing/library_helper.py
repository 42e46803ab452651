"""A library holding the tracing fixtures, analysed by the real pipeline, with its rows."""

from __future__ import annotations

from pathlib import Path

from gui.core.entities.pipeline import Pipeline
from gui.core.findings import analyse
from gui.core.importing.markdown import parse
from gui.core.library.commands import AddArticles
from gui.core.storage import ArticleStore, Library, apply, open_library
from tests.core.tracing.fixtures import fixture_files
from tests.core.tracing.rows_helper import make_tables, write_rows


def fixture_library(pipeline: Pipeline, path: Path | None = None) -> Library:
    """A library (in memory, or at path) with the six fixture articles and their rows."""
    library = open_library(path)
    texts = tuple(parse(p.read_bytes(), str(p)) for p in fixture_files())
    apply(library, AddArticles(texts))
    make_tables(library)
    for article_id in range(1, len(texts) + 1):
        article = ArticleStore(library).get(article_id)
        entities, findings = analyse(article.body, pipeline, metadata=article.metadata)
        write_rows(library, article, findings, entities)
    return library
