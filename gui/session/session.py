"""The one object that changes state: the open library, the open article, and its undo stack.

Views ask; the session turns each request into a core command, carries it out (one
transaction, one undo step) and announces what it touched once, through `changed`. Every part
of the window refreshes itself from that; nothing else writes to the library.
"""

from __future__ import annotations

import getpass
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gui.core.anchoring import anchor_for
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation, Label
from gui.core.articles import Article, ArticleSummary, ImportedText, Metadata
from gui.core.changes import EVERYTHING, Applied, Batch, Change
from gui.core.entities.commands import AddCorrection, SetOutlets, SetPipeline
from gui.core.entities.corrections import Correction
from gui.core.importing import BatchResult, import_paths
from gui.core.library.commands import AddArticles, DeleteArticle, ReplaceBody, UpdateMetadata
from gui.core.sourcing.library_commands import SetLexiconOverrides
from gui.core.storage.annotations_store import AnnotationStore, LabelStore
from gui.core.storage.articles_store import ArticleStore
from gui.core.storage.checks_store import CheckStore
from gui.core.storage.commands_store import carry_out
from gui.core.storage.corrections_store import CorrectionStore
from gui.core.storage.database import Library, LibraryError, open_library, utc_now
from gui.core.storage.settings_store import LexiconStore, OutletStore, PipelineStore
from gui.core.storage.sourcing_store import SourcingStore
from gui.core.trainer.exercises import FindingsShown, findings_shown
from gui.session.background import Task, Worker
from gui.session.entity_service import EntityService
from gui.session.safekeeping import Safekeeping
from gui.session.sourcing_service import SourcingService
from gui.session.undo import StoredCommand

SAVE_FAILED = "Could not save the change"


