"""Migration 13: source_totals holds the sums of the sources rows after every kind of change."""

from __future__ import annotations

import pytest
from sqlite_utils import Database

from gui.core.entities.commands import SaveEntities
from gui.core.library.commands import DeleteArticle, ReplaceBody
from gui.core.sourcing.commands import AddSourcingCorrection, SourcingCorrection
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.sourcing.model import Findings
from gui.core.storage import ArticleStore, Library, apply
from gui.core.storage import migrations as schema
from gui.core.storage.migration_13_source_totals import NAME, SUMS
from gui.core.storage.sourcing_store import findings_cache_id, findings_text
from tests.core.storage.factories import bare_article, database_before

from .factories import imported
from .finding_world import BODIES, BODY, ENTITIES, FINDINGS

PIPELINE = "spacy-3.8/test-model"
FINDINGS_ID = findings_cache_id(PIPELINE, ENTITIES)


def totals(db: Database) -> list[tuple]:
    """source_totals as its rows stand."""
    return db.execute(
        "SELECT name_key, name, type, articles, anonymous, statements, relayed"
        " FROM source_totals ORDER BY 1, 2, 3"
    ).fetchall()


def sums(db: Database) -> list[tuple]:
    """The same sums made from the sources rows at once."""
    return sorted(db.execute(SUMS).fetchall())


def saved(library: Library, body: str, outlet: str) -> int:
    """An article with FINDINGS saved through the one writer."""
    article_id = ArticleStore(library).add(imported(body, "Toll", outlet=outlet))
    apply(library, SaveEntities(article_id, PIPELINE, ENTITIES))
    apply(library, SaveFindings(article_id, FINDINGS_ID, findings_text(FINDINGS)))
    return article_id


@pytest.fixture
def two(library: Library) -> tuple[int, int]:
    """Two articles naming the same sources."""
    return saved(library, BODY, "Daily Star"), saved(library, BODY + " More.", "Evening Post")


def test_the_sums_count_every_article_naming_a_source(library, two):
    found = {row[1]: row[3:] for row in totals(library.db)}
    assert found["a witness"] == (2, 2, 2, 0)  # articles, anonymous in, statements, relayed
    assert found["Reuters"] == (2, 0, 0, 2)
    assert totals(library.db) == sums(library.db)


def test_saving_again_and_corrections_keep_the_sums(library, two):
    first, _ = two
    apply(library, SaveFindings(first, "fewer", findings_text(Findings(FINDINGS.attributions[:1]))))
    assert totals(library.db) == sums(library.db)
    assert {row[1]: row[3] for row in totals(library.db)}["a witness"] == 1
    fix = SourcingCorrection(0, first, "speaker", BODIES.start, BODIES.end, BODIES.text, "X Y")
    undo = apply(library, AddSourcingCorrection(fix))
    assert totals(library.db) == sums(library.db)
    apply(library, undo)
    assert totals(library.db) == sums(library.db)


def test_deletion_by_cascade_a_new_text_and_their_undo_keep_the_sums(library, two):
    first, second = two
    before = totals(library.db)
    undo = apply(library, DeleteArticle(first))
    assert {row[1]: row[3] for row in totals(library.db)}["a witness"] == 1
    assert totals(library.db) == sums(library.db)
    apply(library, undo)
    assert totals(library.db) == before
    undo = apply(library, ReplaceBody(second, BODY.replace("400", "500")))
    assert totals(library.db) == sums(library.db)
    apply(library, undo)
    assert totals(library.db) == before


def test_a_source_no_article_names_any_more_leaves_no_row(library, two):
    for article_id in two:
        apply(library, DeleteArticle(article_id))
    assert totals(library.db) == []


def test_an_edit_by_another_sqlite_client_keeps_the_sums(library, two):
    library.db.execute("UPDATE sources SET name = 'a bystander', anonymous = 0 WHERE position = 1")
    assert totals(library.db) == sums(library.db)
    assert [row[3] for row in totals(library.db) if row[1] == "a bystander"] == [2]


def test_the_migration_sums_the_rows_a_library_already_has(tmp_path):
    db = database_before(tmp_path / "library.sqlite", NAME)
    bare_article(db)
    for position, (key, name, kind, anonymous) in enumerate(
        [("stahl", "Stahl", "person", 0), ("a port official", "A port official", "anonymous", 1)]
    ):
        db.execute(
            "INSERT INTO sources (article_id, position, name_key, name, type, anonymous,"
            " statements, relayed) VALUES (1, ?, ?, ?, ?, ?, 2, 0)",
            [position, key, name, kind, anonymous],
        )
    schema.MIGRATIONS.apply(db)
    assert (
        totals(db)
        == sums(db)
        == [
            ("a port official", "A port official", "anonymous", 1, 1, 2, 0),
            ("stahl", "Stahl", "person", 1, 0, 2, 0),
        ]
    )
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "sources_by_key_cover" not in indexes and "relays_outlet_keys" in indexes
    assert schema.schema_version(db) == schema.SCHEMA_VERSION
