"""Offsets convert between Python code points and Qt's UTF-16 units."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gui.core.text import Span, Utf16Index


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
