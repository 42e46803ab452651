"""Contrast as WCAG 2 defines it, and the adjustments that keep text readable."""

import pytest

from gui.core.colours import (
    READABLE,
    blend,
    contrast,
    hex_of,
    luminance,
    readable_alpha,
    readable_on,
    rgb,
)


def test_luminance_and_contrast_match_the_wcag_reference_values():
    assert luminance((0, 0, 0)) == 0 and luminance((255, 255, 255)) == pytest.approx(1)
    assert contrast((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    assert contrast(rgb("#767676"), rgb("#ffffff")) == pytest.approx(4.54, abs=0.01)
    assert contrast(rgb("#777777"), rgb("#ffffff")) < READABLE  # the classic just-too-light grey


def test_hex_round_trip_and_bad_colours():
    assert hex_of(rgb("#1a2B3c")) == "#1a2b3c"
    with pytest.raises(ValueError):
        rgb("#fff")


def test_a_strong_tint_is_weakened_until_the_ink_reads_on_it():
    paper, ink, red = rgb("#fdfcf9"), rgb("#1d1d1b"), rgb("#C00000")
    assert contrast(blend(red, 242, paper), ink) < READABLE  # a projector's boost, unchecked
    alpha = readable_alpha(red, 242, paper, ink)
    assert 0 < alpha < 242
    assert contrast(blend(red, alpha, paper), ink) >= READABLE
    assert readable_alpha(red, 40, paper, ink) == 40  # a faint tint is left alone


@pytest.mark.parametrize("background", ["#ffffff", "#1e1f1c", "#2f6fb0"])
def test_a_colour_is_moved_towards_black_or_white_until_it_reads(background):
    for colour in ("#B04A00", "#8a8a8a", "#1A7F37", "#F0E442"):
        shown = readable_on(rgb(colour), rgb(background))
        assert contrast(shown, rgb(background)) >= READABLE
