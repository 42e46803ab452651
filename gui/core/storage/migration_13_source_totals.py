"""Migration 13: the library's sources summed up per name, kept by triggers on the sources rows.

The library-wide Sources list needs, for every way articles name a source (key, name, type),
how many articles do, in how many it is anonymous, and its statements and relays. Summing
500,000 rows of 100,000 articles for that took 0.3 s each time it was asked. source_totals
holds those sums; triggers on `sources` add a row's counts when it is written and take them
away when it goes (a save's rewrite, a correction, a new body, the deletion of an article
by cascade, and each undo), in the statement that changes the row, so the sums are always
those of the rows: no code path can write one without the other, nor any SQLite client.

Which names go together across articles ("Stahl" with "Elin Stahl") is stored by migration
14 (source_groups), from these sums.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

VERSION = 13
NAME = "0013_source_totals"

_SOURCE_TOTALS = """
CREATE TABLE source_totals (  -- The sources rows summed up per key, name and type (by trigger).
    name_key TEXT NOT NULL,  -- sources.name_key: the name normalised ('' for vague sources)
    name TEXT NOT NULL,  -- sources.name: the name articles count the source under
    type TEXT NOT NULL,  -- sources.type: person, institution, outlet, anonymous ...
    articles INTEGER NOT NULL DEFAULT 0,  -- how many articles name the source so
    anonymous INTEGER NOT NULL DEFAULT 0,  -- in how many of them it is anonymous
    statements INTEGER NOT NULL DEFAULT 0,  -- the statements it made in them, in all
    relayed INTEGER NOT NULL DEFAULT 0,  -- the statements of others it passed on, in all
    PRIMARY KEY (name_key, name, type)
) WITHOUT ROWID"""

_MATCH = "name_key = OLD.name_key AND name = OLD.name AND type = OLD.type"
_ADD = """
    INSERT INTO source_totals (name_key, name, type, articles, anonymous, statements, relayed)
    VALUES (NEW.name_key, NEW.name, NEW.type, 1, NEW.anonymous > 0, NEW.statements, NEW.relayed)
    ON CONFLICT (name_key, name, type) DO UPDATE SET articles = articles + 1,
        anonymous = anonymous + excluded.anonymous,
        statements = statements + excluded.statements, relayed = relayed + excluded.relayed;"""
_TAKE = f"""
    UPDATE source_totals SET articles = articles - 1, anonymous = anonymous - (OLD.anonymous > 0),
        statements = statements - OLD.statements, relayed = relayed - OLD.relayed
    WHERE {_MATCH};
    DELETE FROM source_totals WHERE {_MATCH} AND articles <= 0;"""
TRIGGERS = (
    f"CREATE TRIGGER source_totals_added AFTER INSERT ON sources BEGIN{_ADD}\nEND",
    f"CREATE TRIGGER source_totals_removed AFTER DELETE ON sources BEGIN{_TAKE}\nEND",
    f"CREATE TRIGGER source_totals_changed AFTER UPDATE ON sources BEGIN{_TAKE}{_ADD}\nEND",
)
# The sums as the triggers keep them, made from the rows at once (the migration, the checks).
SUMS = (
    "SELECT name_key, name, type, count(*), sum(anonymous > 0), sum(statements), sum(relayed)"
    " FROM sources GROUP BY name_key, name, type"
)


def register(migrations: Migrations) -> None:
    """Add migration 13 to the library's migrations (later_migrations calls it)."""
    migrations(name=NAME)(source_totals)


def source_totals(db: Database) -> None:
    """The sums table filled from the rows, its triggers; an index for outlet keys, and the
    index the sums replace dropped."""
    db.execute(_SOURCE_TOTALS)
    db.execute(
        "INSERT INTO source_totals (name_key, name, type, articles, anonymous, statements,"
        f" relayed) {SUMS}"
    )
    for sql in TRIGGERS:
        db.execute(sql)
    # Which keys name an outlet (LibraryRowsStore.outlet_keys), from the few relay rows that do.
    db.execute("CREATE INDEX relays_outlet_keys ON relays (name_key) WHERE type = 'outlet'")
    # Migration 11's covering index made those sums from the index alone; now nothing reads it.
    db.execute("DROP INDEX IF EXISTS sources_by_key_cover")
    db.execute(f"PRAGMA user_version = {VERSION}")
