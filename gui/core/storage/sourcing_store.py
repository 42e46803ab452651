"""What the user decided about sourcing findings, the findings cache, and the commands on them.

SourcingStore reads; changes go through commands_store.apply(), which dispatches the commands
of gui.core.sourcing.commands to the handlers here (HANDLERS). take_rows/restore_rows keep an
article's sourcing rows in its snapshot, so that undoing its deletion brings them back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from sqlite_utils import Database

from gui.core.entities.pipeline import Entity
from gui.core.library.commands import TableRows
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    ClaimAssessment,
    ClaimRelation,
    ClearClaimAssessment,
    ClearClaimRelation,
    RemoveSourcingCorrection,
    SetClaimAssessment,
    SetClaimRelation,
    SourcingCommand,
    SourcingCorrection,
)
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.sourcing.model import Findings
from gui.core.storage import finding_rows_sync
from gui.core.storage.database import Library, LibraryError, utc_now
from gui.core.storage.finding_rows_sync import entities_digest

SOURCING_RULES = "sourcing-2"  # raise when the sourcing analysis changes what it finds
ASSESSMENT_COLUMNS = (
    "article_id",
    "claim_key",
    "status",
    "source_grade",
    "info_grade",
    "note",
    "annotator",
    "modified",
)
RELATION_COLUMNS = ("article_id", "key_a", "key_b", "relation", "note", "modified")
CORRECTION_COLUMNS = ("id", "article_id", "kind", "start", "end", "exact", "value", "created")
CACHE_COLUMNS = ("article_id", "pipeline_id", "content_hash", "findings", "analysed_at")
# Each table with its columns and the order its rows are kept in a snapshot.
TABLES: dict[str, tuple[tuple[str, ...], str]] = {
    "claim_assessments": (ASSESSMENT_COLUMNS, "claim_key"),
    "claim_relations": (RELATION_COLUMNS, "key_a, key_b"),
    "sourcing_corrections": (CORRECTION_COLUMNS, "id"),
    "sourcing_cache": (CACHE_COLUMNS, "rowid"),
}

_CACHED = """
SELECT c.findings FROM sourcing_cache AS c JOIN articles AS a ON a.id = c.article_id
WHERE c.article_id = ? AND c.pipeline_id = ? AND c.content_hash = a.content_hash
"""
_LATEST = """
SELECT c.pipeline_id, c.findings FROM sourcing_cache AS c JOIN articles AS a ON a.id = c.article_id
WHERE c.article_id = ? AND c.content_hash = a.content_hash ORDER BY c.rowid DESC LIMIT 1
"""
_REPLACE = "INSERT OR REPLACE"
# Findings kept per article: one set for each of the most recently used pipelines, so that
# switching models and back finds them, while edits of entities or lexicons do not pile up.
KEPT_PIPELINES = 3
_FORGET_OLDEST = """
DELETE FROM sourcing_cache WHERE article_id = ? AND rowid NOT IN (
    SELECT rowid FROM sourcing_cache WHERE article_id = ? ORDER BY rowid DESC LIMIT ?)
