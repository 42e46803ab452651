"""The commands that fill and list the library: import, list and import-annotations."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from gui.cli import common
from gui.cli.errors import EXIT_FAILED, CommandError
from gui.core import interchange
from gui.core.articles import Article, ArticleSummary, ImportedText
from gui.core.importing import import_paths
from gui.core.interchange.common import MAX_DOCUMENT_BYTES, read_document
from gui.core.interchange.refi_import import (
    CodebookReport,
    ImportCodebook,
    ImportProject,
    ProjectReport,
)
from gui.core.interchange.refi_reader import MAX_TOTAL_BYTES
from gui.core.library.commands import AddArticles
from gui.core.storage import ArticleStore, Library
from gui.core.storage.commands_store import carry_out

# A REFI-QDA project may be larger than a JSON file: each reader checks its own limit.
_MAX_INPUT = max(MAX_DOCUMENT_BYTES, MAX_TOTAL_BYTES)
_COLUMNS = ("ID", "TITLE", "OUTLET", "PUBLISHED", "ENTITIES")
_RIGHT_ALIGNED = frozenset({0, 4})
_WIDTHS = (None, 60, 30, None, None)  # longer cells are shortened with an ellipsis


def import_command(ns: argparse.Namespace) -> int:
    """Import files and folders into the library; 1 when any of them failed."""
    with common.opened(ns, common.CREATE) as library:
        batch = import_paths(ns.paths)
        for imported in batch.imported:
            print(_add(library, imported), flush=True)
    for failure in batch.failures:
        print(f"error: {failure}", file=sys.stderr)
    return EXIT_FAILED if batch.failures else 0


def list_command(ns: argparse.Namespace) -> int:
    """Print the library's articles as a table, or as a JSON array with --json."""
    with common.opened(ns) as library:
        summaries = ArticleStore(library).summaries(ns.search)
    if ns.json:
        print(common.as_json([asdict(summary) for summary in summaries], indent=2))
    elif summaries:
        print("\n".join(_table(summaries)))
    else:
        print("no articles" + (f" match {ns.search!r}" if ns.search else ""), file=sys.stderr)
    return 0


def import_annotations_command(ns: argparse.Namespace) -> int:
    """Import annotations from a file into an article; 1 when any item was skipped."""
    data = _read_input(ns.file)
    kind = refi_kind(data, ns.file)
    if kind is not None:
        return _import_refi(ns, data, kind)
    with common.opened(ns, common.WRITE) as library:
        if ns.article is not None:
            common.article(library, ns.article)
        try:
            report = interchange.import_document(library, data, ns.article, ns.annotator)
        except interchange.NoArticle as problem:
            raise CommandError(f"{_shown(ns.file)}: {problem} (--article ID)") from None
        except interchange.InterchangeError as problem:
            raise CommandError(f"{_shown(ns.file)}: {problem}; nothing was imported") from None
        if ns.article is None:
            print(_article_line(common.article(library, report.article_id), report.article_added))
    print(_report_line(report))
    for reason in report.skipped:
        print(f"skipped: {reason}", file=sys.stderr)
    return EXIT_FAILED if report.skipped else 0


def refi_kind(data: bytes, path: Path) -> str | None:
    """ "qdpx" for a zip, "qdc" for an XML codebook, None for anything else (JSON)."""
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() == ".qdpx":
        return "qdpx"
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if path.suffix.lower() == ".qdc" or head.startswith(b"<"):
        return "qdc"
    return None


def _import_refi(ns: argparse.Namespace, data: bytes, kind: str) -> int:
    """Import a REFI-QDA project or codebook; 1 when anything was skipped."""
    if kind == "qdpx" and ns.article is not None:
        raise CommandError("a REFI-QDA project brings its own texts: leave out --article", 2)
    name = _shown(ns.file)
    command = (
        ImportProject(data, ns.annotator, name) if kind == "qdpx" else ImportCodebook(data, name)
    )
    with common.opened(ns, common.WRITE) as library:
        try:
            report = carry_out(library, command).report
        except interchange.InterchangeError as problem:
            raise CommandError(f"{problem}; nothing was imported") from None
        lines = _refi_lines(library, report)
    print("\n".join(lines))
    skipped = _refi_skipped(report)
    for reason in skipped:
        print(f"skipped: {reason}", file=sys.stderr)
    return EXIT_FAILED if skipped else 0


