"""Entities of the open article: from the library when stored, else found in the background.

The user's corrections are applied on the way out, so a rule added today changes every
article, stored or new, without analysing anything again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from gui.core.articles import Article
from gui.core.entities import pipeline as nlp
from gui.core.entities.commands import SaveEntities
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity
from gui.core.findings import correct_entities, detect_entities, entity_cache_id
from gui.core.storage.database import Library
from gui.core.storage.entities_store import EntityStore
from gui.session.background import Task, Worker
from gui.session.held_saves import HeldSaves


class PipelineHolder:
    """Keeps the loaded spaCy pipeline for the NLP worker thread; loads it on first use."""

    def __init__(self) -> None:
        self._pipeline: nlp.Pipeline | None = None
        self.model: str | None = None  # the library's chosen spaCy pipeline (None: default)

    def ensure(self, outlets: Sequence[str], progress) -> nlp.Pipeline:
        """The pipeline for this outlet list and model, loaded (slowly) when it is not yet."""
        if self._pipeline is None or self._pipeline.id != entity_cache_id(outlets, self.model):
            progress(0, 1)
            self._pipeline = nlp.load_pipeline(outlets, self.model)
        return self._pipeline

    def analyse(self, article: Article, outlets: Sequence[str], progress) -> tuple[str, list]:
        """Find the entities of an article; returns the pipeline id with them."""
        pipeline = self.ensure(outlets, progress)
        found = detect_entities(article.body, pipeline, article.metadata, progress)
        return pipeline.id, found


class EntityService(QObject):
    """Finds, stores and corrects the entities of one article at a time."""

    spans_loaded = Signal(int, object)  # article id, [(start, end, label)]: paint these now
    # "object", not "list": Qt would convert a list item by item, 40 ms for 100k entities.
    entities_changed = Signal(int, object)  # article id, list of entities
    analysis_progress = Signal(int, int)  # done, total (characters)
    analysis_finished = Signal()
    store_requested = Signal(object)  # SaveEntities: the session keeps what was found
    pipeline_missing = Signal(str)  # said once: what is missing, how to install it
    error = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = Worker(serial=True, parent=self)
        self.pipeline = PipelineHolder()
        self._library: Library | None = None
        self._held = HeldSaves(self.store_requested.emit, lambda: self._library, self)
        self._store: EntityStore | None = None
        self._article: Article | None = None
        self._outlets: list[str] = []
        self._corrections: list[Correction] = []
        self._task: Task | None = None
        self._missing_said = False
        self._raw: tuple[int, str, list[Entity]] | None = None  # article, pipeline, as found
        self.enabled = True  # False: an exercise hides the entities (see set_enabled)

    def set_library(self, library: Library, outlets: Sequence[str], corrections) -> None:
        """Work on another library."""
        self.cancel()
        self._library, self._store = library, EntityStore(library)
        self._outlets, self._corrections = list(outlets), list(corrections)
        self._article = self._raw = None

    def set_enabled(self, enabled: bool) -> None:
        """Find and show entities, or (an exercise that hides them) never analyse, show none."""
        self.enabled = enabled

    def detach(self) -> None:
        """Stop working on the library (it is being closed): late results are dropped."""
        self.cancel()
        self._library = self._store = self._article = self._raw = None

    def show(self, article: Article | None) -> None:
        """Make this the open article and bring its entities."""
        self.cancel()
        self._article, self._raw = article, None
        if article is not None:
            self._request(article)

    def set_outlets(self, outlets: Sequence[str]) -> None:
        """Use another outlet list: the open article is analysed again with it."""
        self._outlets = list(outlets)
        self.show(self._article)

    def set_model(self, model: str) -> None:
        """Use another spaCy pipeline ("" : the default): the open article is analysed again."""
        self.cancel()
        self.pipeline.model = model or None
        self.show(self._article)

    def set_corrections(self, corrections: Sequence[Correction]) -> None:
        """Use another set of correction rules on what is shown."""
        self._corrections = list(corrections)
        self.show(self._article)

    def corrected(self, body: str, entities: Sequence) -> list:
        """The entities with the library's corrections applied."""
        return correct_entities(body, entities, self._corrections)

    def pipeline_id(self) -> str | None:
        """The id of the entities shown: the pipeline of the outlets and model (None: no model)."""
        return entity_cache_id(self._outlets, self.pipeline.model)

    def raw_entities(self, article_id: int) -> tuple[str, list[Entity]] | None:
        """(pipeline id, entities as found) of the open article, once they are known."""
        if self._raw is None or self._raw[0] != article_id:
            return None
        return self._raw[1], self._raw[2]

    def _request(self, article: Article) -> None:
        """Show stored entities, or find them in the background."""
        pipeline_id = self.pipeline_id()
        if not self.enabled:  # nothing stored is shown, and nothing is found again
            self._show(article, "", [])
            return
        if pipeline_id is None:
            self._say_missing(nlp.missing_message())
            self._show(article, "", [])
            return
        if not self._corrections:
            spans = self._store.cached_spans(article.id, pipeline_id)
            if spans is not None:
                # Highlights first; the full entities (tooltips, panel) a moment later.
                self.spans_loaded.emit(article.id, spans)
                QTimer.singleShot(0, lambda: self._load(article, pipeline_id))
                return
        elif self._load(article, pipeline_id):
            return
        self._task = self._worker.start(
            self.pipeline.analyse,
            article,
            list(self._outlets),
            finished=lambda result, a=article, lib=self._library: self._found(lib, a, *result),
            failed=self._failed,
            progress=self.analysis_progress,
            cancelled=self.analysis_finished,
        )

    def _load(self, article: Article, pipeline_id: str) -> bool:
        """Show the stored entities of the open article; False when none are stored."""
        if self._article is None or self._article.id != article.id:
            return True
        entities = self._store.cached(article.id, pipeline_id)
        if entities is None:
            return False
        self._show(article, pipeline_id, entities)
        return True

    def _found(self, library: Library, article: Article, pipeline_id: str, found: list) -> None:
        """Keep found entities in the library and show them if their article is still open."""
        if library is not self._library:
            return  # another library was opened meanwhile: its ids mean other articles
        self._task = None
        self.analysis_finished.emit()
        if not self._library.read_only:
            self._save_entities(article.id, pipeline_id, found)
        if self._article and self._article.id == article.id:
            self._show(article, pipeline_id, found)

    def _save_entities(self, article_id: int, pipeline_id: str, found: list) -> None:
        """Ask the session to keep what the pipeline found (this service never writes)."""
        self._held.save(self._library, SaveEntities(article_id, pipeline_id, tuple(found)))

    def _show(self, article: Article, pipeline_id: str, found: list) -> None:
        """Announce the open article's entities, corrected; keep them as found."""
        self._raw = (article.id, pipeline_id, found)
        self.entities_changed.emit(article.id, self.corrected(article.body, found))

    def _failed(self, message: str, _trace: str) -> None:
        self._task = None
        self.analysis_finished.emit()
        self._say_missing(message)

    def _say_missing(self, message: str) -> None:
        """Tell the user once per session that entity detection is unavailable, and why."""
        if not self._missing_said:
            self._missing_said = True
            self.pipeline_missing.emit(message)

    def outlets(self) -> list[str]:
        """The outlet list in use."""
        return list(self._outlets)

    def run(self, fn, *args, **handlers) -> Task:
        """Run fn(self.pipeline, *args, progress=...) on the NLP thread, after what is queued."""
        return self._worker.start(fn, self.pipeline, *args, **handlers)

    def cancel(self) -> None:
        """Drop the analysis under way, if any."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    def wait(self, msecs: int) -> bool:
        """Block until the analysis under way is done (shutdown and tests)."""
        return self._worker.wait(msecs)
