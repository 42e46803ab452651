"""Carrying out commands on the library: one transaction each, returning the inverse command.

Undo is data: apply(library, command) returns the command that undoes it, and applying that
returns the command that redoes it, with the same ids. A command that cannot be carried out
raises LibraryError (or a subclass) and leaves the library exactly as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from gui.core.anchoring import anchor_for, reanchor
from gui.core.annotations.model import (
    HOTKEYS,
    AddAnnotation,
    AddCorrection,
    AnchorState,
    Annotation,
    Batch,
    Command,
    DeleteAnnotation,
    DeleteArticle,
    DeleteLabel,
    Label,
    MoveAnnotation,
    RemoveCorrection,
    ReplaceBody,
    RestoreAnnotation,
    RestoreArticle,
    RestoreBody,
    SaveLabel,
    SetAnnotationLabel,
    SetNote,
    UpdateMetadata,
)
from gui.core.articles import Article, content_hash
from gui.core.entities.corrections import Correction
from gui.core.sourcing.commands import SourcingCommand
from gui.core.storage import article_snapshots, sourcing_store
from gui.core.storage.annotations_store import (
    ANNOTATION_COLUMNS,
    CORRECTION_COLUMNS,
    LABEL_COLUMNS,
    AnnotationStore,
    LabelStore,
    annotation_row,
)
from gui.core.storage.articles_store import ArticleStore, DuplicateArticle
from gui.core.storage.database import Library, LibraryError, utc_now

AnyCommand = Command | SourcingCommand
Handler = Callable[[Library, Any], AnyCommand]

_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_INSERT_ANNOTATION = "INSERT INTO annotations ({}) VALUES ({})".format(
    ", ".join(f'"{name}"' for name in ANNOTATION_COLUMNS),
    ", ".join("?" for _ in ANNOTATION_COLUMNS),
)
_INSERT_LABEL = f"INSERT INTO labels ({', '.join(LABEL_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
_UPDATE_LABEL = (
    "UPDATE labels SET name = ?, colour = ?, hotkey = ?, description = ?, position = ? WHERE id = ?"
)
_INSERT_CORRECTION = (
    f"INSERT INTO corrections ({', '.join(CORRECTION_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?)"
)


def apply(library: Library, command: AnyCommand) -> AnyCommand:
    """Carry out command in one transaction and return the command that undoes it."""
    with library.transaction():
        return _dispatch(library, command)


def _dispatch(library: Library, command: AnyCommand) -> AnyCommand:
    """Run the handler for the command's kind (inside the caller's transaction)."""
    handler = _HANDLERS.get(type(command))
    if handler is None:
        raise TypeError(f"not a command: {command!r}")
    return handler(library, command)


# Annotations


def _add_annotation(library: Library, command: AddAnnotation) -> Command:
    """Insert a new annotation, stamping created and modified when they are empty."""
    annotation = command.annotation
    if not annotation.anchor.exact:
        raise LibraryError("An annotation needs at least one character of text.")
    created = annotation.created or utc_now()
    stamped = replace(annotation, created=created, modified=annotation.modified or created)
    return DeleteAnnotation(insert_annotation(library.db, stamped))


def _restore_annotation(library: Library, command: RestoreAnnotation) -> Command:
    """Insert an annotation exactly as given, with its id."""
    return DeleteAnnotation(insert_annotation(library.db, command.annotation))


def _delete_annotation(library: Library, command: DeleteAnnotation) -> Command:
    """Delete an annotation; its inverse puts it back as it was."""
    old = _annotation(library, command.annotation_id)
    library.db.execute("DELETE FROM annotations WHERE id = ?", [old.id])
    return RestoreAnnotation(old)


def _set_note(library: Library, command: SetNote) -> Command:
    """Change the note (and the modified time)."""
    old = _annotation(library, command.annotation_id)
    modified = command.modified or utc_now()
    _update(library.db, "annotations", old.id, note=command.note, modified=modified)
    return SetNote(old.id, old.note, old.modified)


def _set_label(library: Library, command: SetAnnotationLabel) -> Command:
    """Change the label (and the modified time)."""
    old = _annotation(library, command.annotation_id)
    _label(library, command.label_id)
    modified = command.modified or utc_now()
    _update(library.db, "annotations", old.id, label_id=command.label_id, modified=modified)
    old_name = _label(library, old.label_id).name
    return SetAnnotationLabel(old.id, old.label_id, old.modified, old_name)


def _move_annotation(library: Library, command: MoveAnnotation) -> Command:
    """Re-attach an annotation to another anchor (and stamp the modified time)."""
    old = _annotation(library, command.annotation_id)
    modified = command.modified or utc_now()
    set_anchor(library.db, AnchorState(old.id, command.anchor, command.orphaned), modified)
    return MoveAnnotation(old.id, old.anchor, old.orphaned, old.modified)


def insert_annotation(db: Database, annotation: Annotation) -> int:
    """Insert an annotation (id 0: a new id) after checking what it refers to; returns the id."""
    _require(db, "articles", annotation.article_id, "That article is no longer in the library.")
    _require(db, "labels", annotation.label_id, "That label is no longer in the codebook.")
    if annotation.id and _exists(db, "annotations", annotation.id):
        raise LibraryError(f"Annotation {annotation.id} is already in the library.")
    return int(db.execute(_INSERT_ANNOTATION, annotation_row(annotation)).lastrowid or 0)


def set_anchor(db: Database, state: AnchorState, modified: str | None = None) -> None:
    """Store where an annotation is anchored, and whether it is orphaned."""
    a = state.anchor
    columns: dict[str, Any] = {"start": a.start, "end": a.end, "exact": a.exact}
    columns.update(prefix=a.prefix, suffix=a.suffix, orphaned=int(state.orphaned))
    if modified is not None:
        columns["modified"] = modified
    _update(db, "annotations", state.annotation_id, **columns)


def _annotation(library: Library, annotation_id: int) -> Annotation:
    """The annotation, or LibraryError when it is gone."""
    try:
        return AnnotationStore(library).get(annotation_id)
    except KeyError:
        raise LibraryError("That annotation is no longer in the library.") from None


# Labels


def _save_label(library: Library, command: SaveLabel) -> Command:
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


def _delete_label(library: Library, command: DeleteLabel) -> Command:
    """Delete a label no annotation uses."""
    old = _label(library, command.label_id)
    used = library.db.execute(
        "SELECT count(*) FROM annotations WHERE label_id = ?", [old.id]
    ).fetchone()[0]
    if used:
        raise LibraryError(
            f"The label '{old.name}' is used by {_count(used, 'annotation')}. Delete them or"
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


# Corrections


def _add_correction(library: Library, command: AddCorrection) -> Command:
    """Save a correction rule (stamping created when empty)."""
    rule = command.rule
    if rule.id and _exists(library.db, "corrections", rule.id):
        raise LibraryError(f"Correction {rule.id} is already in the library.")
    row = (rule.id or None, rule.kind, rule.text, rule.label, rule.group)
    cursor = library.db.execute(_INSERT_CORRECTION, (*row, rule.created or utc_now()))
    return RemoveCorrection(int(cursor.lastrowid or 0))


def _remove_correction(library: Library, command: RemoveCorrection) -> Command:
    """Delete a correction rule; its inverse puts it back with its id."""
    row = library.db.execute(
        f"SELECT {', '.join(CORRECTION_COLUMNS)} FROM corrections WHERE id = ?",
        [command.rule_id],
    ).fetchone()
    if row is None:
        raise LibraryError("That correction is no longer in the library.")
    library.db.execute("DELETE FROM corrections WHERE id = ?", [command.rule_id])
    return AddCorrection(Correction(*row))


# Articles


def _update_metadata(library: Library, command: UpdateMetadata) -> Command:
    """Replace an article's metadata."""
    old = _article(library, command.article_id)
    ArticleStore(library).update_metadata(old.id, command.metadata)
    return UpdateMetadata(old.id, old.metadata)


