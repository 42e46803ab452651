"""Tests of unattributed factual statements: the author's own assertions of events and figures."""

import pytest

from gui.core.sourcing.hedges import find_hedges
from gui.core.sourcing.model import Statement
from gui.core.sourcing.unattributed import find_unattributed
from tests.core.sourcing.claims_helpers import attribution, parse, source

pytestmark = pytest.mark.slow


def statements(body: str, attributions=()) -> list[str]:
    """Texts of the unattributed statements of a body (hedges found by the hedge finder)."""
    docs = parse(body)
    hedges = find_hedges(body, docs, list(attributions), None)
    found: list[Statement] = find_unattributed(body, docs, list(attributions), hedges)
    for statement in found:
        assert body[statement.start : statement.end] == statement.text
    return [s.text for s in found]


def test_a_past_event_without_a_source_is_flagged() -> None:
    body = "Militants Take City\n\nISIS captured the strategic city about a week ago."
    assert statements(body) == ["ISIS captured the strategic city about a week ago."]


def test_a_figure_without_a_source_is_flagged() -> None:
    body = "The bridge carries 40,000 vehicles a day. The bridge is beautiful."
    assert statements(body) == ["The bridge carries 40,000 vehicles a day."]


def test_perfect_and_passive_past_are_events() -> None:
    body = "Kesra has been held by rebel fighters since March. The road was closed on Friday."
    assert statements(body) == [
        "Kesra has been held by rebel fighters since March.",
        "The road was closed on Friday.",
    ]


def test_attributed_sentences_are_not_flagged() -> None:
    body = "Troops took the silos on Sunday, police said. The army withdrew."
    police = source(body, "police", "institution")
    said = attribution(body, "Troops took the silos on Sunday", police, cue="said", kind="indirect")
    assert statements(body, [said]) == ["The army withdrew."]


def test_a_sentence_mostly_inside_a_quote_is_not_flagged() -> None:
    body = "\u201cThe army withdrew from the hills on Monday. It lost 40 tanks.\u201d"
    army = source(body, "The army", "institution")
    quote = attribution(body, "The army withdrew from the hills on Monday. It lost 40 tanks.", army)
    assert statements(body, [quote]) == []


def test_hedged_and_speech_sentences_are_not_flagged() -> None:
    body = (
        "The rebels reportedly captured the airport. The army may have withdrawn. "
        "The general accused the rebels of looting."
    )
    assert statements(body) == []


def test_opinion_headlines_questions_and_present_states_are_not_flagged() -> None:
    body = (
        "Rebels Seized 12 Villages\n\nAP Photo/Militant Website\n\n"
        "The strategy is failing. Did the army withdraw? The city lies near Baghdad."
    )
    assert statements(body) == []
