"""The one object that changes state: the open library, the open article, and its entities.

Views ask; the session acts through the core stores and announces each change once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from gui.background import Task, Worker
from gui.core import entities as nlp
from gui.core.articles import Article, ArticleSummary, ImportedText, Metadata
from gui.core.importing import BatchResult, import_paths
from gui.core.storage.articles_store import ArticleStore, DuplicateArticle
from gui.core.storage.database import Library, LibraryError, open_library
from gui.core.storage.entities_store import EntityStore
from gui.core.storage.settings_store import OutletStore


@dataclass
class ImportReport:
    """What one import did: articles added, content already there, files that failed."""

    added: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class PipelineHolder:
    """Keeps the loaded spaCy pipeline for the NLP worker thread; loads it on first use."""

    def __init__(self) -> None:
        self._pipeline: nlp.Pipeline | None = None

    def analyse(self, body: str, outlets: Sequence[str], progress) -> tuple[str, list]:
        """Find the entities of body; returns the pipeline id with them."""
        if self._pipeline is None or self._pipeline.id != nlp.pipeline_id(outlets):
            progress(0, len(body))
            self._pipeline = nlp.load_pipeline(outlets)
        return self._pipeline.id, self._pipeline.analyse(body, progress=progress)


class Session(QObject):
    """Holds the library and the open article; every change goes through here."""

    library_changed = Signal()
    articles_changed = Signal()
    article_opened = Signal(object)  # Article, or None when nothing is open
    article_changed = Signal(object)  # the open Article after an edit of its metadata
    # "object", not "list": Qt would convert a list item by item, 40 ms for 100k entities.
    entities_changed = Signal(int, object)  # article id, list of entities
    spans_loaded = Signal(int, object)  # article id, [(start, end, label)]: stored, paint now
    analysis_progress = Signal(int, int)  # done, total (characters)
    analysis_finished = Signal()
    pipeline_missing = Signal(str)  # said once per session: what is missing, how to install it
    import_finished = Signal(object)  # ImportReport
    error = Signal(str, str)  # title, message

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self.articles: ArticleStore | None = None
        self.entity_store: EntityStore | None = None
        self.current: Article | None = None
        self._outlets: list[str] = []
        self._nlp_worker = Worker(serial=True, parent=self)
        self._io_worker = Worker(parent=self)
        self._pipeline = PipelineHolder()
        self._analysis: Task | None = None
        self._missing_said = False

    # -- library -------------------------------------------------------------------------

    def open_library(self, path: Path | None) -> bool:
        """Open (or create) a library file; on failure say why and keep the one open now."""
        try:
            library = open_library(path)
        except LibraryError as error:
            self.error.emit("Cannot open library", str(error))
            return False
        self.set_library(library)
        return True

    def set_library(self, library: Library) -> None:
        """Switch to an opened library."""
        self._cancel_analysis()
        if self.library is not None:
            self.library.close()
        self.library = library
        self.articles = ArticleStore(library)
        self.entity_store = EntityStore(library)
        self._outlets = OutletStore(library).outlets()
        self.current = None
        self.library_changed.emit()
        self.articles_changed.emit()
        self.article_opened.emit(None)

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
        self._cancel_analysis()
        self.current = article
        self.article_opened.emit(article)
        self._request_entities(article)

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
        """Save edited metadata."""
        if not self._writable():
            return
        try:
            self.articles.update_metadata(article_id, metadata)
        except LibraryError as error:
            self.error.emit("Could not save", str(error))
            return
        self.articles_changed.emit()
        if self.current and self.current.id == article_id:
            self.current = replace(self.current, metadata=metadata)
            self.article_changed.emit(self.current)

    def rename(self, article_id: int, title: str) -> None:
        """Give an article a new title."""
        metadata = self.articles.get(article_id).metadata
        if title.strip() and title.strip() != metadata.title:
            self.update_metadata(article_id, replace(metadata, title=title.strip()))

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
        if self.current is not None:
            self._cancel_analysis()
            self._request_entities(self.current)

    def delete_articles(self, article_ids: Sequence[int]) -> None:
        """Remove articles (the caller has asked the user to confirm)."""
        if not self._writable():
            return
        try:
            for article_id in article_ids:
                self.articles.delete(article_id)
        except LibraryError as error:
            self.error.emit("Could not delete", str(error))
        self.articles_changed.emit()
        if self.current and self.current.id in article_ids:
            self._cancel_analysis()
            self.current = None
            self.article_opened.emit(None)

    # -- entities ------------------------------------------------------------------------

    def _request_entities(self, article: Article) -> None:
        """Show stored entities, or find them in the background."""
        pipeline_id = nlp.pipeline_id(self._outlets)
        if pipeline_id is None:
            self._say_missing(nlp.missing_message())
            self.entities_changed.emit(article.id, [])
            return
        spans = self.entity_store.cached_spans(article.id, pipeline_id)
        if spans is not None:
            # Highlights first; the full entities (tooltips, panel) a moment later.
            self.spans_loaded.emit(article.id, spans)
            QTimer.singleShot(0, lambda: self._load_entities(article.id, pipeline_id))
            return
        self._analysis = self._nlp_worker.start(
            self._pipeline.analyse,
            article.body,
            list(self._outlets),
            finished=lambda result, a=article: self._store_entities(a, *result),
            failed=self._analysis_failed,
            progress=self.analysis_progress,
            cancelled=self.analysis_finished,
        )

    def _load_entities(self, article_id: int, pipeline_id: str) -> None:
        """Read the stored entities of the open article."""
        if self.current is None or self.current.id != article_id:
            return
        entities = self.entity_store.cached(article_id, pipeline_id)
        if entities is not None:
            self.entities_changed.emit(article_id, entities)

    def _store_entities(self, article: Article, pipeline_id: str, found: list) -> None:
        """Keep found entities in the library and show them if their article is still open."""
        self._analysis = None
        self.analysis_finished.emit()
        if not self.library.read_only:
            try:
                self.entity_store.save(article.id, pipeline_id, found)
            except (LibraryError, KeyError) as error:
                self.error.emit("Could not save entities", str(error))
        if self.current and self.current.id == article.id:
            self.entities_changed.emit(article.id, found)
            self.articles_changed.emit()

    def _analysis_failed(self, message: str, _trace: str) -> None:
        self._analysis = None
        self.analysis_finished.emit()
        self._say_missing(message)

    def _say_missing(self, message: str) -> None:
        """Tell the user once per session that entity detection is unavailable, and why."""
        if not self._missing_said:
            self._missing_said = True
            self.pipeline_missing.emit(message)

    def _cancel_analysis(self) -> None:
        if self._analysis is not None:
            self._analysis.cancel()
            self._analysis = None

    def wait_for_background(self, msecs: int = 30_000) -> bool:
        """Block until background work is done (shutdown and tests)."""
        return self._io_worker.wait(msecs) and self._nlp_worker.wait(msecs)

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
