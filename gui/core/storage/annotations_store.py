"""Annotations and the codebook: reading them, and the commands that change them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from gui.core.anchoring import Anchor
from gui.core.annotations.commands import (
    AddAnnotation,
    DeleteAnnotation,
    DeleteLabel,
    MoveAnnotation,
    RestoreAnnotation,
    SaveLabel,
    SetAnnotationLabel,
    SetNote,
)
from gui.core.annotations.model import HOTKEYS, AnchorState, Annotation, Label
from gui.core.storage.database import Library, LibraryError, utc_now
from gui.core.storage.rows import count, exists, require, update_row
from gui.core.storage.search import fts_query

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
    "iri",
)
LABEL_COLUMNS = ("id", "name", "colour", "hotkey", "description", "position")

_ANNOTATION_SELECT = "SELECT {} FROM annotations".format(
    ", ".join(f'"{name}"' for name in ANNOTATION_COLUMNS)
)
_ANNOTATION_MATCH = "id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?)"
_LABEL_SELECT = f"SELECT {', '.join(LABEL_COLUMNS)} FROM labels"
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_INSERT_ANNOTATION = "INSERT INTO annotations ({}) VALUES ({})".format(
    ", ".join(f'"{name}"' for name in ANNOTATION_COLUMNS),
    ", ".join("?" for _ in ANNOTATION_COLUMNS),
)
_INSERT_LABEL = f"INSERT INTO labels ({', '.join(LABEL_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
_UPDATE_LABEL = (
    "UPDATE labels SET name = ?, colour = ?, hotkey = ?, description = ?, position = ? WHERE id = ?"
)


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


def annotation_from_row(row: Sequence[Any]) -> Annotation:
    """An Annotation from a row in ANNOTATION_COLUMNS order."""
    (id_, article_id, label_id, start, end, exact, prefix, suffix, *rest) = row
    note, annotator, created, modified, orphaned, iri = rest
    anchor = Anchor(start, end, exact, prefix, suffix)
    return Annotation(
        id_, article_id, label_id, anchor, note, annotator, created, modified, bool(orphaned), iri
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
        a.iri,
    )


# Commands (carried out by gui.core.storage.commands_store inside its transaction)


def _add_annotation(library: Library, command: AddAnnotation) -> Any:
    """Insert a new annotation, stamping created and modified when they are empty."""
    annotation = command.annotation
    if not annotation.anchor.exact:
        raise LibraryError("An annotation needs at least one character of text.")
    created = annotation.created or utc_now()
    stamped = replace(annotation, created=created, modified=annotation.modified or created)
    return DeleteAnnotation(insert_annotation(library.db, stamped))


def _restore_annotation(library: Library, command: RestoreAnnotation) -> Any:
    """Insert an annotation exactly as given, with its id."""
    return DeleteAnnotation(insert_annotation(library.db, command.annotation))


def _delete_annotation(library: Library, command: DeleteAnnotation) -> Any:
    """Delete an annotation; its inverse puts it back as it was."""
    old = _annotation(library, command.annotation_id)
    library.db.execute("DELETE FROM annotations WHERE id = ?", [old.id])
    return RestoreAnnotation(old)


def _set_note(library: Library, command: SetNote) -> Any:
    """Change the note (and the modified time)."""
    old = _annotation(library, command.annotation_id)
    modified = command.modified or utc_now()
    update_row(library.db, "annotations", old.id, note=command.note, modified=modified)
    return SetNote(old.id, old.note, old.modified)


def _set_label(library: Library, command: SetAnnotationLabel) -> Any:
    """Change the label (and the modified time)."""
    old = _annotation(library, command.annotation_id)
    _label(library, command.label_id)
    modified = command.modified or utc_now()
    update_row(library.db, "annotations", old.id, label_id=command.label_id, modified=modified)
    old_name = _label(library, old.label_id).name
    return SetAnnotationLabel(old.id, old.label_id, old.modified, old_name)


def _move_annotation(library: Library, command: MoveAnnotation) -> Any:
    """Re-attach an annotation to another anchor (and stamp the modified time)."""
    old = _annotation(library, command.annotation_id)
    modified = command.modified or utc_now()
    set_anchor(library.db, AnchorState(old.id, command.anchor, command.orphaned), modified)
    return MoveAnnotation(old.id, old.anchor, old.orphaned, old.modified)


def insert_annotation(db: Database, annotation: Annotation) -> int:
    """Insert an annotation (id 0: a new id) after checking what it refers to; returns the id."""
    require(db, "articles", annotation.article_id, "That article is no longer in the library.")
    require(db, "labels", annotation.label_id, "That label is no longer in the codebook.")
    if annotation.id and exists(db, "annotations", annotation.id):
        raise LibraryError(f"Annotation {annotation.id} is already in the library.")
    return int(db.execute(_INSERT_ANNOTATION, annotation_row(annotation)).lastrowid or 0)


def set_anchor(db: Database, state: AnchorState, modified: str | None = None) -> None:
    """Store where an annotation is anchored, and whether it is orphaned."""
    a = state.anchor
    columns: dict[str, Any] = {"start": a.start, "end": a.end, "exact": a.exact}
    columns.update(prefix=a.prefix, suffix=a.suffix, orphaned=int(state.orphaned))
    if modified is not None:
        columns["modified"] = modified
    update_row(db, "annotations", state.annotation_id, **columns)


def _annotation(library: Library, annotation_id: int) -> Annotation:
    """The annotation, or LibraryError when it is gone."""
    try:
        return AnnotationStore(library).get(annotation_id)
    except KeyError:
        raise LibraryError("That annotation is no longer in the library.") from None


def _save_label(library: Library, command: SaveLabel) -> Any:
    """Add a label, change one, or put a deleted one back with its id."""
    label = command.label
    _check_label(library.db, label)
    old = _find_label(library, label.id) if label.id else None
    fields = (label.name.strip(), label.colour, label.hotkey, label.description, label.position)
    if old is None:
        cursor = library.db.execute(_INSERT_LABEL, (label.id or None, *fields))
        return DeleteLabel(int(cursor.lastrowid or 0))
    library.db.execute(_UPDATE_LABEL, (*fields, label.id))
    return SaveLabel(old)


def _delete_label(library: Library, command: DeleteLabel) -> Any:
    """Delete a label no annotation uses."""
    old = _label(library, command.label_id)
    used = library.db.execute(
        "SELECT count(*) FROM annotations WHERE label_id = ?", [old.id]
    ).fetchone()[0]
    if used:
        raise LibraryError(
            f"The label '{old.name}' is used by {count(used, 'annotation')}. Delete them or"
            " give them another label first."
        )
    library.db.execute("DELETE FROM labels WHERE id = ?", [old.id])
    return SaveLabel(old)


def _check_label(db: Database, label: Label) -> None:
    """Refuse a label without a name, with a bad colour or hotkey, or clashing with another."""
    if not label.name.strip():
        raise LibraryError("A label needs a name.")
    if not _COLOUR.fullmatch(label.colour):
        raise LibraryError(f"'{label.colour}' is not a colour (write it as #rrggbb).")
    if label.hotkey and label.hotkey not in HOTKEYS:
        raise LibraryError(f"'{label.hotkey}' cannot be a hotkey; use a digit from 1 to 9.")
    clash = db.execute(
        "SELECT name FROM labels WHERE id != ? AND name = ? COLLATE NOCASE",
        [label.id, label.name.strip()],
    ).fetchone()
    if clash:
        raise LibraryError(f"There already is a label called '{clash[0]}'.")
    clash = db.execute(
        "SELECT name FROM labels WHERE id != ? AND hotkey = ? AND hotkey != ''",
        [label.id, label.hotkey],
    ).fetchone()
    if clash:
        raise LibraryError(f"Hotkey {label.hotkey} already belongs to the label '{clash[0]}'.")


def _find_label(library: Library, label_id: int) -> Label | None:
    """The label with this id, or None."""
    try:
        return LabelStore(library).get(label_id)
    except KeyError:
        return None


def _label(library: Library, label_id: int) -> Label:
    """The label, or LibraryError when it is gone."""
    label = _find_label(library, label_id)
    if label is None:
        raise LibraryError("That label is no longer in the codebook.")
    return label


Handler = Callable[[Library, Any], Any]
HANDLERS: dict[type, Handler] = {
    AddAnnotation: _add_annotation,
    RestoreAnnotation: _restore_annotation,
    DeleteAnnotation: _delete_annotation,
    SetNote: _set_note,
    SetAnnotationLabel: _set_label,
    MoveAnnotation: _move_annotation,
    SaveLabel: _save_label,
    DeleteLabel: _delete_label,
}
