"""A library's own lexicon entries as editable text: tab-separated, one entry a line.

A line adds an entry or replaces the bundled one with the same key; a line starting with
"-" removes the bundled entry of that key. The header line names the columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from gui.core.resources import resource
from gui.core.sourcing.lexicons import KEY_COLUMNS, LEXICON_FILES, Lexicons, load_lexicons
from gui.core.storage.database import Library
from gui.core.storage.settings_store import LexiconStore

REMOVE = "-"


def columns(name: str) -> list[str]:
    """The columns of a lexicon, as its bundled file's header names them."""
    with resource("lexicons", LEXICON_FILES[name]).open(encoding="utf-8") as handle:
        return handle.readline().rstrip("\n").split("\t")


def to_text(name: str, rows: Sequence[Mapping[str, Any]]) -> str:
    """Override rows as tab-separated text with a header line."""
    names = columns(name)
    key = KEY_COLUMNS[name]
    lines = ["\t".join(names)]
    for row in rows:
        if row.get("remove"):
            lines.append(f"{REMOVE}{row[key]}")
        else:
            lines.append("\t".join(str(row.get(column, "")) for column in names))
    return "\n".join(lines) + "\n"


def from_text(name: str, text: str) -> list[dict[str, Any]]:
    """Override rows from tab-separated text; a ValueError names a line that cannot be read."""
    names = columns(name)
    key = KEY_COLUMNS[name]
    rows: list[dict[str, Any]] = []
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and lines[0].split("\t")[0] == names[0]:
        lines = lines[1:]  # the header line
    for number, line in enumerate(lines, start=2):
        if line.startswith(REMOVE):
            rows.append({key: line[len(REMOVE) :].strip(), "remove": True})
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter="\t"))
        if len(cells) > len(names) or not cells[0].strip():
            raise ValueError(f"line {number}: expected {len(names)} columns: {', '.join(names)}")
        rows.append({column: cell.strip() for column, cell in zip(names, cells, strict=False)})
    return rows


def overrides_id(overrides: Mapping[str, Any]) -> str:
    """A short fingerprint of a library's lexicon overrides ('' when there are none)."""
    if not any(overrides.values()):
        return ""
    text = json.dumps(overrides, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def library_lexicons(library: Library) -> tuple[Lexicons | None, str]:
    """(lexicons with the library's own entries, cache-id suffix); (None, "") without any."""
    overrides = LexiconStore(library).overrides()
    suffix = _suffix(overrides)
    return (load_lexicons(overrides), suffix) if suffix else (None, "")


def lexicons_id(library: Library) -> str:
    """The part of a findings cache id that says which lexicon entries the library has."""
    return _suffix(LexiconStore(library).overrides())


def _suffix(overrides: Mapping[str, Any]) -> str:
    """ "/lexicons-<fingerprint>" of the overrides; "" when there are none."""
    fingerprint = overrides_id(overrides)
    return f"/lexicons-{fingerprint}" if fingerprint else ""
