"""Findings to JSON and back: the same values, old caches read, damaged ones refused."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.sourcing.model import (
    Attribution,
    Findings,
    Hedge,
    IntegrityFlag,
    NumericClaim,
    Profile,
    RoleFlag,
    Source,
    SpanText,
    Statement,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "sourcing"

texts = st.text(max_size=12)
offsets = st.integers(0, 10_000)
spans = st.builds(SpanText, offsets, offsets, texts)
sources = st.builds(
    Source, st.none() | spans, texts, texts, st.booleans(), texts, st.booleans()
)  # fmt: skip
attributions = st.builds(
    Attribution,
    offsets,
    texts,
    st.none() | spans,
    sources,
    spans,
    st.lists(sources, max_size=2).map(tuple),
    texts,
    st.booleans(),
    offsets,
    st.booleans(),
)
numbers = st.builds(
    NumericClaim,
    offsets,
    spans,
    st.none() | st.integers(-(10**6), 10**6) | st.floats(allow_nan=False, allow_infinity=False),
    texts,
    texts,
    texts,
    texts,
    texts,
    st.lists(texts, max_size=2).map(tuple),
    offsets,
)
measures = st.integers(0, 50) | st.floats(0, 100, allow_nan=False)
findings = st.builds(
    Findings,
    st.lists(attributions, max_size=3).map(tuple),
    st.lists(st.builds(Hedge, offsets, offsets, texts, texts, texts, texts), max_size=3).map(tuple),
    st.lists(numbers, max_size=3).map(tuple),
    st.lists(st.builds(IntegrityFlag, offsets, offsets, texts, texts), max_size=2).map(tuple),
    st.lists(
        st.builds(RoleFlag, texts, st.lists(texts).map(tuple), texts, st.lists(spans).map(tuple)),
        max_size=2,
    ).map(tuple),
    st.lists(st.builds(Statement, offsets, offsets, texts), max_size=2).map(tuple),
    st.builds(Profile, *([measures] * 9)),
)


@settings(max_examples=200, deadline=None)
@given(findings)
def test_any_findings_come_back_the_same_through_json_text(value: Findings) -> None:
    stored = json.dumps(value.to_json(), ensure_ascii=False)
    assert Findings.from_json(json.loads(stored)) == value
    assert json.dumps(Findings.from_json(json.loads(stored)).to_json()) == json.dumps(
        value.to_json()
    )  # and the JSON written again is byte for byte the same


@pytest.mark.slow
def test_real_analysis_of_every_fixture_comes_back_the_same() -> None:
    from gui.core.sourcing.analysis import analyse_sourcing
    from tests.core.sourcing.claims_helpers import pipeline

    for path in sorted(FIXTURES.glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        found = analyse_sourcing(body, pipeline(), pipeline().analyse(body))
        text = json.dumps(found.to_json(), ensure_ascii=False)
        assert Findings.from_json(json.loads(text)) == found, path.name


def test_keys_an_older_cache_lacks_take_their_defaults() -> None:
    old = {
        "attributions": [
            {
                "id": 1,
                "kind": "direct",
                "cue": None,
                "source": {"start": None, "end": None, "text": "", "resolved": "Ana"},
                "content": {"start": 3, "end": 9, "text": "We won"},
            }
        ],
        "numbers": [{"id": 1, "start": 20, "end": 23, "text": "400"}],
        "profile": {"named": 1},
    }
    read = Findings.from_json(old)
    assert read.attributions[0].source == Source(None, resolved="Ana")
    assert read.attributions[0].via == () and read.attributions[0].paragraph == 0
    assert read.numbers == (NumericClaim(1, SpanText(20, 23, "400")),)
    assert read.profile == Profile(named=1)
    assert read.hedges == () and read.roles == ()
    assert Findings.from_json({}) == Findings()


@pytest.mark.parametrize(
    "damaged",
    [
        [],
        {"attributions": {}},
        {"attributions": ["not an object"]},
        {"hedges": [{"start": "3", "end": 5, "text": "may", "class": "possible"}]},
        {"hedges": [{"start": 3, "end": 5, "text": "may"}]},  # its class is required
        {"numbers": [{"id": 1, "start": 0, "end": 3, "text": "400", "value": "400"}]},
        {"numbers": [{"id": True, "start": 0, "end": 3, "text": "400"}]},
        {"numbers": [{"id": 1, "start": 0, "end": 3, "text": "400", "via": [7]}]},
        {"profile": {"named": "two"}},
        {"profile": []},
        {"roles": [{"group": "Ana", "roles": "spokesman", "kind": "roles"}]},
    ],
)
def test_a_value_of_the_wrong_type_is_a_value_error(damaged: object) -> None:
    with pytest.raises(ValueError, match=r"should be|is missing"):
        Findings.from_json(damaged)


def test_a_corrected_attribution_says_so_in_json_and_only_then() -> None:
    plain = Attribution(1, "direct", None, Source(None, resolved="Ana"), SpanText(0, 2, "Hi"))
    assert "corrected" not in plain.as_dict()
    marked = Attribution.from_dict(plain.as_dict() | {"corrected": True})
    assert marked.corrected and marked.as_dict()["corrected"] is True
    assert list(marked.as_dict())[-1] == "corrected"


def test_a_claim_key_is_its_text_and_start() -> None:
    assert NumericClaim(1, SpanText(12, 21, "about 400")).key == "about 400@12"


def test_the_chain_runs_from_the_outermost_relay_to_the_source() -> None:
    relays = (Source(SpanText(0, 2, "AJ"), "outlet"), Source(None, resolved="Reuters"))
    said = Attribution(1, "direct", None, Source(SpanText(5, 11, "police")), SpanText(0, 1, "x"))
    assert said.chain == "police"
    assert Attribution(1, "direct", None, Source(None), SpanText(0, 1, "x")).chain == "unknown"
    assert replace(said, via=relays).chain == "AJ ← Reuters ← police"
