"""Tests of the hedge finder: classes, bands, the part-of-speech filter and the speaker."""

import pytest

from gui.core.sourcing.hedges import find_hedges
from gui.core.sourcing.lexicons import load_lexicons
from gui.core.sourcing.model import Hedge
from tests.core.sourcing.claims_helpers import attribution, parse, source

pytestmark = pytest.mark.slow


def hedges(body: str, attributions=(), lexicons=None) -> list[Hedge]:
    """The hedges of a body."""
    return find_hedges(body, parse(body), list(attributions), lexicons or load_lexicons())


def found(body: str, **kwargs) -> dict[str, str]:
    """Hedge text -> class."""
    return {h.text: h.cls for h in hedges(body, **kwargs)}


def test_offsets_cut_the_text_out_of_the_body() -> None:
    body = "Title\n\nThe militants reportedly\u00a0fled, and “it is believed” more may follow."
    for hedge in hedges(body):
        assert body[hedge.start : hedge.end] == hedge.text


def test_will_the_noun_is_not_a_hedge_but_may_the_modal_is() -> None:
    body = "The troops just showed no will to fight. Reinforcements may arrive on Monday."
    assert found(body) == {"may": "possible"}


def test_the_noun_will_stays_out_even_when_a_trainer_counts_the_modal() -> None:
    body = (
        'They showed no will to fight. The U.S. lacked the "will" to fight. The army will retreat.'
    )
    lexicons = load_lexicons({"hedges": [{"phrase": "will", "class": "possible"}]})
    will = [h for h in hedges(body, lexicons=lexicons) if h.cls == "possible"]
    assert [h.start for h in will] == [body.index("will retreat")]


def test_may_the_month_is_not_a_hedge() -> None:
    body = "The talks were held in May. Officials said they might resume in May next year."
    assert found(body) == {"might": "possible"}


def test_agentless_attribution() -> None:
    body = (
        "The rebels reportedly seized the airport. The general allegedly ordered the strike. "
        "It is believed that the convoy turned back. Sources say the deal is close."
    )
    assert found(body) == {
        "reportedly": "agentless",
        "allegedly": "agentless",
        "It is believed": "agentless",
        "Sources say": "agentless",
    }


def test_qualified_sources_are_a_named_kind_of_source_not_agentless() -> None:
    assert found("Police sources said the army had taken the silos.") == {}


def test_probable_hedges_carry_their_icd_203_band() -> None:
    body = "The ceasefire will likely hold. A deal is very likely. An attack is unlikely."
    bands = {h.text: (h.cls, h.band) for h in hedges(body)}
    assert bands == {
        "likely": ("probable", "55-80%"),
        "very likely": ("probable", "80-95%"),
        "unlikely": ("probable", "20-45%"),
    }


def test_possible_hedges() -> None:
    body = "The strike could widen. It might end soon. Possibly, the talks resume."
    assert found(body) == {"could": "possible", "might": "possible", "Possibly": "possible"}


def test_could_of_ability_is_not_a_hedge() -> None:
    assert found("The helicopter could only land twice. Divers could not reach it.") == {}


def test_belief_hedges() -> None:
    body = "The leader is believed to be in hiding. The militants are thought to number many."
    assert found(body) == {"believed": "belief", "thought to": "belief"}


def test_conditions_head_adverbial_clauses_only() -> None:
    body = (
        "If the rains fail, prices will rise. Aid stops unless the road opens. "
        "He asked if it rained."
    )
    assert found(body) == {"If": "condition", "unless": "condition"}


def test_doubt_markers_are_adjectives_not_speech_verbs() -> None:
    body = "The so-called caliphate shrank after the alleged attack. He alleged that police fired."
    assert found(body) == {"so-called": "doubt", "alleged": "doubt"}
    assert [h.start for h in hedges(body) if h.text == "alleged"] == [body.index("alleged")]


def test_approximators_bear_on_figures() -> None:
    body = (
        "About 400 civilians died. Up to 300 fled. Troops advanced nearly 12 miles. "
        "At least 40 were hurt. They talked about the war. Prices nearly doubled."
    )
    assert found(body) == {
        "About": "approximator",
        "Up to": "approximator",
        "nearly": "approximator",
        "At least": "approximator",
    }
    texts = [h.text for h in hedges(body)]
    assert texts.count("nearly") == 2
    assert "about" not in texts


def test_the_authors_scare_quotes_are_doubt_but_partial_quotes_are_not() -> None:
    body = 'The ministry praised its "security review" of the offices. Aides called it a "sham".'
    assert found(body) == {"security review": "doubt", "sham": "doubt"}
    spoken = attribution(body, "sham", source(body, "Aides"), kind="partial", cue="called")
    assert found(body, attributions=[spoken]) == {"security review": "doubt"}


def test_full_quotes_are_not_scare_quotes() -> None:
    body = 'He said: "We will win." She added, "Never again," and left.'
    assert found(body) == {}


def test_speaker_is_the_source_of_the_innermost_attribution() -> None:
    body = (
        '"Police sources said the army may have taken about 40 villages," reports Al Jazeera. '
        "The army reportedly withdrew."
    )
    outlet = source(body, "Al Jazeera", "outlet")
    outer = attribution(
        body, "Police sources said the army may have taken about 40 villages", outlet
    )
    police = source(body, "Police sources", "anonymous", anonymous=True)
    inner = attribution(body, "the army may have taken about 40 villages", police, via=(outlet,))
    speakers = {h.text: h.speaker for h in hedges(body, attributions=[outer, inner])}
    assert speakers == {"may": "Police sources", "about": "Police sources", "reportedly": ""}


def test_a_library_override_changes_what_is_found() -> None:
    body = "The rebels reportedly seized the airport, and they reckon it will hold."
    lexicons = load_lexicons(
        {
            "hedges": [
                {"phrase": "reportedly", "remove": True},
                {"phrase": "reckon", "class": "belief"},
            ]
        }
    )
    assert found(body, lexicons=lexicons) == {"reckon": "belief"}


def test_no_paragraphs_no_hedges() -> None:
    assert hedges("") == []
