"""Articles in the library: adding, reading, full-text search, metadata edits and deletion."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils.db import NotFoundError

from gui.core.articles import Article, ArticleSummary, ImportedText, Metadata
from gui.core.storage.database import Library, LibraryError, utc_now

_SUMMARY_SQL = """
SELECT a.id, a.title, a.outlet, a.published,
       CASE WHEN an.content_hash = a.content_hash THEN an.entity_count END,
       a.imported_at
FROM articles AS a
LEFT JOIN analyses AS an ON an.article_id = a.id
{where}
ORDER BY a.imported_at DESC, a.id DESC
"""
_MATCH = "WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"


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

    def summaries(self, search: str = "") -> list[ArticleSummary]:
        """The library list, newest import first, narrowed by a search-as-you-type string."""
        query = fts_query(search)
        sql = _SUMMARY_SQL.format(where=_MATCH if query else "")
        with self._library.errors():
            rows = self._db.execute(sql, [query] if query else []).fetchall()
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


def fts_query(search: str) -> str:
    """An FTS5 query that ANDs the words of search, the last one as a prefix; "" matches all.

    Every word becomes a quoted FTS5 string, so quotes, operators (AND, NEAR, *, ^, :) and
    any other punctuation are only ever searched for, never obeyed. Words without a letter or
    digit are dropped, since the index holds nothing for them.
    """
    # A NUL would end the query early inside SQLite, leaving an unterminated string.
    words = search.replace("\0", " ").split()
    words = [word for word in words if any(ch.isalnum() for ch in word)]
    quoted = ['"' + word.replace('"', '""') + '"' for word in words]
    if quoted:
        quoted[-1] += "*"
    return " AND ".join(quoted)


def _metadata_columns(metadata: Metadata) -> dict[str, Any]:
    """The articles columns that hold metadata, credits as a JSON list."""
    columns = metadata.as_dict()
    columns["credits"] = json.dumps(list(metadata.credits), ensure_ascii=False)
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
        published=row["published"],
        url=row["url"],
        credits=tuple(json.loads(row["credits"])),
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
