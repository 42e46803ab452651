"""Articles in the library: reading and searching them, and the commands that change them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlite_utils.db import NotFoundError

from gui.core.anchoring import anchor_for, reanchor
from gui.core.annotations.model import AnchorState, Annotation
from gui.core.articles import Article, ArticleSummary, ImportedText, Metadata, content_hash
from gui.core.changes import Batch, Done
from gui.core.library.commands import (
    AddArticles,
    ArticlesAdded,
    DeleteArticle,
    ReplaceBody,
    RestoreArticle,
    RestoreBody,
    UpdateMetadata,
)
from gui.core.storage import article_snapshots, finding_rows_sync
from gui.core.storage.annotations_store import AnnotationStore, insert_annotation, set_anchor
from gui.core.storage.database import Library, LibraryError, utc_now
from gui.core.storage.published import published_columns, published_metadata
from gui.core.storage.rows import exists
from gui.core.storage.search import fts_query

_SUMMARY_SQL = """
SELECT a.id, a.title, a.outlet, CASE a.published WHEN '' THEN a.published_raw ELSE a.published END,
       (SELECT an.entity_count FROM analyses AS an
        WHERE an.article_id = a.id AND an.content_hash = a.content_hash {pipeline}
        ORDER BY an.analysed_at DESC LIMIT 1),
       a.imported_at
FROM articles AS a
{where}
ORDER BY a.imported_at DESC, a.id DESC
"""
_MATCH = "WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :query)"


class DuplicateArticle(LibraryError):
    """The library already holds an article with the same content."""

    def __init__(self, existing_id: int, title: str) -> None:
        shown = f"“{title}”" if title else f"article {existing_id}"
        super().__init__(f"This text is already in the library, as {shown}.")
        self.existing_id = existing_id


class ArticleStore:
    """Reads and changes the articles of one library; every change is one transaction."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def add(self, imported: ImportedText) -> int:
        """Store an imported text and return its id; DuplicateArticle if the body is known."""
        with self._library.transaction():
            existing = self.find_by_hash(imported.content_hash)
            if existing is not None:
                raise DuplicateArticle(existing, self.get(existing).metadata.title)
            row = _article_row(imported, utc_now())
            return int(self._db.table("articles").insert(row).last_pk)

    def find_by_hash(self, content_hash: str) -> int | None:
        """The id of the article with this content hash, or None."""
        with self._library.errors():
            row = self._db.execute(
                "SELECT id FROM articles WHERE content_hash = ?", [content_hash]
            ).fetchone()
        return None if row is None else int(row[0])

    def get(self, article_id: int) -> Article:
        """The whole article; KeyError when there is no such id."""
        with self._library.errors():
            try:
                row = self._db.table("articles").get(article_id)
            except NotFoundError:
                raise KeyError(article_id) from None
        return _article(row)

    def summaries(self, search: str = "", pipeline_id: str | None = None) -> list[ArticleSummary]:
        """The library list, newest import first, narrowed by a search-as-you-type string.

        Entity counts are the given pipeline's (None: the latest analysis of the body).
        """
        query = fts_query(search)
        mine = "" if pipeline_id is None else "AND an.pipeline_id = :pipeline"
        sql = _SUMMARY_SQL.format(where=_MATCH if query else "", pipeline=mine)
        params = {"query": query, "pipeline": pipeline_id}
        with self._library.errors():
            rows = self._db.execute(sql, params).fetchall()
        return [ArticleSummary(*row) for row in rows]

    def update_metadata(self, article_id: int, metadata: Metadata) -> None:
        """Replace the article's metadata (the search index follows); KeyError if unknown."""
        with self._library.transaction():
            try:
                self._db.table("articles").update(article_id, _metadata_columns(metadata))
            except NotFoundError:
                raise KeyError(article_id) from None

    def delete(self, article_id: int) -> None:
        """Remove the article with its entities and analysis; KeyError if unknown."""
        with self._library.transaction():
            try:
                self._db.table("articles").delete(article_id)
            except NotFoundError:
                raise KeyError(article_id) from None

    def count(self) -> int:
        """How many articles the library holds."""
        with self._library.errors():
            return self._db.table("articles").count


def _metadata_columns(metadata: Metadata) -> dict[str, Any]:
    """The articles columns that hold metadata, credits as a JSON list, the date split."""
    columns = metadata.as_dict()
    columns["credits"] = json.dumps(list(metadata.credits), ensure_ascii=False)
    columns["published"], columns["published_raw"] = published_columns(metadata)
    return columns


