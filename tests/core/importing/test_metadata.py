"""Metadata guessed from the header lines of plain text, and dates read with the stdlib."""

from __future__ import annotations

import pytest

from gui.core.articles import Metadata
from gui.core.importing import guess_metadata
from gui.core.importing import metadata as metadata_module
from gui.core.importing.metadata import is_credit, iso_date, known_outlet, merge_metadata

FIRST_PARAGRAPH = (
    "Government forces retook the hill town of Qasr Nadim on Sunday after a week of "
    "shelling, residents and a monitoring group said."
)


def test_the_header_from_the_brief():
    body = (
        "Rebels Regain Hill Town After Week of Shelling\n\nReuters Photo/Handout\n"
        f"Agence France-Presse\nDamascus, Syria\n\n{FIRST_PARAGRAPH}\n"
    )
    assert guess_metadata(body) == Metadata(
        title="Rebels Regain Hill Town After Week of Shelling",
        credits=("Reuters Photo/Handout",),
        outlet="Agence France-Presse",
        dateline="Damascus, Syria",
    )


def test_byline_date_and_place():
    body = (
        "Ferry Operator Cuts Winter Crossings\n"
        "By Jane Okafor and Luis Ferreira\n"
        "Tuesday, March 5, 2024\n"
        "Washington, D.C.\n\n"
        f"{FIRST_PARAGRAPH}\n"
    )
    metadata = guess_metadata(body)
    assert metadata.byline == "Jane Okafor and Luis Ferreira"
    assert metadata.published == "2024-03-05"
    assert metadata.published_raw == "Tuesday, March 5, 2024"
    assert metadata.dateline == "Washington, D.C."


def test_wire_dateline_at_the_start_of_the_first_paragraph():
    body = f"Car Bomb Hits Market Street\n\nBEIRUT (AP) — {FIRST_PARAGRAPH}\n"
    metadata = guess_metadata(body)
    assert metadata.dateline == "BEIRUT"
    assert metadata.outlet == "Associated Press"


@pytest.mark.parametrize(
    ("opening", "dateline", "outlet"),
    [
        ("GAZA CITY, Gaza Strip (Reuters) - ", "GAZA CITY, Gaza Strip", "Reuters"),
        ("KHARTOUM, Sudan (AFP) -- ", "KHARTOUM, Sudan", "Agence France-Presse"),
        ("WASHINGTON — ", "WASHINGTON", ""),
        ("NAIROBI - ", "", ""),  # a plain hyphen needs an agency to count
    ],
)
def test_wire_datelines(opening, dateline, outlet):
    metadata = guess_metadata(f"Headline Here\n\n{opening}{FIRST_PARAGRAPH}")
    assert (metadata.dateline, metadata.outlet) == (dateline, outlet)


def test_byline_with_outlet_after_the_names():
    metadata = guess_metadata(
        f"Headline Here\nBy Mira Sokolova, Associated Press\n\n{FIRST_PARAGRAPH}"
    )
    assert metadata.byline == "Mira Sokolova"
    assert metadata.outlet == "Associated Press"


def test_byline_from_a_role_line():
    metadata = guess_metadata(f"Headline Here\nYusuf Demir, Staff Writer\n\n{FIRST_PARAGRAPH}")
    assert metadata.byline == "Yusuf Demir"
    assert metadata.dateline == ""


def test_a_sentence_starting_with_by_is_no_byline():
    metadata = guess_metadata(f"Headline Here\nby the river\n\n{FIRST_PARAGRAPH}")
    assert metadata.byline == ""


def test_credits_anywhere_in_the_text_in_order():
    body = (
        "Harvest Festival Draws Record Crowds\n\nAP Photo/Militant Website\n\n"
        f"{FIRST_PARAGRAPH}\n\nReuters/John Smith\n\nMore text about the festival.\n\n"
        "(Photo: Village Council)\n\nAP Photo/Militant Website\n\nAFP via Getty Images\n"
    )
    assert guess_metadata(body).credits == (
        "AP Photo/Militant Website",
        "Reuters/John Smith",
        "(Photo: Village Council)",
        "AFP via Getty Images",
    )


