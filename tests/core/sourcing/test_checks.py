"""Checks: every kind the lens makes is listed with words a trainee understands, once each."""

from __future__ import annotations

from dataclasses import replace

from gui.core.entities.pipeline import Entity
from gui.core.sourcing.checks import CHECK_KINDS, CHECK_NAMES, check_key, find_checks
from gui.core.sourcing.model import (
    Findings,
    IntegrityFlag,
    NumericClaim,
    RoleFlag,
    Statement,
)
from tests.core.sourcing.claims_helpers import attribution, source, span

BODY = (
    "Saad al-Hadithi, the prime minister, spoke. A spokesman for Saad al-Hadithi said it was "
    "“wrong.” Hadithi told reporters: “We were given [nearly 12 miles] of road … nothing else.”\n\n"
    "Police sources said 400 were killed. Activists said 300 died. The city fell on Monday.\n"
)


def findings() -> Findings:
    """Findings of BODY with one of each thing a check is made from."""
    police = source(BODY, "Police sources", "anonymous", anonymous=True)
    hadithi = source(BODY, "Hadithi", "person")
    relayed = attribution(BODY, "We were given", hadithi, via=(source(BODY, "reporters"),))
    quote = replace(
        relayed,
        content=span(BODY, "We were given [nearly 12 miles] of road … nothing else."),
        paragraph=0,
    )
    said = attribution(BODY, "400 were killed", police, kind="indirect", quote_marks=False)
    return Findings(
        attributions=(quote, replace(said, paragraph=1)),
        numbers=(
            NumericClaim(
                1, span(BODY, "400"), 400.0, event="killed", source="Police sources", group=1
            ),
            NumericClaim(2, span(BODY, "300"), 300.0, event="died", source="Activists", group=1),
        ),
        integrity=(
            IntegrityFlag(*_at("[nearly 12 miles]"), "insertion"),
            IntegrityFlag(*_at("…"), "ellipsis"),
        ),
        roles=(
            RoleFlag(
                "Saad al-Hadithi",
                ("prime minister",),
                "self_spokesman",
                (span(BODY, "A spokesman for Saad al-Hadithi"), span(BODY, "Hadithi told")),
            ),
            RoleFlag(
                "Saad al-Hadithi",
                ("prime minister", "spokesman"),
                "incompatible",
                (span(BODY, "prime minister"),),
            ),
        ),
        unattributed=(Statement(*_at("The city fell on Monday.")),),
    )


def _at(text: str) -> tuple[int, int, str]:
    """start, end, text of the first `text` in BODY."""
    found = span(BODY, text)
    return found.start, found.end, found.text


def test_every_kind_of_check_is_found_with_its_own_words():
    checks = find_checks(findings())
    assert {c.kind for c in checks} == set(CHECK_KINDS)
    by_kind = {c.kind: c for c in checks}
    assert "“[nearly 12 miles]”" in by_kind["insertion"].message
    assert "not the speaker's words" in by_kind["insertion"].message
    assert "prime minister" in by_kind["role_conflict"].message
    assert "spokesman" in by_kind["self_spokesman"].message
    assert "anonymous source (Police sources)" in by_kind["anonymous_only"].message
    assert "“400” (Police sources)" in by_kind["figures_differ"].message
    assert "reporters" in by_kind["all_relayed"].message
    assert by_kind["unattributed"].spans[0].text == "The city fell on Monday."
    assert all(c.kind in CHECK_NAMES and c.message.endswith((".", "?")) for c in checks)


def test_checks_are_in_text_order_and_keyed_by_kind_text_and_start():
    checks = find_checks(findings())
    starts = [c.spans[0].start for c in checks]
    assert starts == sorted(starts)
    insertion = next(c for c in checks if c.kind == "insertion")
    start = BODY.index("[nearly")
    assert insertion.key == check_key("insertion", "[nearly 12 miles]", start)
    assert insertion.as_dict()["spans"] == [
        {"start": start, "end": start + 17, "text": "[nearly 12 miles]"}
    ]


def test_a_named_source_in_the_paragraph_backs_an_anonymous_one():
    found = findings()
    named = attribution(BODY, "300 died", source(BODY, "Activists", "person"), quote_marks=False)
    backed = replace(found, attributions=(*found.attributions, replace(named, paragraph=1)))
    assert "anonymous_only" not in {c.kind for c in find_checks(backed)}


def test_the_same_figures_make_no_check_and_no_findings_no_checks():
    found = findings()
    same = replace(found, numbers=tuple(replace(n, value=400.0) for n in found.numbers))
    assert "figures_differ" not in {c.kind for c in find_checks(same)}
    assert find_checks(None) == [] and find_checks(Findings()) == []


def test_alias_groups_decide_which_source_is_heard_only_second_hand():
    found = findings()
    entities = [Entity(*_at("Hadithi")[:2], "PERSON", "Hadithi", "Saad al-Hadithi")]
    relayed = [c for c in find_checks(found, entities) if c.kind == "all_relayed"]
    # named as the window names it: by its alias group
    assert [c.message.split(" here")[0] for c in relayed] == ["Every statement of Saad al-Hadithi"]
