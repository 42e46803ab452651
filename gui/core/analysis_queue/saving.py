"""Results of the workers as the commands that keep them: SaveEntities and SaveFindings.

The library's one writer carries them out (the session in the window, carry_out on the
command line), a few articles per transaction. A result for a body that has changed (or an
article deleted) since its job was made is dropped: the article is still missing, and the
next run does it again.
"""

from __future__ import annotations

from collections.abc import Sequence

from gui.core.analysis_queue.work import Outcome
from gui.core.changes import Batch
from gui.core.entities.commands import SaveEntities
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.storage.analysis_store import AnalysisStore
from gui.core.storage.database import Library


def commands_for(outcome: Outcome) -> list[object]:
    """What keeping one successful outcome takes: its entities (if found), its findings."""
    if outcome.error:
        return []
    commands: list[object] = []
    if outcome.entities_found:
        commands.append(SaveEntities(outcome.article_id, outcome.pipeline_id, outcome.entities))
    commands.append(SaveFindings(outcome.article_id, outcome.findings_id, outcome.findings))
    return commands


def still_current(library: Library, outcome: Outcome) -> bool:
    """True when the article is there with the body the outcome was found in."""
    return AnalysisStore(library).content_hash(outcome.article_id) == outcome.content_hash


def save_batch(library: Library, outcomes: Sequence[Outcome]) -> Batch | None:
    """One batch of commands keeping the outcomes still current; None when there is none."""
    commands = [
        command
        for outcome in outcomes
        if not outcome.error and still_current(library, outcome)
        for command in commands_for(outcome)
    ]
    if not commands:
        return None
    return Batch(f"Save the analysis of {len(outcomes)} articles", tuple(commands))
