"""The trainer's grades and notes on sources, kept for the library (source_grades)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from gui.core.storage.database import Library, utc_now
from gui.core.tracing.commands import SetSourceGrade, SourceGrade


class GradeStore:
    """Reads of the source grades."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def grade(self, key: str) -> SourceGrade | None:
        """The grade of the source with this key, None when it has none."""
        return self.grades([key]).get(key)

    def grades(self, keys: Iterable[str] | None = None) -> dict[str, SourceGrade]:
        """Grades by source key: of these keys, or all of them."""
        sql, params = "SELECT name_key, name, grade, note FROM source_grades", []
        if keys is not None:
            params = list(dict.fromkeys(keys))
            if not params:
                return {}
            sql += f" WHERE name_key IN ({', '.join('?' * len(params))})"
        with self._library.errors():
            rows = self._library.db.execute(sql, params).fetchall()
        return {row[0]: SourceGrade(*row) for row in rows}


def _set_grade(library: Library, command: SetSourceGrade) -> SetSourceGrade:
    """Keep the grade (or take it away when empty); the inverse puts the old one back."""
    new = command.grade
    old = GradeStore(library).grade(new.key) or SourceGrade(new.key, new.name)
    db = library.db
    if new.grade or new.note:
        db.execute(
            "INSERT OR REPLACE INTO source_grades (name_key, name, grade, note, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [new.key, new.name, new.grade, new.note, utc_now()],
        )
    else:
        db.execute("DELETE FROM source_grades WHERE name_key = ?", [new.key])
    return SetSourceGrade(old)


HANDLERS: dict[type, Callable[[Library, Any], Any]] = {SetSourceGrade: _set_grade}
