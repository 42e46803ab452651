"""How two versions of a statement compare: their change, their marked words, their match."""

from gui.core.tracing.model import Appearance
from gui.core.tracing.wording import compare, match_score, same_speaker, similarity

QUOTE = "We will keep the harbour closed until every container has been checked"


def marked(earliest, version):
    """The change and the words that are not kept, as (word, mark)."""
    change, marks = compare(earliest, version)
    return change, [(m.text, m.mark) for m in marks if m.mark != "same"]


def test_the_same_words_with_other_marks_and_capitals_are_the_same():
    assert marked(
        QUOTE, "we will KEEP the harbour closed — until every container has been checked."
    ) == (
        "same",
        [],
    )


def test_words_only_left_out_is_shortened():
    assert marked(QUOTE, "We will keep the harbour closed") == (
        "shortened",
        [(w, "removed") for w in ["until", "every", "container", "has", "been", "checked"]],
    )


def test_a_few_words_replaced_is_changed_with_each_word_marked():
    version = "We will keep the harbour shut until every single container is checked"
    assert marked(QUOTE, version) == (
        "changed",
        [
            ("closed", "removed"),
            ("shut", "added"),
            ("single", "added"),
            ("has", "removed"),
            ("been", "removed"),
            ("is", "added"),
        ],
    )


def test_most_words_replaced_is_paraphrased():
    change, _ = marked(QUOTE, "the harbour would stay shut until all the containers were checked")
    assert change == "paraphrased"


def test_similarity_is_one_only_for_the_same_words():
    assert similarity(QUOTE, QUOTE.upper()) == 1.0
    assert 0.5 < similarity(QUOTE, "We will keep the harbour closed") < 1.0


def test_a_shortened_quote_matches_fully_and_shared_small_words_do_not_match():
    assert match_score(QUOTE, "We will keep the harbour closed") == 1.0
    assert match_score("We will keep the harbour closed", "The harbour will reopen on Friday") == 0


def appearance(key):
    return Appearance(1, "", "", "", 0, 1, "x", key, key)


def test_speakers_agree_when_one_name_holds_the_other_or_one_is_unknown():
    assert same_speaker(appearance("elin stahl"), appearance("stahl"))
    assert same_speaker(appearance(""), appearance("piet maas"))
    assert not same_speaker(appearance("elin stahl"), appearance("piet maas"))
