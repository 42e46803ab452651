"""Entities found in articles, cached per pipeline and per body so analysis runs only once."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from gui.core.bulk import gc_paused
from gui.core.entities.commands import SaveEntities
from gui.core.entities.pipeline import ENTITY_TYPES, Entity
from gui.core.storage.database import Library, LibraryError, utc_now

_CURRENT_ANALYSIS = """
SELECT 1 FROM analyses AS an JOIN articles AS a ON a.id = an.article_id
WHERE an.article_id = ? AND an.pipeline_id = ? AND an.content_hash = a.content_hash
"""
_SPANS = 'SELECT start, "end", label FROM entities WHERE article_id = ? ORDER BY rowid'
_LOAD = 'SELECT start, "end", label, text, grp FROM entities WHERE article_id = ? ORDER BY rowid'
_INSERT = (
    'INSERT INTO entities (article_id, start, "end", label, text, grp) VALUES (?, ?, ?, ?, ?, ?)'
)
_RECORD = """
INSERT OR REPLACE INTO analyses (article_id, pipeline_id, content_hash, entity_count, analysed_at)
VALUES (?, ?, ?, ?, ?)
"""


class EntityStore:
    """Reads and replaces the entities of articles in one library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def cached(self, article_id: int, pipeline_id: str) -> list[Entity] | None:
        """The saved entities, if this pipeline analysed the current body; else None."""
        with self._library.errors():
            current = self._db.execute(_CURRENT_ANALYSIS, [article_id, pipeline_id]).fetchone()
            if current is None:
                return None
            with gc_paused():
                return [Entity(*row) for row in self._db.execute(_LOAD, [article_id])]

    def cached_spans(self, article_id: int, pipeline_id: str) -> list[tuple[int, int, str]] | None:
        """Only (start, end, label) of what cached() would give, in the same order: for painting.

        A third of the work of cached() for a long article, so its highlights show sooner.
        """
        with self._library.errors():
            current = self._db.execute(_CURRENT_ANALYSIS, [article_id, pipeline_id]).fetchone()
            if current is None:
                return None
            with gc_paused():
                return self._db.execute(_SPANS, [article_id]).fetchall()

    def save(self, article_id: int, pipeline_id: str, entities: Sequence[Entity]) -> None:
        """Replace the article's entities with those the pipeline found; KeyError if no article."""
        with self._library.transaction() as db:
            row = db.execute(
                "SELECT content_hash FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if row is None:
                raise KeyError(article_id)
            db.execute("DELETE FROM entities WHERE article_id = ?", [article_id])
            db.conn.executemany(_INSERT, _entity_rows(article_id, entities))
            db.execute(_RECORD, [article_id, pipeline_id, row[0], len(entities), utc_now()])

    def counts(self, article_id: int) -> dict[str, int]:
        """How many saved entities of each label the article has, in legend order."""
        with self._library.errors():
            rows = self._db.execute(
                "SELECT label, count(*) FROM entities WHERE article_id = ? GROUP BY label",
                [article_id],
            ).fetchall()
        return dict(sorted(rows, key=lambda row: _legend_position(row[0])))


def _entity_rows(article_id: int, entities: Sequence[Entity]) -> Iterator[tuple]:
    """The entities rows, as tuples for executemany."""
    for e in entities:
        yield (article_id, e.start, e.end, e.label, e.text, e.group)


def _legend_position(label: str) -> tuple[int, str]:
    """Sort key: known labels in legend order, then any others by name."""
    known = label in ENTITY_TYPES
    return (ENTITY_TYPES.index(label) if known else len(ENTITY_TYPES), label)


def _save_entities(library: Library, command: SaveEntities) -> None:
    """Keep what a pipeline found (a cache: there is nothing to undo)."""
    try:
        EntityStore(library).save(command.article_id, command.pipeline_id, command.entities)
    except KeyError:
        raise LibraryError("That article is no longer in the library.") from None


HANDLERS: dict[type, Callable[[Library, Any], Any]] = {SaveEntities: _save_entities}
