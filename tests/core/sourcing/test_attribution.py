"""Tests of attribution: each quote kind, relay chains, floating quotes and indirect speech."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.entities.pipeline import Pipeline, load_pipeline
from gui.core.normalise import normalise
from gui.core.sourcing.analysis import parse
from gui.core.sourcing.attribution import FallbackVerbs, find_attributions
from gui.core.sourcing.model import Attribution

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The real pipeline, loaded once for this module."""
    return load_pipeline()


@pytest.fixture
def attribute(pipeline: Pipeline):
    """A function: body -> its attributions (with the bundled lexicons)."""

    def run(body: str, lexicons=None) -> list[Attribution]:
        docs = parse(normalise(body).text, pipeline)
        return find_attributions(body, docs, pipeline.analyse(body), lexicons)

    return run


def quotes(found: list[Attribution]) -> list[Attribution]:
    """The attributions with quotation marks."""
    return [a for a in found if a.quote_marks]


def speaker(attribution: Attribution) -> str:
    """Resolved name or source text."""
    return attribution.source.name


def test_quote_then_subject_and_verb_is_direct(attribute) -> None:
    [found] = attribute("“The road is open again,” Ramesh Adhikari said on Friday.")
    assert found.kind == "direct"
    assert found.content.text == "The road is open again"
    assert found.cue is not None and found.cue.text == "said"
    assert found.source.span is not None and found.source.span.text == "Ramesh Adhikari"
    assert found.source.type == "person"
    assert found.verb_class == "neutral"
    assert found.quote_marks


def test_inverted_said_before_the_name(attribute) -> None:
    [found] = attribute("“This isn't a one-off,” said Priya Raman, a researcher at Leeds.")
    assert speaker(found) == "Priya Raman"
    assert found.kind == "direct"


def test_colon_introduces_a_direct_quote(attribute) -> None:
    [found] = attribute("District chief Ramesh Adhikari said: “The road is open for small cars.”")
    assert found.kind == "direct"
    assert "Ramesh Adhikari" in speaker(found)


def test_quote_split_around_its_attribution_gives_both_parts_the_speaker(attribute) -> None:
    body = "“The helicopter landed twice,” Sunita Gurung said, “because the cloud came down.”"
    first, second = quotes(attribute(body))
    assert speaker(first) == speaker(second) == "Sunita Gurung"


def test_quote_after_an_attributed_one_floats_on_its_speaker(attribute) -> None:
    body = (
        "“The offer is an insult,” union leader Maureen Keane said.\n\n"
        "“Our members are not asking for the moon.”"
    )
    first, second = attribute(body)
    assert second.kind == "floating"
    assert second.cue is None
    assert "Maureen Keane" in speaker(second)
    assert second.paragraph == first.paragraph + 1


def test_floating_does_not_reach_past_one_paragraph(attribute) -> None:
    body = (
        "“The offer is an insult,” Maureen Keane said.\n\n"
        "The port was quiet on Monday.\n\n"
        "“We will be back on Thursday.”"
    )
    last = attribute(body)[-1]
    assert last.content.text == "We will be back on Thursday."
    assert last.source.type == "unknown"


def test_multi_paragraph_quote_is_one_floating_quote(attribute) -> None:
    body = (
        "“We lost half the crop,” Grace Wanjiru told reporters.\n\n"
        "“Farmers are selling their cattle.\n\n"
        "“If nothing changes, we will import grain.”"
    )
    _first, second = attribute(body)
    assert second.kind == "floating"
    assert second.content.text.startswith("Farmers")
    assert second.content.text.endswith("import grain.")
    assert "Wanjiru" in speaker(second)


def test_short_embedded_quote_is_partial(attribute) -> None:
    body = "Councillor Sanne Mulder said the cost estimates were “pure guesswork.”"
    clause, found = attribute(body)  # the clause is reported speech too
    assert clause.kind == "indirect"
    assert clause.content.text == "the cost estimates were “pure guesswork"
    assert found.kind == "partial"
    assert found.content.text == "pure guesswork."
    assert "Sanne Mulder" in speaker(found)


def test_long_embedded_quote_is_mixed(attribute) -> None:
    body = (
        "The watchdog said managers had “repeatedly ignored warnings from nursing staff about "
        "unsafe staffing levels on the night shift” before two patients died."
    )
    clause, found = attribute(body)
    assert clause.kind == "indirect" and clause.content.text.startswith("managers had")
    assert found.kind == "mixed"


def test_scare_quote_without_speaker_is_partial_with_unknown_source(attribute) -> None:
    [found] = attribute("The alliance will boycott the so-called “national dialogue” this week.")
    assert found.kind == "partial"
    assert found.source.type == "unknown"
    assert found.cue is None


def test_quoted_outlet_relays_the_speaker_named_inside(attribute) -> None:
    body = (
        "“Police sources said the army had taken the silos east of the town,” reports Al Jazeera."
    )
    [found] = attribute(body)
    assert found.source.span is not None and found.source.span.text == "Police sources"
    assert found.source.type == "anonymous"
    assert [v.span.text for v in found.via if v.span] == ["Al Jazeera"]
    assert found.via[0].type == "outlet"


def test_pronoun_speaker_relayed_by_outlet(attribute) -> None:
    body = (
        "Gen. Qassem Soleimani accused the U.S. of doing nothing.\n\n"
        "“Nobody is present except Iran,” he said, reports Haaretz."
    )
    last = attribute(body)[-1]
    assert last.source.type == "pronoun"
    assert last.source.resolved == "Qassem Soleimani"
    assert last.source.verify
    assert [v.span.text for v in last.via if v.span] == ["Haaretz"]


