"""Tests of numeric claims: value, approximator, what is counted, window, event, source, group."""

import pytest

from gui.core.sourcing.lexicons import load_lexicons
from gui.core.sourcing.model import NumericClaim
from gui.core.sourcing.numbers import find_numbers
from gui.core.sourcing.numbers_words import counted_family, event_family, parse_value, stem
from tests.core.sourcing.claims_helpers import attribution, entities, parse, source

PALMYRA = (
    "Palmyra Falls\n\n"
    "“ISIL has reportedly killed hundreds of people since it entered the town 10 days ago,” "
    "notes Al Jazeera.\n\n"
    "“State TV said that about 400 civilians had been killed by the group since Wednesday, "
    "while activists said the fighters hunted down soldiers and loyalists, killing up to 300 "
    "of them,” it adds.\n\n"
    "Engineers repaired nearly 12 miles of road in 2015.\n"
)


def claims(body: str, attributions=()) -> list[NumericClaim]:
    """The numeric claims of a body."""
    return find_numbers(body, parse(body), entities(body), list(attributions), load_lexicons())


def by_text(found: list[NumericClaim]) -> dict[str, NumericClaim]:
    """Claims by their text."""
    return {c.span.text: c for c in found}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("400", 400),
        ("about 400", 400),
        ("3,000", 3000),
        ("12 miles", 12),
        ("$3.5 million", 3_500_000),
        ("twenty-five", 25),
        ("nearly a dozen", 12),
        ("two hundred", 200),
        ("20%", 20),
        ("1.2 billion", 1_200_000_000),
        ("hundreds", None),
        ("dozens", None),
        ("miles", None),
    ],
)
def test_parse_value(text: str, value: float | None) -> None:
    assert parse_value(text) == value


def test_stems_and_families_join_words_of_close_meaning() -> None:
    assert stem("killed") == stem("killing") == stem("kills") == stem("kill")
    assert stem("captured") == stem("capturing") == stem("capture")
    assert event_family("killed") == event_family("died") == event_family("dead") == "kill"
    assert event_family("death toll") == "kill"
    assert event_family("retaken") == ""
    assert counted_family("civilians") == counted_family("people") == "people"
    assert counted_family("troops and loyalists") == "combatants"


@pytest.mark.slow
def test_the_palmyra_figures_land_in_one_group_with_their_own_scope() -> None:
    found = by_text(claims(PALMYRA))
    hundreds, about, up_to = found["hundreds"], found["about 400"], found["up to 300"]
    assert (about.value, about.approximator, about.counted) == (400, "about", "civilians")
    assert about.window == "since Wednesday"
    assert (up_to.value, up_to.approximator, up_to.counted) == (
        300,
        "up to",
        "soldiers and loyalists",
    )
    assert up_to.window == ""
    assert (hundreds.value, hundreds.counted, hundreds.event) == (None, "people", "killed")
    assert hundreds.window == "since it entered the town 10 days ago"
    assert hundreds.group == about.group == up_to.group
    assert (about.event, up_to.event) == ("killed", "killing")


@pytest.mark.slow
def test_figures_about_other_things_get_other_groups_and_dates_are_not_figures() -> None:
    found = by_text(claims(PALMYRA))
    road = found["nearly 12 miles"]
    assert (road.value, road.approximator, road.counted, road.event) == (
        12,
        "nearly",
        "miles",
        "repaired",
    )
    assert road.group != found["about 400"].group
    assert not any("2015" in text or "10" in text for text in found)


@pytest.mark.slow
def test_offsets_and_ids() -> None:
    found = claims(PALMYRA)
    assert [c.id for c in found] == list(range(1, len(found) + 1))
    for claim in found:
        assert PALMYRA[claim.span.start : claim.span.end] == claim.span.text


@pytest.mark.slow
def test_source_and_relay_chain_come_from_the_innermost_attribution() -> None:
    outlet = source(PALMYRA, "Al Jazeera", "outlet")
    relayed = attribution(
        PALMYRA,
        "about 400 civilians had been killed by the group since Wednesday",
        source(PALMYRA, "State TV", "outlet"),
        via=(outlet,),
    )
    quote = PALMYRA[PALMYRA.index("State TV said") : PALMYRA.index("of them") + len("of them")]
    whole = attribution(PALMYRA, quote, outlet)
    found = by_text(claims(PALMYRA, [whole, relayed]))
    assert (found["about 400"].source, found["about 400"].via) == ("State TV", ("Al Jazeera",))
    assert (found["up to 300"].source, found["up to 300"].via) == ("Al Jazeera", ())
    assert (found["nearly 12 miles"].source, found["nearly 12 miles"].via) == ("", ())


@pytest.mark.slow
def test_event_nouns_and_risen_totals_group_with_the_event() -> None:
    body = (
        "The death toll rose to 45 on Sunday. At least 40 people were killed in the past week. "
        "Police arrested 12 men. Rebels seized twenty-five villages over the weekend."
    )
    found = by_text(claims(body))
    toll, killed = found["45"], found["At least 40"]
    assert toll.counted == "death toll"
    assert (killed.approximator, killed.counted, killed.window) == (
        "at least",
        "people",
        "in the past week",
    )
    assert toll.group == killed.group
    villages = found["twenty-five"]
    assert (villages.value, villages.counted, villages.window) == (
        25,
        "villages",
        "over the weekend",
    )
    assert len({toll.group, found["12"].group, villages.group}) == 3


@pytest.mark.slow
def test_a_lone_one_and_ordinals_claim_nothing() -> None:
    body = "We should not judge the army on one incident. It was the first attack in the town."
    assert claims(body) == []


@pytest.mark.slow
def test_a_killed_one_is_a_claim() -> None:
    body = "One person was killed and 14 officers were injured."
    found = by_text(claims(body))
    assert set(found) == {"One", "14"}
    assert found["14"].counted == "officers"
