"""CSV for spreadsheets: one row per annotation of an article, with a header row."""

from __future__ import annotations

import csv
import io

from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library

CSV_COLUMNS: tuple[str, ...] = (
    "article",
    "label",
    "start",
    "end",
    "text",
    "note",
    "annotator",
    "created",
)


def export_csv(library: Library, article_id: int) -> str:
    """The article's annotations as CSV text (RFC 4180 quoting, CRLF rows); KeyError if none.

    article is the article's id in the library; start and end are character offsets into its
    text; orphaned annotations are included with the place they had when last anchored.
    """
    ArticleStore(library).get(article_id)  # KeyError for an unknown article
    names = {label.id: label.name for label in LabelStore(library).labels()}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for a in AnnotationStore(library).for_article(article_id):
        label = names.get(a.label_id, "")
        writer.writerow([article_id, label, a.start, a.end, a.text, a.note, a.annotator, a.created])
    return buffer.getvalue()