def test_citing_gives_the_cited_source_via_the_outlet(attribute) -> None:
    [found] = attribute("CNN, citing state TV, reported that the blast was caused by a gas leak.")
    assert found.kind == "indirect"
    assert found.source.span is not None and found.source.span.text == "state TV"
    assert found.source.type == "outlet"
    assert [v.span.text for v in found.via if v.span] == ["CNN"]
    assert found.content.text == "the blast was caused by a gas leak"


def test_quoted_as_saying_gives_the_speaker_via_the_agency(attribute) -> None:
    body = (
        "The agency SANA quoted Governor Faris Hamdan as saying that “the culprits will be found.”"
    )
    [found] = attribute(body)
    assert "Faris Hamdan" in speaker(found)
    assert [v.span.text for v in found.via if v.span] == ["SANA"]


def test_trailing_it_said_inside_a_relayed_quote_names_the_speaker(attribute) -> None:
    body = (
        "“The Water Ministry said in a statement that talks had ended,” adds Al Arabiya. "
        "“Further meetings will be held next month, it said.”"
    )
    first, second = attribute(body)
    assert first.source.span is not None and first.source.span.text == "The Water Ministry"
    assert second.kind == "floating"
    assert second.source.resolved == "Water Ministry"
    assert second.content.text == "Further meetings will be held next month"
    assert [v.span.text for v in second.via if v.span] == ["Al Arabiya"]


def test_indirect_speech_has_no_quote_marks(attribute) -> None:
    [found] = attribute("Governor Elena Varga said inflation had fallen faster than forecast.")
    assert found.kind == "indirect"
    assert not found.quote_marks
    assert found.content.text == "inflation had fallen faster than forecast"


def test_speech_verb_after_the_statement_is_indirect(attribute) -> None:
    [found] = attribute("Troops pushed into the town on Sunday, residents said.")
    assert found.content.text == "Troops pushed into the town on Sunday"
    assert found.source.type == "anonymous"


def test_according_to_attributes_the_rest_of_the_sentence(attribute) -> None:
    body = "According to Mevlut Cavusoglu, Turkey's foreign minister, the two sides have agreed."
    [found] = attribute(body)
    assert found.kind == "according_to"
    assert found.cue is not None and found.cue.text == "According to"
    assert found.content.text == "the two sides have agreed"
    assert "Cavusoglu" in speaker(found)


def test_negated_speech_is_no_attribution(attribute) -> None:
    assert attribute("Whitfield did not say how many accounts were affected.") == []


def test_article_without_quotes_or_speech(attribute) -> None:
    assert attribute("The central bank left its main rate unchanged on Thursday.") == []


def test_loaded_verb_is_classed(attribute) -> None:
    [found] = attribute("“This is corruption, plain and simple,” Marta Sousa claimed.")
    assert found.verb_class == "loaded"


def test_participle_carries_the_subject_of_its_clause(attribute) -> None:
    body = (
        "Ashton Carter lashed out at Iraqi forces, telling CNN they “just showed no will to fight.”"
    )
    [found] = attribute(body)
    assert found.cue is not None and found.cue.text == "telling"
    assert "Ashton Carter" in speaker(found)
    assert found.source.channel == "CNN"


def test_unclosed_quote_ends_before_said_and_name(attribute) -> None:
    body = '"They fired tear gas at people on the steps, said Olek Marchenko, a student.'
    [found] = quotes(attribute(body))
    assert found.content.text == "They fired tear gas at people on the steps"
    assert "Olek Marchenko" in speaker(found)


def test_offsets_cut_content_cue_and_source_out_of_the_body(attribute) -> None:
    body = "Title Line\n\n“Every year we wait, the bill gets bigger,” he said.\u00a0“Truly.”"
    for found in attribute(body):
        for span in (found.content, found.cue, found.source.span):
            if span is not None:
                assert body[span.start : span.end] == span.text


def test_ids_follow_body_order(attribute) -> None:
    body = "“One,” Ana Lopez said.\n\n“Two,” Ben Okoro said.\n\n“Three,” Cara Diaz said."
    found = attribute(body)
    assert [a.id for a in found] == [1, 2, 3]
    assert [a.content.text for a in found] == ["One", "Two", "Three"]


def test_fallback_verbs_work_without_the_lexicon(attribute) -> None:
    [found] = attribute("“We will win,” Ana Lopez said.", lexicons=FallbackVerbs())
    assert speaker(found) == "Ana Lopez"
    assert FallbackVerbs().verb_class("lashed", "out") == "loaded"
    assert FallbackVerbs().verb_class("reports") == "relay"


WORDS = ["He", "said", "reports", "CNN", "the", "police", "according", "to", "told", "Ana Lopez"]
PIECES = [*WORDS, "“", "”", '"', ",", ".", "\n\n", " ", "’s", ":"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_any_jumble_of_words_and_marks_gives_valid_spans(pipeline: Pipeline, pieces) -> None:
    body = " ".join(pieces)
    docs = parse(normalise(body).text, pipeline)
    for found in find_attributions(body, docs, pipeline.analyse(body)):
        assert found.kind in ("direct", "indirect", "mixed", "partial", "floating", "according_to")
        for span in (found.content, found.cue, found.source.span, *(v.span for v in found.via)):
            if span is not None:
                assert body[span.start : span.end] == span.text