def _refi_lines(library: Library, report: CodebookReport | ProjectReport) -> list[str]:
    """What a REFI-QDA import did, one line per article and one for the codebook."""
    codebook = report if isinstance(report, CodebookReport) else report.codebook
    added = ", ".join(codebook.added) if codebook.added else "none"
    lines = [f"codebook: added {len(codebook.added)} labels ({added}), {len(codebook.known)} known"]
    for done in () if isinstance(report, CodebookReport) else report.articles:
        lines.append(_article_line(common.article(library, done.article_id), done.article_added))
        lines.append(_report_line(done))
    return lines


def _refi_skipped(report: CodebookReport | ProjectReport) -> list[str]:
    """Every reason something of a REFI-QDA file was not imported."""
    if isinstance(report, CodebookReport):
        return []
    return [*report.skipped, *(r for done in report.articles for r in done.skipped)]


def _add(library: Library, imported: ImportedText) -> str:
    """Add one imported text (one transaction) and say what happened to it."""
    added = carry_out(library, AddArticles((imported,))).report
    if added.duplicates:
        existing = ArticleStore(library).get(added.duplicates[0][0])
        shown = common.title(existing.metadata.title, existing)
        return f"already in library as {existing.id}: {shown}"
    article_id = added.added[0][0]
    return f"imported {article_id}: {common.title(imported.metadata.title, imported)}"


def _read_input(path: Path) -> bytes:
    """The bytes of the file to import ("-": standard input)."""
    if str(path) == "-":
        return sys.stdin.buffer.read(_MAX_INPUT + 1)  # the readers refuse a longer one
    try:
        return read_document(path, _MAX_INPUT)
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from error
    except interchange.InterchangeError as problem:
        raise CommandError(f"{path}: {problem}") from None


def _shown(path: Path) -> str:
    """How messages name the file imported from."""
    return "standard input" if str(path) == "-" else str(path)


def _article_line(article: Article, added: bool) -> str:
    """Which article the annotations went into, when the file chose it."""
    how = "added" if added else "already in the library"
    return f"article {article.id} ({how}): {common.title(article.metadata.title, article)}"


def _report_line(report: interchange.ImportReport) -> str:
    """ "anchored N, orphaned M", and how many were there already."""
    line = f"anchored {report.anchored}, orphaned {report.orphaned}"
    if report.duplicates:
        line += f"; {report.duplicates} already in the article, not imported again"
    return line


def _table(summaries: Sequence[ArticleSummary]) -> list[str]:
    """The summaries as lines of a table with aligned columns and a header."""
    rows = [_COLUMNS, *(_table_row(summary) for summary in summaries)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(_COLUMNS))]
    return [_format_row(row, widths) for row in rows]


def _table_row(summary: ArticleSummary) -> tuple[str, ...]:
    """One article as table cells."""
    count = "-" if summary.entity_count is None else str(summary.entity_count)
    cells = (str(summary.id), summary.title, summary.outlet, summary.published, count)
    return tuple(_shorten(cell, width) for cell, width in zip(cells, _WIDTHS, strict=True))


def _format_row(row: Sequence[str], widths: Sequence[int]) -> str:
    """Cells padded to their column's width; numbers right-aligned."""
    cells = (
        cell.rjust(width) if column in _RIGHT_ALIGNED else cell.ljust(width)
        for column, (cell, width) in enumerate(zip(row, widths, strict=True))
    )
    return "  ".join(cells).rstrip()


def _shorten(text: str, width: int | None) -> str:
    """text on one line, cut to width characters with an ellipsis."""
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: width - 1] + "…"