def _delete_article(library: Library, command: DeleteArticle) -> Command:
    """Delete an article and all that hangs on it, keeping a snapshot for undo."""
    article = _article(library, command.article_id)
    snapshot = article_snapshots.take(library, article)
    ArticleStore(library).delete(article.id)
    return RestoreArticle(snapshot)


def _restore_article(library: Library, command: RestoreArticle) -> Command:
    """Bring a deleted article back with its entities, analysis and annotations."""
    snapshot = command.snapshot
    article = snapshot.article
    if _exists(library.db, "articles", article.id):
        raise LibraryError(
            f"The article cannot come back: id {article.id} now belongs to another article."
        )
    _refuse_duplicate(library, article.content_hash, article.id)
    article_snapshots.restore(library.db, snapshot)
    for annotation in snapshot.annotations:
        insert_annotation(library.db, annotation)
    return DeleteArticle(article.id)


def _replace_body(library: Library, command: ReplaceBody) -> Command:
    """Give an article a new body and re-anchor its annotations; lost ones become orphans."""
    _article(library, command.article_id)
    annotations = AnnotationStore(library).for_article(command.article_id)
    placements = reanchor([a.anchor for a in annotations], command.body)
    states = tuple(
        AnchorState(a.id, a.anchor, True)
        if placement is None
        else AnchorState(a.id, anchor_for(command.body, placement.start, placement.end), False)
        for a, placement in zip(annotations, placements, strict=True)
    )
    return _restore_body(library, RestoreBody(command.article_id, command.body, states))


