"""What every table and column of a library means, for a data person: Datasette's metadata.

Descriptions come from the schema itself where it says them (the comment on a CREATE TABLE
line describes the table, the comment after a column describes the column; SQLite keeps
both in sqlite_master), and from NOTES below for what older migrations left uncommented.
tests/core/storage/test_schema_docs.py fails when a table or column has neither.
"""

from __future__ import annotations

import re
from typing import Any

from sqlite_utils import Database

_TABLE_LINE = re.compile(r'CREATE TABLE\s+"?\w+"?\s*\(\s*--\s*(?P<text>.+)$')
_COLUMN_LINE = re.compile(r'^\s*"?(?P<name>\w+)"?\s+[A-Z]\w*.*?--\s*(?P<text>.+)$')
_SHADOW = re.compile(r"_fts_(data|idx|docsize|config)$")
_ARTICLE = "the article (articles.id)"
_END = "end of the span (exclusive), in code points"
_ANNOTATOR = "who made it (the annotator's name; '' for the library's owner)"
_NOTE = "the user's note"

# table -> (description, {column: description}); only what the CREATE statements do not say.
NOTES: dict[str, tuple[str, dict[str, str]]] = {
    "articles_fts": (
        "Full-text index of the articles (FTS5, kept by triggers); rowid is articles.id.",
        {c: f"articles.{c}, as indexed" for c in ("title", "outlet", "byline", "body")},
    ),
    "entities": (
        "Named entities found in each article, per language-model pipeline.",
        {
            "article_id": _ARTICLE,
            "end": _END,
            "label": "PERSON, ORG, OUTLET, GPE, LOC, ... (spaCy's label or the library's)",
            "text": "the entity as written in the body",
        },
    ),
    "analyses": (
        "Which pipeline found an article's entities, in which body, and how many.",
        {
            "article_id": _ARTICLE,
            "pipeline_id": "the pipeline: spaCy version, model, rules and outlet list",
            "entity_count": "how many entities it found",
        },
    ),
    "settings": ("The library's settings: outlets, pipeline, lexicons, ...", {"key": "name"}),
    "labels": (
        "The codebook: the labels annotations are made with.",
        {
            "id": "the label's id (never reused)",
            "name": "the label's name, unique without regard to case",
            "description": "what the label is for",
        },
    ),
    "annotations": (
        "The user's annotations: a labelled span of an article, with a note.",
        {
            "id": "the annotation's id (never reused)",
            "article_id": _ARTICLE,
            "end": _END,
            "prefix": "the text just before the span (W3C TextQuoteSelector)",
            "suffix": "the text just after the span",
            "note": _NOTE,
            "annotator": _ANNOTATOR,
            "modified": "when it was last changed (ISO 8601, UTC)",
            "iri": "its identity in the file it was imported from ('' when made here)",
        },
    ),
    "annotations_fts": (
        "Full-text index of annotations (FTS5, kept by triggers); rowid is annotations.id.",
        {"exact": "annotations.exact, as indexed", "note": "annotations.note, as indexed"},
    ),
    "corrections": (
        "The user's rules correcting entities, applied in id order to every article.",
        {"kind": "type, remove, merge, split or add"},
    ),
    "claim_assessments": (
        "The user's verdicts on figures (numeric_claims), by claim key.",
        {
            "article_id": _ARTICLE,
            "claim_key": "the figure's text@start, e.g. 'about 400@1234' (numeric_claims)",
            "status": "unverified, verified, disputed or false",
            "source_grade": "Admiralty grade of the source's reliability, A-F ('' ungraded)",
            "info_grade": "Admiralty grade of the information's credibility, 1-6 ('' ungraded)",
            "note": _NOTE,
            "annotator": _ANNOTATOR,
        },
    ),
    "claim_relations": (
        "How the user says two figures of an article relate.",
        {
            "article_id": _ARTICLE,
            "key_b": "the other figure's claim key",
            "relation": "corroborates, different_scope or contradicts",
            "note": _NOTE,
        },
    ),
    "sourcing_corrections": (
        "The user's corrections of who said what (applied to the finding rows).",
        {
            "article_id": _ARTICLE,
            "kind": "speaker (another source), remove_quote, add_quote",
            "end": _END,
            "exact": "the quote's text when corrected",
        },
    ),
    "sourcing_cache": (
        "Sourcing findings as JSON, per article and findings id (the rows' source).",
        {"article_id": _ARTICLE},
    ),
    "exercises": (
        "Training exercises made from this library.",
        {
            "title": "the exercise's title",
            "key_layer": "the annotator layer frozen as the answer key ('' for none)",
            "file_hash": "SHA-256 of the exercise file as written",
            "state": "writing until the file is in place, then written",
        },
    ),
    "exercise_articles": ("The articles of each exercise.", {"exercise_id": "the exercise"}),
    "exercise_returns": (
        "Exercise files trainees handed back, and what was imported from them.",
        {
            "id": "the return's id",
            "exercise_id": "the exercise",
            "handed_in": "when the trainee last saved the file (ISO 8601, UTC)",
        },
    ),
    "exercise_key": (
        "The answer key of each exercise, frozen when it was made.",
        {
            "exercise_id": "the exercise",
            "end": _END,
            "exact": "the annotated text",
            "prefix": "the text just before it",
            "suffix": "the text just after it",
            "note": "the trainer's note",
        },
    ),
    "check_decisions": (
        "The user's verdicts on the lens's checks (checks.key).",
        {
            "article_id": _ARTICLE,
            "status": "confirmed or dismissed",
            "note": _NOTE,
            "annotator": _ANNOTATOR,
        },
    ),
    "quotes_fts": (
        "Full-text index of quotes (FTS5, kept by triggers); rowid is quotes.id.",
        {"text": "quotes.text, as indexed"},
    ),
    "_sqlite_migrations": (
        "The schema migrations applied to this file (sqlite-utils).",
        {
            "id": "row id",
            "migration_set": "'sourcelight'",
            "name": "the migration, e.g. 0009_finding_rows",
            "applied_at": "when it was applied",
        },
    ),
}


