"""Migration 12: relations a person sets between figures of two different articles.

Within an article, claim_relations holds them (keyed by the one article); across articles a
row names both ends, the smaller article first, so each pair is kept once whichever way it
was set. Deleting either article takes its rows with it (its snapshot keeps them for undo).
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

NAME = "0012_cross_claim_relations"
VERSION = 12

_CROSS_CLAIM_RELATIONS = """
CREATE TABLE cross_claim_relations (  -- How a person relates two figures of different articles.
    article_a INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the first article
    key_a TEXT NOT NULL,  -- its figure's claim key, text@start (as claim_assessments has it)
    article_b INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- the other article
    key_b TEXT NOT NULL,  -- the other article's figure's claim key
    relation TEXT NOT NULL,  -- corroborates, different_scope or contradicts
    note TEXT NOT NULL DEFAULT '',  -- the user's note
    modified TEXT NOT NULL,  -- when it was last set (ISO 8601, UTC)
    PRIMARY KEY (article_a, key_a, article_b, key_b),
    CHECK (article_a < article_b),
    CHECK (relation IN ('corroborates', 'different_scope', 'contradicts'))
) WITHOUT ROWID"""
# The primary key finds a figure's relations as the first end; this one as the second.
_BY_SECOND = "CREATE INDEX cross_claim_relations_by_b ON cross_claim_relations (article_b, key_b)"


def register(migrations: Migrations) -> None:
    """Add migration 12 to the library's migrations (later_migrations calls it)."""
    migrations(name=NAME)(cross_claim_relations)


def cross_claim_relations(db: Database) -> None:
    """The table of relations between figures of two articles."""
    db.execute(_CROSS_CLAIM_RELATIONS)
    db.execute(_BY_SECOND)
    db.execute(f"PRAGMA user_version = {VERSION}")
