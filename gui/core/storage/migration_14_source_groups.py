"""Migration 14: the alias groups of the library's sources, kept instead of made on each read.

Which longer name a short one joins ("stahl" joins "elin stahl") follows a rule whose
answer does not depend on the order keys are looked at (gui.core.tracing.source_groups), so
it can be stored: source_groups holds each named key's parent and group, source_words the
words of those keys (to find the keys holding a key's words fast). Triggers on
source_totals mark every key whose sums change in source_groups_dirty, whatever writes the
rows; gui.core.storage.source_groups.settle_source_groups re-decides those keys (and the
keys whose words are a subset of theirs) before every commit of the library's one writer,
and a reader that finds keys still marked (another program wrote) settles them in memory.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from gui.core.tracing.source_groups import NAMED, group_parents, group_roots

VERSION = 14
NAME = "0014_source_groups"
NAMED_SQL = f"type IN ({', '.join(repr(t) for t in sorted(NAMED))})"

_TABLES = (
    """
CREATE TABLE source_groups (  -- The alias group of every named source key (see source_words).
    name_key TEXT PRIMARY KEY,  -- a source_totals key that articles give a named type
    parent TEXT NOT NULL,  -- the longer key it joins: most quoted of those holding its words
    root TEXT NOT NULL  -- its group: the end of its parents' chain (itself when parent is '')
) WITHOUT ROWID""",
    "CREATE INDEX source_groups_by_root ON source_groups (root)",
    """
CREATE TABLE source_words (  -- The words of each key of source_groups, to find keys by word.
    word TEXT NOT NULL,  -- one word of the key (keys are casefolded words, single spaces)
    name_key TEXT NOT NULL,  -- source_groups.name_key
    PRIMARY KEY (word, name_key)
) WITHOUT ROWID""",
    """
CREATE TABLE source_groups_dirty (  -- Keys whose sums changed since their group was decided.
    name_key TEXT PRIMARY KEY  -- a source_totals key (marked by trigger; settled on commit)
) WITHOUT ROWID""",
)
# Not INSERT OR IGNORE: in a trigger, the conflict clause of the statement that fired it wins.
_MARK = (
    "INSERT INTO source_groups_dirty (name_key) SELECT {row}.name_key WHERE NOT EXISTS"
    " (SELECT 1 FROM source_groups_dirty WHERE name_key = {row}.name_key);"
)
TRIGGERS = (
    "CREATE TRIGGER source_groups_added AFTER INSERT ON source_totals"
    f" WHEN NEW.name_key != '' BEGIN {_MARK.format(row='NEW')} END",
    "CREATE TRIGGER source_groups_removed AFTER DELETE ON source_totals"
    f" WHEN OLD.name_key != '' BEGIN {_MARK.format(row='OLD')} END",
    "CREATE TRIGGER source_groups_changed AFTER UPDATE ON source_totals"
    f" BEGIN {_MARK.format(row='OLD')} {_MARK.format(row='NEW')} END",
)
# Each key's articles and whether articles give it a named type, from the sums.
KEY_SUMS = (
    f"SELECT name_key, sum(articles), max({NAMED_SQL}) FROM source_totals"
    " WHERE name_key != ''{where} GROUP BY name_key"
)


def register(migrations: Migrations) -> None:
    """Add migration 14 to the library's migrations (later_migrations calls it)."""
    migrations(name=NAME)(source_groups)


def source_groups(db: Database) -> None:
    """The tables and triggers, filled with the groups of every key of source_totals."""
    for sql in _TABLES:
        db.execute(sql)
    for sql in TRIGGERS:
        db.execute(sql)
    rows = db.execute(KEY_SUMS.format(where="")).fetchall()
    articles = {key: int(count) for key, count, named in rows if named}
    parents = group_parents(articles)
    groups = group_roots(parents)
    db.conn.executemany(
        "INSERT INTO source_groups (name_key, parent, root) VALUES (?, ?, ?)",
        ((key, parents[key], groups[key]) for key in articles),
    )
    db.conn.executemany(
        "INSERT OR IGNORE INTO source_words (word, name_key) VALUES (?, ?)",
        ((word, key) for key in articles for word in key.split()),
    )
    # Never lower: a file that got a later migration first (from a branch build) keeps it.
    current = int(db.execute("PRAGMA user_version").fetchone()[0])
    db.execute(f"PRAGMA user_version = {max(current, VERSION)}")