def hidden(table: str) -> bool:
    """True for SQLite's and FTS5's own tables, which only those programs read."""
    return table.startswith("sqlite_") or bool(_SHADOW.search(table))


def describe(db: Database) -> dict[str, tuple[str, dict[str, str]]]:
    """Every table of the library that people read: (description, {column: description})."""
    described = {}
    for table, sql in db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
    ).fetchall():
        if hidden(table):
            continue
        said, said_columns = _comments(sql or "")
        noted, noted_columns = NOTES.get(table, ("", {}))
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]
        described[table] = (
            said or noted,
            {c: said_columns.get(c) or noted_columns.get(c, "") for c in columns},
        )
    return described


def datasette_metadata(db: Database, database: str) -> dict[str, Any]:
    """Datasette's metadata.json for a library that Datasette names database (its file stem)."""
    tables: dict[str, Any] = {
        table: {"description": text, "columns": columns}
        for table, (text, columns) in describe(db).items()
    }
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if hidden(table):
            tables[table] = {"hidden": True}
    return {
        "title": "Sourcelight library",
        "description": (
            "Articles, their entities and sourcing findings (quotes, sources, relays, hedges,"
            " figures, checks), and the user's annotations and verdicts. Offsets are code"
            " points into articles.body, half-open [start, end)."
        ),
        "databases": {database: {"tables": dict(sorted(tables.items()))}},
    }


def _comments(sql: str) -> tuple[str, dict[str, str]]:
    """The table's and its columns' descriptions, from the comments in its CREATE text."""
    lines = sql.splitlines()
    table = _TABLE_LINE.search(lines[0]) if lines else None
    columns = {}
    for line in lines[1:]:
        match = _COLUMN_LINE.match(line)
        if match:
            columns[match["name"]] = match["text"].strip()
    return (table["text"].strip() if table else ""), columns
