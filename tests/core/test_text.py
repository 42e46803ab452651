"""Offsets convert between Python code points and Qt's UTF-16 units; selections trim."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.core.text import Span, Utf16Index, trim_span


@given(st.text(alphabet=st.sampled_from("ab \n😀𝔘é中")))
def test_round_trip_matches_utf16_encoding(text):
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        units = len(text[:offset].encode("utf-16-le")) // 2
        assert index.to_utf16(offset) == units
        assert index.from_utf16(units) == offset


def test_position_inside_a_surrogate_pair_maps_to_its_character():
    index = Utf16Index("a😀b")
    assert index.from_utf16(2) == 1  # the low surrogate of 😀
    assert index.to_utf16(2) == 3


def test_span_rejects_reversed_ranges_and_knows_overlap():
    with pytest.raises(ValueError):
        Span(5, 2)
    assert Span(0, 3).overlaps(Span(2, 4))
    assert not Span(0, 2).overlaps(Span(2, 4))
    assert len(Span(2, 7)) == 5


def test_a_selection_is_trimmed_to_its_words():
    text = "Officials reportedly, said so.  "
    start = text.index("reportedly")
    # Ctrl+Shift+Right takes the comma and the space after the word.
    assert trim_span(text, start, start + len("reportedly, ")) == (start, start + 10)
    assert trim_span(text, start - 1, start + 10) == (start, start + 10)  # a space before
    assert text[slice(*trim_span(text, 0, len(text)))] == "Officials reportedly, said so."
    assert trim_span(text, len(text) - 2, len(text)) == (len(text), len(text))  # only spaces
    assert trim_span("“Yes.” ", 0, 7) == (0, 6)  # quotes and full stops belong to a quote


def test_a_document_index_takes_crlf_as_one_position_and_astral_characters_as_two():
    from gui.core.text import DocumentIndex

    text = "Hi\r\n🙂 Joe\r\nBiden"
    index = DocumentIndex(text)
    qt = "Hi\u2029" + "\ud83d\ude42 Joe\u2029Biden"  # how the document holds it
    for word in ("Hi", "Joe", "Biden"):
        start = text.index(word)
        position = index.to_utf16(start)
        assert qt[position : position + len(word)] == word
        assert index.from_utf16(position) == start
        assert index.from_utf16(position + len(word)) == start + len(word)
    assert index.to_utf16(len(text)) == len(qt)


def test_a_document_index_without_crlf_is_the_utf16_index():
    from gui.core.text import DocumentIndex, Utf16Index

    text = "a🙂b\nc"
    plain, document = Utf16Index(text), DocumentIndex(text)
    for offset in range(len(text) + 1):
        assert document.to_utf16(offset) == plain.to_utf16(offset)
    for position in range(len(text) + 3):
        assert document.from_utf16(position) == plain.from_utf16(position)
