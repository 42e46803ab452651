"""A library's lexicon entries round-trip through text and change what the lexicons hold."""

import pytest

from gui.core.sourcing.lexicon_edits import from_text, overrides_id, to_text
from gui.core.sourcing.lexicons import load_lexicons
from gui.core.storage.database import open_library
from gui.core.storage.settings_store import LexiconStore


def test_text_round_trip_with_additions_and_removals():
    text = "phrase\tclass\tband\tsource\nsupposedly\tagentless\t\tour trainer\n-reportedly\n"
    rows = from_text("hedges", text)
    assert rows == [
        {"phrase": "supposedly", "class": "agentless", "band": "", "source": "our trainer"},
        {"phrase": "reportedly", "remove": True},
    ]
    assert from_text("hedges", to_text("hedges", rows)) == rows
    lexicons = load_lexicons({"hedges": rows})
    phrases = {h.phrase for h in lexicons.hedges}
    assert "supposedly" in phrases and "reportedly" not in phrases


def test_a_bad_line_is_named():
    with pytest.raises(ValueError, match="line 2"):
        from_text("anonymity", "phrase\tsource\na\tb\tc\td\n")


def test_library_keeps_its_overrides_and_their_fingerprint_changes():
    library = open_library(None)
    store = LexiconStore(library)
    assert store.overrides() == {} and overrides_id({}) == ""
    store.set_overrides({"speech_verbs": [{"verb": "quip", "class": "loaded", "source": "x"}]})
    assert store.overrides()["speech_verbs"][0]["verb"] == "quip"
    assert overrides_id(store.overrides()) != overrides_id({"speech_verbs": []})
