"""The export command: an article as Sourcelight JSON, CSV, W3C or ClaimReview JSON-LD, the
codebook or articles as REFI-QDA, and training data as JSON Lines or a spaCy DocBin."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gui.cli import common, exchange
from gui.cli import sourcing as cli_sourcing
from gui.cli.errors import EXIT_FAILED, CommandError
from gui.core import findings as article_findings
from gui.core import interchange
from gui.core.articles import Article
from gui.core.interchange.refi_export import export_codebook
from gui.core.storage import ArticleStore, Library

EXIT_USAGE = 2
MANY = frozenset({"qdpx", "jsonl", "spacy"})  # the formats that take --all
BINARY = frozenset({"qdpx", "spacy"})


def export_command(ns: argparse.Namespace) -> int:
    """Write an article (or the codebook, or every article) in the format asked for."""
    _check(ns)
    with common.opened(ns, common.DERIVE) as library:
        data = _export(library, ns)
    if isinstance(data, bytes):
        _write_bytes(data, ns.output)
    else:
        common.write(data, ns.output)
    if library.damage:  # exported all the same: a damaged library is still worth reading
        print(f"error: what was found was not saved: {library.damage}", file=sys.stderr)
        return EXIT_FAILED
    return 0


def _check(ns: argparse.Namespace) -> None:
    """CommandError (exit 2) for options that do not go together."""
    if ns.all and ns.format not in MANY:
        raise CommandError(f"--all is for {', '.join(sorted(MANY))}, not {ns.format}", EXIT_USAGE)
    if ns.all and ns.article is not None:
        raise CommandError("give either --article or --all", EXIT_USAGE)
    if ns.format != "qdc" and not ns.all and ns.article is None:
        raise CommandError(f"--article ID is needed for {ns.format}", EXIT_USAGE)
    if ns.format in BINARY and ns.output is None and sys.stdout.isatty():
        raise CommandError(f"{ns.format} is a binary file: give --output FILE", EXIT_USAGE)


def _export(library: Library, ns: argparse.Namespace) -> str | bytes:
    """The exported text or bytes."""
    if ns.format == "qdc":
        return export_codebook(library)
    if ns.format in MANY:
        articles = _articles(library, ns)
        if ns.format == "qdpx":
            return exchange.qdpx(library, articles, _project_name(library, articles, ns.all))
        return exchange.training_data(library, articles, ns.spans, ns.format)
    article = common.article(library, ns.article)
    if ns.format == "csv":
        return interchange.export_csv(library, article.id)
    if ns.format == "w3c":
        return common.as_json(interchange.export_w3c(library, article.id), indent=2) + "\n"
    if ns.format == "claimreview":
        return common.as_json(_claimreview(library, article, ns.annotator or ""), indent=2) + "\n"
    return common.as_json(_own_json(library, article), indent=2) + "\n"


def _articles(library: Library, ns: argparse.Namespace) -> list[Article]:
    """The article named, or with --all every article, oldest import first."""
    if not ns.all:
        return [common.article(library, ns.article)]
    store = ArticleStore(library)
    return [store.get(s.id) for s in sorted(store.summaries(), key=lambda s: s.id)]


def _project_name(library: Library, articles: list[Article], everything: bool) -> str:
    """The REFI-QDA project's name: the library's, or the one article's title."""
    if everything or len(articles) != 1:
        return Path(library.name).stem or "Sourcelight library"
    return common.title(articles[0].metadata.title, articles[0])


def _write_bytes(data: bytes, output: Path | None) -> None:
    """Write data to stdout or to output."""
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as error:
        raise CommandError(f"cannot write {output}: {error.strerror or error}") from error
    print(f"exported to {output}")


def _own_json(library: Library, article: Article) -> dict:
    """The own JSON export; sourcing findings cached, or found if the pipeline had to load."""
    entities, used_pipeline, loaded = cli_sourcing.export_entities(library, article)
    findings, findings_id = cli_sourcing.export_findings(
        library, article, entities, used_pipeline, loaded
    )
    return interchange.export_json(
        library, article.id, entities, used_pipeline, findings, findings_id
    )


def _claimreview(library: Library, article: Article, annotator: str) -> dict:
    """ClaimReview JSON-LD of the assessed claims (the model loads only when findings must be)."""
    findings = None
    if cli_sourcing.has_assessments(library, article.id):
        entities, used_pipeline, loaded = cli_sourcing.export_entities(library, article)
        load = lambda: common.load_library_pipeline(library)  # noqa: E731
        found, _ = cli_sourcing.export_findings(
            library, article, entities, used_pipeline, loaded, load
        )
        shown = article_findings.compose(library, article, entities, found, used_pipeline)
        findings = shown.findings
    return interchange.export_claimreview(library, article.id, findings, annotator)
