"""Annotations and the codebook of labels as values; gui.core.annotations.commands changes them."""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.anchoring import Anchor

HOTKEYS: tuple[str, ...] = tuple("123456789")


@dataclass(frozen=True)
class Label:
    """A codebook entry: name, colour (#rrggbb), hotkey ("1".."9" or ""), description, position."""

    id: int  # 0 for a label not saved yet
    name: str
    colour: str
    hotkey: str
    description: str
    position: int


DEFAULT_CODEBOOK: tuple[Label, ...] = (
    Label(
        0,
        "Claim",
        "#332288",
        "1",
        "A statement presented as fact that a reader could check: who says what happened.",
        0,
    ),
    Label(
        0,
        "Source",
        "#1A5E20",
        "2",
        "Where information comes from: a named person, an agency, a document, another outlet.",
        1,
    ),
    Label(
        0,
        "Hedge",
        "#8C6D1F",
        "3",
        "Words that soften or distance a statement: reportedly, allegedly, may, is believed to.",
        2,
    ),
    Label(
        0,
        "Needs verification",
        "#AA3377",
        "4",
        "A statement to check against other sources before anyone relies on it.",
        3,
    ),
    Label(
        0,
        "Error",
        "#BB0011",
        "5",
        "Something wrong: a fact, name, number or date, or a misleading framing.",
        4,
    ),
    Label(
        0,
        "Opinion",
        "#00A5A5",
        "6",
        "A judgement or interpretation rather than a checkable fact, whoever holds it.",
        5,
    ),
    Label(
        0,
        "Key fact",
        "#222222",
        "7",
        "A fact the story depends on: if it were wrong, the rest would not stand.",
        6,
    ),
)


@dataclass(frozen=True)
class Annotation:
    """A labelled span of an article, with a note, who made it and when (ISO 8601, UTC)."""

    id: int  # 0 for an annotation not saved yet
    article_id: int
    label_id: int
    anchor: Anchor
    note: str
    annotator: str
    created: str
    modified: str
    orphaned: bool = False  # its text could not be found after the body changed
    iri: str = ""  # its identity in an exchange format it came from ("": made here)

    @property
    def start(self) -> int:
        """Start offset (code points) into the body."""
        return self.anchor.start

    @property
    def end(self) -> int:
        """End offset (code points, exclusive) into the body."""
        return self.anchor.end

    @property
    def text(self) -> str:
        """The annotated text, as it was when anchored."""
        return self.anchor.exact


@dataclass(frozen=True)
class AnchorState:
    """Where one annotation is anchored and whether it is orphaned: what a body change moves."""

    annotation_id: int
    anchor: Anchor
    orphaned: bool
