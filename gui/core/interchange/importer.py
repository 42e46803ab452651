"""Importing annotations into an article: read the file, anchor each one, save all at once.

Every annotation is anchored by its selectors through gui.core.anchoring.resolve; what finds
no place is kept as an orphan, never dropped. Items that are no annotations are skipped with
a reason. The whole import is one transaction, and a file that cannot be read changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from gui.core.anchoring import Anchor, Placement, anchor_for, resolve
from gui.core.annotations.codebook import Codebook
from gui.core.annotations.commands import AddAnnotation
from gui.core.annotations.model import Annotation
from gui.core.articles import Article
from gui.core.changes import Batch, Change, Done
from gui.core.interchange.common import NO_POSITION, Incoming, InterchangeError, Parsed, load_json
from gui.core.interchange.json_format import add_article, is_own_export, parse_json
from gui.core.interchange.own_text import normalised_export
from gui.core.interchange.w3c import annotation_id
from gui.core.interchange.w3c_reader import parse_w3c
from gui.core.storage import AnnotationStore, ArticleStore, Library, apply
from gui.core.storage.commands_store import carry_out
from gui.core.text import Utf16Index

DEFAULT_ANNOTATOR = "imported"
UNDO_DESCRIPTION = "Import annotations"

Data = bytes | str | dict[str, Any] | list[Any]


class NoArticle(InterchangeError):
    """The file neither carries its article nor names one in the library: ask which to use."""


@dataclass(frozen=True)
class ImportReport:
    """What an import did: how many annotations were anchored or orphaned, what was skipped."""

    anchored: int
    orphaned: int
    skipped: tuple[str, ...]  # one reason per item not imported, naming the item
    duplicates: int = 0  # already in the article, so not imported again
    article_id: int = 0
    article_added: bool = False  # the article itself came from the file
    undo: Batch | None = None  # the command that takes the whole import back


@dataclass(frozen=True)
class ImportAnnotations:
    """Import the annotations of decoded own-JSON or W3C data into an article (one undo step).

    Without article_id, into the article the file carries (an own-JSON export brings it along)
    or names (urn:sourcelight:article:<hash>). Carrying it out reports an ImportReport.
    """

    touches = (
        Change.ARTICLES
        | Change.ANNOTATIONS
        | Change.LABELS
        | Change.ENTITY_RULES
        | Change.QUOTES
        | Change.CLAIMS
        | Change.CHECKS  # an own-JSON export brings its verdicts on checks along
    )

    document: Any
    article_id: int | None = None
    annotator: str | None = None  # who made what the file does not attribute ("imported")
    source: str = ""  # the file's name, for the undo menu

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"{UNDO_DESCRIPTION} from {self.source}" if self.source else UNDO_DESCRIPTION

    def run(self, library: Library) -> Done:
        """Anchor and save every annotation (inside the caller's transaction)."""
        try:
            report = _import_into(library, self.document, self.article_id, self.annotator)
        except InterchangeError as problem:
            if not self.source:
                raise
            raise type(problem)(f"{self.source}: {problem}") from problem
        undo = report.undo or Batch(self.description, ())
        return Done(replace(undo, description=self.description), report)


def import_annotations(
    library: Library, article_id: int, data: Data, annotator: str | None = None
) -> ImportReport:
    """Import the annotations of own JSON or W3C data into an article (KeyError if unknown).

    annotator names whoever made annotations the file does not attribute ("imported" if None).
    InterchangeError (a ValueError) for a file that cannot be read at all: nothing changes.
    """
    return import_document(library, data, article_id, annotator)


def import_document(
    library: Library, data: Data, article_id: int | None = None, annotator: str | None = None
) -> ImportReport:
    """Like import_annotations; without article_id, into the article the file carries or names.

    NoArticle when the file neither carries an article nor names one of the library.
    """
    command = ImportAnnotations(load_json(data), article_id, annotator)
    applied = carry_out(library, command)
    return replace(applied.report, undo=applied.inverse)


def _import_into(
    library: Library, document: Any, article_id: int | None, annotator: str | None
) -> ImportReport:
    """ImportAnnotations.run, as a function of the decoded document."""
    if is_own_export(document):
        document = normalised_export(document)
    parsed = parse_document(document)
    if article_id is not None:
        article = ArticleStore(library).get(article_id)
        return import_parsed(library, article, parsed, annotator)
    if is_own_export(document) and "text" in document:
        added = add_article(library, document)
        article = ArticleStore(library).get(added.article_id)
        report = import_parsed(library, article, parsed, annotator, added.inverses)
        skipped = (*added.skipped, *report.skipped)
        return replace(report, skipped=skipped, article_added=added.added)
    return import_parsed(library, _named_article(library, parsed), parsed, annotator)


def parse_document(document: object) -> Parsed:
    """The annotations of own JSON or W3C data (already decoded); InterchangeError if neither."""
    return parse_json(document) if is_own_export(document) else parse_w3c(document)


def _named_article(library: Library, parsed: Parsed) -> Article:
    """The library's article that the file's targets name by content hash; else NoArticle."""
    store = ArticleStore(library)
    for digest in parsed.article_hashes:
        found = store.find_by_hash(digest)
        if found is not None:
            return store.get(found)
    raise NoArticle("the file names no article of this library; say which article to import into")


def import_parsed(
    library: Library,
    article: Article,
    parsed: Parsed,
    annotator: str | None,
    earlier: Sequence[Any] = (),
) -> ImportReport:
    """Anchor and save every annotation of parsed (inside the caller's transaction).

    earlier: the inverses of changes made before in the same transaction, for the undo.
    """
    run = _Run(library, article, parsed, annotator or DEFAULT_ANNOTATOR)
    for incoming in parsed.annotations:
        run.add(incoming)
    changes = [*run.codebook.inverses, *earlier, *run.inverses]
    undo = Batch(UNDO_DESCRIPTION, tuple(reversed(changes))) if changes else None
    return ImportReport(
        run.anchored, run.orphaned, tuple(run.skipped), run.duplicates, article.id, False, undo
    )


class _Run:
    """One import into one article: the codebook, what is there already, and the tallies."""

    def __init__(self, library: Library, article: Article, parsed: Parsed, annotator: str) -> None:
        self.library, self.article, self.annotator = library, article, annotator
        self.codebook = Codebook(library, parsed.labels)
        existing = AnnotationStore(library).for_article(article.id)
        self.seen = {_key(a.anchor, a.label_id, a.note, a.annotator) for a in existing}
        # An id the article already has is that annotation again; one that an earlier item of
        # the same file used is a mistake of the file: the later one gets a fresh id.
        # The ids our own exports gave them count too: a file exported from here comes back
        # as what it is, whoever is named as its annotator (an empty name is not exported).
        self.known_iris = {annotation_id(a, article) for a in existing}
        self.used_iris: set[str] = set()
        # The file's text is this article's: its orphans were orphans here too.
        self.trusted = article.content_hash in parsed.article_hashes
        self.anchored = self.orphaned = self.duplicates = 0
        self.skipped = list(parsed.skipped)
        self.inverses: list[Any] = []

    def add(self, incoming: Incoming) -> None:
        """Anchor one annotation and save it, unless it is already there or has no place."""
        if incoming.iri and incoming.iri in self.known_iris:
            self.duplicates += 1
            return
        placed = _place(incoming, self.article.body, self.trusted)
        if placed is None:
            self.skipped.append(f"{incoming.name}: its position is outside the text, and no quote")
            return
        anchor, orphaned = placed
        name, note = self.codebook.choose(incoming.tags, incoming.note)
        annotator = self.annotator if incoming.annotator is None else incoming.annotator
        if _key(anchor, self.codebook.find(name), note, annotator) in self.seen:
            self.duplicates += 1
            return
        label_id = self.codebook.id_for(name)
        annotation = self._annotation(incoming, anchor, orphaned, label_id, note, annotator)
        self.inverses.append(apply(self.library, AddAnnotation(annotation, name)))
        self.seen.add(_key(anchor, label_id, note, annotator))
        self.used_iris.add(annotation.iri)
        if orphaned:
            self.orphaned += 1
        else:
            self.anchored += 1

    def _annotation(
        self,
        incoming: Incoming,
        anchor: Anchor,
        orphaned: bool,
        label_id: int,
        note: str,
        annotator: str,
    ) -> Annotation:
        """The annotation to save (created "" lets the library stamp the time)."""
        return Annotation(
            0,
            self.article.id,
            label_id,
            anchor,
            note,
            annotator,
            incoming.created,
            incoming.modified,
            orphaned,
            "" if incoming.iri in self.used_iris else incoming.iri,
        )


def _place(incoming: Incoming, body: str, trusted: bool) -> tuple[Anchor, bool] | None:
    """The anchor to save and whether it is an orphan; None when there is nothing to anchor."""
    anchor = incoming.anchor
    if not anchor.exact:  # a position without a quote: whatever the text holds there
        inside = 0 <= anchor.start < anchor.end <= len(body)
        return (anchor_for(body, anchor.start, anchor.end), False) if inside else None
    if incoming.orphaned and trusted:
        return _with_place(anchor), True
    # A quote alone has start NO_POSITION (-1): resolve() then skips the offsets and takes the
    # occurrence with the best context, the earliest of equals.
    placement = _in_utf16_units(anchor, body) or resolve(anchor, body)
    if placement is not None:
        return anchor_for(body, placement.start, placement.end), False
    return _with_place(anchor), True


def _in_utf16_units(anchor: Anchor, body: str) -> Placement | None:
    """Where the anchor is if its positions count UTF-16 units, as JavaScript tools count.

    Only when the code points there are not the quote but the UTF-16 reading is: the quote
    confirms which reading the tool meant (Hypothesis, for one, counts UTF-16 units).
    """
    if anchor.start < 0 or body[anchor.start : anchor.end] == anchor.exact:
        return None
    units = Utf16Index(body)
    start, end = units.from_utf16(anchor.start), units.from_utf16(anchor.end)
    if (start, end) != (anchor.start, anchor.end) and body[start:end] == anchor.exact:
        return Placement(start, end, "utf-16")
    return None


def _with_place(anchor: Anchor) -> Anchor:
    """An orphan's anchor: a quote that came without a place gets 0..len(quote)."""
    if anchor.start == NO_POSITION:
        return replace(anchor, start=0, end=len(anchor.exact))
    return anchor


def _key(anchor: Anchor, label_id: int | None, note: str, annotator: str) -> tuple[object, ...]:
    """What makes two annotations of one article the same: one annotator's span, label, note.

    The same span and label by two people are two annotations (agreement is what a trainer
    scores), so the annotator is part of what makes an annotation itself.
    """
    return (anchor.start, anchor.end, anchor.exact, label_id, note, annotator)