def _article_row(imported: ImportedText, imported_at: str) -> dict[str, Any]:
    """The articles row for a newly imported text."""
    return {
        **_metadata_columns(imported.metadata),
        "source": imported.source,
        "format": imported.format,
        "body": imported.body,
        "content_hash": imported.content_hash,
        "imported_at": imported_at,
    }


def _article(row: dict[str, Any]) -> Article:
    """An Article from its articles row."""
    metadata = Metadata(
        title=row["title"],
        outlet=row["outlet"],
        byline=row["byline"],
        dateline=row["dateline"],
        url=row["url"],
        credits=tuple(json.loads(row["credits"])),
        **published_metadata(row["published"], row["published_raw"]),
    )
    return Article(
        id=row["id"],
        body=row["body"],
        metadata=metadata,
        source=row["source"],
        format=row["format"],
        content_hash=row["content_hash"],
        imported_at=row["imported_at"],
    )


# Commands (carried out by gui.core.storage.commands_store inside its transaction)


def _update_metadata(library: Library, command: UpdateMetadata) -> Any:
    """Replace an article's metadata."""
    old = _existing_article(library, command.article_id)
    ArticleStore(library).update_metadata(old.id, command.metadata)
    return UpdateMetadata(old.id, old.metadata)


def _delete_article(library: Library, command: DeleteArticle) -> Any:
    """Delete an article and all that hangs on it, keeping a snapshot for undo."""
    article = _existing_article(library, command.article_id)
    snapshot = article_snapshots.take(library, article)
    ArticleStore(library).delete(article.id)
    return RestoreArticle(snapshot)


def _restore_article(library: Library, command: RestoreArticle) -> Any:
    """Bring a deleted article back with its entities, analysis and annotations."""
    snapshot = command.snapshot
    article = snapshot.article
    if exists(library.db, "articles", article.id):
        raise LibraryError(
            f"The article cannot come back: id {article.id} now belongs to another article."
        )
    _refuse_duplicate(library, article.content_hash, article.id)
    article_snapshots.restore(library.db, snapshot)
    for annotation in snapshot.annotations:
        insert_annotation(library.db, annotation)
    return DeleteArticle(article.id)


def _replace_body(library: Library, command: ReplaceBody) -> Any:
    """Give an article a new body and re-anchor its annotations; lost ones become orphans."""
    _existing_article(library, command.article_id)
    annotations = AnnotationStore(library).for_article(command.article_id)
    placements = reanchor([a.anchor for a in annotations], command.body)
    states = tuple(
        AnchorState(a.id, a.anchor, True)
        if placement is None
        else AnchorState(a.id, anchor_for(command.body, placement.start, placement.end), False)
        for a, placement in zip(annotations, placements, strict=True)
    )
    return _restore_body(library, RestoreBody(command.article_id, command.body, states))


def _restore_body(library: Library, command: RestoreBody) -> Any:
    """Set an article's body and its annotations' anchors, as given."""
    old = _existing_article(library, command.article_id)
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
    # The rows were found in the old text: gone, or (an undo) those saved for this text again.
    finding_rows_sync.refresh_rows(library.db, old.id)
    previous = tuple(_state_of(current[state.annotation_id]) for state in command.anchors)
    return RestoreBody(old.id, old.body, previous)


def _state_of(annotation: Annotation) -> AnchorState:
    """The anchoring part of an annotation."""
    return AnchorState(annotation.id, annotation.anchor, annotation.orphaned)


def _existing_article(library: Library, article_id: int) -> Article:
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


def _add_articles(library: Library, command: AddArticles) -> Done:
    """Add each text not in the library yet; the inverse deletes the ones added."""
    store = ArticleStore(library)
    added, duplicates = [], []
    for text in command.texts:
        title = text.metadata.title or Path(text.source).name
        try:
            added.append((store.add(text), title))
        except DuplicateArticle as duplicate:
            duplicates.append((duplicate.existing_id, title))
    inverse = Batch(command.description, tuple(DeleteArticle(i) for i, _ in reversed(added)))
    return Done(inverse, ArticlesAdded(tuple(added), tuple(duplicates)))


HANDLERS: dict[type, Callable[[Library, Any], Any]] = {
    AddArticles: _add_articles,
    UpdateMetadata: _update_metadata,
    DeleteArticle: _delete_article,
    RestoreArticle: _restore_article,
    ReplaceBody: _replace_body,
    RestoreBody: _restore_body,
}
