"""Every change to the entity rules of a library (corrections, news outlets), as a command."""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.changes import Change
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity
from gui.core.text import excerpt


@dataclass(frozen=True)
class AddCorrection:
    """Save an entity correction rule (id 0: the library assigns one; else that id)."""

    touches = Change.ENTITY_RULES

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

    touches = Change.ENTITY_RULES

    rule_id: int
    description = "Remove correction"


@dataclass(frozen=True)
class SetOutlets:
    """Make these names (in this order) the library's list of news outlets."""

    touches = Change.OUTLETS

    names: tuple[str, ...]
    description = "Edit news outlets"


@dataclass(frozen=True)
class SetPipeline:
    """Make this installed English spaCy pipeline the library's ("" : the default one)."""

    touches = Change.PIPELINE

    model: str
    description = "Choose the language model"


@dataclass(frozen=True)
class SaveEntities:
    """Keep the entities a pipeline found in an article's current text (derived data: no undo)."""

    touches = Change.ANALYSIS

    article_id: int
    pipeline_id: str
    entities: tuple[Entity, ...]
    description = "Save entities"
