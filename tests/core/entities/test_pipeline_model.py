"""Tests of Pipeline.analyse with the real small English model (loaded once for the module)."""

from collections.abc import Iterator
from typing import Any

import pytest

from gui.core.entities.pipeline import (
    Cancelled,
    Entity,
    Pipeline,
    default_outlets,
    group_entities,
    load_pipeline,
    pipeline_id,
)
from gui.core.normalise import MAX_CHUNK
from gui.core.resources import resource

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The default pipeline, loaded once: loading takes about a second."""
    return load_pipeline()


@pytest.fixture(scope="module")
def sample() -> str:
    """The bundled sample article."""
    return resource("samples", "port-fire-sablonne.txt").read_text(encoding="utf-8")


def by_text(entities: list[Entity]) -> dict[str, Entity]:
    """Entities by their text (the last one wins)."""
    return {e.text: e for e in entities}


def assert_exact(body: str, entities: list[Entity]) -> None:
    """Every entity's offsets cut exactly its text out of the body."""
    assert entities == sorted(entities)
    for entity in entities:
        assert body[entity.start : entity.end] == entity.text


def test_pipeline_id_matches_the_cheap_one(pipeline: Pipeline) -> None:
    assert pipeline.id == pipeline_id(default_outlets())


def test_offsets_are_exact_around_emoji_quotes_and_no_break_spaces(pipeline: Pipeline) -> None:
    body = (
        "\U0001f680\U0001f525 Breaking \U0001d504: \u201cWe saw it,\u201d said Gen. "
        "Qassem\u00a0Soleimani in Baghdad on Monday.\n\n"
        "\U0001f1fa\U0001f1e6 Ashton Car\u00adter told\u2009CNN about 40\u00a0soldiers."
    )
    entities = pipeline.analyse(body)
    assert_exact(body, entities)
    found = by_text(entities)
    assert found["Qassem\u00a0Soleimani"].label == "PERSON"
    assert found["Qassem\u00a0Soleimani"].group == "Qassem Soleimani"
    assert found["Baghdad"].label == "PLACE"
    assert found["CNN"].label == "OUTLET"
    assert found["Ashton Car\u00adter"].group == "Ashton Carter"
    assert all(any(c.isalnum() for c in e.text) for e in entities)


def test_without_normalising_the_model_would_stop_at_qassem(pipeline: Pipeline) -> None:
    raw = pipeline.nlp("said Gen. Qassem\u00a0Soleimani in Baghdad.")
    assert "Qassem\u00a0Soleimani" not in [ent.text for ent in raw.ents]
    fixed = pipeline.analyse("said Gen. Qassem\u00a0Soleimani in Baghdad.")
    assert "Qassem\u00a0Soleimani" in [e.text for e in fixed]


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        (
            "\u201cWe will rebuild,\u201d the mayor told The Associated Press.",
            "The Associated Press",
        ),
        ("\u201cPolice sources said the road was closed,\u201d reports Al Jazeera.", "Al Jazeera"),
        (
            "The minister told the Kathmandu Post on Monday that 40 people died.",
            "the Kathmandu Post",
        ),
        ("According to the Kathmandu Post, 40 people died.", "the Kathmandu Post"),
        ("The Kathmandu Post reported that 40 people died.", "The Kathmandu Post"),
    ],
)
def test_outlets_in_relay_context(pipeline: Pipeline, body: str, outlet: str) -> None:
    entities = pipeline.analyse(body)
    assert by_text(entities)[outlet].label == "OUTLET"


def test_org_named_like_an_outlet_needs_the_context(pipeline: Pipeline) -> None:
    found = by_text(pipeline.analyse("The minister told the Ministry of Defense on Monday."))
    assert found["the Ministry of Defense"].label == "ORG"
    found = by_text(pipeline.analyse("Fire crews were at the Kathmandu Post building on Monday."))
    assert all(e.label != "OUTLET" for e in found.values())


def test_abbreviation_of_an_outlet_is_one_outlet_group(pipeline: Pipeline) -> None:
    body = "\u201cWe should not judge,\u201d Hadithi told the Associated Press (AP)."
    found = by_text(pipeline.analyse(body))
    assert found["the Associated Press"].label == found["AP"].label == "OUTLET"
    assert found["the Associated Press"].group == found["AP"].group == "Associated Press"


def test_defined_and_known_aliases_of_islamic_state_form_one_group(pipeline: Pipeline) -> None:
    body = (
        "Syrian troops are bolstering efforts to root out the Islamic State (ISIS/ISIL) from key "
        "territory.\n\nISIS captured the city a week ago. ISIL has reportedly killed hundreds."
    )
    entities = pipeline.analyse(body)
    groups = group_entities(entities)
    names = {e.text for e in groups["Islamic State"]}
    assert {"the Islamic State", "ISIS", "ISIL"} <= names
    assert len(groups["Islamic State"]) == 5


