"""The one normaliser of names and quotes: the same source or quote is one key everywhere."""

import pytest

from gui.core.sourcing.keys import name_key, quote_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Interior Minister’s office", "interior minister's office"),
        ("the Interior Ministry", "Interior Ministry"),
        ("Mōsul police", "MOSUL  police"),
        ("Al-Amari", "al amari"),
    ],
)
def test_spellings_of_one_name_give_one_key(one, other):
    assert name_key(one) == name_key(other) != ""


def test_different_names_give_different_keys():
    assert name_key("Interior Ministry") != name_key("Defence Ministry")
    assert name_key("Theodore") == "theodore"  # only a whole leading "the" goes
    assert name_key("") == name_key("  ") == ""


def test_a_quote_key_ignores_case_punctuation_and_spacing_but_not_words():
    assert quote_key("“We will NOT leave,” he said.") == "we will not leave he said"
    assert quote_key("We will not leave — he said") == "we will not leave he said"
    assert quote_key("We will not leave") != quote_key("We will leave")
    assert quote_key("the army") == "the army"  # quotes keep every word
