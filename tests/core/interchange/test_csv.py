"""CSV export: one row per annotation, and it reads back with csv.DictReader."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest

from gui.core.interchange import CSV_COLUMNS, export_csv
from gui.core.storage import Library
from tests.core.interchange_helpers import (
    BODY,
    NOTE,
    add_article,
    annotate,
    annotated_article,
    memory_library,
)


@pytest.fixture
def library() -> Iterator[Library]:
    """A fresh in-memory library."""
    with memory_library() as lib:
        yield lib


def rows(text: str) -> list[dict[str, str]]:
    """The CSV text read back as a spreadsheet would (the byte order mark is not a cell)."""
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_columns_are_the_issues(library):
    text = export_csv(library, add_article(library))
    assert CSV_COLUMNS == (
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
    assert text == "\ufeff" + ",".join(CSV_COLUMNS) + "\r\n"  # a header even without annotations


def test_every_annotation_is_one_row_that_parses_back(library):
    article_id = annotated_article(library).article_id
    read = rows(export_csv(library, article_id))
    assert len(read) == 4
    first = read[0]
    assert first["article"] == str(article_id)
    assert first["label"] == "Claim"
    assert first["note"] == NOTE  # commas, quotes and a newline survive
    assert BODY[int(first["start"]) : int(first["end"])] == first["text"] == "40 people were killed"
    assert first["annotator"] == "dana"
    assert first["created"] == "2024-05-02T09:30:00+00:00"
    assert first["orphaned"] == "no"
    assert [row["label"] for row in read] == ["Claim", "Hedge", "Error", "Rumour"]  # by position


def test_text_outside_the_bmp_and_awkward_notes_round_trip(library):
    article_id = add_article(library)
    awkward = 'SUM(A1), "quoted"\r\nline two\n\U0001f642 ; tab\there'
    annotate(library, article_id, "\U0001f642", "Opinion", note=awkward, annotator="Zoë, R.")
    (row,) = rows(export_csv(library, article_id))
    assert (row["text"], row["note"], row["annotator"]) == ("\U0001f642", awkward, "Zoë, R.")
    assert BODY[int(row["start"]) : int(row["end"])] == "\U0001f642"


def test_csv_of_an_unknown_article_is_a_key_error(library):
    with pytest.raises(KeyError):
        export_csv(library, 42)


def test_the_file_is_utf8_with_a_byte_order_mark_so_excel_reads_it_as_such(library):
    article_id = add_article(library)
    annotate(library, article_id, "They left on Tuesday,", "Claim", note="café ’quoted’")
    data = export_csv(library, article_id).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert "café ’quoted’" in data.decode("utf-8-sig")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_a_spreadsheet_would_run_as_formulas_stay_text(library, start):
    article_id = add_article(library)
    formula = start + 'HYPERLINK("http://evil.example","click")'
    annotate(library, article_id, "40 people", "Claim", note=formula, annotator=start + "cmd")
    (row,) = rows(export_csv(library, article_id))
    assert row["note"] == "'" + formula
    assert row["annotator"] == "'" + start + "cmd"
    assert row["start"].isdigit() and row["text"] == "40 people"  # numbers and text as they are


def test_an_orphan_is_marked_in_its_own_column(library):
    read = rows(export_csv(library, annotated_article(library).article_id))
    states = {row["text"]: row["orphaned"] for row in read}
    assert states == {
        "40 people were killed": "no",
        "reportedly": "no",
        "Fighters left Mosul": "no",
        "much": "yes",  # the quote it had, though the text no longer holds it
    }
