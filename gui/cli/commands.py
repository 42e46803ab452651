"""The commands behind gui.cli: each takes the parsed arguments, prints, returns an exit code."""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

from gui.cli import sourcing as cli_sourcing
from gui.core import interchange
from gui.core.articles import Article, ArticleSummary, ImportedText
from gui.core.entities.pipeline import (
    ENTITY_TYPE_NAMES,
    ENTITY_TYPES,
    Entity,
    Pipeline,
    PipelineMissing,
    group_entities,
    load_pipeline,
    pipeline_id,
)
from gui.core.importing import ImportFailure, collect_paths, import_file, import_paths
from gui.core.interchange.json_format import entity_dict
from gui.core.storage import (
    ArticleStore,
    DuplicateArticle,
    EntityStore,
    Library,
    OutletStore,
    default_library_path,
    open_library,
)

EXIT_FAILED = 1
EXIT_NO_PIPELINE = 2
_COLUMNS = ("ID", "TITLE", "OUTLET", "PUBLISHED", "ENTITIES")
_RIGHT_ALIGNED = frozenset({0, 4})
_WIDTHS = (None, 60, 30, None, None)  # longer cells are shortened with an ellipsis


class CommandError(Exception):
    """A failure the user can act on: str() is the message, exit_code the process's code."""

    def __init__(self, message: str, exit_code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def import_command(ns: argparse.Namespace) -> int:
    """Import files and folders into the library; 1 when any of them failed."""
    with _open(ns) as library:
        batch = import_paths(ns.paths)
        store = ArticleStore(library)
        for imported in batch.imported:
            print(_add(store, imported), flush=True)
    for failure in batch.failures:
        print(f"error: {failure}", file=sys.stderr)
    return EXIT_FAILED if batch.failures else 0


def list_command(ns: argparse.Namespace) -> int:
    """Print the library's articles as a table, or as a JSON array with --json."""
    with _open(ns) as library:
        summaries = ArticleStore(library).summaries(ns.search)
    if ns.json:
        print(_json([asdict(summary) for summary in summaries], indent=2))
    elif summaries:
        print("\n".join(_table(summaries)))
    else:
        print("no articles" + (f" match {ns.search!r}" if ns.search else ""), file=sys.stderr)
    return 0


def analyze_command(ns: argparse.Namespace) -> int:
    """Detect the entities of each file, printed in the order given; 1 when any file failed."""
    pipeline: Pipeline | None = None
    failed = False
    for item in _expand_folders(ns.paths):
        imported = _import_or_report(item)
        if imported is None:
            failed = True
            continue
        pipeline = pipeline or load_entity_pipeline()
        entities = pipeline.analyse(imported.body)
        if ns.json:
            sourcing = cli_sourcing.sourcing_json(imported.body, pipeline, entities)
            print(_analysis_json(item, imported, entities, sourcing), flush=True)
        else:
            print(_analysis_text(item, imported, entities), flush=True)
    return EXIT_FAILED if failed else 0


def export_command(ns: argparse.Namespace) -> int:
    """Write an article as JSON, CSV, W3C or ClaimReview JSON-LD, to stdout or --output."""
    with _open(ns) as library:
        article = _article(library, ns.article)
        if ns.format == "csv":
            text = interchange.export_csv(library, article.id)
        elif ns.format == "w3c":
            text = _json(interchange.export_w3c(library, article.id), indent=2) + "\n"
        elif ns.format == "claimreview":
            text = _json(_claimreview(library, article, ns.annotator or ""), indent=2) + "\n"
        else:
            text = _json(_own_json(library, article), indent=2) + "\n"
    _write(text, ns.output)
    return 0


def import_annotations_command(ns: argparse.Namespace) -> int:
    """Import annotations from a file into an article; 1 when any item was skipped."""
    data = _read_input(ns.file)
    with _open(ns) as library:
        if ns.article is not None:
            _article(library, ns.article)
        try:
            report = interchange.import_document(library, data, ns.article, ns.annotator)
        except interchange.NoArticle as problem:
            raise CommandError(f"{_shown(ns.file)}: {problem} (--article ID)") from None
        except interchange.InterchangeError as problem:
            raise CommandError(f"{_shown(ns.file)}: {problem}; nothing was imported") from None
        if ns.article is None:
            print(_article_line(_article(library, report.article_id), report.article_added))
    print(_report_line(report))
    for reason in report.skipped:
        print(f"skipped: {reason}", file=sys.stderr)
    return EXIT_FAILED if report.skipped else 0


def report_command(ns: argparse.Namespace) -> int:
    """Write an article report (with --key: a class report) as HTML or PDF to --output."""
    from gui.cli.report import write_report

    with _open(ns) as library:
        write_report(library, _article(library, ns.article).id, ns)
    print(f"report written to {ns.output}")
    return 0


def compare_command(ns: argparse.Namespace) -> int:
    """Print one layer's scores against the key layer in an article: a table, or JSON."""
    from gui.cli import compare as cli_compare

    with _open(ns) as library:
        article = _article(library, ns.article)
        try:
            result = cli_compare.comparison(library, article, ns.key, ns.layer)
        except cli_compare.UnknownLayer as unknown:
            raise CommandError(str(unknown)) from None
    shown = _json(cli_compare.as_json(article, result), indent=2)
    print(shown if ns.json else cli_compare.as_table(article, result))
    return 0


def load_entity_pipeline(outlets: Sequence[str] | None = None) -> Pipeline:
    """The entity pipeline; CommandError (exit 2) saying what to install when there is none."""
    try:
        return load_pipeline(outlets)
    except PipelineMissing as missing:
        raise CommandError(str(missing), EXIT_NO_PIPELINE) from missing


@contextmanager
def _open(ns: argparse.Namespace) -> Iterator[Library]:
    """The library named by --library (or the default one), closed afterwards."""
    library = open_library(getattr(ns, "library", None) or default_library_path())
    try:
        yield library
    finally:
        library.close()


def _add(store: ArticleStore, imported: ImportedText) -> str:
    """Add one imported text and say what happened to it."""
    try:
        article_id = store.add(imported)
    except DuplicateArticle as duplicate:
        existing = store.get(duplicate.existing_id)
        return f"already in library as {existing.id}: {_title(existing.metadata.title, existing)}"
    return f"imported {article_id}: {_title(imported.metadata.title, imported)}"


def _expand_folders(paths: Sequence[Path]) -> Iterator[Path | ImportFailure]:
    """The files to analyse in the order given, folders expanded to their supported files."""
    for path in paths:
        if path.is_dir():
            files, failures = collect_paths([path])
            yield from failures
            yield from files
        else:
            yield path


def _import_or_report(item: Path | ImportFailure) -> ImportedText | None:
    """Import a file; on failure (or for a failure found earlier) say why on stderr."""
    failure = item if isinstance(item, ImportFailure) else None
    if failure is None:
        try:
            return import_file(item)
        except ImportFailure as error:
            failure = error
    print(f"error: {failure}", file=sys.stderr)
    return None


def _title(title: str, item: Article | ImportedText) -> str:
    """The title to show: the article's, else the name of the file it came from."""
    return title or Path(item.source).name or "(untitled)"


def _article(library: Library, article_id: int) -> Article:
    """The article with this id, or a CommandError naming the library."""
    try:
        return ArticleStore(library).get(article_id)
    except KeyError:
        raise CommandError(f"there is no article {article_id} in {library.name}") from None


def _own_json(library: Library, article: Article) -> dict:
    """The own JSON export; sourcing findings cached, or found if the pipeline had to load."""
    entities, used_pipeline, loaded = _entities_for_export(library, article)
    findings, findings_id = cli_sourcing.export_findings(
        library, article, entities, used_pipeline, loaded
    )
    return interchange.export_json(
        library, article.id, entities, used_pipeline, findings, findings_id
    )


def _claimreview(library: Library, article: Article, annotator: str) -> dict:
    """ClaimReview JSON-LD of the assessed claims (the model loads only when findings must be)."""
    findings: dict = {}
    if cli_sourcing.has_assessments(library, article.id):
        entities, used_pipeline, loaded = _entities_for_export(library, article)
        outlets = OutletStore(library).outlets()
        found, _ = cli_sourcing.export_findings(
            library, article, entities, used_pipeline, loaded, lambda: load_entity_pipeline(outlets)
        )
        findings = cli_sourcing.corrected(library, article.id, found or {})
    return interchange.export_claimreview(library, article.id, findings, annotator)


def _entities_for_export(
    library: Library, article: Article
) -> tuple[list[Entity], str, Pipeline | None]:
    """The article's entities, pipeline id, and the pipeline if it had to be loaded for them.

    Cached entities if current, else detected (and saved).
    """
    outlets = OutletStore(library).outlets()
    store = EntityStore(library)
    current = pipeline_id(outlets)
    cached = store.cached(article.id, current) if current else None
    if cached is not None:
        return cached, current, None
    pipeline = load_entity_pipeline(outlets)
    entities = pipeline.analyse(article.body)
    if not library.read_only:
        store.save(article.id, pipeline.id, entities)
    return entities, pipeline.id, pipeline


def _write(text: str, output: Path | None) -> None:
    """Print text (which ends with a newline), or write it to output as UTF-8."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        with output.open("w", encoding="utf-8", newline="") as file:
            file.write(text)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from error
    print(f"exported to {output}")


def _read_input(path: Path) -> bytes:
    """The bytes of the file to import ("-": standard input)."""
    if str(path) == "-":
        return sys.stdin.buffer.read()
    try:
        return path.read_bytes()
    except OSError as error:
        raise CommandError(f"cannot read {path}: {error.strerror or error}") from error


def _shown(path: Path) -> str:
    """How messages name the file imported from."""
    return "standard input" if str(path) == "-" else str(path)


def _article_line(article: Article, added: bool) -> str:
    """Which article the annotations went into, when the file chose it."""
    how = "added" if added else "already in the library"
    return f"article {article.id} ({how}): {_title(article.metadata.title, article)}"


def _report_line(report: interchange.ImportReport) -> str:
    """ "anchored N, orphaned M", and how many were there already."""
    line = f"anchored {report.anchored}, orphaned {report.orphaned}"
    if report.duplicates:
        line += f"; {report.duplicates} already in the article, not imported again"
    return line


def _analysis_json(
    path: Path, imported: ImportedText, entities: Sequence[Entity], sourcing: dict
) -> str:
    """One line of JSON: the file, its title, its text, its entities and its sourcing."""
    document = {
        "path": str(path),
        "title": imported.metadata.title,
        "text": imported.body,
        "entities": [entity_dict(entity) for entity in entities],
    }
    document.update((key, sourcing[key]) for key in cli_sourcing.SOURCING_KEYS)
    return _json(document)


def _analysis_text(path: Path, imported: ImportedText, entities: Sequence[Entity]) -> str:
    """A readable summary: how many entities of each type, and every group with its forms."""
    lines = [f"{path}: {_title(imported.metadata.title, imported)}", f"  {len(entities)} entities"]
    for label, found in _by_label(entities):
        lines.append(f"  {ENTITY_TYPE_NAMES.get(label, label)}: {len(found)}")
        groups = sorted(group_entities(found).items(), key=lambda g: (-len(g[1]), g[0].casefold()))
        lines.extend(f"    {_group_line(group, members)}" for group, members in groups)
    return "\n".join(lines) + "\n"


def _by_label(entities: Sequence[Entity]) -> list[tuple[str, list[Entity]]]:
    """The entities split by type, in legend order (unknown types last)."""
    found: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        found[entity.label].append(entity)
    order = {label: index for index, label in enumerate(ENTITY_TYPES)}
    return sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _group_line(group: str, members: Sequence[Entity]) -> str:
    """ "Islamic State (3): IS, Islamic State" — the forms only when they differ from the key."""
    forms = sorted({member.text for member in members})
    line = f"{group} ({len(members)})"
    return line if forms == [group] else f"{line}: {', '.join(forms)}"


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


def _json(data: object, indent: int | None = None) -> str:
    """JSON that keeps non-ASCII characters as they are."""
    return json.dumps(data, ensure_ascii=False, indent=indent)
