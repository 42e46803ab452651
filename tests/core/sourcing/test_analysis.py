"""Tests of analyse_sourcing: the JSON shape, offsets into the body, progress, every finder."""

from __future__ import annotations

import json

import pytest

from gui.core.entities.pipeline import Pipeline, load_pipeline
from gui.core.sourcing.analysis import analyse_sourcing
from gui.core.sourcing.model import Findings

pytestmark = pytest.mark.slow

WIRE = (
    "Forces Push Into Northern Town\n\n"
    "Reuters\nAnkara\n\n"
    "Government troops pushed into the town of Kesra on Sunday, residents said.\n\n"
    "“Police sources said the army had taken the silos east of the town,” reports Al Jazeera.\n\n"
    "“The fighting has reportedly displaced more than 20,000 people,” it adds.\n\n"
    "The Interior Ministry said the town would be “fully secured” within days.\n"
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """The real pipeline, loaded once for this module."""
    return load_pipeline()


def analyse(pipeline: Pipeline, body: str, **kwargs) -> Findings:
    """analyse_sourcing with the pipeline's own entities."""
    return analyse_sourcing(body, pipeline, pipeline.analyse(body), **kwargs)


def spans_in(data: object) -> list[dict]:
    """Every {start, end, text} dict anywhere in the JSON data."""
    if isinstance(data, dict):
        own = [data] if {"start", "end", "text"} <= data.keys() else []
        return own + [s for value in data.values() for s in spans_in(value)]
    if isinstance(data, list):
        return [s for item in data for s in spans_in(item)]
    return []


def test_json_has_the_cli_shape_of_the_issue(pipeline: Pipeline) -> None:
    data = analyse(pipeline, WIRE).to_json()
    assert {"attributions", "hedges", "numbers", "profile"} <= data.keys()
    first = data["attributions"][0]
    assert {"kind", "cue", "source", "content", "via"} <= first.keys()
    assert {"start", "end", "text", "type", "resolved"} <= first["source"].keys()
    relayed = next(a for a in data["attributions"] if a["via"])
    assert relayed["source"]["text"] == "Police sources"
    assert [v["text"] for v in relayed["via"]] == ["Al Jazeera"]
    for hedge in data["hedges"]:
        assert {"start", "end", "text", "class"} <= hedge.keys()
    for number in data["numbers"]:
        assert {"start", "end", "text", "approximator", "counted", "source"} <= number.keys()
    json.dumps(data)  # plain JSON all the way down


def test_every_span_cuts_its_text_out_of_the_body(pipeline: Pipeline) -> None:
    for span in spans_in(analyse(pipeline, WIRE).to_json()):
        if span["start"] is not None:
            assert WIRE[span["start"] : span["end"]] == span["text"]


def test_invisible_characters_keep_offsets_on_the_body(pipeline: Pipeline) -> None:
    body = WIRE.replace("Police sources", "Po\u00adlice sources").replace("silos", "si\u200blos")
    findings = analyse(pipeline, body)
    relayed = next(a for a in findings.attributions if a.via)
    assert relayed.source.span is not None
    assert relayed.source.span.text == "Po\u00adlice sources"
    assert "si\u200blos" in relayed.content.text
    for span in spans_in(findings.to_json()):
        if span["start"] is not None:
            assert body[span["start"] : span["end"]] == span["text"]


def test_progress_runs_up_to_the_body_length(pipeline: Pipeline) -> None:
    calls: list[tuple[int, int]] = []
    analyse(pipeline, WIRE, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (len(WIRE), len(WIRE))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_empty_and_header_only_bodies_give_empty_findings(pipeline: Pipeline) -> None:
    for body in ("", "Title Only\n\nReuters\n"):
        findings = analyse(pipeline, body)
        assert findings.attributions == ()


# One of each: an insertion and an ellipsis in a quote, a speaker with a role, hedges,
# figures, and a statement of fact nobody is said to have made.
EVERY_FINDER = (
    "Fighting in Kesra\n\n"
    "Ahmed Saleh, a police spokesman, told Reuters: "
    "“The [rebel] fighters have left … the silos.”\n\n"
    "The ministry reportedly estimated that about 400 people were killed since Wednesday.\n\n"
    "At least 30 buildings were destroyed on Sunday.\n"
)


def test_every_finder_contributes_to_the_analysis(pipeline: Pipeline) -> None:
    # A finder that broke (or was no longer called) would leave its part empty here.
    findings = analyse(pipeline, EVERY_FINDER)
    assert [a.source.name for a in findings.attributions] == ["Ahmed Saleh", "The ministry"]
    assert {"reportedly", "about", "At least"} <= {h.text for h in findings.hedges}
    assert [(n.span.text, n.counted) for n in findings.numbers] == [
        ("about 400", "people"),
        ("At least 30", "buildings"),
    ]
    assert [(f.text, f.kind) for f in findings.integrity] == [
        ("[rebel]", "insertion"),
        ("…", "ellipsis"),
    ]
    assert [(r.group, r.roles) for r in findings.roles] == [("Ahmed Saleh", ("police spokesman",))]
    assert [s.text for s in findings.unattributed] == [
        "At least 30 buildings were destroyed on Sunday."
    ]
    # No metadata names the article's outlet: Reuters, told the words, relays them.
    assert [v.name for v in findings.attributions[0].via] == ["Reuters"]
    assert (findings.profile.named, findings.profile.unattributed) == (2, 1)
    assert findings.profile.hedge_density > 0


def test_the_claims_finders_run_over_the_same_parse(pipeline: Pipeline) -> None:
    findings = analyse(pipeline, WIRE)
    assert "reportedly" in {h.text for h in findings.hedges}
