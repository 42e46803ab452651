"""Migration 14: the stored alias groups are those of the rule after every write, however made."""

from __future__ import annotations

import random

import pytest
from sqlite_utils import Database

from gui.core.storage import Library
from gui.core.storage import migrations as schema
from gui.core.storage.library_rows_store import LibraryRowsStore
from gui.core.storage.migration_14_source_groups import NAME
from gui.core.tracing import queries
from tests.core.storage.factories import bare_article, database_before
from tests.core.tracing import literal_groups as rule

WORDS = ("elin", "stahl", "erik", "mayor", "port", "berg")
TYPES = ("person", "person", "institution", "outlet", "anonymous", "description")
NAMED = ("person", "institution", "outlet")


def literal_groups(db: Database) -> dict[str, str]:
    """The rule read literally over the sums: a named key's parent is the most quoted (then
    greatest) named key whose words strictly hold its words; its group ends the chain."""
    articles: dict[str, int] = {}
    named: set[str] = set()
    for key, kind, count in db.execute("SELECT name_key, type, articles FROM source_totals"):
        if key:
            articles[key] = articles.get(key, 0) + count
            if kind in NAMED:
                named.add(key)
    return rule.literal_groups(articles, named)


def stored(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT name_key, root FROM source_groups").fetchall())


def assert_settled(db: Database) -> None:
    """The stored groups, parents and word index are the rule's, and nothing is marked."""
    groups = literal_groups(db)
    assert stored(db) == groups
    assert db.execute("SELECT count(*) FROM source_groups_dirty").fetchone() == (0,)
    words = {(w, k) for k in groups for w in k.split()}
    assert set(db.execute("SELECT word, name_key FROM source_words").fetchall()) == words
    for key, parent in db.execute("SELECT name_key, parent FROM source_groups"):
        assert parent == "" or set(key.split()) < set(parent.split())


def add_articles(library: Library, count: int) -> None:
    with library.transaction() as db:
        for article_id in range(1, count + 1):
            db.execute(
                "INSERT INTO articles (id, title, source, format, content_hash, imported_at,"
                " body) VALUES (?, 't', 'f', 'txt', ?, '2026', 'b')",
                [article_id, f"h{article_id}"],
            )


def random_write(db: Database, rng: random.Random, articles: int) -> None:
    """A few source rows added, changed or taken away, or an article deleted (cascade)."""
    rows = db.execute("SELECT article_id, position FROM sources").fetchall()
    for _ in range(rng.randint(1, 4)):
        draw = rng.random()
        if draw < 0.5 or not rows:
            key = " ".join(rng.sample(WORDS, rng.choice((1, 1, 2, 2, 3))))
            db.execute(
                "INSERT OR IGNORE INTO sources (article_id, position, name_key, name, type,"
                " statements, relayed, anonymous) VALUES (?, ?, ?, ?, ?, 1, 0, 0)",
                [rng.randint(1, articles), rng.randint(0, 9), key, key.title(), rng.choice(TYPES)],
            )
        elif draw < 0.7:
            article_id, position = rng.choice(rows)
            db.execute(
                "UPDATE sources SET type = ? WHERE article_id = ? AND position = ?",
                [rng.choice(TYPES), article_id, position],
            )
        elif draw < 0.9:
            gone = rng.choice(rows)
            db.execute("DELETE FROM sources WHERE article_id = ? AND position = ?", gone)
        else:
            gone = rng.randint(1, articles)  # its rows go by cascade; it comes back empty
            db.execute("DELETE FROM articles WHERE id = ?", [gone])
            db.execute(
                "INSERT INTO articles (id, title, source, format, content_hash, imported_at,"
                " body) VALUES (?, 't', 'f', 'txt', ?, '2026', 'b')",
                [gone, f"again {rng.random()}"],
            )


@pytest.mark.parametrize("seed", range(8))
def test_every_write_leaves_the_groups_of_the_rule(library, seed):
    rng = random.Random(seed)
    add_articles(library, 12)
    merged = 0
    for _ in range(40):
        with library.transaction() as db:
            random_write(db, rng, 12)
        assert_settled(library.db)
        merged = max(merged, sum(k != g for k, g in stored(library.db).items()))
    assert merged >= 3  # keys were grouped, not only left alone


@pytest.mark.parametrize("seed", range(4))
def test_a_reader_settles_another_programs_writes_in_memory(library, seed):
    rng = random.Random(seed)
    add_articles(library, 12)
    for _ in range(15):
        with library.transaction() as db:
            random_write(db, rng, 12)
    for _ in range(5):
        random_write(library.db, rng, 12)  # outside the one writer: no settle follows
    store = LibraryRowsStore(library)
    assert not store.groups_settled()
    assert store.current_groups() == literal_groups(library.db)
    in_memory = queries.library_sources(library)
    searched = queries.library_sources(library, "stahl")
    with library.transaction():  # the next write of the one writer settles them
        pass
    assert_settled(library.db)
    assert store.groups_settled()
    assert queries.library_sources(library) == in_memory
    assert queries.library_sources(library, "stahl") == searched


def test_the_migration_groups_the_keys_a_library_already_has(tmp_path):
    db = database_before(tmp_path / "library.sqlite", NAME)
    bare_article(db)
    for position, (key, kind) in enumerate(
        [("stahl", "person"), ("elin stahl", "person"), ("the stahl family", "description")]
    ):
        db.execute(
            "INSERT INTO sources (article_id, position, name_key, name, type, anonymous,"
            " statements, relayed) VALUES (1, ?, ?, ?, ?, 0, 1, 0)",
            [position, key, key.title(), kind],
        )
    schema.MIGRATIONS.apply(db)
    assert stored(db) == {"stahl": "elin stahl", "elin stahl": "elin stahl"}
    assert_settled(db)
    assert schema.schema_version(db) == schema.SCHEMA_VERSION
