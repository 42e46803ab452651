"""Markdown import: front matter to metadata, the rest rendered to readable plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.core.importing import ImportFailure, import_file
from gui.core.importing.markdown import split_front_matter

ARTICLE = """\
---
title: "Night Trains Return to the Northern Line"
author: Ines Moreau
date: 2024-03-05
source: Rail Gazette
url: https://gazette.invalid/night-trains
tags: [transport, europe]
---

# Night trains return

The first sleeper service in *eleven years* left the capital at 21:40 on Monday,
with **every berth** sold, according to [the operator](https://operator.invalid).

Passengers listed their reasons:

- cheaper than a hotel
- no airport queues
  - especially in winter

1. Board at platform 4
2. Wake up at the coast

> It felt like the old days, said one conductor.

```
timetable: 21:40 -> 07:15
```
"""

RENDERED = """\
Night trains return

The first sleeper service in eleven years left the capital at 21:40 on Monday, \
with every berth sold, according to the operator.

Passengers listed their reasons:

- cheaper than a hotel
- no airport queues
  - especially in winter

1. Board at platform 4
2. Wake up at the coast

It felt like the old days, said one conductor.

timetable: 21:40 -> 07:15"""


def write(tmp_path: Path, text: str, name: str = "article.md") -> Path:
    """Write text as UTF-8 to a file in tmp_path and return its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_is_rendered_to_plain_text(tmp_path):
    imported = import_file(write(tmp_path, ARTICLE))
    assert imported.body == RENDERED
    assert imported.format == "md"


def test_front_matter_becomes_metadata(tmp_path):
    metadata = import_file(write(tmp_path, ARTICLE)).metadata
    assert metadata.title == "Night Trains Return to the Northern Line"
    assert metadata.byline == "Ines Moreau"
    assert metadata.published == "2024-03-05"
    assert metadata.outlet == "Rail Gazette"
    assert metadata.url == "https://gazette.invalid/night-trains"


def test_front_matter_is_removed_from_the_body(tmp_path):
    body = import_file(write(tmp_path, ARTICLE)).body
    assert "---" not in body
    assert "Ines Moreau" not in body


def test_title_falls_back_to_the_first_heading(tmp_path):
    text = "Some intro line.\n\n## Ferry *timetable* changes\n\nThe ferry leaves at noon.\n"
    metadata = import_file(write(tmp_path, text, name="ferry.markdown")).metadata
    assert metadata.title == "Ferry timetable changes"


def test_front_matter_lists_and_credits(tmp_path):
    text = (
        "---\nauthors:\n  - Ines Moreau\n  - Pavel Horák\ncredits:\n  - Reuters/Handout\n"
        "date: March 5, 2024\n---\nThe strike ended at noon.\n"
    )
    metadata = import_file(write(tmp_path, text)).metadata
    assert metadata.byline == "Ines Moreau, Pavel Horák"
    assert metadata.credits == ("Reuters/Handout",)
    assert metadata.published == "2024-03-05"
    assert metadata.published_raw == "March 5, 2024"  # the library keeps the text too


def test_rule_lines_that_are_not_front_matter_stay(tmp_path):
    front, rest = split_front_matter("---\nJust a sentence of prose.\n---\nMore.\n")
    assert front == {}
    assert rest.startswith("---\nJust a sentence")


def test_front_matter_needs_a_closing_fence():
    front, rest = split_front_matter("---\ntitle: Open ended\nThe text goes on.\n")
    assert front == {}
    assert rest.startswith("---")


def test_crlf_markdown(tmp_path):
    path = tmp_path / "crlf.md"
    path.write_bytes(b"---\r\ntitle: Harbour\r\n---\r\n# Harbour\r\n\r\nQuiet day.\r\n")
    imported = import_file(path)
    assert imported.metadata.title == "Harbour"
    assert imported.body == "Harbour\n\nQuiet day."


def test_markdown_with_only_front_matter_has_no_text(tmp_path):
    with pytest.raises(ImportFailure) as caught:
        import_file(write(tmp_path, "---\ntitle: Nothing here\n---\n\n"))
    assert caught.value.reason == "no text found"


def test_tables_become_rows_of_cells(tmp_path):
    text = "Berths by port:\n\n| Port | Berths |\n|---|---|\n| Elswick | 4 |\n| Norham | 7 |\n"
    body = import_file(write(tmp_path, text)).body
    assert body == "Berths by port:\n\nPort | Berths\nElswick | 4\nNorham | 7"


def test_a_quoted_name_with_a_comma_stays_one_name(tmp_path):
    text = (
        '---\nauthor: "Moreau, Ines"\ncredits: ["Reuters, via Handout", \'AP, pool\']\n---\n'
        "The strike ended.\n"
    )
    metadata = import_file(write(tmp_path, text)).metadata
    assert metadata.byline == "Moreau, Ines"
    assert metadata.credits == ("Reuters, via Handout", "AP, pool")


def test_a_folded_value_is_read_whole_and_stays_out_of_the_text(tmp_path):
    text = (
        "---\ntitle: >\n  Night trains return\n  to the northern line\nsource: |\n"
        "  Rail Gazette\ndate: 2024-03-05\n---\nThe first train left at ten.\n"
    )
    imported = import_file(write(tmp_path, text))
    assert imported.metadata.title == "Night trains return to the northern line"
    assert imported.metadata.outlet == "Rail Gazette"
    assert imported.metadata.published == "2024-03-05"  # YAML's date, back to ISO 8601
    assert imported.body == "The first train left at ten."


def test_yaml_that_builds_objects_or_bombs_is_not_metadata(tmp_path):
    python_object = "---\ntitle: !!python/object/apply:os.system ['true']\n---\nText.\n"
    front, rest = split_front_matter(python_object)  # the safe loader refuses the tag
    assert front == {}
    assert rest == python_object
    laughs = "---\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    front, rest = split_front_matter(laughs + "title: Laughs\n---\nText.\n")
    assert front["title"] == ["Laughs"]  # nested lists are passed over, never expanded
    assert front["i"] == []
    assert rest == "Text.\n"
