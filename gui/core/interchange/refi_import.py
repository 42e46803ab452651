"""Importing REFI-QDA files: a .qdc codebook, or a .qdpx project with its texts and codings.

Both are commands (one transaction, one undo step). A project's text sources become articles
(a text the library has already is used as it is), its codes labels (the library's own
labels keep their colours and descriptions), and each coding of a span an annotation of its
user's layer, anchored by its positions.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from gui.core.annotations.codebook import Codebook, LabelInfo
from gui.core.articles import ImportedText
from gui.core.changes import Batch, Change, Done
from gui.core.interchange.common import InterchangeError, Parsed
from gui.core.interchange.importer import ImportReport, import_parsed
from gui.core.interchange.refi_reader import Source, read_qdc, read_qdpx
from gui.core.library.commands import DeleteArticle
from gui.core.storage import ArticleStore, Library

REFI_FORMAT = "qdpx"  # the format stored for articles a project brought in


@dataclass(frozen=True)
class CodebookReport:
    """What importing a codebook did: the labels added, and those the library had already."""

    added: tuple[str, ...]
    known: tuple[str, ...]


@dataclass(frozen=True)
class ProjectReport:
    """What importing a project did: the codebook, one report per text, what was skipped."""

    codebook: CodebookReport
    articles: tuple[ImportReport, ...]
    skipped: tuple[str, ...]


@dataclass(frozen=True)
class ImportCodebook:
    """Add the codes of a REFI-QDA .qdc file that the codebook lacks (one undo step)."""

    touches = Change.LABELS

    data: bytes
    source: str = ""

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Import codebook from {self.source}" if self.source else "Import codebook"

    def run(self, library: Library) -> Done:
        """Read the file and add its codes (inside the caller's transaction)."""
        labels = _named(read_qdc, self.data, self.source)
        report, inverses = _add_labels(library, labels)
        return Done(Batch(self.description, tuple(reversed(inverses))), report)


@dataclass(frozen=True)
class ImportProject:
    """Bring a REFI-QDA .qdpx project in: texts, codes and codings (one undo step)."""

    touches = Change.ARTICLES | Change.ANNOTATIONS | Change.LABELS

    data: bytes
    annotator: str | None = None  # the layer of codings whose user the file does not name
    source: str = ""

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Import project from {self.source}" if self.source else "Import project"

    def run(self, library: Library) -> Done:
        """Read the project and add what it holds (inside the caller's transaction)."""
        project = _named(read_qdpx, self.data, self.source)
        codebook, changes = _add_labels(library, project.labels)
        reports = []
        for source in project.sources:
            report = self._import_source(library, source, project.labels)
            reports.append(report)
            changes += list(reversed(report.undo.commands)) if report.undo else []
        report = ProjectReport(codebook, tuple(reports), project.skipped)
        return Done(Batch(self.description, tuple(reversed(changes))), report)

    def _import_source(
        self, library: Library, source: Source, labels: tuple[LabelInfo, ...]
    ) -> ImportReport:
        """One text source: its article (added if new) and its annotations."""
        text = ImportedText(source.text, source.metadata, self.source or "REFI-QDA", REFI_FORMAT)
        store = ArticleStore(library)
        existing = store.find_by_hash(text.content_hash)
        article_id = existing if existing is not None else store.add(text)
        earlier = [] if existing is not None else [DeleteArticle(article_id)]
        parsed = Parsed(source.annotations, source.skipped, labels, (text.content_hash,))
        article = store.get(article_id)
        report = import_parsed(library, article, parsed, self.annotator, earlier)
        return replace(report, article_added=existing is None)


def _add_labels(
    library: Library, labels: tuple[LabelInfo, ...]
) -> tuple[CodebookReport, list[Any]]:
    """Add the labels the codebook lacks, in the file's order; the report and the inverses."""
    codebook = Codebook(library, labels)
    added, known = [], []
    for info in labels:
        if codebook.find(info.name) is not None:
            known.append(info.name)
        else:
            codebook.id_for(info.name)
            added.append(info.name)
    return CodebookReport(tuple(added), tuple(dict.fromkeys(known))), codebook.inverses


def _named(read: Any, data: bytes, source: str) -> Any:
    """read(data), with a problem's message naming the file."""
    try:
        return read(data)
    except InterchangeError as problem:
        raise InterchangeError(f"{source}: {problem}" if source else str(problem)) from problem