def test_surname_and_definition_groups(pipeline: Pipeline) -> None:
    body = (
        "A spokesman for Saad al-Hadithi, Iraq\u2019s prime minister, spoke on Monday. "
        "\u201cWe should not judge the whole army,\u201d Hadithi told reporters.\n"
        "The Marenian Petroleum Company (MPC) runs the depot. MPC said the fire was out."
    )
    entities = pipeline.analyse(body)
    groups = group_entities(entities)
    assert {e.text for e in groups["Saad al-Hadithi"]} == {"Saad al-Hadithi", "Hadithi"}
    assert [e.text for e in groups["Marenian Petroleum Company"]][1:] == ["MPC", "MPC"]


def test_spacy_labels_become_our_types(pipeline: Pipeline) -> None:
    body = "Barack Obama visited Paris and met French officials on Monday with 300 soldiers."
    labels = {e.text: e.label for e in pipeline.analyse(body)}
    assert labels == {
        "Barack Obama": "PERSON",
        "Paris": "PLACE",
        "French": "GROUP",
        "Monday": "DATE",
        "300": "NUMBER",
    }


def test_bundled_sample(pipeline: Pipeline, sample: str) -> None:
    entities = pipeline.analyse(sample)
    assert_exact(sample, entities)
    groups = group_entities(entities)
    assert {e.text for e in groups["Dana Kovac"]} == {"Dana\u00a0Kovac", "Kovac"}
    assert {e.text for e in groups["Youssef al-Amari"]} == {"Youssef al-Amari", "Amari"}
    assert {e.text for e in groups["Marenian Petroleum Company"]} >= {"MPC"}
    assert {e.text for e in groups["Agence France-Presse"]} == {"Agence France-Presse", "AFP"}
    outlets = {e.group for e in entities if e.label == "OUTLET"}
    assert outlets >= {"Reuters", "Al Jazeera", "Agence France-Presse", "Euronews"}


class PipeSpy:
    """Wraps nlp.pipe to record the length of every text the model is given."""

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe
        self.lengths: list[int] = []

    def __call__(self, texts: Any, **options: Any) -> Iterator[Any]:
        texts = list(texts)
        self.lengths += [len(text) for text in texts]
        return self.pipe(texts, **options)


def test_a_300_kb_text_is_fed_in_paragraphs_with_steady_progress(
    pipeline: Pipeline, sample: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_line = " ".join(sample.split("\n"))  # a 150 KB paragraph with no line break
    body = (sample + "\n\n") * 35 + one_line * 35
    assert 300_000 < len(body) < 330_000
    spy = PipeSpy(pipeline.nlp.pipe)
    monkeypatch.setattr(pipeline.nlp, "pipe", spy)
    calls: list[tuple[int, int]] = []
    entities = pipeline.analyse(body, progress=lambda done, total: calls.append((done, total)))
    assert_exact(body, entities)
    # Paragraphs, never the whole body (repeated paragraphs are parsed once).
    assert max(spy.lengths) <= MAX_CHUNK and len(spy.lengths) >= 2
    assert {total for _, total in calls} == {len(body)}
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert calls[0][0] == 0 and calls[-1][0] == len(body) and len(calls) > 10
    assert len(entities) > 70 * 60


def test_a_second_reading_of_the_same_paragraphs_parses_nothing(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = "\n\n".join(f"Paragraph {i}: officials in Baghdad met Reuters." for i in range(30))
    first = pipeline.analyse(body)
    spy = PipeSpy(pipeline.nlp.pipe)
    monkeypatch.setattr(pipeline.nlp, "pipe", spy)
    assert pipeline.analyse(body) == first
    assert spy.lengths == []  # the sourcing lens reads the body right after: no second parse


def test_cancelled_stops_after_the_first_batch(pipeline: Pipeline, sample: str) -> None:
    body = (sample + "\n\n") * 40
    calls: list[int] = []
    with pytest.raises(Cancelled):
        pipeline.analyse(
            body,
            progress=lambda done, total: calls.append(done),
            cancelled=lambda: len(calls) > 1,
        )
    assert len(calls) == 2
    assert 0 < calls[-1] < len(body) // 4


def test_empty_and_blank_bodies_have_no_entities(pipeline: Pipeline) -> None:
    calls: list[tuple[int, int]] = []
    assert pipeline.analyse("", progress=lambda d, t: calls.append((d, t))) == []
    assert pipeline.analyse(" \n\n\u00a0\n") == []
    assert calls[-1] == (0, 0)
