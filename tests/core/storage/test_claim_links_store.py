"""Relations between figures of two articles: kept once per pair, undone, carried by deletions."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from gui.core.changes import Batch
from gui.core.library.commands import DeleteArticle
from gui.core.sourcing.commands import SetClaimAssessment, SetClaimRelation
from gui.core.storage import SCHEMA_VERSION, ArticleStore, LibraryError, apply, open_library
from gui.core.storage.claim_links_store import ClaimLinkStore
from gui.core.storage.migrations import MIGRATIONS
from gui.core.tracing.claim_links import (
    ClearCrossClaimRelation,
    FigureRelation,
    SetCrossClaimRelation,
)
from tests.core.storage.factories import imported

ABOUT_20, TWENTY_ONE, TWELVE = "about 20@83", "21@72", "at least 12@98"


def two_articles(library) -> tuple[int, int]:
    """Two articles of two outlets, a day apart."""
    store = ArticleStore(library)
    first = store.add(
        imported("About 20 people were hurt.", "Fire", outlet="Courier", published="2026-03-04")
    )
    second = store.add(
        imported("21 people were hurt.", "Fire", outlet="Baltic Wire", published="2026-03-05")
    )
    return first, second


def rows(library) -> list[tuple]:
    return library.db.execute(
        "SELECT article_a, key_a, article_b, key_b, relation FROM cross_claim_relations"
    ).fetchall()


def test_a_relation_is_kept_once_in_order_and_its_undo_takes_it_away(library):
    courier, wire = two_articles(library)
    undo = apply(library, SetCrossClaimRelation(wire, TWENTY_ONE, courier, ABOUT_20, "contradicts"))
    assert rows(library) == [(courier, ABOUT_20, wire, TWENTY_ONE, "contradicts")]
    assert undo == ClearCrossClaimRelation(courier, ABOUT_20, wire, TWENTY_ONE)
    seen = ClaimLinkStore(library).relations([(courier, ABOUT_20), (wire, TWENTY_ONE)])
    assert seen == {
        (courier, ABOUT_20): [
            FigureRelation("contradicts", wire, TWENTY_ONE, "Baltic Wire", "2026-03-05")
        ],
        (wire, TWENTY_ONE): [
            FigureRelation("contradicts", courier, ABOUT_20, "Courier", "2026-03-04")
        ],
    }
    assert seen[courier, ABOUT_20][0].described() == (
        "contradicts Baltic Wire 2026-03-05 figure '21'"
    )
    redo = apply(library, undo)
    assert rows(library) == []
    apply(library, redo)
    assert rows(library) == [(courier, ABOUT_20, wire, TWENTY_ONE, "contradicts")]


def test_changing_a_relation_set_the_other_way_round_undoes_to_the_one_before(library):
    courier, wire = two_articles(library)
    apply(library, SetCrossClaimRelation(courier, ABOUT_20, wire, TWENTY_ONE, "corroborates"))
    undo = apply(library, SetCrossClaimRelation(wire, TWENTY_ONE, courier, ABOUT_20, "contradicts"))
    assert rows(library) == [(courier, ABOUT_20, wire, TWENTY_ONE, "contradicts")]
    apply(library, undo)
    assert rows(library) == [(courier, ABOUT_20, wire, TWENTY_ONE, "corroborates")]
    cleared = apply(library, ClearCrossClaimRelation(wire, TWENTY_ONE, courier, ABOUT_20))
    assert rows(library) == []
    apply(library, cleared)
    assert rows(library) == [(courier, ABOUT_20, wire, TWENTY_ONE, "corroborates")]


def test_relations_within_an_article_and_verdicts_are_read_for_any_figure(library):
    courier, wire = two_articles(library)
    apply(library, SetClaimRelation(courier, ABOUT_20, TWELVE, "different_scope"))
    apply(library, SetClaimAssessment(wire, TWENTY_ONE, "disputed"))
    store = ClaimLinkStore(library)
    assert store.relations([(courier, TWELVE)]) == {
        (courier, TWELVE): [
            FigureRelation("different_scope", courier, ABOUT_20, "Courier", "2026-03-04")
        ],
    }
    assert store.verdicts([(wire, TWENTY_ONE), (courier, ABOUT_20)]) == {
        (wire, TWENTY_ONE): "disputed"
    }


def test_deleting_either_article_takes_its_relations_and_undo_brings_them_back(library):
    courier, wire = two_articles(library)
    apply(library, SetCrossClaimRelation(courier, ABOUT_20, wire, TWENTY_ONE, "corroborates"))
    before = rows(library)
    for article in (courier, wire):
        undo = apply(library, DeleteArticle(article))
        assert rows(library) == []
        apply(library, undo)
        assert rows(library) == before
        assert ClaimLinkStore(library).article_relations(article)


def test_deleting_both_articles_at_once_undoes_with_the_relation(library):
    courier, wire = two_articles(library)
    apply(library, SetCrossClaimRelation(courier, ABOUT_20, wire, TWENTY_ONE, "corroborates"))
    before = rows(library)
    undo = apply(library, Batch("Delete", (DeleteArticle(courier), DeleteArticle(wire))))
    assert rows(library) == [] and ArticleStore(library).count() == 0
    apply(library, undo)
    assert rows(library) == before


def test_bad_relations_are_refused_and_change_nothing(library):
    courier, wire = two_articles(library)
    with pytest.raises(ValueError, match="unknown relation"):
        SetCrossClaimRelation(courier, ABOUT_20, wire, TWENTY_ONE, "agrees")
    with pytest.raises(ValueError, match="within the article"):
        SetCrossClaimRelation(courier, ABOUT_20, courier, TWELVE, "contradicts")
    with pytest.raises(ValueError, match="not a figure's key"):
        SetCrossClaimRelation(courier, "about 20", wire, TWENTY_ONE, "contradicts")
    with pytest.raises(LibraryError, match="no longer in the library"):
        apply(library, SetCrossClaimRelation(courier, ABOUT_20, wire + 1, "3@1", "contradicts"))
    with pytest.raises(LibraryError, match="no longer in the library"):
        apply(library, ClearCrossClaimRelation(courier, ABOUT_20, wire, TWENTY_ONE))
    assert rows(library) == []


def test_the_description_names_both_figures():
    command = SetCrossClaimRelation(4, ABOUT_20, 5, TWENTY_ONE, "different_scope")
    assert command.description == (
        "Mark 'about 20' (article 4) and '21' (article 5) of different scope"
    )


def test_migration_twelve_upgrades_a_schema_eleven_library_in_place(library_path):
    library = open_library(library_path)
    courier, wire = two_articles(library)
    library.close()
    with closing(sqlite3.connect(library_path)) as db:  # as Sourcelight with schema 11 left it
        db.execute("DROP TABLE cross_claim_relations")
        for later in ("added", "removed", "changed"):  # and migrations 13 and 14, which came after
            db.execute(f"DROP TRIGGER source_totals_{later}")
            db.execute(f"DROP TRIGGER source_groups_{later}")
        for table in ("source_groups", "source_words", "source_groups_dirty"):
            db.execute(f"DROP TABLE {table}")
        db.execute("DROP TABLE source_totals")
        db.execute("DROP INDEX relays_outlet_keys")
        for later in ("added", "removed"):  # and migration 15
            db.execute(f"DROP TRIGGER article_count_{later}")
        db.execute("DROP TABLE article_count")
        db.execute("DELETE FROM _sqlite_migrations WHERE name >= '0012'")
        db.execute("PRAGMA user_version = 11")
        db.commit()
    library = open_library(library_path)
    try:
        assert library.db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert MIGRATIONS.pending(library.db) == []
        apply(library, SetCrossClaimRelation(courier, ABOUT_20, wire, TWENTY_ONE, "corroborates"))
        assert len(rows(library)) == 1
    finally:
        library.close()
