"""Everything that hangs on an article, taken before deleting it and put back on undo."""

from __future__ import annotations

import json

from sqlite_utils import Database

from gui.core.articles import Article
from gui.core.entities.pipeline import Entity
from gui.core.library.commands import Analysis, ArticleSnapshot
from gui.core.storage import checks_store, claim_links_store, finding_rows_sync
from gui.core.storage.annotations_store import AnnotationStore
from gui.core.storage.database import Library
from gui.core.storage.published import published_columns
from gui.core.storage.sourcing_store import restore_rows, take_rows

_ENTITIES = (
    'SELECT pipeline_id, start, "end", label, text, grp FROM entities WHERE article_id = ?'
    " ORDER BY rowid"
)
_ANALYSES = (
    "SELECT pipeline_id, content_hash, entity_count, analysed_at FROM analyses"
    " WHERE article_id = ? ORDER BY pipeline_id"
)
_INSERT_ENTITY = (
    'INSERT INTO entities (article_id, pipeline_id, start, "end", label, text, grp)'
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ANALYSIS = (
    "INSERT INTO analyses (article_id, pipeline_id, content_hash, entity_count, analysed_at)"
    " VALUES (?, ?, ?, ?, ?)"
)
_ARTICLE_COLUMNS = (
    "id",
    "title",
    "outlet",
    "byline",
    "dateline",
    "published",
    "published_raw",
    "url",
    "credits",
    "source",
    "format",
    "content_hash",
    "imported_at",
    "body",
)
_INSERT_ARTICLE = "INSERT INTO articles ({}) VALUES ({})".format(
    ", ".join(_ARTICLE_COLUMNS), ", ".join("?" for _ in _ARTICLE_COLUMNS)
)


def take(library: Library, article: Article) -> ArticleSnapshot:
    """The article with every pipeline's entities (in stored order) and analyses, its
    annotations and sourcing."""
    db = library.db
    rows = db.execute(_ENTITIES, [article.id])
    entities = tuple((row[0], Entity(*row[1:])) for row in rows)
    analyses = tuple(Analysis(*row) for row in db.execute(_ANALYSES, [article.id]))
    annotations = tuple(AnnotationStore(library).for_article(article.id))
    sourcing = (
        take_rows(db, article.id)
        + checks_store.take_rows(db, article.id)
        + finding_rows_sync.take_rows(db, article.id)
        + claim_links_store.take_rows(db, article.id)
    )
    return ArticleSnapshot(article, entities, analyses, annotations, sourcing)


def restore(db: Database, snapshot: ArticleSnapshot) -> None:
    """Insert the article, its entities, analysis and sourcing as they were (not annotations)."""
    article = snapshot.article
    db.execute(_INSERT_ARTICLE, _article_row(article))
    db.conn.executemany(
        _INSERT_ENTITY,
        (
            (article.id, pipeline, e.start, e.end, e.label, e.text, e.group)
            for pipeline, e in snapshot.entities
        ),
    )
    db.conn.executemany(
        _INSERT_ANALYSIS,
        (
            (article.id, a.pipeline_id, a.content_hash, a.entity_count, a.analysed_at)
            for a in snapshot.analyses
        ),
    )
    checks = [rows for rows in snapshot.sourcing if rows[0] == checks_store.TABLE]
    found = [rows for rows in snapshot.sourcing if rows[0] in finding_rows_sync.ROW_TABLES]
    links = [rows for rows in snapshot.sourcing if rows[0] == claim_links_store.TABLE]
    own = {checks_store.TABLE, claim_links_store.TABLE, *finding_rows_sync.ROW_TABLES}
    rest = [rows for rows in snapshot.sourcing if rows[0] not in own]
    restore_rows(db, rest)
    checks_store.restore_rows(db, checks)
    finding_rows_sync.restore_rows(db, found)
    claim_links_store.restore_rows(db, links)


def _article_row(article: Article) -> tuple[object, ...]:
    """The articles row of an article, in _ARTICLE_COLUMNS order."""
    m = article.metadata
    credits = json.dumps(list(m.credits), ensure_ascii=False)
    return (
        article.id,
        m.title,
        m.outlet,
        m.byline,
        m.dateline,
        *published_columns(m),
        m.url,
        credits,
        article.source,
        article.format,
        article.content_hash,
        article.imported_at,
        article.body,
    )
