"""Tests of the sourcing lexicons: bundled files, look-ups and a library's overrides."""

from pathlib import Path

import pytest

from gui.core.entities.outlets import read_lexicon
from gui.core.resources import resource
from gui.core.sourcing.lexicons import (
    HEDGE_LEXICON_CLASSES,
    KEY_COLUMNS,
    LEXICON_FILES,
    OVERRIDE_SOURCE,
    SPEECH_VERB_CLASSES,
    default_lexicons,
    inflections,
    load_lexicons,
)

ICD_BANDS = {"01-05%", "05-20%", "20-45%", "45-55%", "55-80%", "80-95%", "95-99%"}


@pytest.mark.parametrize("name", sorted(LEXICON_FILES))
def test_every_bundled_entry_names_its_source(name: str) -> None:
    rows = read_lexicon(resource("lexicons", LEXICON_FILES[name]))
    assert len(rows) > 10
    for row in rows:
        assert row[KEY_COLUMNS[name]].strip(), row
        assert row["source"].strip(), row


@pytest.mark.parametrize("name", sorted(LEXICON_FILES))
def test_bundled_keys_are_unique(name: str) -> None:
    rows = read_lexicon(resource("lexicons", LEXICON_FILES[name]))
    keys = [row[KEY_COLUMNS[name]].lower() for row in rows]
    assert len(keys) == len(set(keys))


def test_classes_and_bands_are_from_the_closed_sets() -> None:
    lexicons = load_lexicons()
    assert {v.cls for v in lexicons.speech_verbs} == set(SPEECH_VERB_CLASSES)
    assert {h.cls for h in lexicons.hedges} == set(HEDGE_LEXICON_CLASSES)
    assert {h.band for h in lexicons.hedges} - {""} <= ICD_BANDS
    assert all(h.cls == "probable" for h in lexicons.hedges if h.band)


@pytest.mark.parametrize(
    ("phrase", "cls", "band"),
    [
        ("likely", "probable", "55-80%"),
        ("Very likely", "probable", "80-95%"),
        ("unlikely", "probable", "20-45%"),
        ("almost certainly", "probable", "95-99%"),
        ("reportedly", "agentless", ""),
        ("it is  believed", "agentless", ""),
        ("could", "possible", ""),
        ("thought to", "belief", ""),
        ("unless", "condition", ""),
        ("so-called", "doubt", ""),
    ],
)
def test_hedge_look_up(phrase: str, cls: str, band: str) -> None:
    cue = load_lexicons().hedge(phrase)
    assert cue is not None
    assert (cue.cls, cue.band) == (cls, band)
    assert cue.source


def test_icd_203_is_the_source_of_the_bands() -> None:
    likely = load_lexicons().hedge("likely")
    assert likely is not None and "ICD 203" in likely.source


@pytest.mark.parametrize(
    ("verb", "particle", "cls"),
    [
        ("said", "", "neutral"),
        ("Told", "", "neutral"),
        ("reports", "", "relay"),
        ("quoting", "", "relay"),
        ("claimed", "", "loaded"),
        ("admitted", "", "loaded"),
        ("notes", "", "loaded"),
        ("lashed", "out", "loaded"),
        ("denies", "", "loaded"),
        ("walked", "", ""),
        ("lashed", "", ""),
    ],
)
def test_speech_verb_class_in_any_form(verb: str, particle: str, cls: str) -> None:
    assert load_lexicons().verb_class(verb, particle) == cls


def test_inflections_cover_regular_irregular_and_particle_verbs() -> None:
    assert inflections("say") == ["say", "says", "saying", "said"]
    assert inflections("deny") == ["deny", "denies", "denying", "denied"]
    assert inflections("admit") == ["admit", "admits", "admitting", "admitted"]
    assert inflections("point out")[-1] == "pointed out"


def test_approximators_have_kinds() -> None:
    lexicons = load_lexicons()
    up_to = lexicons.approximator("Up  to")
    assert up_to is not None and up_to.kind == "up to"
    around = lexicons.approximator("around")
    assert around is not None and around.kind == "about"
    assert lexicons.approximator("banana") is None


def test_anonymity_phrases_are_longest_first() -> None:
    phrases = load_lexicons().anonymity_phrases()
    assert "on condition of anonymity" in phrases
    assert phrases.index("people familiar with") < phrases.index("familiar with")


def test_override_replaces_adds_and_removes_entries() -> None:
    lexicons = load_lexicons(
        {
            "hedges": [
                {"phrase": "Likely", "class": "probable", "band": "60-70%", "source": "trainer"},
                {"phrase": "reckons", "class": "belief"},
                {"phrase": "reportedly", "remove": True},
            ],
            "speech_verbs": [{"verb": "say", "class": "loaded", "source": "exercise"}],
        }
    )
    likely = lexicons.hedge("likely")
    assert likely is not None and (likely.band, likely.source) == ("60-70%", "trainer")
    reckons = lexicons.hedge("reckons")
    assert reckons is not None and reckons.source == OVERRIDE_SOURCE
    assert lexicons.hedge("reportedly") is None
    assert lexicons.verb_class("said") == "loaded"
    assert load_lexicons().hedge("reportedly") is not None  # the bundled files are untouched


@pytest.mark.parametrize(
    "overrides",
    [
        {"weasels": []},
        {"hedges": [{"phrase": "surely", "class": "certain"}]},
        {"speech_verbs": [{"verb": "yell", "class": "shouty"}]},
        {"hedges": [{"class": "possible"}]},
    ],
)
def test_bad_overrides_are_refused(overrides: dict) -> None:
    with pytest.raises(ValueError):
        load_lexicons(overrides)


def test_lexicons_load_from_another_folder(tmp_path: Path) -> None:
    for file in LEXICON_FILES.values():
        text = resource("lexicons", file).read_text(encoding="utf-8")
        (tmp_path / file).write_text(text, encoding="utf-8")
    (tmp_path / "hedges.tsv").write_text(
        "phrase\tclass\tband\tsource\n# a comment\nperchance\tpossible\t\tShakespeare\n",
        encoding="utf-8",
    )
    lexicons = load_lexicons(folder=tmp_path)
    assert [h.phrase for h in lexicons.hedges] == ["perchance"]
    assert lexicons.verb_class("said") == "neutral"


def test_default_lexicons_are_read_once() -> None:
    assert default_lexicons() is default_lexicons()
