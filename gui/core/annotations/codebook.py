"""The codebook as an import sees it: labels found by name, unknown ones added when first used."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gui.core.annotations.commands import SaveLabel
from gui.core.annotations.model import HOTKEYS, Label
from gui.core.changes import Command
from gui.core.storage import LabelStore, Library, apply

DEFAULT_LABEL = "Unlabelled"  # for annotations that come without any tag
# Colour-blind-friendly hues (Paul Tol's "muted" scheme) for labels a file brings in.
NEW_LABEL_COLOURS: tuple[str, ...] = (
    "#88CCEE",
    "#44AA99",
    "#117733",
    "#999933",
    "#DDCC77",
    "#CC6677",
    "#882255",
    "#6699CC",
    "#EE8866",
)
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class LabelInfo:
    """What a file says about a label it uses: enough to add it to a codebook."""

    name: str
    colour: str = ""
    hotkey: str = ""
    description: str = ""


class Codebook:
    """Labels by name (case does not matter); adds the unknown ones through SaveLabel."""

    def __init__(self, library: Library, described: Sequence[LabelInfo] = ()) -> None:
        self._library = library
        self._labels = {label.name.casefold(): label for label in LabelStore(library).labels()}
        self._described = {info.name.casefold(): info for info in reversed(described)}
        self.inverses: list[Command] = []  # the commands that remove the labels added

    def choose(self, tags: Sequence[str], note: str) -> tuple[str, str]:
        """The label for an annotation with these tags, and its note with the other tags added.

        The first tag the codebook knows wins, else the first tag; no tags: DEFAULT_LABEL.
        """
        if not tags:
            return DEFAULT_LABEL, note
        name = next((tag for tag in tags if tag.casefold() in self._labels), tags[0])
        others = [tag for tag in tags if tag != name]
        if not others:
            return name, note
        line = "Tags: " + ", ".join(others)
        return name, f"{note}\n\n{line}" if note else line

    def find(self, name: str) -> int | None:
        """The id of the label called name, or None."""
        label = self._labels.get(name.casefold())
        return None if label is None else label.id

    def id_for(self, name: str) -> int:
        """The id of the label called name, added to the codebook if it is not there yet."""
        found = self.find(name)
        if found is not None:
            return found
        new = self._new_label(name)
        inverse = apply(self._library, SaveLabel(new))
        label_id = inverse.label_id  # type: ignore[union-attr]  # SaveLabel(id 0) -> DeleteLabel
        self.inverses.append(inverse)
        self._labels[name.casefold()] = Label(label_id, *_fields(new))
        return label_id

    def _new_label(self, name: str) -> Label:
        """A label for the codebook, with what the file says about it where that fits."""
        info = self._described.get(name.casefold(), LabelInfo(name))
        used = {label.colour.upper() for label in self._labels.values()}
        colour = info.colour if _COLOUR.fullmatch(info.colour) else _free_colour(used)
        taken = {label.hotkey for label in self._labels.values()}
        hotkey = info.hotkey if info.hotkey in HOTKEYS and info.hotkey not in taken else ""
        position = max((label.position for label in self._labels.values()), default=-1) + 1
        return Label(0, name, colour, hotkey, info.description, position)


def _free_colour(used: set[str]) -> str:
    """The first new-label colour no label has yet (after all are used, the next in turn)."""
    free = [colour for colour in NEW_LABEL_COLOURS if colour not in used]
    return free[0] if free else NEW_LABEL_COLOURS[len(used) % len(NEW_LABEL_COLOURS)]


def _fields(label: Label) -> tuple[str, str, str, str, int]:
    """A label's fields after its id."""
    return label.name, label.colour, label.hotkey, label.description, label.position
