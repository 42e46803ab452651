"""CSV for spreadsheets: one row per annotation of an article, with a header row.

Written so that Excel and LibreOffice open it cleanly: a UTF-8 byte order mark first (without
it Excel reads the file in the system's code page and garbles ’ and é), and every text cell
that a spreadsheet would take for a formula (= + - @, or a tab or carriage return first) is
prefixed with an apostrophe, so a note "=HYPERLINK(...)" stays text. Numbers are left as they are.
"""

from __future__ import annotations

import csv
import io

from gui.core.storage import AnnotationStore, ArticleStore, LabelStore, Library

BOM = "\ufeff"
CSV_COLUMNS: tuple[str, ...] = (
    "article",
    "label",
    "start",
    "end",
    "text",
    "note",
    "annotator",
    "created",
    "orphaned",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ORPHANED, ANCHORED = "yes", "no"


def export_csv(library: Library, article_id: int) -> str:
    """The article's annotations as CSV text (BOM, RFC 4180 quoting, CRLF rows); KeyError if none.

    article is the article's id in the library; start and end are character offsets into its
    text; orphaned annotations ("yes" in orphaned) have the place they had when last anchored.
    """
    ArticleStore(library).get(article_id)  # KeyError for an unknown article
    names = {label.id: label.name for label in LabelStore(library).labels()}
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for a in AnnotationStore(library).for_article(article_id):
        texts = [names.get(a.label_id, ""), a.text, a.note, a.annotator, a.created]
        label, text, note, annotator, created = (neutralised(cell) for cell in texts)
        state = ORPHANED if a.orphaned else ANCHORED
        writer.writerow([article_id, label, a.start, a.end, text, note, annotator, created, state])
    return BOM + buffer.getvalue()


def neutralised(cell: str) -> str:
    """A text cell a spreadsheet shows as text: an apostrophe before a formula's first character."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
