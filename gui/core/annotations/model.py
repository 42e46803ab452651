"""Annotations, the codebook of labels, and every change to them as a command (data, not code).

Each command is a frozen dataclass; gui.core.storage.commands_store.apply() carries it out in
one transaction and returns its inverse, another command. Undo applies the inverse, redo the
inverse of the inverse: the undo stack holds nothing but these values.
"""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.anchoring import Anchor
from gui.core.articles import Article, Metadata
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity

HOTKEYS: tuple[str, ...] = tuple("123456789")
EXCERPT_CHARS = 30  # longest quote shown in an undo description


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
class Analysis:
    """Which pipeline found an article's entities, in which body, when."""

    pipeline_id: str
    content_hash: str
    entity_count: int
    analysed_at: str


TableRows = tuple[str, tuple[tuple[object, ...], ...]]  # a table's name and some of its rows


@dataclass(frozen=True)
class ArticleSnapshot:
    """Everything deleting an article removes, so that undo can bring it back with its ids."""

    article: Article
    entities: tuple[Entity, ...]
    analysis: Analysis | None
    annotations: tuple[Annotation, ...]
    sourcing: tuple[TableRows, ...] = ()  # verdicts, corrections and cached sourcing findings


@dataclass(frozen=True)
class AnchorState:
    """Where one annotation is anchored and whether it is orphaned: what a body change moves."""

    annotation_id: int
    anchor: Anchor
    orphaned: bool


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """text on one line, cut to limit characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class AddAnnotation:
    """Save a new annotation (id 0: the library assigns one; else that id)."""

    annotation: Annotation
    label_name: str = ""  # only for the description

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        return f"Label '{self.label_name}'" if self.label_name else "Add annotation"


@dataclass(frozen=True)
class DeleteAnnotation:
    """Delete one annotation."""

    annotation_id: int
    description = "Delete annotation"


@dataclass(frozen=True)
class RestoreAnnotation:
    """Put a deleted annotation back exactly as it was, with its id."""

    annotation: Annotation
    description = "Restore annotation"


@dataclass(frozen=True)
class SetNote:
    """Change an annotation's note; modified "" stamps the current time."""

    annotation_id: int
    note: str
    modified: str = ""
    description = "Note"


@dataclass(frozen=True)
class SetAnnotationLabel:
    """Give an annotation another label; modified "" stamps the current time."""

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

    annotation_id: int
    anchor: Anchor
    orphaned: bool = False
    modified: str = ""
    description = "Re-attach annotation"


@dataclass(frozen=True)
class SaveLabel:
    """Add a label (id 0), change one, or put a deleted one back with its id."""

    label: Label

    @property
    def description(self) -> str:
        """What the undo menu calls it."""
        verb = "Add" if self.label.id == 0 else "Edit"
        return f"{verb} label '{self.label.name}'"


@dataclass(frozen=True)
class DeleteLabel:
    """Delete a label from the codebook; refused while annotations use it."""

    label_id: int
    description = "Delete label"


@dataclass(frozen=True)
class AddCorrection:
    """Save an entity correction rule (id 0: the library assigns one; else that id)."""

    rule: Correction

    @property
    def description(self) -> str:
        """What the undo menu calls it, e.g. "Change type of 'Palmyra'"."""
        return _CORRECTION_VERBS[self.rule.kind].format(
            text=excerpt(self.rule.text), group=excerpt(self.rule.group)
        )


_CORRECTION_VERBS = {
    "type": "Change type of '{text}'",
    "remove": "Remove entity '{text}'",
    "merge": "Merge '{text}' into '{group}'",
    "split": "Split '{text}' from its group",
    "add": "Mark '{text}' as an entity",
}


@dataclass(frozen=True)
class RemoveCorrection:
    """Delete an entity correction rule."""

    rule_id: int
    description = "Remove correction"


@dataclass(frozen=True)
class UpdateMetadata:
    """Replace an article's metadata."""

    article_id: int
    metadata: Metadata
    description = "Edit details"


@dataclass(frozen=True)
class DeleteArticle:
    """Delete an article with its entities, analysis and annotations."""

    article_id: int
    description = "Delete article"


@dataclass(frozen=True)
class RestoreArticle:
    """Bring a deleted article back, with everything it had and the same ids."""

    snapshot: ArticleSnapshot
    description = "Restore article"


@dataclass(frozen=True)
class ReplaceBody:
    """Give an article a new body; its annotations are re-anchored, the lost ones orphaned."""

    article_id: int
    body: str
    description = "Replace text"


@dataclass(frozen=True)
class RestoreBody:
    """Set an article's body and its annotations' anchors as they were (undo of ReplaceBody)."""

    article_id: int
    body: str
    anchors: tuple[AnchorState, ...]
    description = "Restore text"


@dataclass(frozen=True)
class Batch:
    """Several commands as one user action (one transaction, one undo step)."""

    description: str
    commands: tuple[Command, ...]


Command = (
    AddAnnotation
    | DeleteAnnotation
    | RestoreAnnotation
    | SetNote
    | SetAnnotationLabel
    | MoveAnnotation
    | SaveLabel
    | DeleteLabel
    | AddCorrection
    | RemoveCorrection
    | UpdateMetadata
    | DeleteArticle
    | RestoreArticle
    | ReplaceBody
    | RestoreBody
    | Batch
)
