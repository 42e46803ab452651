"""Tests of the alias-group rules on hand-made mentions (no model needed)."""

from gui.core.entities.aliases import (
    AliasTable,
    Found,
    display_name,
    find_definitions,
    group_mentions,
    identity,
    load_alias_table,
)


def mentions_of(body: str, *tagged: tuple[str, str]) -> list[Found]:
    """Mentions at the first occurrence, after the previous one, of each (text, label)."""
    found, position = [], 0
    for text, label in tagged:
        start = body.index(text, position)
        found.append(Found(start, start + len(text), label, text))
        position = start + len(text)
    return found


def last(body: str, text: str, label: str) -> Found:
    """A mention at the last occurrence of `text`."""
    start = body.rindex(text)
    return Found(start, start + len(text), label, text)


def groups_of(body: str, *tagged: tuple[str, str], **options: object) -> dict[str, str]:
    """Mention text -> group, for every mention (given and found)."""
    grouped = group_mentions(body, mentions_of(body, *tagged), **options)  # type: ignore[arg-type]
    return {m.text: g for m, g in zip(grouped.mentions, grouped.groups, strict=True)}


def test_names_are_compared_without_the_case_dots_hyphens_and_accents() -> None:
    assert display_name("the  Islamic\u00a0State") == "Islamic State"
    assert display_name("Iraq\u2019s") == "Iraq"
    assert display_name("The") == "The"
    assert identity("U.S.") == identity("US") == "us"
    assert identity("Al-Jazeera") == identity("Al Jazeera")
    assert identity("H\u00fcrriyet") == identity("Hurriyet")
    assert identity("Car\u00adter") == "carter"


def test_bundled_table_joins_isis_isil_and_islamic_state() -> None:
    table = load_alias_table()
    for alias in (
        "ISIS",
        "ISIL",
        "Daesh",
        "the Islamic State",
        "Islamic State of Iraq and the Levant",
    ):
        assert table.canonical(alias) == "Islamic State"
    assert table.canonical("U.S.") == "United States"
    assert table.canonical("AP") == "Associated Press"
    assert table.canonical("Ramadi") is None


def test_table_groups_take_the_canonical_name() -> None:
    body = "ISIS attacked. ISIL withdrew. Daesh denied it."
    groups = groups_of(
        body, ("ISIS", "ORG"), ("ISIL", "ORG"), ("Daesh", "ORG"), table=load_alias_table()
    )
    assert set(groups.values()) == {"Islamic State"}


def test_definition_with_two_short_forms_adds_them_and_groups_all() -> None:
    body = "They fight the Islamic State (ISIS/ISIL) in Iraq. Later ISIL retreated."
    mentions = [*mentions_of(body, ("the Islamic State", "ORG")), last(body, "ISIL", "ORG")]
    grouped = group_mentions(body, mentions)
    texts = [(m.text, m.start, g) for m, g in zip(grouped.mentions, grouped.groups, strict=True)]
    assert ("ISIS", body.index("ISIS"), "Islamic State") in texts
    assert ("ISIL", body.index("ISIL"), "Islamic State") in texts
    assert ("ISIL", body.rindex("ISIL"), "Islamic State") in texts
    assert len(texts) == 4


def test_definition_of_an_unknown_organisation_names_the_group_after_the_long_form() -> None:
    body = "The Marenian Petroleum Company (MPC) runs it. MPC said so."
    groups = groups_of(body, ("The Marenian Petroleum Company", "ORG"), ("MPC", "ORG"))
    assert groups == {
        "The Marenian Petroleum Company": "Marenian Petroleum Company",
        "MPC": "Marenian Petroleum Company",
    }


def test_no_definition_across_incompatible_labels_or_unrelated_letters() -> None:
    dateline = "ATHENS (AP) \u2014 Greek officials said."
    assert (
        find_definitions(dateline, mentions_of(dateline, ("ATHENS", "PLACE"), ("AP", "OUTLET")))
        == []
    )
    place = "Ramadi (Iraq) fell. Beirut (AP) said."
    assert (
        find_definitions(place, mentions_of(place, ("Ramadi", "PLACE"), ("Beirut", "PLACE"))) == []
    )
    person = "Ashton Carter (AC) spoke."
    assert find_definitions(person, mentions_of(person, ("Ashton Carter", "PERSON"))) == []


def test_surname_joins_the_full_name_also_without_al() -> None:
    body = "Saad al-Hadithi spoke. Hadithi told us. Carter too, Ashton Carter said."
    groups = groups_of(
        body,
        ("Saad al-Hadithi", "PERSON"),
        ("Hadithi", "PERSON"),
        ("Carter", "PERSON"),
        ("Ashton Carter", "PERSON"),
    )
    assert groups["Hadithi"] == "Saad al-Hadithi"
    assert groups["Carter"] == "Ashton Carter"


def test_ambiguous_surname_joins_nobody() -> None:
    body = "Ashton Carter and Jimmy Carter met. Carter spoke."
    groups = groups_of(
        body, ("Ashton Carter", "PERSON"), ("Jimmy Carter", "PERSON"), ("Carter", "PERSON")
    )
    assert groups["Carter"] == "Carter"


def test_untagged_surname_is_found_and_a_mislabelled_one_becomes_a_person() -> None:
    body = "Irena Sokol spoke. Sokol left. Then Sokol returned."
    mentions = mentions_of(body, ("Irena Sokol", "PERSON"), ("Sokol", "GROUP"))
    second = body.rindex("Sokol")
    candidate = Found(second, second + 5, "", "Sokol")
    grouped = group_mentions(body, mentions, [candidate])
    assert [
        (m.start, label, g)
        for m, label, g in zip(grouped.mentions, grouped.labels, grouped.groups, strict=True)
    ][1:] == [
        (body.index("Sokol", 10), "PERSON", "Irena Sokol"),
        (second, "PERSON", "Irena Sokol"),
    ]


def test_initials_join_a_multi_word_name() -> None:
    body = (
        "The World Health Organization warned. WHO said. The United States agreed, the U.S. said."
    )
    groups = groups_of(
        body,
        ("The World Health Organization", "ORG"),
        ("WHO", "ORG"),
        ("United States", "PLACE"),
        ("U.S.", "PLACE"),
    )
    assert groups["WHO"] == "World Health Organization"
    assert groups["U.S."] == "United States"


def test_outlet_in_a_group_makes_its_org_mentions_outlets() -> None:
    body = "the Kathmandu Post (KP) reported it. KP also said."
    mentions = [*mentions_of(body, ("the Kathmandu Post", "OUTLET")), last(body, "KP", "ORG")]
    grouped = group_mentions(body, mentions)
    assert grouped.labels == ("OUTLET", "OUTLET", "OUTLET")
    assert set(grouped.groups) == {"Kathmandu Post"}


def test_table_conflict_blocks_a_definition() -> None:
    names = {"AP": "Associated Press", "Agence France-Presse": "Agence France-Presse"}
    table = AliasTable({identity(alias): canonical for alias, canonical in names.items()})
    body = "Agence France-Presse (AP) said."
    found = find_definitions(body, mentions_of(body, ("Agence France-Presse", "OUTLET")), table)
    assert found == []
