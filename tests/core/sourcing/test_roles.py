"""Tests of roles per alias group and the incompatible and self-spokesman flags."""

import pytest

from gui.core.sourcing.model import RoleFlag
from gui.core.sourcing.roles import find_roles, office
from tests.core.sourcing.claims_helpers import attribution, entities, parse, source


def roles(body: str, attributions=()) -> list[RoleFlag]:
    """The role flags of a body."""
    return find_roles(body, parse(body), entities(body), list(attributions))


def listed(flags: list[RoleFlag]) -> dict[str, tuple[str, ...]]:
    """Group -> roles of the "roles" entries."""
    return {f.group: f.roles for f in flags if f.kind == "roles"}


def flagged(flags: list[RoleFlag], kind: str) -> list[RoleFlag]:
    """The flags of one kind."""
    return [f for f in flags if f.kind == kind]


@pytest.mark.parametrize(
    ("role", "held"),
    [
        ("prime minister", "head of government"),
        ("Prime Minister", "head of government"),
        ("spokesman", "spokesperson"),
        ("White House press secretary", "spokesperson"),
        ("Secretary of Defense", "minister of defense"),
        ("defence minister", "minister of defense"),
        ("foreign minister", "minister of foreign"),
        ("Minister of Foreign Affairs", "minister of foreign"),
        ("President", "president"),
        ("vice president", "vice president"),
        ("former prime minister", ""),
        ("Gen.", ""),
        ("head of the elite Quds forces", ""),
    ],
)
def test_office_of_a_role(role: str, held: str) -> None:
    assert office(role) == held


@pytest.mark.slow
def test_titles_and_appositions_per_alias_group() -> None:
    body = (
        "Samir Aziz, Iraq's prime minister, visited the front. U.S. Secretary of Defense "
        "Ashton Carter criticised the army. Later, Carter met Gen. Qassem Soleimani, the head "
        "of the elite Quds forces in Iran's Revolutionary Guard."
    )
    found = roles(body)
    assert listed(found) == {
        "Samir Aziz": ("prime minister",),
        "Ashton Carter": ("Secretary of Defense",),
        "Qassem Soleimani": ("Gen.", "head of the elite Quds forces"),
    }
    assert flagged(found, "incompatible") == []
    for flag in found:
        for evidence in flag.evidence:
            assert body[evidence.start : evidence.end] == evidence.text


@pytest.mark.slow
def test_two_ministries_for_one_person_are_incompatible() -> None:
    body = (
        "Omar Nasser, the country's foreign minister, flew to Ankara.\n\n"
        "Finance Minister Omar Nasser later denied the report."
    )
    (flag,) = flagged(roles(body), "incompatible")
    assert flag.group == "Omar Nasser"
    assert set(flag.roles) == {"foreign minister", "Finance Minister"}
    assert [e.text for e in flag.evidence] == ["foreign minister", "Finance Minister"]


@pytest.mark.slow
def test_a_description_resolved_to_a_person_gives_a_role() -> None:
    body = "Saad Hamdi, Iraq's prime minister, spoke. The spokesman blamed the generals."
    spokesman = source(body, "The spokesman", "description", resolved="Saad Hamdi")
    blamed = attribution(body, "the generals", spokesman, cue="blamed", kind="indirect")
    found = roles(body, [blamed])
    assert listed(found)["Saad Hamdi"] == ("prime minister", "spokesman")
    (flag,) = flagged(found, "incompatible")
    assert flag.roles == ("prime minister", "spokesman")


SPOKESMAN = (
    "A spokesman for Saad al-Hadithi, Iraq's prime minister, said Carter had "
    "\u201cincorrect information.\u201d\n\n"
    "\u201cCarter was given incorrect information,\u201d Hadithi told The Associated Press."
)


@pytest.mark.slow
def test_a_person_quoted_as_himself_and_through_his_spokesman_is_flagged() -> None:
    (flag,) = flagged(roles(SPOKESMAN), "self_spokesman")
    assert flag.group == "Saad al-Hadithi"
    assert flag.roles == ("prime minister",)
    texts = [e.text for e in flag.evidence]
    assert texts == ["A spokesman for Saad al-Hadithi", "Hadithi"]


@pytest.mark.slow
def test_the_self_quote_may_come_from_the_attributions() -> None:
    quote = attribution(
        SPOKESMAN, "Carter was given incorrect information", source(SPOKESMAN, "Hadithi told")
    )
    (flag,) = flagged(roles(SPOKESMAN, [quote]), "self_spokesman")
    assert "Hadithi told" in [e.text for e in flag.evidence]


@pytest.mark.slow
def test_a_spokesman_alone_is_no_flag() -> None:
    body = "A spokesman for Saad al-Hadithi, Iraq's prime minister, said Carter was wrong."
    assert flagged(roles(body), "self_spokesman") == []
