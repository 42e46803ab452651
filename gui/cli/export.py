"""The export command: an article as Sourcelight JSON, CSV, W3C or ClaimReview JSON-LD."""

from __future__ import annotations

import argparse

from gui.cli import common
from gui.cli import sourcing as cli_sourcing
from gui.core import findings as article_findings
from gui.core import interchange
from gui.core.articles import Article
from gui.core.storage import Library, OutletStore


def export_command(ns: argparse.Namespace) -> int:
    """Write an article as JSON, CSV, W3C or ClaimReview JSON-LD, to stdout or --output."""
    with common.opened(ns) as library:
        article = common.article(library, ns.article)
        if ns.format == "csv":
            text = interchange.export_csv(library, article.id)
        elif ns.format == "w3c":
            text = common.as_json(interchange.export_w3c(library, article.id), indent=2) + "\n"
        elif ns.format == "claimreview":
            review = _claimreview(library, article, ns.annotator or "")
            text = common.as_json(review, indent=2) + "\n"
        else:
            text = common.as_json(_own_json(library, article), indent=2) + "\n"
    common.write(text, ns.output)
    return 0


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
        outlets = OutletStore(library).outlets()
        load = lambda: common.load_entity_pipeline(outlets)  # noqa: E731
        found, _ = cli_sourcing.export_findings(
            library, article, entities, used_pipeline, loaded, load
        )
        shown = article_findings.compose(library, article, entities, found, used_pipeline)
        findings = shown.findings
    return interchange.export_claimreview(library, article.id, findings, annotator)