@dataclass
class ImportReport:
    """What one import did: articles added, content already there, files that failed."""

    added: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class Session(QObject):
    """Holds the library and the open article; every change goes through here."""

    library_opened = Signal()  # another library is open (or none): everything is new
    article_opened = Signal(object)  # Article, or None when nothing is open
    changed = Signal(object)  # Change: what a command (or its undo or redo) touched
    import_finished = Signal(object)  # ImportReport
    restore_finished = Signal(object)  # Restored, once the library is open again
    error = Signal(str, str)  # title, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.articles: ArticleStore | None = None
        self.current: Article | None = None
        self.annotator = getpass.getuser()
        self.undo_stack = QUndoStack(self)
        self.findings_shown = FindingsShown()  # an exercise may hide the automatic findings
        self._outlets: list[str] = []
        self._io_worker = Worker(parent=self)
        self.library_file: Path | None = None  # the file last opened, even when it failed
        keeping = self.safekeeping = Safekeeping(self)
        keeping.damaged.connect(self._damaged)
        keeping.backup_failed.connect(lambda why: self.error.emit("No backup made", why))
        keeping.restored.connect(self.restore_finished)
        keeping.restore_failed.connect(lambda why: self.error.emit("Not restored", why))
        self.entity_service = EntityService(self)
        service = self.entity_service
        # The entity service's news reach the window through the session, like all news.
        self.spans_loaded = service.spans_loaded
        self.entities_changed = service.entities_changed
        self.analysis_progress = service.analysis_progress
        self.analysis_finished = service.analysis_finished
        self.pipeline_missing = service.pipeline_missing
        service.error.connect(self.error)
        self.sourcing_service = SourcingService(service, self)
        self.findings_changed = self.sourcing_service.findings_changed
        self.sourcing_service.error.connect(self.error)
        for analysis in (service, self.sourcing_service):  # what they find, the session keeps
            analysis.store_requested.connect(self._keep)

    # -- library -------------------------------------------------------------------------

    def open_library(self, path: Path | None) -> bool:
        """Open (or create) a library file at once, checked and backed up in the background."""
        self.library_file = None if path is None else Path(path).expanduser().absolute()
        try:
            library = open_library(path)
        except LibraryError as error:
            self.error.emit("Cannot open library", str(error))
            return False
        self.set_library(library)
        self.safekeeping.watch(library)
        return True

    def restore_backup(self, source: Path) -> bool:
        """Put a backup back as the library (after the user confirmed); restore_finished says."""
        keeping = self.safekeeping
        return keeping.restore(self.library_file, source, self.close_library, self.open_library)

    def set_library(self, library: Library) -> None:
        """Switch to an opened library."""
        self.entity_service.cancel()
        if self.library is not None:
            self.library.close()
        self.library = library
        self.articles = ArticleStore(library)
        self._outlets = OutletStore(library).outlets()
        self.entity_service.set_library(library, self._outlets, self.corrections())
        self.entity_service.set_model(PipelineStore(library).model())
        self.sourcing_service.set_library(library)
        self._honour_exercise(library)
        self.undo_stack.clear()
        self.current = None
        self.library_opened.emit()
        self.changed.emit(EVERYTHING)
        self.article_opened.emit(None)

    def _honour_exercise(self, library: Library) -> None:
        """Find and show only the findings the library's exercise (if any) lets trainees see."""
        self.findings_shown = findings_shown(library)
        self.entity_service.set_enabled(self.findings_shown.entities)
        self.sourcing_service.set_enabled(self.findings_shown.sourcing)

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
        """The library's articles, filtered by a full-text search; current pipeline's counts."""
        pipeline = self.entity_service.pipeline_id()
        return self.articles.summaries(search, pipeline) if self.articles else []

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
        self.sourcing_service.show(article)  # before the entities, which it waits for
        self.entity_service.show(article)

    def import_files(self, paths: Sequence[Path]) -> Task | None:
        """Import files and folders in the background; import_finished reports the outcome."""
        if not self._writable():
            return None
        return self._io_worker.start(
            import_paths,
            list(paths),
            finished=self._add_batch,
            failed=lambda message, _trace: self.error.emit("Import failed", message),
        )

    def import_text(self, imported: ImportedText) -> ImportReport:
        """Add one already-imported text (e.g. pasted) and report it like a file import."""
        return self._add_texts([imported], [])

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
        return self.execute(ReplaceBody(article_id, body)) is not None

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
        """Save the library's outlet list (undoable); the open article is analysed again."""
        self.execute(SetOutlets(tuple(names)))

    def pipeline_model(self) -> str:
        """The spaCy pipeline this library chose ("" : the default English one)."""
        return PipelineStore(self.library).model() if self.library else ""

    def set_pipeline_model(self, model: str) -> None:
        """Choose the library's spaCy pipeline (undoable); the open article is analysed again."""
        self.execute(SetPipeline(model))

    def lexicon_overrides(self) -> dict:
        """The library's own entries of the sourcing lexicons."""
        return LexiconStore(self.library).overrides() if self.library else {}

    def set_lexicon_overrides(self, overrides: dict) -> None:
        """Save the library's lexicon entries (undoable); the open article's sourcing follows."""
        self.execute(SetLexiconOverrides(overrides))

    # -- commands and undo -----------------------------------------------------------------

    def execute(
        self, command: Any, title: str = SAVE_FAILED, *, undoable: bool = True
    ) -> Applied | None:
        """Carry out a change as one undoable step; None (and a message titled so) on failure.

        A change that turns out to change nothing (an import of what is there already) is
        not put on the undo stack; nor is one made undoable=False (derived data, a trainee's
        name, answers typed into fields that undo themselves).
        """
        if not self._writable():
            return None
        applied = self._carry_out(command, title)
        if undoable and applied is not None and not applied.empty:
            self.undo_stack.push(StoredCommand(self._step, command, applied.inverse))
        return applied

    def _keep(self, command: Any) -> None:
        """Store what an analysis found: derived data, never an undo step."""
        self.execute(command, "Could not save what was found", undoable=False)

    def _step(self, command: Any) -> Any:
        """Undo or redo: carry out a stored command; its inverse, or None when it failed."""
        applied = self._carry_out(command, SAVE_FAILED)
        return None if applied is None else applied.inverse

    def _carry_out(self, command: Any, title: str) -> Applied | None:
        """Carry out command and announce what it touched; None (and a message) on failure."""
        try:
            applied = carry_out(self.library, command)
        except (LibraryError, KeyError, ValueError) as error:
            self.error.emit(title, str(error) or type(error).__name__)
            return None
        if applied.changes:
            self._announce(applied.changes)
        return applied

    def _announce(self, changes: Change) -> None:
        """Bring the session's own state up to date, tell every part, then follow the article."""
        before = self.current
        if before is not None and changes & (Change.ARTICLES | Change.METADATA | Change.TEXT):
            try:
                self.current = self.articles.get(before.id)
            except KeyError:
                self.current = None  # deleted
        if changes & Change.OUTLETS:
            self._outlets = OutletStore(self.library).outlets()
            self.entity_service.set_outlets(self._outlets)
        if changes & Change.ENTITY_RULES:
            self.entity_service.set_corrections(self.corrections())
        if changes & Change.PIPELINE:
            self.entity_service.set_model(self.pipeline_model())
        self.changed.emit(changes)
        self._follow(before, changes)

    def _follow(self, before: Article | None, changes: Change) -> None:
        """Show the open article again after its text changed; close it when it is gone."""
        if before is not None and self.current is None:
            self.entity_service.show(None)
            self.article_opened.emit(None)
        elif self.current is not None and changes & (Change.TEXT | Change.LEXICONS):
            self.open_article(self.current.id)
        elif self.current is not None and changes & Change.QUOTES:
            self.sourcing_service.refresh()

    # -- what the library holds ------------------------------------------------------------

    def annotations(self) -> list[Annotation]:
        """The open article's annotations, orphans included."""
        if self.current is None:
            return []
        return AnnotationStore(self.library).for_article(self.current.id)

    def layer_names(self) -> list[str]:
        """The annotators with annotations in the open article."""
        if self.library is None or self.current is None:
            return []
        return AnnotationStore(self.library).annotators(self.current.id)

    def search_annotations(self, text: str) -> list[Annotation]:
        """Annotations anywhere in the library whose text or note matches text."""
        return AnnotationStore(self.library).search(text) if self.library else []

    def claim_decisions(self) -> tuple[dict, list]:
        """The open article's claim assessments (by claim key) and claim relations."""
        if self.current is None:
            return {}, []
        store = SourcingStore(self.library)
        return store.assessments(self.current.id), store.relations(self.current.id)

    def check_decisions(self) -> dict:
        """The open article's verdicts on the lens's checks, by check key."""
        if self.current is None or self.library is None:
            return {}
        return CheckStore(self.library).decisions(self.current.id)

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
        return self.execute(AddAnnotation(annotation, label.name)) is not None

    def correct(self, rule: Correction) -> bool:
        """Save an entity correction rule; it applies to every article (undoable)."""
        return self.execute(AddCorrection(rule)) is not None

    def wait_for_background(self, msecs: int = 30_000) -> bool:
        """Block until background work is done (shutdown and tests)."""
        workers = (self._io_worker, self.safekeeping, self.entity_service)
        return all(worker.wait(msecs) for worker in workers)

    # -- helpers ---------------------------------------------------------------------------

    def _writable(self) -> bool:
        if self.library is None:
            self.error.emit("No library", "Open or create a library first (File menu).")
            return False
        if self.library.damage:
            self.error.emit("Damaged library", self.library.damage)
            return False
        if self.library.read_only:
            self.error.emit("Read-only library", "This library is read-only: nothing can change.")
            return False
        return True

    def _damaged(self, library: Library, reader: Library | None) -> None:
        """The check found the open library damaged: show it again read-only, and say so."""
        if library is not self.library or reader is None:
            if reader is not None:
                reader.close()  # another library was opened meanwhile
            else:
                self.library_opened.emit()  # the library refuses every change already
            return
        article = self.current.id if self.current else None
        self.set_library(reader)  # the writable connection closes after the reader opened
        if article is not None:
            self.open_article(article)

    def _add_batch(self, batch: BatchResult) -> None:
        """Add the texts a background import produced, as one undoable step."""
        self._add_texts(list(batch.imported), [str(failure) for failure in batch.failures])

    def _add_texts(self, texts: list[ImportedText], failures: list[str]) -> ImportReport:
        """Add texts as articles (one step) and report it; import_finished says so too."""
        report = ImportReport(failures=failures)
        if texts:
            applied = self.execute(AddArticles(tuple(texts)), "Import failed")
            if applied is None:
                report.failures += [f"{Path(t.source).name}: not saved" for t in texts]
            else:
                report.added = list(applied.report.added)
                report.duplicates = list(applied.report.duplicates)
        self.import_finished.emit(report)
        return report
