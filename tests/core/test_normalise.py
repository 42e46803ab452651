"""Tests for the text given to the NLP model and its map back to the original offsets."""

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.core.normalise import MAX_CHUNK, normalise, paragraphs
from gui.core.text import Span


def test_spaces_and_quotes_are_replaced_one_for_one() -> None:
    text = (
        "Gen. Qassem\u00a0Soleimani said \u201cno\u201d and it\u2019s\u2009over"
        "\u202f\u2014 al\u2011Tash"
    )
    prepared = normalise(text)
    assert prepared.text == 'Gen. Qassem Soleimani said "no" and it\'s over \u2014 al-Tash'
    assert len(prepared.text) == len(text)
    assert prepared.original_span(5, 21) == Span(5, 21)


def test_text_without_special_characters_is_unchanged() -> None:
    text = "Plain text, 100 % ASCII.\nSecond line."
    assert normalise(text).text == text
    assert normalise(text).to_original(7) == 7


def test_invisible_characters_are_deleted_and_offsets_map_back() -> None:
    text = "\u200bAsh\u00adton Car\u00ad\u00adter met \ufeffReuters"
    prepared = normalise(text)
    assert prepared.text == "Ashton Carter met Reuters"
    start = prepared.text.index("Carter")
    span = prepared.original_span(start, start + len("Carter"))
    assert text[span.start : span.end] == "Car\u00ad\u00adter"
    name = prepared.original_span(0, len("Ashton Carter"))
    assert text[name.start : name.end] == "Ash\u00adton Car\u00ad\u00adter"
    outlet = prepared.text.index("Reuters")
    span = prepared.original_span(outlet, outlet + 7)
    assert text[span.start : span.end] == "Reuters"


def test_astral_characters_keep_their_place() -> None:
    text = "\U0001f680 \U0001d504\u200b Kyiv \U0001f1fa\U0001f1e6"
    prepared = normalise(text)
    start = prepared.text.index("Kyiv")
    span = prepared.original_span(start, start + 4)
    assert text[span.start : span.end] == "Kyiv"


@given(
    st.text(alphabet=st.sampled_from("ab \u00a0\u00ad\u200b\u200d\u2019\U0001f600\n"), max_size=40)
)
def test_every_kept_character_maps_back_to_itself_or_its_replacement(text: str) -> None:
    prepared = normalise(text)
    for i, char in enumerate(prepared.text):
        original = text[prepared.to_original(i)]
        assert original == char or original.translate({0xA0: " ", 0x2019: "'"}) == char


def test_paragraphs_are_lines_without_their_surrounding_spaces() -> None:
    text = "Title\n\n  First paragraph. \r\nSecond\n\n\n   \nThird"
    spans = paragraphs(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Title",
        "First paragraph.",
        "Second",
        "Third",
    ]


def test_paragraphs_of_blank_text_are_none() -> None:
    assert paragraphs("") == []
    assert paragraphs(" \n\n \t\n") == []


def test_long_paragraph_is_cut_at_sentence_ends() -> None:
    sentence = "The port reopened on Monday after a strike. "
    text = sentence * 10
    spans = paragraphs(text, limit=100)
    assert len(spans) > 1
    assert all(len(span) <= 100 for span in spans)
    assert all(text[s.start : s.end].endswith(".") for s in spans)
    assert "".join(text[s.start : s.end] + " " for s in spans) == text


def test_long_paragraph_without_sentence_ends_is_cut_at_spaces_or_hard() -> None:
    words = "word " * 50
    spans = paragraphs(words, limit=32)
    assert all(len(span) <= 32 for span in spans)
    assert all(not words[s.start : s.end].startswith(("ord", " ")) for s in spans)
    solid = "x" * 250
    assert [len(span) for span in paragraphs(solid, limit=100)] == [100, 100, 50]


def test_a_paragraph_of_a_megabyte_is_fed_in_pieces() -> None:
    text = "Officials said about 40 people died. " * 30_000
    spans = paragraphs(text)
    assert len(text) > 1_000_000
    assert max(len(span) for span in spans) <= MAX_CHUNK
    assert len(spans) >= len(text) // MAX_CHUNK


@pytest.mark.parametrize("limit", [1, 2, 7])
def test_tiny_limits_still_make_progress(limit: int) -> None:
    text = "ab. cd ef"
    spans = paragraphs(text, limit=limit)
    assert all(len(span) <= limit for span in spans)
    pieces = "".join(text[s.start : s.end] for s in spans)
    assert pieces.replace(" ", "") == text.replace(" ", "")
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


QUOTED = 'Officials said. "We left the city. Nobody stayed behind," a witness told us. '


def test_a_long_paragraph_is_cut_small_for_the_parser() -> None:
    # The failure of the issue: with no paragraph breaks, sourcing slowed with the square of
    # the length (a 100,000-character paragraph took 700 s, the same text in paragraphs 0.2 s).
    text = QUOTED * 5_000  # 390,000 characters, no line break
    spans = paragraphs(text)
    assert MAX_CHUNK <= 5_000
    assert max(len(span) for span in spans) <= MAX_CHUNK
    assert len(spans) >= len(text) // MAX_CHUNK


def test_a_paragraph_is_not_cut_inside_a_quotation() -> None:
    text = QUOTED * 200
    for span in paragraphs(text, 500):
        piece = text[span.start : span.end]
        assert piece.count('"') % 2 == 0, piece[-80:]


@given(st.text(alphabet=st.sampled_from('ab .\u201c\u201d\u2019"\u00a0!\n'), max_size=3_000))
def test_the_body_and_the_models_text_are_cut_alike(text: str) -> None:
    # The finders pair quotes in the body and read docs of the model's text: their
    # paragraphs must be the same spans.
    assert paragraphs(text, 40) == paragraphs(normalise(text).text, 40)
