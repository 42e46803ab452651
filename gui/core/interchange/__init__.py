"""Annotations in and out: own JSON, CSV, W3C Web Annotation and ClaimReview JSON-LD."""

from gui.core.interchange.claimreview import export_claimreview
from gui.core.interchange.common import InterchangeError
from gui.core.interchange.csv_format import CSV_COLUMNS, export_csv
from gui.core.interchange.importer import (
    ImportReport,
    NoArticle,
    import_annotations,
    import_document,
)
from gui.core.interchange.json_format import export_json, import_article_export
from gui.core.interchange.w3c import export_w3c

__all__ = [
    "CSV_COLUMNS",
    "ImportReport",
    "InterchangeError",
    "NoArticle",
    "export_claimreview",
    "export_csv",
    "export_json",
    "export_w3c",
    "import_annotations",
    "import_article_export",
    "import_document",
]