"""

Handler = Callable[[Library, Any], SourcingCommand]


def _columns(names: Sequence[str]) -> str:
    """Column names, quoted ("end" is an SQL keyword), for a SELECT or an INSERT."""
    return ", ".join(f'"{name}"' for name in names)


def _insert(table: str, verb: str = "INSERT") -> str:
    """INSERT (or INSERT OR REPLACE) of a whole row of one of TABLES."""
    names = TABLES[table][0]
    return f"{verb} INTO {table} ({_columns(names)}) VALUES ({', '.join('?' for _ in names)})"


def _select(table: str) -> str:
    """SELECT of whole rows of one of TABLES, with no condition yet."""
    return f"SELECT {_columns(TABLES[table][0])} FROM {table}"


def findings_text(findings: Findings) -> str:
    """The findings as the cache keeps them: to_json() as JSON text."""
    return json.dumps(findings.to_json(), ensure_ascii=False)


def _read_findings(text: str) -> Findings | None:
    """Cached findings read back; None when the row cannot be read (it is found again)."""
    try:
        return Findings.from_json(json.loads(text))
    except ValueError:
        return None


def findings_cache_id(pipeline_id: str, entities: Sequence[Entity]) -> str:
    """What findings depend on: the pipeline, the sourcing rules, and the (corrected) entities."""
    return f"{pipeline_id}/{SOURCING_RULES}/entities-{entities_digest(entities)}"


class SourcingStore:
    """Reads the verdicts, relations and corrections of articles, and caches their findings."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self._db = library.db

    @property
    def library(self) -> Library:
        """The library read."""
        return self._library

    def assessments(self, article_id: int) -> dict[str, ClaimAssessment]:
        """The article's claim assessments by claim key."""
        sql = f"{_select('claim_assessments')} WHERE article_id = ? ORDER BY claim_key"
        return {row[1]: ClaimAssessment(*row) for row in self._rows(sql, [article_id])}

    def assessment(self, article_id: int, key: str) -> ClaimAssessment | None:
        """The assessment of one claim, or None."""
        sql = f"{_select('claim_assessments')} WHERE article_id = ? AND claim_key = ?"
        rows = self._rows(sql, [article_id, key])
        return ClaimAssessment(*rows[0]) if rows else None

    def relations(self, article_id: int) -> list[ClaimRelation]:
        """The relations the user set between the article's claims, by key."""
        sql = f"{_select('claim_relations')} WHERE article_id = ? ORDER BY key_a, key_b"
        return [ClaimRelation(*row) for row in self._rows(sql, [article_id])]

    def relation(self, article_id: int, key_a: str, key_b: str) -> ClaimRelation | None:
        """The relation between two claims (given in either order), or None."""
        first, second = sorted((key_a, key_b))
        sql = f"{_select('claim_relations')} WHERE article_id = ? AND key_a = ? AND key_b = ?"
        rows = self._rows(sql, [article_id, first, second])
        return ClaimRelation(*rows[0]) if rows else None

    def corrections(self, article_id: int) -> list[SourcingCorrection]:
        """The article's corrections of attributions, in the order they apply (by id)."""
        sql = f"{_select('sourcing_corrections')} WHERE article_id = ? ORDER BY id"
        return [SourcingCorrection(*row) for row in self._rows(sql, [article_id])]

    def correction(self, correction_id: int) -> SourcingCorrection | None:
        """One correction of an attribution, or None."""
        rows = self._rows(f"{_select('sourcing_corrections')} WHERE id = ?", [correction_id])
        return SourcingCorrection(*rows[0]) if rows else None

    def cached(self, article_id: int, pipeline_id: str) -> Findings | None:
        """The saved findings, if found by this pipeline in the current body; else None."""
        rows = self._rows(_CACHED, [article_id, pipeline_id])
        return _read_findings(rows[0][0]) if rows else None

    def latest(self, article_id: int) -> tuple[str, Findings] | None:
        """(pipeline id, findings) saved for the current body by any pipeline, or None."""
        rows = self._rows(_LATEST, [article_id])
        findings = _read_findings(rows[0][1]) if rows else None
        return None if findings is None else (rows[0][0], findings)

    def save_cache(self, article_id: int, pipeline_id: str, findings: Findings | str) -> None:
        """Keep the findings (or their to_json() as JSON text) of the current body.

        KeyError if there is no such article. A caller with the text already made (e.g. on a
        worker thread) saves the serialising here. The article's finding rows become these
        findings' (with the user's corrections), in the same transaction.
        """
        text = findings if isinstance(findings, str) else findings_text(findings)
        saved = _read_findings(text) if isinstance(findings, str) else findings
        with self._library.transaction() as db:
            row = db.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id])
            found = row.fetchone()
            if found is None:
                raise KeyError(article_id)
            now = utc_now()
            db.execute(
                _insert("sourcing_cache", _REPLACE), [article_id, pipeline_id, found[0], text, now]
            )
            db.execute(_FORGET_OLDEST, [article_id, article_id, KEPT_PIPELINES])
            if saved is None:
                finding_rows_sync.drop_rows(db, article_id)
            else:
                finding_rows_sync.write_rows(db, article_id, pipeline_id, now, saved)

    def _rows(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        """Run a query and fetch its rows, with SQLite failures as LibraryError."""
        with self._library.errors():
            return self._db.execute(sql, params).fetchall()


# Snapshots


def take_rows(db: Database, article_id: int) -> tuple[TableRows, ...]:
    """The article's rows in every sourcing table, to be put back by restore_rows."""
    taken = []
    for table, (_, order) in TABLES.items():
        sql = f"{_select(table)} WHERE article_id = ? ORDER BY {order}"
        taken.append((table, tuple(db.execute(sql, [article_id]).fetchall())))
    return tuple(taken)


def restore_rows(db: Database, rows: Sequence[TableRows]) -> None:
    """Insert rows taken by take_rows, as they were (corrections keep their ids)."""
    for table, table_rows in rows:
        if table not in TABLES:
            raise LibraryError(f"Cannot restore rows of an unknown table {table!r}.")
        db.conn.executemany(_insert(table), table_rows)


# Command handlers (called by commands_store inside its transaction)


def _set_assessment(library: Library, command: SetClaimAssessment) -> SourcingCommand:
    """Store a claim's verdict; the inverse puts back the old one or clears it."""
    _require_article(library.db, command.article_id)
    if not command.claim_key:
        raise LibraryError("An assessment needs the claim it is about.")
    old = SourcingStore(library).assessment(command.article_id, command.claim_key)
    c = command
    row = (c.article_id, c.claim_key, c.status, c.source_grade, c.info_grade, c.note)
    library.db.execute(
        _insert("claim_assessments", _REPLACE),
        [*row, c.annotator, c.modified or utc_now()],
    )
    if old is None:
        return ClearClaimAssessment(c.article_id, c.claim_key)
    return SetClaimAssessment.of(old)


def _clear_assessment(library: Library, command: ClearClaimAssessment) -> SourcingCommand:
    """Forget a claim's verdict; the inverse puts it back with its times."""
    old = SourcingStore(library).assessment(command.article_id, command.claim_key)
    if old is None:
        raise LibraryError("That assessment is no longer in the library.")
    library.db.execute(
        "DELETE FROM claim_assessments WHERE article_id = ? AND claim_key = ?",
        [old.article_id, old.claim_key],
    )
    return SetClaimAssessment.of(old)


def _set_relation(library: Library, command: SetClaimRelation) -> SourcingCommand:
    """Relate two claims (stored with the smaller key first); the inverse restores or clears."""
    _require_article(library.db, command.article_id)
    if not (command.key_a and command.key_b):
        raise LibraryError("A relation needs two claims.")
    first, second = sorted((command.key_a, command.key_b))
    old = SourcingStore(library).relation(command.article_id, first, second)
    row = (command.article_id, first, second, command.relation, command.note)
    library.db.execute(
        _insert("claim_relations", _REPLACE),
        [*row, command.modified or utc_now()],
    )
    if old is None:
        return ClearClaimRelation(command.article_id, first, second)
    return SetClaimRelation.of(old)


def _clear_relation(library: Library, command: ClearClaimRelation) -> SourcingCommand:
    """Remove the relation between two claims; the inverse puts it back."""
    old = SourcingStore(library).relation(command.article_id, command.key_a, command.key_b)
    if old is None:
        raise LibraryError("That relation is no longer in the library.")
    library.db.execute(
        "DELETE FROM claim_relations WHERE article_id = ? AND key_a = ? AND key_b = ?",
        [old.article_id, old.key_a, old.key_b],
    )
    return SetClaimRelation.of(old)


def _add_correction(library: Library, command: AddSourcingCorrection) -> SourcingCommand:
    """Save a correction of an attribution (stamping created when empty)."""
    c = command.correction
    _require_article(library.db, c.article_id)
    if c.id and SourcingStore(library).correction(c.id) is not None:
        raise LibraryError(f"Sourcing correction {c.id} is already in the library.")
    row = (c.id or None, c.article_id, c.kind, c.start, c.end, c.exact, c.value)
    cursor = library.db.execute(_insert("sourcing_corrections"), [*row, c.created or utc_now()])
    finding_rows_sync.refresh_rows(library.db, c.article_id)  # the rows hold corrected findings
    return RemoveSourcingCorrection(int(cursor.lastrowid or 0))


def _remove_correction(library: Library, command: RemoveSourcingCorrection) -> SourcingCommand:
    """Delete a correction of an attribution; the inverse puts it back with its id."""
    old = SourcingStore(library).correction(command.correction_id)
    if old is None:
        raise LibraryError("That sourcing correction is no longer in the library.")
    library.db.execute("DELETE FROM sourcing_corrections WHERE id = ?", [old.id])
    finding_rows_sync.refresh_rows(library.db, old.article_id)
    return AddSourcingCorrection(old)


def _require_article(db: Database, article_id: int) -> None:
    """LibraryError unless the library has this article."""
    if db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is None:
        raise LibraryError("That article is no longer in the library.")


HANDLERS: dict[type, Handler] = {
    SetClaimAssessment: _set_assessment,
    ClearClaimAssessment: _clear_assessment,
    SetClaimRelation: _set_relation,
    ClearClaimRelation: _clear_relation,
    AddSourcingCorrection: _add_correction,
    RemoveSourcingCorrection: _remove_correction,
}


def _save_findings(library: Library, command: SaveFindings) -> None:
    """Keep the findings found in an article's current text (a cache: nothing to undo)."""
    try:
        SourcingStore(library).save_cache(command.article_id, command.cache_id, command.findings)
    except KeyError:
        raise LibraryError("That article is no longer in the library.") from None


HANDLERS = {**HANDLERS, SaveFindings: _save_findings}
