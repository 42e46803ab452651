"""What the library has analysed for a pipeline: read a chunk of articles at a time.

A read-only query for the library's analysis queue (gui.core.analysis_queue): for each
article, whether its current body has entities from the pipeline, and the ids of the findings
saved for its current body under that pipeline. The queue decides from these what is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from gui.core.articles import Metadata
from gui.core.storage.database import Library
from gui.core.storage.sourcing_store import SOURCING_RULES

_CHUNK = """
SELECT a.id, a.content_hash, a.title, a.outlet, a.byline, a.dateline, a.credits,
    EXISTS (SELECT 1 FROM analyses AS an WHERE an.article_id = a.id
        AND an.pipeline_id = :pipeline AND an.content_hash = a.content_hash),
    (SELECT group_concat(c.pipeline_id, char(10)) FROM sourcing_cache AS c
        WHERE c.article_id = a.id AND c.content_hash = a.content_hash
        AND substr(c.pipeline_id, 1, :length) = :pipeline)
FROM articles AS a WHERE a.id > :after ORDER BY a.id LIMIT :limit
"""


@dataclass(frozen=True)
class AnalysisState:
    """One article's analysis as stored: entities of the pipeline, ids of its findings."""

    article_id: int
    content_hash: str
    metadata: Metadata  # what of it the findings depend on (title, outlet, credits, ...)
    has_entities: bool  # entities of this pipeline for the current body
    findings_ids: tuple[str, ...]  # ids of findings kept for the current body, this pipeline


def findings_prefix(base: str) -> str:
    """What every findings id made from base (findings.findings_base) starts with."""
    return f"{base}/{SOURCING_RULES}/entities-"


class AnalysisStore:
    """Reads, a chunk at a time and in id order, what the articles have analysed."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def states(self, pipeline_id: str, after: int = 0, limit: int = 500) -> list[AnalysisState]:
        """The next articles with an id above after (at most limit), and what they have."""
        params = {"pipeline": pipeline_id, "length": len(pipeline_id), "after": after}
        params["limit"] = limit
        with self._library.errors():
            rows = self._library.db.execute(_CHUNK, params).fetchall()
        return [_state(row) for row in rows]

    def content_hash(self, article_id: int) -> str | None:
        """The hash of the article's current body; None when it is no longer there."""
        with self._library.errors():
            row = self._library.db.execute(
                "SELECT content_hash FROM articles WHERE id = ?", [article_id]
            ).fetchone()
        return None if row is None else str(row[0])


def _state(row: tuple) -> AnalysisState:
    article_id, content_hash, title, outlet, byline, dateline, credits, has, found = row
    metadata = Metadata(
        title=title,
        outlet=outlet,
        byline=byline,
        dateline=dateline,
        credits=tuple(json.loads(credits or "[]")),
    )
    ids = tuple(found.split("\n")) if found else ()
    return AnalysisState(article_id, content_hash, metadata, bool(has), ids)
