"""Every change to annotations and the codebook, as a command (data, not code).

gui.core.commands.carry_out() carries a command out in one transaction and returns its inverse,
another command. Undo applies the inverse, redo the inverse of the inverse: the undo stack holds
nothing but these values.
"""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.anchoring import Anchor
from gui.core.annotations.model import Annotation, Label
from gui.core.changes import Change


@dataclass(frozen=True)
class AddAnnotation:
    """Save a new annotation (id 0: the library assigns one; else that id)."""

    touches = Change.ANNOTATIONS

    annotation: Annotation
    label_name: str = ""  # only for the description

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Label '{self.label_name}'" if self.label_name else "Add annotation"


@dataclass(frozen=True)
class DeleteAnnotation:
    """Delete one annotation."""

    touches = Change.ANNOTATIONS

    annotation_id: int
    description = "Delete annotation"


@dataclass(frozen=True)
class RestoreAnnotation:
    """Put a deleted annotation back exactly as it was, with its id."""

    touches = Change.ANNOTATIONS

    annotation: Annotation
    description = "Restore annotation"


@dataclass(frozen=True)
class SetNote:
    """Change an annotation's note; modified "" stamps the current time."""

    touches = Change.ANNOTATIONS

    annotation_id: int
    note: str
    modified: str = ""
    description = "Note"


@dataclass(frozen=True)
class SetAnnotationLabel:
    """Give an annotation another label; modified "" stamps the current time."""

    touches = Change.ANNOTATIONS

    annotation_id: int
    label_id: int
    modified: str = ""
    label_name: str = ""  # only for the description

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Relabel as '{self.label_name}'" if self.label_name else "Change label"


@dataclass(frozen=True)
class MoveAnnotation:
    """Re-attach an annotation to another anchor (or mark it orphaned); modified as SetNote."""

    touches = Change.ANNOTATIONS

    annotation_id: int
    anchor: Anchor
    orphaned: bool = False
    modified: str = ""
    description = "Re-attach annotation"


@dataclass(frozen=True)
class SaveLabel:
    """Add a label (id 0), change one, or put a deleted one back with its id."""

    touches = Change.LABELS

    label: Label

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        verb = "Add" if self.label.id == 0 else "Edit"
        return f"{verb} label '{self.label.name}'"


@dataclass(frozen=True)
class DeleteLabel:
    """Delete a label from the codebook; refused while annotations use it."""

    touches = Change.LABELS

    label_id: int
    description = "Delete label"
