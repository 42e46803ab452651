"""Library-wide settings that change results, kept in the library so they travel with it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from gui.core.entities.commands import SetOutlets, SetPipeline
from gui.core.entities.pipeline import default_outlets
from gui.core.sourcing.library_commands import SetLexiconOverrides
from gui.core.storage.database import Library

_OUTLETS = "outlets"


class OutletStore:
    """The news-outlet names the entity rules know: the library's own list, or the defaults."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    def outlets(self) -> list[str]:
        """The library's outlet list if it has one, else default_outlets()."""
        with self._library.errors():
            row = self._db.execute(
                "SELECT value FROM settings WHERE key = ?", [_OUTLETS]
            ).fetchone()
        return default_outlets() if row is None else [str(name) for name in json.loads(row[0])]

    def set_outlets(self, names: Iterable[str]) -> None:
        """Make names (in this order) the library's outlet list."""
        value = json.dumps(list(names), ensure_ascii=False)
        with self._library.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [_OUTLETS, value]
            )


PIPELINE_SETTING = "pipeline_model"


class PipelineStore:
    """The spaCy pipeline the library chose ("" : the default English one)."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def model(self) -> str:
        """The package name of the chosen pipeline, "" when none was chosen."""
        value = json_setting(self._library, PIPELINE_SETTING)
        return value if isinstance(value, str) else ""

    def set_model(self, model: str) -> None:
        """Choose a pipeline by package name ("" : back to the default)."""
        with self._library.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                [PIPELINE_SETTING, json.dumps(model)],
            )


def json_setting(library: Library, key: str) -> Any:
    """The JSON value of a settings row (e.g. "checklist_answers"); None if absent or unreadable."""
    with library.errors():
        row = library.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None:
        return None
    try:
        return json.loads(row[0])
    except (TypeError, ValueError):
        return None


_LEXICONS = "lexicon_overrides"


class LexiconStore:
    """A library's own entries for the sourcing lexicons, over the bundled ones."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def overrides(self) -> dict[str, list[dict]]:
        """Override rows by lexicon name (empty when the library has none)."""
        with self._library.errors():
            row = self._library.db.execute(
                "SELECT value FROM settings WHERE key = ?", [_LEXICONS]
            ).fetchone()
        return {} if row is None else dict(json.loads(row[0]))

    def set_overrides(self, overrides: dict[str, list[dict]]) -> None:
        """Make these the library's override rows (one transaction)."""
        value = json.dumps(overrides, ensure_ascii=False)
        with self._library.transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [_LEXICONS, value]
            )


# Commands (carried out by gui.core.storage.commands_store inside its transaction)


def _set_outlets(library: Library, command: SetOutlets) -> SetOutlets:
    """Replace the outlet list; the inverse puts the old one back."""
    store = OutletStore(library)
    old = tuple(store.outlets())
    store.set_outlets(command.names)
    return SetOutlets(old)


def _set_lexicons(library: Library, command: SetLexiconOverrides) -> SetLexiconOverrides:
    """Replace the library's lexicon entries; the inverse puts the old ones back."""
    store = LexiconStore(library)
    old = store.overrides()
    store.set_overrides(command.overrides)
    return SetLexiconOverrides(old)


def _set_pipeline(library: Library, command: SetPipeline) -> SetPipeline:
    """Choose the pipeline; the inverse chooses the old one again."""
    store = PipelineStore(library)
    old = store.model()
    store.set_model(command.model)
    return SetPipeline(old)


HANDLERS: dict[type, Callable[[Library, Any], Any]] = {
    SetOutlets: _set_outlets,
    SetPipeline: _set_pipeline,
    SetLexiconOverrides: _set_lexicons,
}
