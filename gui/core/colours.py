"""Colour arithmetic for readable contrast (WCAG 2): luminance, contrast, blends, adjustments.

Pure functions over (red, green, blue) tuples of 0-255, so that the window, the reports and
the tests judge contrast the same way, without Qt.
"""

from __future__ import annotations

from functools import lru_cache

Rgb = tuple[int, int, int]
READABLE = 4.5  # WCAG 2 AA for body text


def rgb(hex_colour: str) -> Rgb:
    """(r, g, b) of "#rrggbb"."""
    value = hex_colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {hex_colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_of(colour: Rgb) -> str:
    """ "#rrggbb" of (r, g, b)."""
    return "#{:02x}{:02x}{:02x}".format(*colour)


def luminance(colour: Rgb) -> float:
    """Relative luminance, 0 (black) to 1 (white), as WCAG 2 defines it."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(linear, colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Rgb, b: Rgb) -> float:
    """The contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(top: Rgb, alpha: int, bottom: Rgb) -> Rgb:
    """top painted over bottom at alpha (0-255)."""
    share = alpha / 255
    return tuple(round(t * share + b * (1 - share)) for t, b in zip(top, bottom, strict=True))


@lru_cache(maxsize=512)
def readable_alpha(tint: Rgb, alpha: int, paper: Rgb, ink: Rgb, minimum: float = READABLE) -> int:
    """The strongest alpha up to `alpha` at which ink stays readable on tint over paper."""
    while alpha > 0 and contrast(blend(tint, alpha, paper), ink) < minimum:
        alpha -= 5
    return max(alpha, 0)


@lru_cache(maxsize=512)
def readable_on(colour: Rgb, background: Rgb, minimum: float = READABLE) -> Rgb:
    """colour, lightened or darkened towards white or black until it reads on background."""
    towards = (255, 255, 255) if luminance(background) < 0.18 else (0, 0, 0)
    for step in range(0, 101, 5):
        candidate = blend(towards, round(255 * step / 100), colour)
        if contrast(candidate, background) >= minimum:
            return candidate
    return towards
