"""The one object that changes state: the open library, the open article, and its undo stack.

Views ask; the session acts through the core (commands applied to the library, each
returning its inverse for undo) and announces each change once.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gui.core.anchoring import anchor_for
from gui.core.annotations.model import (
    AddAnnotation,
    AddCorrection,
    Annotation,
    Batch,
    DeleteArticle,
    DeleteLabel,
    Label,
    RemoveCorrection,
    ReplaceBody,
    RestoreArticle,
    RestoreBody,
    SaveLabel,
    UpdateMetadata,
)
from gui.core.articles import Article, ArticleSummary, ImportedText, Metadata
from gui.core.entities.corrections import Correction
from gui.core.importing import BatchResult, import_paths
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    ClearClaimAssessment,
    ClearClaimRelation,
    RemoveSourcingCorrection,
    SetClaimAssessment,
    SetClaimRelation,
)
from gui.core.storage.annotations_store import AnnotationStore, CorrectionStore, LabelStore
from gui.core.storage.articles_store import ArticleStore, DuplicateArticle
from gui.core.storage.backup import backup_library
from gui.core.storage.commands_store import apply as apply_command
from gui.core.storage.database import Library, LibraryError, open_library, utc_now
from gui.core.storage.settings_store import LexiconStore, OutletStore
from gui.core.storage.sourcing_store import SourcingStore
from gui.session.background import Task, Worker
from gui.session.entity_service import EntityService
from gui.session.sourcing_service import SourcingService
from gui.session.undo import StoredCommand

SOURCING_CORRECTIONS = AddSourcingCorrection | RemoveSourcingCorrection
CLAIM_DECISIONS = SetClaimAssessment | ClearClaimAssessment | SetClaimRelation | ClearClaimRelation


@dataclass
class ImportReport:
    """What one import did: articles added, content already there, files that failed."""

    added: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class Session(QObject):
    """Holds the library and the open article; every change goes through here."""

    library_changed = Signal()
    articles_changed = Signal()
    article_opened = Signal(object)  # Article, or None when nothing is open
    article_changed = Signal(object)  # the open Article after an edit of its metadata
    annotations_changed = Signal()  # of the open article, or anywhere in the library
    labels_changed = Signal()
    corrections_changed = Signal()
    claims_changed = Signal()  # verdicts, grades or relations of the open article's claims
    import_finished = Signal(object)  # ImportReport
    error = Signal(str, str)  # title, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.articles: ArticleStore | None = None
        self.current: Article | None = None
        self.annotator = getpass.getuser()
        self.undo_stack = QUndoStack(self)
        self._outlets: list[str] = []
        self._io_worker = Worker(parent=self)
        self.entity_service = EntityService(self)
        service = self.entity_service
        # The entity service's news reach the window through the session, like all news.
        self.spans_loaded = service.spans_loaded
        self.entities_changed = service.entities_changed
        self.analysis_progress = service.analysis_progress
        self.analysis_finished = service.analysis_finished
        self.pipeline_missing = service.pipeline_missing
        service.stored.connect(self.articles_changed)
        service.error.connect(self.error)
        self.sourcing_service = SourcingService(service, self)
        self.findings_changed = self.sourcing_service.findings_changed
        self.sourcing_service.error.connect(self.error)

    # -- library -------------------------------------------------------------------------

    def open_library(self, path: Path | None) -> bool:
        """Open (or create) a library file, backed up first; on failure say why."""
        try:
            library = open_library(path)
        except LibraryError as error:
            self.error.emit("Cannot open library", str(error))
            return False
        try:
            backup_library(library)
        except (LibraryError, OSError) as error:
            self.error.emit("No backup made", f"The library opened, but its backup failed: {error}")
        self.set_library(library)
        return True

    def set_library(self, library: Library) -> None:
        """Switch to an opened library."""
        self.entity_service.cancel()
        if self.library is not None:
            self.library.close()
        self.library = library
        self.articles = ArticleStore(library)
        self._outlets = OutletStore(library).outlets()
        self.entity_service.set_library(library, self._outlets, self.corrections())
        self.sourcing_service.set_library(library)
        self.undo_stack.clear()
        self.current = None
        self.library_changed.emit()
        self.articles_changed.emit()
        self.labels_changed.emit()
        self.article_opened.emit(None)

    def close_library(self) -> None:
        """Close the library; work still under way for it is dropped, nothing is half-saved."""
        self.entity_service.detach()
        self.sourcing_service.detach()
        if self.library is not None:
            self.library.close()
        self.library, self.articles, self.current = None, None, None

    @property
    def read_only(self) -> bool:
        """True when the open library cannot be written."""
        return self.library is None or self.library.read_only

    def summaries(self, search: str = "") -> list[ArticleSummary]:
        """The library's articles, filtered by a full-text search."""
        return self.articles.summaries(search) if self.articles else []

    # -- articles ------------------------------------------------------------------------

    def open_article(self, article_id: int) -> None:
        """Show an article: its text at once, its entities from the library or when found."""
        try:
            article = self.articles.get(article_id)
        except KeyError:
            self.error.emit("Article not found", f"There is no article {article_id}.")
            return
        self.current = article
        self.article_opened.emit(article)
        self.annotations_changed.emit()
        self.sourcing_service.show(article)  # before the entities, which it waits for
        self.entity_service.show(article)

    def import_files(self, paths: Sequence[Path]) -> Task | None:
        """Import files and folders in the background; import_finished reports the outcome."""
        if not self._writable():
            return None
        return self._io_worker.start(
            import_paths,
            list(paths),
            finished=self._store_batch,
            failed=lambda message, _trace: self.error.emit("Import failed", message),
        )

    def import_text(self, imported: ImportedText) -> ImportReport:
        """Add one already-imported text (e.g. pasted) and report it like a file import."""
        report = ImportReport()
        self._store(imported, report)
        self._finish_import(report)
        return report

    def update_metadata(self, article_id: int, metadata: Metadata) -> None:
        """Save edited metadata (undoable)."""
        self.execute(UpdateMetadata(article_id, metadata))

    def rename(self, article_id: int, title: str) -> None:
        """Give an article a new title (undoable)."""
        metadata = self.articles.get(article_id).metadata
        if title.strip() and title.strip() != metadata.title:
            self.update_metadata(article_id, replace(metadata, title=title.strip()))

    def replace_body(self, article_id: int, body: str) -> bool:
        """Give an article a corrected or updated text; its annotations are re-anchored."""
        return self.execute(ReplaceBody(article_id, body))

    def delete_articles(self, article_ids: Sequence[int]) -> None:
        """Remove articles with everything they had (undoable; the caller asked first)."""
        commands = tuple(DeleteArticle(article_id) for article_id in article_ids)
        if len(commands) == 1:
            self.execute(commands[0])
        elif commands:
            self.execute(Batch(f"Delete {len(commands)} articles", commands))

    def outlets(self) -> list[str]:
        """The news outlets the entity rules know in this library."""
        return list(self._outlets)

    def set_outlets(self, names: Sequence[str]) -> None:
        """Save the library's outlet list; the open article is analysed again with it."""
        if not self._writable():
            return
        try:
            OutletStore(self.library).set_outlets(names)
        except LibraryError as error:
            self.error.emit("Could not save", str(error))
            return
        self._outlets = list(names)
        self.entity_service.set_outlets(names)

    def lexicon_overrides(self) -> dict:
        """The library's own entries of the sourcing lexicons."""
        return LexiconStore(self.library).overrides() if self.library else {}

    def set_lexicon_overrides(self, overrides: dict) -> None:
        """Save the library's lexicon entries; the open article's sourcing is found again."""
        if not self._writable():
            return
        try:
            LexiconStore(self.library).set_overrides(overrides)
        except LibraryError as error:
            self.error.emit("Could not save", str(error))
            return
        if self.current is not None:
            self.sourcing_service.show(self.current)
            self.entity_service.show(self.current)

    # -- annotations and undo ----------------------------------------------------------------

    def execute(self, command) -> bool:
        """Save a change as one undoable step; False (and a message) when it cannot be made."""
        if not self._writable():
            return False
        inverse = self._apply(command)
        if inverse is None:
            return False
        self.undo_stack.push(StoredCommand(self._apply, command, inverse))
        return True

    def record(self, description: str, inverse) -> None:
        """Put a change made elsewhere (e.g. an import) on the undo stack by its inverse."""
        self.undo_stack.push(StoredCommand(self._apply, None, inverse, description))

    def _apply(self, command):
        """Apply a command to the library and announce what changed; None on failure."""
        try:
            inverse = apply_command(self.library, command)
        except (LibraryError, KeyError, ValueError) as error:
            self.error.emit("Could not save the change", str(error) or type(error).__name__)
            return None
        for announce in dict.fromkeys(self._effects(command)):
            announce()
        return inverse

    def _effects(self, command) -> Iterator[Callable[[], None]]:
        """What to refresh after a command, as zero-argument callables."""
        if isinstance(command, Batch):
            for part in command.commands:
                yield from self._effects(part)
        elif isinstance(command, SaveLabel | DeleteLabel):
            yield self.labels_changed.emit
        elif isinstance(command, AddCorrection | RemoveCorrection):
            yield self._corrections_changed
        elif isinstance(command, UpdateMetadata):
            yield self._metadata_changed
        elif isinstance(command, DeleteArticle | RestoreArticle):
            yield self._articles_deleted_or_restored
        elif isinstance(command, ReplaceBody | RestoreBody):
            yield self._body_changed
        elif isinstance(command, SOURCING_CORRECTIONS):
            yield self.sourcing_service.refresh
        elif isinstance(command, CLAIM_DECISIONS):
            yield self.claims_changed.emit
        else:
            yield self.annotations_changed.emit

    def annotations(self) -> list[Annotation]:
        """The open article's annotations, orphans included."""
        if self.current is None:
            return []
        return AnnotationStore(self.library).for_article(self.current.id)

    def claim_decisions(self) -> tuple[dict, list]:
        """The open article's claim assessments (by claim key) and claim relations."""
        if self.current is None:
            return {}, []
        store = SourcingStore(self.library)
        return store.assessments(self.current.id), store.relations(self.current.id)

    def labels(self) -> list[Label]:
        """The library's codebook, in order."""
        return LabelStore(self.library).labels() if self.library else []

    def corrections(self) -> list[Correction]:
        """The library's entity correction rules."""
        return CorrectionStore(self.library).corrections() if self.library else []

    def annotate(self, label: Label, start: int, end: int, note: str = "") -> bool:
        """Label [start, end) of the open article (undoable)."""
        if self.current is None or end <= start:
            return False
        now = utc_now()
        anchor = anchor_for(self.current.body, start, end)
        annotation = Annotation(
            0, self.current.id, label.id, anchor, note, self.annotator, now, now
        )
        return self.execute(AddAnnotation(annotation, label.name))

    def correct(self, rule: Correction) -> bool:
        """Save an entity correction rule; it applies to every article (undoable)."""
        return self.execute(AddCorrection(rule))

    def _corrections_changed(self) -> None:
        self.entity_service.set_corrections(self.corrections())
        self.corrections_changed.emit()

    def _metadata_changed(self) -> None:
        self.articles_changed.emit()
        if self.current is not None:
            self.current = self.articles.get(self.current.id)
            self.article_changed.emit(self.current)

    def _articles_deleted_or_restored(self) -> None:
        self.articles_changed.emit()
        if (
            self.current is not None
            and self.articles.find_by_hash(self.current.content_hash) is None
        ):
            self.entity_service.show(None)
            self.current = None
            self.article_opened.emit(None)

    def _body_changed(self) -> None:
        """The open article's text was replaced: show it again, with its annotations."""
        self.articles_changed.emit()
        if self.current is not None:
            self.open_article(self.current.id)

    def wait_for_background(self, msecs: int = 30_000) -> bool:
        """Block until background work is done (shutdown and tests)."""
        return self._io_worker.wait(msecs) and self.entity_service.wait(msecs)

    # -- helpers ---------------------------------------------------------------------------

    def _writable(self) -> bool:
        if self.library is None:
            self.error.emit("No library", "Open or create a library first (File menu).")
            return False
        if self.library.read_only:
            self.error.emit("Read-only library", "This library is read-only: nothing can change.")
            return False
        return True

    def _store_batch(self, batch: BatchResult) -> None:
        """Add the texts a background import produced, one transaction each."""
        report = ImportReport(failures=[str(failure) for failure in batch.failures])
        for imported in batch.imported:
            self._store(imported, report)
        self._finish_import(report)

    def _store(self, imported: ImportedText, report: ImportReport) -> None:
        title = imported.metadata.title or Path(imported.source).name
        try:
            report.added.append((self.articles.add(imported), title))
        except DuplicateArticle as duplicate:
            report.duplicates.append((duplicate.existing_id, title))
        except LibraryError as error:
            report.failures.append(f"{Path(imported.source).name}: {error}")

    def _finish_import(self, report: ImportReport) -> None:
        if report.added:
            self.articles_changed.emit()
        self.import_finished.emit(report)
