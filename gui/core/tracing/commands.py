"""Commands on what the library keeps about sources across articles: a trainer's grade."""

from __future__ import annotations

from dataclasses import dataclass

from gui.core.changes import Change
from gui.core.sourcing.commands import SOURCE_RELIABILITY

GRADES = tuple(SOURCE_RELIABILITY)  # Admiralty source reliability, A-F, as claims have it
GRADE_NAMES = {**SOURCE_RELIABILITY, "": "not graded"}


@dataclass(frozen=True)
class SourceGrade:
    """A trainer's grade and note on one source of the library, by the source's key."""

    key: str
    name: str = ""
    grade: str = ""  # one of GRADES, or '' for none
    note: str = ""

    def __post_init__(self) -> None:
        if self.grade not in ("", *GRADES):
            raise ValueError(f"a source grade is one of A-F, not {self.grade!r}")
        if not self.key:
            raise ValueError("a source grade needs the source's key")


@dataclass(frozen=True)
class SetSourceGrade:
    """Grade a source and note why (an empty grade and note take the grade away)."""

    touches = Change.SOURCES

    grade: SourceGrade
    description = "Grade source"
