"""Tests of source typing, anonymity cues, channels and pronoun/description resolution."""

from __future__ import annotations

import pytest

from gui.core.entities.pipeline import Entity, Pipeline, load_pipeline
from gui.core.normalise import normalise
from gui.core.sourcing.analysis import parse
from gui.core.sourcing.attribution import find_attributions
from gui.core.sourcing.model import Source
from gui.core.sourcing.sources import EntityIndex

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The real pipeline, loaded once for this module."""
    return load_pipeline()


@pytest.fixture
def sources(pipeline: Pipeline):
    """A function: body -> the source of each attribution, in body order."""

    def run(body: str) -> list[Source]:
        docs = parse(normalise(body).text, pipeline)
        return [a.source for a in find_attributions(body, docs, pipeline.analyse(body))]

    return run


@pytest.fixture
def last(sources):
    """A function: body -> the source of its last attribution."""
    return lambda body: sources(body)[-1]


def text(source: Source) -> str:
    """The source as written."""
    return source.span.text if source.span else ""


@pytest.mark.parametrize(
    ("body", "written", "kind"),
    [
        (
            "Prime Minister Hedi Mansour said the timetable was final.",
            "Prime Minister Hedi Mansour",
            "person",
        ),
        (
            "Iraq's Ministry of Defense said the city was surrounded.",
            "Iraq's Ministry of Defense",
            "institution",
        ),
        ("The military said the strikes had hit their targets.", "The military", "institution"),
        ("CNN reported that the blast was caused by a leak.", "CNN", "outlet"),
        (
            "Syrian state TV reported that 400 civilians had been killed.",
            "Syrian state TV",
            "outlet",
        ),
        ("Police sources said the army had taken the silos.", "Police sources", "anonymous"),
        (
            "Activists in Palmyra said fighters hunted down troops.",
            "Activists in Palmyra",
            "anonymous",
        ),
        (
            "An Iranian general said the U.S. lacked the will to fight.",
            "An Iranian general",
            "anonymous",
        ),
        ("A senior official said the talks had stalled.", "A senior official", "anonymous"),
        ("Officials said the road had reopened.", "Officials", "anonymous"),
        ("Witnesses said the police fired tear gas.", "Witnesses", "anonymous"),
        (
            "A spokesman for Saad al-Hadithi said Carter was wrong.",
            "A spokesman for Saad al-Hadithi",
            "anonymous",
        ),
    ],
)
def test_source_types(last, body: str, written: str, kind: str) -> None:
    source = last(body)
    assert text(source) == written
    assert source.type == kind
    assert source.anonymous == (kind == "anonymous")


@pytest.mark.parametrize(
    "body",
    [
        "The officer, who spoke on condition of anonymity, said the raid was planned.",
        "The adviser, who was not authorized to discuss the plans, said they were final.",
        "A person familiar with the talks said a deal was close.",
        "Another person briefed on the plans said the vote was delayed.",
    ],
)
def test_ap_anonymity_cues_mark_the_source_anonymous(last, body: str) -> None:
    source = last(body)
    assert source.anonymous
    assert source.type == "anonymous"


def test_named_person_with_an_anonymity_cue_elsewhere_stays_named(last) -> None:
    source = last("Maria Lopez, who declined to be named in full, said the raid was planned.")
    assert source.type == "person"


def test_he_resolves_to_the_last_named_person(last) -> None:
    body = "Mayor Pieter van Dalen defended the plan.\n\n“The bill only grows,” he said."
    source = last(body)
    assert source.type == "pronoun"
    assert source.resolved == "Pieter van Dalen"
    assert source.verify


def test_she_skips_a_person_named_only_as_an_object(last) -> None:
    body = (
        "Councillor Sanne Mulder said the estimates were guesswork. She told broadcaster "
        "Willem Kok that the council wanted a review.\n\n“We are not against it,” she said."
    )
    assert last(body).resolved == "Sanne Mulder"


def test_it_resolves_to_the_last_outlet_or_institution_source(last) -> None:
    body = (
        "“Fighters have reportedly killed hundreds of people,” notes Al Jazeera.\n\n"
        "“Aid groups cannot reach the camps,” it adds."
    )
    source = last(body)
    assert source.type == "pronoun"
    assert source.resolved == "Al Jazeera"


def test_description_resolves_through_the_abbreviated_title(last) -> None:
    body = (
        "Gen. Viktor Sokolenko said his troops had pushed the rebels back.\n\n"
        "“The crossing is ours,” the general said."
    )
    source = last(body)
    assert source.type == "description"
    assert source.resolved == "Viktor Sokolenko"
    assert source.verify


def test_description_resolves_to_an_earlier_vague_source(last) -> None:
    body = (
        "A spokesman for the rebels said the claim was false.\n\n"
        "The spokesman said the town was still held."
    )
    assert last(body).resolved == "A spokesman for the rebels"


def test_apposition_names_the_source(last) -> None:
    source = last("The port operator, Mersey Freight Holdings, said it was “disappointed.”")
    assert source.type == "institution"
    assert source.resolved == "Mersey Freight Holdings"


def test_named_spokesman_in_apposition_is_a_person(last) -> None:
    source = last("A spokesman for the rebels, Yusuf Kadri, said the claim was false.")
    assert source.type == "person"
    assert source.resolved == "Yusuf Kadri"


def test_common_noun_before_a_name_gives_its_type(last) -> None:
    assert last("Gulf carrier Sahra Air said it had grounded its fleet.").type == "institution"
    assert last("Regional governor Pavel Ermolov said the drones were downed.").type == "person"


def test_surname_of_a_person_source_stays_a_person(sources) -> None:
    body = (
        "Foreign Minister Samir Lotfy said the filling broke the law.\n\n"
        "Lotfy also said he had called his counterpart."
    )
    assert [s.type for s in sources(body)] == ["person", "person"]


@pytest.mark.parametrize(
    ("body", "channel"),
    [
        ("“We were wrong,” Hadithi told The Associated Press.", "The Associated Press"),
        ("The ministry said in a statement that the town was secured.", "in a statement"),
        ("Minister Layla Nasser said on state TV that the jets were grounded.", "on state TV"),
        ("Opposition activists claimed on Twitter that the depot stored weapons.", "on Twitter"),
        (
            "In an interview with Al Arabiya, Layla Nasser said the review would take a week.",
            "In an interview with Al Arabiya",
        ),
    ],
)
def test_channels(last, body: str, channel: str) -> None:
    assert last(body).channel == channel


def test_user_corrected_entity_label_wins_over_the_model(pipeline: Pipeline) -> None:
    body = "Palmyra said the siege was over."
    docs = parse(normalise(body).text, pipeline)
    corrected = [Entity(0, 7, "ORG", "Palmyra", "Palmyra")]
    [found] = find_attributions(body, docs, corrected)
    assert found.source.type == "institution"


def test_entity_index_finds_the_entity_at_a_position() -> None:
    index = EntityIndex(
        [Entity(10, 20, "PERSON", "Ana Lopez!", "Ana Lopez"), Entity(0, 3, "ORG", "CNN", "CNN")]
    )
    assert index.at(1) is not None and index.at(1).text == "CNN"
    assert index.at(15) is not None and index.at(15).label == "PERSON"
    assert index.at(5) is None
    assert [e.text for e in index.between(0, 11)] == ["CNN", "Ana Lopez!"]


def test_anonymity_phrases_of_the_lexicon_count(pipeline: Pipeline) -> None:
    from gui.core.sourcing.lexicons import load_lexicons

    body = "The insider said the deal was close."
    docs = parse(normalise(body).text, pipeline)
    plain = find_attributions(body, docs, pipeline.analyse(body), load_lexicons())
    assert plain[0].source.type == "description"
    extra = load_lexicons({"anonymity": [{"phrase": "the insider"}]})
    [found] = find_attributions(body, docs, pipeline.analyse(body), extra)
    assert found.source.anonymous
    assert found.source.type == "anonymous"


def test_a_source_takes_the_last_alias_group_inside_it_in_the_order_given():
    from gui.core.sourcing.source_rows import GroupSpans

    groups = [(10, 15, "Stahl"), (0, 4, "Mayor"), (5, 9, "Elin"), (20, 25, "Outside")]
    spans = GroupSpans(groups)
    assert spans.last_inside(10, 15) == "Stahl"
    assert spans.last_inside(0, 15) == "Elin"  # last in the order given, not by position
    assert spans.last_inside(0, 9) == "Elin"
    assert spans.last_inside(0, 4) == "Mayor"
    assert spans.last_inside(0, 12) == "Elin"  # Stahl ends past 12
    assert spans.last_inside(16, 19) is None
    assert GroupSpans([]).last_inside(0, 100) is None