@pytest.mark.parametrize(
    "line",
    ["AP Photo/Militant Website", "Reuters/John Smith", "(Photo: Jane Roe)",
     "Photograph: Council handout", "Reuters Photo/Handout", "Getty Images",
     "Xinhua/Li Wei", "EPA/Stringer"],
)  # fmt: skip
def test_credit_lines(line):
    assert is_credit(line)


@pytest.mark.parametrize(
    "line",
    ["The 24/7 news cycle never stops.", "and/or", "Rebels Regain Hill Town",
     "Prices rose 3/4 of a point/percent on the day. Traders said so.", "Reuters", ""],
)  # fmt: skip
def test_lines_that_are_not_credits(line):
    assert not is_credit(line)


def test_title_is_the_first_nonempty_line():
    assert guess_metadata("\n\n  Storm Warning Lifted  \n\nText.\n").title == "Storm Warning Lifted"


def test_a_long_first_paragraph_is_no_title():
    assert guess_metadata(FIRST_PARAGRAPH * 3).title == ""


def test_a_wire_paragraph_first_is_no_title():
    metadata = guess_metadata(f"BEIRUT (AP) — {FIRST_PARAGRAPH}")
    assert metadata.title == ""
    assert metadata.dateline == "BEIRUT"


def test_empty_text():
    assert guess_metadata("") == Metadata()
    assert guess_metadata("\n \n") == Metadata()


def test_header_stops_at_the_first_paragraph():
    body = f"Headline Here\n\n{FIRST_PARAGRAPH}\n\nLondon, England\n\nBy Someone Else\n"
    metadata = guess_metadata(body)
    assert metadata.dateline == ""
    assert metadata.byline == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T08:30:00+01:00", "2024-03-05"),
        ("2024-03-05T08:30:00Z", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Tuesday, Mar. 5th 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("Updated 10:32 a.m. EST, Sept. 30, 2023", "2023-09-30"),
        ("February 30, 2024", "February 30, 2024"),
        ("sometime last spring", "sometime last spring"),
    ],
)
def test_iso_date(text, expected):
    assert iso_date(text) == expected


def test_known_outlets_and_abbreviations():
    assert known_outlet("Al Jazeera") == "Al Jazeera"
    assert known_outlet("al jazeera.") == "Al Jazeera"
    assert known_outlet("AFP") == "Agence France-Presse"
    assert known_outlet("The Village Pump") == ""


def test_outlet_lexicon_is_read_when_present(tmp_path, monkeypatch):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "outlets.tsv").write_text(
        "name\tkind\tsource\nThe Village Pump\tnewspaper\tinvented\n", encoding="utf-8"
    )
    monkeypatch.setattr(metadata_module, "resource", lambda *parts: tmp_path.joinpath(*parts))
    metadata_module._outlets.cache_clear()
    try:
        assert known_outlet("the village pump") == "The Village Pump"
        assert known_outlet("name") == ""
        assert guess_metadata("Headline\nThe Village Pump\n").outlet == "The Village Pump"
    finally:
        metadata_module._outlets.cache_clear()


def test_missing_lexicon_is_tolerated(tmp_path, monkeypatch):
    monkeypatch.setattr(metadata_module, "resource", lambda *parts: tmp_path.joinpath(*parts))
    metadata_module._outlets.cache_clear()
    try:
        assert known_outlet("Reuters") == "Reuters"
    finally:
        metadata_module._outlets.cache_clear()


def test_merge_fills_only_empty_fields():
    primary = Metadata(title="From the file", outlet="")
    fallback = Metadata(title="Guessed", outlet="Reuters", credits=("Reuters/Handout",))
    assert merge_metadata(primary, fallback) == Metadata(
        title="From the file", outlet="Reuters", credits=("Reuters/Handout",)
    )


def test_name_then_outlet_is_a_byline_not_a_place():
    metadata = guess_metadata(f"Headline Here\nOmar Haddad, Reuters\n\n{FIRST_PARAGRAPH}")
    assert (metadata.byline, metadata.outlet, metadata.dateline) == ("Omar Haddad", "Reuters", "")


def test_section_labels_are_not_places():
    metadata = guess_metadata(f"Headline Here\nANALYSIS\nNICOSIA\n\n{FIRST_PARAGRAPH}")
    assert metadata.dateline == "NICOSIA"
