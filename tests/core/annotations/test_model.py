"""Annotation values, the default codebook, and what the undo menu calls each command."""

from __future__ import annotations

import dataclasses
import re
import typing

import pytest

from gui.core.anchoring import Anchor
from gui.core.annotations.commands import (
    AddAnnotation,
    DeleteAnnotation,
    SaveLabel,
    SetAnnotationLabel,
    SetNote,
)
from gui.core.annotations.model import DEFAULT_CODEBOOK, HOTKEYS, Annotation, Label
from gui.core.articles import Metadata
from gui.core.changes import Batch, Command
from gui.core.entities.commands import AddCorrection
from gui.core.entities.corrections import Correction
from gui.core.library.commands import UpdateMetadata
from gui.core.text import excerpt

# The entity palette of gui/article_view/palette.py (Okabe-Ito) and the find highlight;
# written out here because tests/core must not import the Qt side.
ENTITY_COLOURS = (
    "#E69F00",
    "#0072B2",
    "#CC79A7",
    "#009E73",
    "#56B4E9",
    "#F0E442",
    "#D55E00",
    "#7F6A93",
    "#999999",
    "#FFD400",
)
ANCHOR = Anchor(4, 11, "Palmyra", "The ", " fell")


def lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* of an sRGB colour written #rrggbb (D65)."""
    linear = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        linear.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    r, g, b = linear
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def distance(one: str, other: str) -> float:
    """CIE76 colour difference: about 2.3 is just noticeable, 20 is plainly different."""
    return sum((p - q) ** 2 for p, q in zip(lab(one), lab(other), strict=True)) ** 0.5


def test_annotation_exposes_its_span_and_text():
    annotation = Annotation(1, 2, 3, ANCHOR, "note", "ann", "t0", "t1")
    assert (annotation.start, annotation.end, annotation.text) == (4, 11, "Palmyra")
    assert annotation.orphaned is False


def test_values_are_frozen():
    label = DEFAULT_CODEBOOK[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        label.name = "x"  # type: ignore[misc]


def test_default_codebook_is_the_source_criticism_one():
    names = [label.name for label in DEFAULT_CODEBOOK]
    assert names == [
        "Claim",
        "Source",
        "Hedge",
        "Needs verification",
        "Error",
        "Opinion",
        "Key fact",
    ]
    assert [label.position for label in DEFAULT_CODEBOOK] == list(range(7))
    assert [label.hotkey for label in DEFAULT_CODEBOOK] == list(HOTKEYS[:7])
    assert all(label.id == 0 and len(label.description) > 30 for label in DEFAULT_CODEBOOK)


def test_codebook_colours_differ_from_each_other_and_from_the_entities():
    colours = [label.colour for label in DEFAULT_CODEBOOK]
    assert all(re.fullmatch(r"#[0-9A-F]{6}", colour) for colour in colours)
    for i, colour in enumerate(colours):
        assert min(distance(colour, other) for other in colours[i + 1 :] or ["#FFFFFF"]) > 40
        assert min(distance(colour, entity) for entity in ENTITY_COLOURS) > 20
        assert lab(colour)[0] < 65  # dark enough for a box or underline on a light page


@pytest.mark.parametrize(
    ("command", "description"),
    [
        (AddAnnotation(Annotation(0, 1, 1, ANCHOR, "", "", "", ""), "Claim"), "Label 'Claim'"),
        (AddAnnotation(Annotation(0, 1, 1, ANCHOR, "", "", "", "")), "Add annotation"),
        (DeleteAnnotation(3), "Delete annotation"),
        (SetNote(3, "x"), "Note"),
        (SetAnnotationLabel(3, 2, label_name="Hedge"), "Relabel as 'Hedge'"),
        (SaveLabel(Label(0, "Rumour", "#000000", "", "", 9)), "Add label 'Rumour'"),
        (SaveLabel(Label(4, "Rumour", "#000000", "", "", 9)), "Edit label 'Rumour'"),
        (AddCorrection(Correction(0, "type", "Palmyra", "PLACE")), "Change type of 'Palmyra'"),
        (AddCorrection(Correction(0, "remove", "Tuesday")), "Remove entity 'Tuesday'"),
        (AddCorrection(Correction(0, "merge", "IS", group="ISIS")), "Merge 'IS' into 'ISIS'"),
        (AddCorrection(Correction(0, "split", "Jordan")), "Split 'Jordan' from its group"),
        (AddCorrection(Correction(0, "add", "Tadmur", "PLACE")), "Mark 'Tadmur' as an entity"),
        (Batch("Edit codebook", ()), "Edit codebook"),
    ],
)
def test_descriptions_say_what_undo_would_undo(command, description):
    assert command.description == description


def test_every_command_is_a_frozen_dataclass_with_a_description():
    for kind in typing.get_args(Command):
        field_names = {f.name for f in dataclasses.fields(kind)}
        described = "description" in field_names or hasattr(kind, "description")
        assert described and kind.__dataclass_params__.frozen, kind


def test_commands_compare_and_hash_by_value():
    def update() -> UpdateMetadata:
        return UpdateMetadata(1, Metadata(title="t", credits=("AP",)))

    assert SetNote(1, "a", "t") == SetNote(1, "a", "t")
    assert update() == update() and hash(update()) == hash(update())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("short", "short"),
        ("a  long\nquote that goes on and on past the limit", "a long quote that goes on and…"),
    ],
)
def test_excerpt_is_one_short_line(text, expected):
    assert excerpt(text) == expected
    assert len(excerpt(text)) <= 30
