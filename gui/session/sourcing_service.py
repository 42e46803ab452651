"""The source-criticism findings of the open article: from the library, or found in the background.

Runs on the entity service's worker thread and pipeline, after the entities, so that spaCy is
never used by two threads at once and is loaded only once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from gui.core import findings as article_findings
from gui.core.articles import Article
from gui.core.findings import ArticleFindings
from gui.core.sourcing.lexicon_edits import library_lexicons
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.sourcing.model import Findings
from gui.core.storage.database import Library
from gui.core.storage.sourcing_store import SourcingStore, findings_text
from gui.session.background import Task
from gui.session.entity_service import EntityService
from gui.session.held_saves import HeldSaves

START_DELAY_MS = 150


def analyse(
    holder, article: Article, outlets, entities: Sequence, lexicons, progress
) -> tuple[Findings, str]:
    """Find the sourcing structure of an article (on the worker thread): findings, and as text."""
    pipeline = holder.ensure(outlets, progress)
    body, metadata = article.body, article.metadata
    _, found = article_findings.analyse(body, pipeline, entities, lexicons, progress, metadata)
    # Serialised here, on the worker thread: for a long article it is tens of milliseconds.
    return found, findings_text(found)


class SourcingService(QObject):
    """Finds, caches and corrects the sourcing findings of one article at a time."""

    findings_changed = Signal(int, object)  # article id, Findings (as the user corrected them)
    busy = Signal(bool)
    error = Signal(str, str)  # something the user must know
    store_requested = Signal(object)  # SaveFindings: the session keeps what was found
    failed = Signal(str)  # the analysis itself failed: said in the status bar, not a dialog

    def __init__(self, entities: EntityService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entities = entities
        self._library: Library | None = None
        self._held = HeldSaves(self.store_requested.emit, lambda: self._library, self)
        self._article: Article | None = None
        self._task: Task | None = None
        self._raw: Findings | None = None  # findings before the user's corrections
        entities.entities_changed.connect(self._soon)
        self._pending: tuple[int, list] | None = None
        self.enabled = True  # False: an exercise hides the findings (see set_enabled)

    def _soon(self, article_id: int, entities: list) -> None:
        """Start a moment after the entities arrive: the window fills its panels first.

        Python threads share one interpreter lock, so analysis started at once would make
        the window's own work on the new entities twice as slow.
        """
        self._pending = (article_id, entities)
        QTimer.singleShot(START_DELAY_MS, self._start_pending)

    def _start_pending(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._entities_ready(*pending)

    def set_library(self, library: Library) -> None:
        """Work on another library."""
        self.cancel()
        self._library, self._article, self._raw = library, None, None

    def set_enabled(self, enabled: bool) -> None:
        """Find and show findings, or (an exercise that hides them) never analyse, show none."""
        self.enabled = enabled

    def detach(self) -> None:
        """Stop working on the library (it is being closed): late results are dropped."""
        self.cancel()
        self._library = self._article = self._raw = self._pending = None

    def show(self, article: Article | None) -> None:
        """Forget the findings of the article shown before; new ones follow its entities."""
        self.cancel()
        self._pending = None
        self._article, self._raw = article, None

    def refresh(self) -> None:
        """The user's corrections changed: show the findings again with them."""
        if self._article is not None and self._raw is not None:
            self._emit(self._article, self._raw)

    def article_findings(self) -> ArticleFindings | None:
        """What the open article has, as the window shows it (composed as the command line does)."""
        if self._article is None or self._library is None:
            return None
        pipeline_id, raw = self._entities.raw_entities(self._article.id) or (None, [])
        return article_findings.compose(self._library, self._article, raw, self._raw, pipeline_id)

    def _entities_ready(self, article_id: int, entities: list) -> None:
        """Entities of the open article are known: find (or read) its sourcing."""
        article = self._article
        if article is None or article.id != article_id or self._library is None:
            return
        if not self.enabled:
            return
        base = self._entities.pipeline_id()
        if base is None:
            return
        cache_id = article_findings.findings_id(self._library, base, entities, article.metadata)
        cached = SourcingStore(self._library).cached(article.id, cache_id)
        if cached is not None:
            self._raw = cached
            self._emit(article, cached)
            return
        self.cancel()
        self.busy.emit(True)
        self._task = self._entities.run(
            analyse,
            article,
            self._entities.outlets(),
            entities,
            library_lexicons(self._library)[0],
            finished=lambda result, a=article, p=cache_id, lib=self._library: self._found(
                lib, a, p, *result
            ),
            failed=self._failed,
        )

    def _found(
        self, library: Library, article: Article, cache_id: str, found: Findings, text: str
    ) -> None:
        if library is not self._library:
            return  # another library was opened meanwhile: its ids mean other articles
        self._task = None
        self.busy.emit(False)
        if not self._library.read_only:
            self._save_findings(article.id, cache_id, text)
        if self._article is not None and self._article.id == article.id:
            self._raw = found
            self._emit(article, found)

    def _save_findings(self, article_id: int, cache_id: str, text: str) -> None:
        """Ask the session to keep the findings in the library's cache (this never writes)."""
        self._held.save(self._library, SaveFindings(article_id, cache_id, text))

    def _emit(self, article: Article, raw: Findings) -> None:
        """Announce the findings with the user's corrections applied."""
        shown = article_findings.correct_findings(self._library, article.id, raw)
        self.findings_changed.emit(article.id, shown)

    def _failed(self, message: str, _trace: str) -> None:
        self._task = None
        self.busy.emit(False)
        self.failed.emit(f"Sourcing analysis failed: {message}")

    def cancel(self) -> None:
        """Drop the analysis under way, if any."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
            self.busy.emit(False)
