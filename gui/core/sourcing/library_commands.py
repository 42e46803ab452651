"""Commands on what a library keeps for the sourcing lens besides verdicts: lexicons, cache."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gui.core.changes import Change


@dataclass(frozen=True)
class SetLexiconOverrides:
    """Make these the library's own lexicon entries (lexicon name -> rows), over the bundled."""

    touches = Change.LEXICONS

    overrides: dict[str, list[dict[str, str]]]  # lexicon name -> rows, as LexiconStore has them
    description = "Edit lexicons"


@dataclass(frozen=True)
class SaveFindings:
    """Keep the sourcing findings found in an article's current text (derived data: no undo).

    findings is a Findings, or its JSON text made on the worker thread.
    """

    touches = Change.ANALYSIS

    article_id: int
    cache_id: str
    findings: Any
    description = "Save sourcing findings"
