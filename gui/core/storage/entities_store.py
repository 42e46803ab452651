"""Entities found in articles, cached per pipeline and per body so analysis runs only once.

Each pipeline keeps its own results: choosing another language model and back again finds the
first model's entities still there.
"""

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
_MINE = "WHERE article_id = ? AND pipeline_id = ? ORDER BY rowid"
_SPANS = f'SELECT start, "end", label FROM entities {_MINE}'
_LOAD = f'SELECT start, "end", label, text, grp FROM entities {_MINE}'
_INSERT = (
    'INSERT INTO entities (article_id, pipeline_id, start, "end", label, text, grp)'
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
# Results of the few most recently used pipelines are kept for each article: switching models
# and back finds them, while edits of the outlet list (a new pipeline id) do not pile up.
KEPT_PIPELINES = 3
_KEPT = "SELECT pipeline_id FROM analyses WHERE article_id = ? ORDER BY rowid DESC LIMIT ?"
_FORGET_OLDEST = (
    f"DELETE FROM entities WHERE article_id = ? AND pipeline_id NOT IN ({_KEPT})",
    f"DELETE FROM analyses WHERE article_id = ? AND pipeline_id NOT IN ({_KEPT})",
)
_LATEST_PIPELINE = (
    "(SELECT pipeline_id FROM analyses WHERE article_id = ? ORDER BY rowid DESC LIMIT 1)"
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
                return [Entity(*row) for row in self._db.execute(_LOAD, [article_id, pipeline_id])]

    def cached_spans(self, article_id: int, pipeline_id: str) -> list[tuple[int, int, str]] | None:
        """Only (start, end, label) of what cached() would give, in the same order: for painting.

        A third of the work of cached() for a long article, so its highlights show sooner.
        """
        with self._library.errors():
            current = self._db.execute(_CURRENT_ANALYSIS, [article_id, pipeline_id]).fetchone()
            if current is None:
                return None
            with gc_paused():
                return self._db.execute(_SPANS, [article_id, pipeline_id]).fetchall()

    def save(self, article_id: int, pipeline_id: str, entities: Sequence[Entity]) -> None:
        """Replace what this pipeline found in the article; KeyError if there is no article."""
        with self._library.transaction() as db:
            row = db.execute(
                "SELECT content_hash FROM articles WHERE id = ?", [article_id]
            ).fetchone()
            if row is None:
                raise KeyError(article_id)
            db.execute(
                "DELETE FROM entities WHERE article_id = ? AND pipeline_id = ?",
                [article_id, pipeline_id],
            )
            db.conn.executemany(_INSERT, _entity_rows(article_id, pipeline_id, entities))
            db.execute(_RECORD, [article_id, pipeline_id, row[0], len(entities), utc_now()])
            for sql in _FORGET_OLDEST:
                db.execute(sql, [article_id, article_id, KEPT_PIPELINES])

    def counts(self, article_id: int, pipeline_id: str | None = None) -> dict[str, int]:
        """How many entities of each label the pipeline saved (None: the latest one to run),
        in legend order."""
        params = [article_id, article_id if pipeline_id is None else pipeline_id]
        which = _LATEST_PIPELINE if pipeline_id is None else "?"
        with self._library.errors():
            rows = self._db.execute(
                "SELECT label, count(*) FROM entities"
                f" WHERE article_id = ? AND pipeline_id = {which} GROUP BY label",
                params,
            ).fetchall()
        return dict(sorted(rows, key=lambda row: _legend_position(row[0])))


def _entity_rows(article_id: int, pipeline_id: str, entities: Sequence[Entity]) -> Iterator[tuple]:
    """The entities rows, as tuples for executemany."""
    for e in entities:
        yield (article_id, pipeline_id, e.start, e.end, e.label, e.text, e.group)


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