def _restore_body(library: Library, command: RestoreBody) -> Command:
    """Set an article's body and its annotations' anchors, as given."""
    old = _article(library, command.article_id)
    current = {a.id: a for a in AnnotationStore(library).for_article(old.id)}
    if any(state.annotation_id not in current for state in command.anchors):
        raise LibraryError("The article's annotations changed since; its text was left as it is.")
    new_hash = content_hash(command.body)
    _refuse_duplicate(library, new_hash, old.id)
    library.db.execute(
        "UPDATE articles SET body = ?, content_hash = ? WHERE id = ?",
        [command.body, new_hash, old.id],
    )
    for state in command.anchors:
        set_anchor(library.db, state)
    previous = tuple(_state_of(current[state.annotation_id]) for state in command.anchors)
    return RestoreBody(old.id, old.body, previous)


def _state_of(annotation: Annotation) -> AnchorState:
    """The anchoring part of an annotation."""
    return AnchorState(annotation.id, annotation.anchor, annotation.orphaned)


def _article(library: Library, article_id: int) -> Article:
    """The article, or LibraryError when it is gone."""
    try:
        return ArticleStore(library).get(article_id)
    except KeyError:
        raise LibraryError("That article is no longer in the library.") from None


def _refuse_duplicate(library: Library, digest: str, article_id: int) -> None:
    """DuplicateArticle when another article than article_id has this content hash."""
    existing = ArticleStore(library).find_by_hash(digest)
    if existing is not None and existing != article_id:
        raise DuplicateArticle(existing, ArticleStore(library).get(existing).metadata.title)


# Batches and helpers


def _batch(library: Library, command: Batch) -> Command:
    """Apply each command in order; the inverse undoes them in reverse order."""
    inverses = [_dispatch(library, part) for part in command.commands]
    return Batch(command.description, tuple(reversed(inverses)))


def _update(db: Database, table: str, row_id: int, **columns: Any) -> None:
    """UPDATE one row of table by id (table and column names are ours, never the user's)."""
    assignments = ", ".join(f'"{name}" = ?' for name in columns)
    db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*columns.values(), row_id])


def _exists(db: Database, table: str, row_id: int) -> bool:
    """True when table has a row with this id."""
    return db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None


def _require(db: Database, table: str, row_id: int, message: str) -> None:
    """LibraryError(message) unless table has a row with this id."""
    if not _exists(db, table, row_id):
        raise LibraryError(message)


def _count(n: int, noun: str) -> str:
    """'1 annotation', '3 annotations'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


_HANDLERS: dict[type, Handler] = {
    AddAnnotation: _add_annotation,
    RestoreAnnotation: _restore_annotation,
    DeleteAnnotation: _delete_annotation,
    SetNote: _set_note,
    SetAnnotationLabel: _set_label,
    MoveAnnotation: _move_annotation,
    SaveLabel: _save_label,
    DeleteLabel: _delete_label,
    AddCorrection: _add_correction,
    RemoveCorrection: _remove_correction,
    UpdateMetadata: _update_metadata,
    DeleteArticle: _delete_article,
    RestoreArticle: _restore_article,
    ReplaceBody: _replace_body,
    RestoreBody: _restore_body,
    Batch: _batch,
    **sourcing_store.HANDLERS,
}
