"""Every change to the articles of a library, as a command: import, edit, replace text, delete."""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.annotations.model import AnchorState, Annotation
from gui.core.articles import Article, ImportedText, Metadata
from gui.core.changes import Change
from gui.core.entities.pipeline import Entity
from gui.core.text import excerpt


@dataclass(frozen=True)
class Analysis:
    """Which pipeline found an article's entities, in which body, when."""

    pipeline_id: str
    content_hash: str
    entity_count: int
    analysed_at: str


TableRows = tuple[str, tuple[tuple[object, ...], ...]]  # a table's name and some of its rows


@dataclass(frozen=True)
class ArticleSnapshot:
    """Everything deleting an article removes, so that undo can bring it back with its ids."""

    article: Article
    entities: tuple[tuple[str, Entity], ...]  # (pipeline id, entity), every pipeline's
    analyses: tuple[Analysis, ...]
    annotations: tuple[Annotation, ...]
    sourcing: tuple[TableRows, ...] = ()  # verdicts, corrections and cached sourcing findings


@dataclass(frozen=True)
class UpdateMetadata:
    """Replace an article's metadata."""

    touches = Change.METADATA

    article_id: int
    metadata: Metadata
    description = "Edit details"


@dataclass(frozen=True)
class DeleteArticle:
    """Delete an article with its entities, analysis and annotations."""

    touches = Change.ARTICLES | Change.ANNOTATIONS

    article_id: int
    description = "Delete article"


@dataclass(frozen=True)
class RestoreArticle:
    """Bring a deleted article back, with everything it had and the same ids."""

    touches = Change.ARTICLES | Change.ANNOTATIONS

    snapshot: ArticleSnapshot
    description = "Restore article"


@dataclass(frozen=True)
class ReplaceBody:
    """Give an article a new body; its annotations are re-anchored, the lost ones orphaned."""

    touches = Change.TEXT | Change.ANNOTATIONS

    article_id: int
    body: str
    description = "Replace text"


@dataclass(frozen=True)
class RestoreBody:
    """Set an article's body and its annotations' anchors as they were (undo of ReplaceBody)."""

    touches = Change.TEXT | Change.ANNOTATIONS

    article_id: int
    body: str
    anchors: tuple[AnchorState, ...]
    description = "Restore text"


@dataclass(frozen=True)
class AddArticles:
    """Add imported texts as new articles; a text already in the library is not added again.

    Carrying it out reports an ArticlesAdded; the inverse deletes what was added.
    """

    touches = Change.ARTICLES

    texts: tuple[ImportedText, ...]

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        if len(self.texts) == 1:
            return f"Import '{excerpt(self.texts[0].metadata.title or 'article')}'"
        return f"Import {len(self.texts)} articles"


@dataclass(frozen=True)
class ArticlesAdded:
    """What adding texts did: (id, title) of those added and of those already there."""

    added: tuple[tuple[int, str], ...] = ()
    duplicates: tuple[tuple[int, str], ...] = ()
