"""Reading annotations, the codebook and the correction rules; changes go through commands_store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from gui.core.anchoring import Anchor
from gui.core.annotations.model import Annotation, Label
from gui.core.entities.corrections import Correction
from gui.core.storage.articles_store import fts_query
from gui.core.storage.database import Library

ANNOTATION_COLUMNS = (
    "id",
    "article_id",
    "label_id",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "note",
    "annotator",
    "created",
    "modified",
    "orphaned",
)
LABEL_COLUMNS = ("id", "name", "colour", "hotkey", "description", "position")
CORRECTION_COLUMNS = ("id", "kind", "text", "label", "grp", "created")

_ANNOTATION_SELECT = "SELECT {} FROM annotations".format(
    ", ".join(f'"{name}"' for name in ANNOTATION_COLUMNS)
)
_ANNOTATION_MATCH = "id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)"
_LABEL_SELECT = f"SELECT {', '.join(LABEL_COLUMNS)} FROM labels"
_CORRECTION_SELECT = f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections"


class AnnotationStore:
    """Reads the annotations of one library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def for_article(self, article_id: int) -> list[Annotation]:
        """The article's annotations, orphans included, by position."""
        sql = f'{_ANNOTATION_SELECT} WHERE article_id = ? ORDER BY start, "end", id'
        return self._select(sql, [article_id])

    def annotators(self, article_id: int | None = None) -> list[str]:
        """The layers (annotators) with annotations, in one article or in the whole library."""
        where, params = (
            ("WHERE article_id = ?", [article_id]) if article_id is not None else ("", [])
        )
        with self._library.errors():
            rows = self._db.execute(
                f"SELECT DISTINCT annotator FROM annotations {where} ORDER BY annotator", params
            ).fetchall()
        return [row[0] for row in rows]

    def get(self, annotation_id: int) -> Annotation:
        """One annotation; KeyError when there is no such id."""
        found = self._select(f"{_ANNOTATION_SELECT} WHERE id = ?", [annotation_id])
        if not found:
            raise KeyError(annotation_id)
        return found[0]

    def search(self, text: str = "", label_id: int | None = None) -> list[Annotation]:
        """Annotations across the library whose excerpt or note match text (as you type).

        Narrowed to one label when label_id is given; ordered by article, then position.
        """
        conditions, params = [], []
        query = fts_query(text)
        if query:
            conditions.append(_ANNOTATION_MATCH)
            params.append(query)
        if label_id is not None:
            conditions.append("label_id = ?")
            params.append(label_id)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        order = ' ORDER BY article_id, start, "end", id'
        return self._select(f"{_ANNOTATION_SELECT}{where}{order}", params)

    def _select(self, sql: str, params: Sequence[Any]) -> list[Annotation]:
        """Run a query of annotation rows and make Annotations of them."""
        with self._library.errors():
            rows = self._db.execute(sql, params).fetchall()
        return [annotation_from_row(row) for row in rows]


class LabelStore:
    """Reads the codebook of one library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def labels(self) -> list[Label]:
        """Every label, in codebook order."""
        with self._library.errors():
            rows = self._db.execute(f"{_LABEL_SELECT} ORDER BY position, id").fetchall()
        return [Label(*row) for row in rows]

    def get(self, label_id: int) -> Label:
        """One label; KeyError when there is no such id."""
        with self._library.errors():
            row = self._db.execute(f"{_LABEL_SELECT} WHERE id = ?", [label_id]).fetchone()
        if row is None:
            raise KeyError(label_id)
        return Label(*row)


class CorrectionStore:
    """Reads the entity correction rules of one library."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def corrections(self) -> list[Correction]:
        """Every rule, in the order they apply (by id)."""
        with self._library.errors():
            rows = self._db.execute(f"{_CORRECTION_SELECT} ORDER BY id").fetchall()
        return [Correction(*row) for row in rows]


def annotation_from_row(row: Sequence[Any]) -> Annotation:
    """An Annotation from a row in ANNOTATION_COLUMNS order."""
    (id_, article_id, label_id, start, end, exact, prefix, suffix, *rest) = row
    note, annotator, created, modified, orphaned = rest
    anchor = Anchor(start, end, exact, prefix, suffix)
    return Annotation(
        id_, article_id, label_id, anchor, note, annotator, created, modified, bool(orphaned)
    )


def annotation_row(annotation: Annotation) -> tuple[Any, ...]:
    """The row of an annotation in ANNOTATION_COLUMNS order (id None lets the library pick)."""
    a = annotation
    anchor = a.anchor
    return (
        a.id or None,
        a.article_id,
        a.label_id,
        anchor.start,
        anchor.end,
        anchor.exact,
        anchor.prefix,
        anchor.suffix,
        a.note,
        a.annotator,
        a.created,
        a.modified,
        int(a.orphaned),
    )
