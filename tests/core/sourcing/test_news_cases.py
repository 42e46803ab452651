"""The cases of issue 13, each in an article of our own: who is named, relayed, anonymous."""

from __future__ import annotations

import pytest

from gui.core.articles import Metadata
from gui.core.findings import analyse
from gui.core.sourcing.summary import summarise
from tests.core.sourcing.claims_helpers import pipeline

pytestmark = pytest.mark.slow


def found(body: str, outlet: str = "", **metadata: str):
    """(entities, findings) of a body, with the article's outlet and other metadata."""
    return analyse(body, pipeline(), metadata=Metadata(outlet=outlet, **metadata))


def by_content(findings, words: str):
    """The attribution whose content holds `words`."""
    return next(a for a in findings.attributions if words in a.content.text)


PORT = (
    "A senior port official, who spoke on condition of anonymity, told the Harbor Ledger that "
    "the authority would vote on a berth fee in May.\n\n"
    "The official said shipping lines had been warned.\n\n"
    "Harbourmaster Elin Drummond defended the plan, telling Channel 9 News that the port "
    "could not live on promises.\n"
)


def test_telling_another_outlet_relays_and_telling_our_own_does_not():
    _, findings = found(PORT, outlet="Associated Press")
    told = by_content(findings, "vote on a berth fee")
    assert [v.name for v in told.via] == ["Harbor Ledger"]
    assert told.chain == "Harbor Ledger ← A senior port official"
    assert [v.name for v in by_content(findings, "live on promises").via] == ["Channel 9 News"]
    _, own = found(PORT, outlet="The Harbor Ledger")
    assert by_content(own, "vote on a berth fee").via == ()


def test_a_description_of_an_anonymous_source_is_anonymous():
    _, findings = found(PORT, outlet="Associated Press")
    official = by_content(findings, "shipping lines").source
    assert official.type == "description" and official.anonymous
    assert official.resolved == "A senior port official"


SPOKESMAN = (
    "Rauf Aliyev, the country's prime minister, rejected the reports.\n\n"
    "A spokesman for Rauf Aliyev said the reports were false.\n\n"
    "“Our soldiers did not move,” Aliyev told reporters.\n\n"
    "The spokesman later said the footage would be shared.\n"
)


def test_a_person_quoted_is_named_and_his_spokesman_is_not():
    entities, findings = found(SPOKESMAN)
    rows = {row.name: row for row in summarise(findings, entities).sources}
    assert rows["Rauf Aliyev"].type == "person" and not rows["Rauf Aliyev"].anonymous
    spokesman = rows["A spokesman for Rauf Aliyev"]
    assert spokesman.anonymous and len(spokesman.statements) == 2  # "The spokesman" joins it
    assert "self_spokesman" in {flag.kind for flag in findings.roles}


def test_activists_in_a_place_stay_a_vague_group():
    body = "Government forces shelled the town on Friday, activists in Qalaat Marrow said.\n"
    entities, findings = found(body)
    [row] = summarise(findings, entities).sources
    assert row.name == "activists in Qalaat Marrow" and row.anonymous


def test_words_a_relaying_outlet_inserted_are_its_own():
    body = (
        "“Army sources said the brigade had reached the bridge, [about 8 miles] north of the "
        "city, and had taken some 40 prisoners,” reports Al Arabiya.\n"
    )
    _, findings = found(body)
    figures = {n.span.text: (n.source, n.via) for n in findings.numbers}
    assert figures["about 8 miles"] == ("Al Arabiya", ())
    assert figures["some 40"][0] == "Army sources"


STATEMENTS = (
    "Meridian, the Norwegian electronics maker, is recalling 120,000 baby monitors, according "
    "to a statement released Thursday evening.\n\n"
    "A statement from the Norwegian Consumer Authority said three small fires had been "
    "reported.\n\n"
    "Estimates from the Central Statistics Office suggest one household in forty owns one.\n"
)


def test_statements_are_their_issuers_and_institutions_named_in_full_are_named():
    _, findings = found(STATEMENTS)
    recall = by_content(findings, "recalling 120,000").source
    assert recall.span.text == "Meridian" and not recall.anonymous
    authority = by_content(findings, "three small fires").source
    assert (authority.span.text, authority.type) == (
        "the Norwegian Consumer Authority",
        "institution",
    )
    office = by_content(findings, "one household").source
    assert office.type == "institution" and not office.anonymous
    assert "Central Statistics Office" in office.span.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The Interior Ministry said in a statement that 64 people had been confirmed dead.",
        "The Interior Ministry says that 64 people have been confirmed dead.",
        "The Interior Ministry has said that 64 people were confirmed dead.",
        "The Interior Ministry had said that 64 people were confirmed dead.",
        "The Interior Ministry will say that 64 people were confirmed dead.",
        "The Interior Ministry would later say that 64 people were confirmed dead.",
        "The Interior Ministry is saying that 64 people were confirmed dead.",
        "The Interior Ministry told reporters that 64 people had been confirmed dead.",
    ],
)
def test_indirect_speech_with_a_that_clause_in_every_tense(sentence):
    _, findings = found(sentence + "\n")
    said = by_content(findings, "64 people")
    assert said.kind == "indirect" and said.source.span.text == "The Interior Ministry"


def test_partial_quotes_keep_the_clause_around_them():
    body = "The ministry said in a statement that 64 people had been “confirmed dead” by Monday.\n"
    _, findings = found(body)
    kinds = [(a.kind, a.content.text) for a in findings.attributions]
    assert ("partial", "confirmed dead") in kinds
    assert any(kind == "indirect" and text.startswith("64 people") for kind, text in kinds)


def test_beliefs_and_intentions_are_their_own_kinds():
    body = (
        "Investigators believe a faulty signal caused the collision.\n\n"
        "The rail operator, Pennine Trains, wants to reopen the line by Friday.\n"
    )
    _, findings = found(body)
    assert by_content(findings, "faulty signal").kind == "belief"
    wants = by_content(findings, "reopen the line")
    assert wants.kind == "intention" and "Pennine Trains" in wants.source.name


def test_a_loaded_verb_is_found_in_every_form():
    body = "“We were robbed in broad daylight,” manager Iain Duff slammed.\n"
    _, findings = found(body)
    [said] = findings.attributions
    assert (said.cue.text, said.verb_class) == ("slammed", "loaded")
    assert said.source.span.text == "manager Iain Duff"


def test_title_byline_and_credits_at_the_top_are_metadata_not_text():
    title = "Northern Rail Unions Reject Pay Offer From Transport Group"
    body = (
        f"{title}\n\nBy Sarah Okonkwo\nReuters Photo/Daniel Reyes\n\n"
        "Rail unions rejected the pay offer on Monday, union officials said.\n"
    )
    meta = {"title": title, "byline": "Sarah Okonkwo"}
    entities, findings = found(body, outlet="Reuters", credits=("Reuters Photo/Daniel Reyes",))
    start = body.index("Rail unions")
    assert all(e.start >= start for e in entities), entities
    assert by_content(findings, "rejected the pay offer").content.start >= start
    entities_with_meta, _ = analyse(body, pipeline(), metadata=Metadata(**meta))
    assert all(e.start >= start for e in entities_with_meta)
