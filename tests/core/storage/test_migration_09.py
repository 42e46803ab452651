"""Migration 9: a schema 8 library gets its findings as rows, losing none, and its dates split."""

from __future__ import annotations

import json

import pytest
from sqlite_utils import Database

from gui.core.articles import Metadata
from gui.core.library.commands import DeleteArticle, UpdateMetadata
from gui.core.sourcing.model import Findings
from gui.core.storage import ArticleStore, FindingRowsStore, apply, open_library
from gui.core.storage import migrations as schema
from gui.core.storage.migration_09_finding_rows import NAME

from .factories import imported, old_article
from .finding_world import BODIES, BODY, FINDINGS, row_counts

DATES = {
    "2024-03-05": ("2024-03-05", "2024-03-05"),
    "March 5, 2024": ("2024-03-05", "March 5, 2024"),
    "2024-03-05T09:30:00+01:00": ("2024-03-05", "2024-03-05T09:30:00+01:00"),
    "yesterday evening": ("", "yesterday evening"),
    "31 February 2024": ("", "31 February 2024"),
    "": ("", ""),
}
OLDER = Findings(attributions=FINDINGS.attributions[:1])


def schema_eight_library(path) -> dict[str, int]:
    """A library as schema 8 left it: articles with every kind of date, findings as JSON."""
    db = Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    schema.MIGRATIONS.apply(db, stop_before=NAME)
    ids = {}
    for n, date in enumerate(DATES):
        ids[date] = old_article(db, f"{BODY} ({n})" if n else BODY, f"Article {n}", date)
    first, second, third = ids["2024-03-05"], ids["March 5, 2024"], ids["yesterday evening"]
    hashes = dict(db.execute("SELECT id, content_hash FROM articles").fetchall())
    cache = [
        (first, "old-pipeline", hashes[first], OLDER, "2024-01-01T00:00:00+00:00"),
        (first, "new-pipeline", hashes[first], FINDINGS, "2024-01-02T00:00:00+00:00"),
        (second, "stale", "a-body-it-no-longer-has", FINDINGS, "2024-01-03T00:00:00+00:00"),
        (third, "broken", hashes[third], None, "2024-01-03T00:00:00+00:00"),
    ]
    for article_id, pipeline, digest, findings, when in cache:
        text = "not json" if findings is None else json.dumps(findings.to_json())
        db.execute(
            "INSERT INTO sourcing_cache VALUES (?, ?, ?, ?, ?)",
            [article_id, pipeline, digest, text, when],
        )
    db.execute(
        'INSERT INTO sourcing_corrections (article_id, kind, start, "end", exact, value,'
        " created) VALUES (?, 'speaker', ?, ?, ?, 'Ali Hassan', '2024-01-01')",
        [first, BODIES.start, BODIES.end, BODIES.text],
    )
    db.execute("INSERT INTO analyses VALUES (?, 'p', ?, 0, '2024-01-01')", [first, hashes[first]])
    db.conn.commit()
    assert schema.schema_version(db) == 8
    db.close()
    return ids


@pytest.fixture
def upgraded(library_path):
    """(library, article ids by date) after opening a schema 8 file."""
    ids = schema_eight_library(library_path)
    cache_before = _cache(Database(library_path))
    library = open_library(library_path)
    yield library, ids, cache_before
    library.close()


def _cache(db) -> list[tuple]:
    return db.execute("SELECT * FROM sourcing_cache ORDER BY article_id, pipeline_id").fetchall()


def test_every_finding_of_the_latest_current_findings_becomes_a_row(upgraded):
    library, ids, _ = upgraded
    first = ids["2024-03-05"]
    store = FindingRowsStore(library)
    assert store.finding_set(first).findings_id == "new-pipeline"
    quotes = store.quotes(first)
    assert [(q.start, q.end, q.text, q.kind) for q in quotes] == [
        (a.content.start, a.content.end, a.content.text, a.kind) for a in FINDINGS.attributions
    ]
    assert [(r.name, r.position) for q in quotes for r in store.relays(q.id)] == [
        ("Al Jazeera", 0),
        ("Reuters", 0),
    ]
    claims = store.numeric_claims(first)
    assert [(c.text, c.value, c.counted, c.window, c.event, c.source, c.via) for c in claims] == [
        (n.span.text, n.value, n.counted, n.window, n.event, n.source, "Al Jazeera")
        for n in FINDINGS.numbers
    ]
    assert [(h.start, h.text, h.cls) for h in store.hedges(first)] == [
        (h.start, h.text, h.cls) for h in FINDINGS.hedges
    ]
    assert store.finding_set(first).unattributed == FINDINGS.profile.unattributed
    assert "unattributed" in {c.kind for c in store.checks(first)}
    # Composed: the user's correction of the witness is in the rows.
    assert (quotes[1].speaker, quotes[1].corrected) == ("Ali Hassan", True)


def test_findings_of_another_body_or_unreadable_give_no_rows_and_the_json_is_kept(upgraded):
    library, ids, cache_before = upgraded
    for date in ("March 5, 2024", "yesterday evening", ""):
        assert set(row_counts(library.db, ids[date]).values()) == {0}
    assert _cache(library.db) == cache_before


@pytest.mark.parametrize("date", DATES)
def test_the_date_is_split_into_iso_and_the_text_as_found(upgraded, date):
    library, ids, _ = upgraded
    row = library.db.execute(
        "SELECT published, published_raw FROM articles WHERE id = ?", [ids[date]]
    ).fetchone()
    assert row == DATES[date]
    shown = ArticleStore(library).get(ids[date]).metadata
    assert shown.published == (DATES[date][0] or date)  # the ISO date, else the text


def test_the_rebuilt_articles_table_keeps_search_cascades_and_column_order(upgraded):
    library, ids, _ = upgraded
    columns = [c.name for c in library.db["articles"].columns]
    assert columns.index("published_raw") == columns.index("published") + 1
    assert columns[-1] == "body"
    assert {s.title for s in ArticleStore(library).summaries("article")} == {
        f"Article {n}" for n in range(len(DATES))
    }
    apply(library, DeleteArticle(ids["2024-03-05"]))
    assert library.db.execute("SELECT count(*) FROM analyses").fetchone() == (0,)
    assert library.db.execute("SELECT count(*) FROM quotes").fetchone() == (0,)
    assert library.db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert library.db.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_a_migration_recorded_late_is_not_run_twice(library_path):
    schema_eight_library(library_path)
    open_library(library_path).close()
    db = Database(library_path)
    db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [NAME])  # killed before this
    db.conn.commit()
    db.close()
    library = open_library(library_path)
    try:
        assert schema.MIGRATIONS.pending(library.db) == []
        assert library.db.execute("SELECT count(*) FROM finding_sets").fetchone() == (1,)
    finally:
        library.close()


# From schema 9 on, every write keeps both


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (Metadata(published="2024-03-05", published_raw="5 March 2024, 09:30"),
         ("2024-03-05", "5 March 2024, 09:30")),
        (Metadata(published="March 5, 2024"), ("2024-03-05", "March 5, 2024")),
        (Metadata(published="last week"), ("", "last week")),
        (Metadata(), ("", "")),
    ],
)  # fmt: skip
def test_imports_and_edits_write_the_iso_date_and_the_text(library, given, stored):
    article_id = ArticleStore(library).add(imported("A text.", "First"))
    sql = "SELECT published, published_raw FROM articles WHERE id = ?"
    undo = apply(library, UpdateMetadata(article_id, given))
    assert library.db.execute(sql, [article_id]).fetchone() == stored
    again = ArticleStore(library).get(article_id).metadata
    apply(library, UpdateMetadata(article_id, again))  # what a dialog left as it was
    assert library.db.execute(sql, [article_id]).fetchone() == stored
    apply(library, undo)
    assert library.db.execute(sql, [article_id]).fetchone() == ("", "")
    other = ArticleStore(library).add(imported("Another text.", "Second", published="last week"))
    assert library.db.execute(sql, [other]).fetchone() == ("", "last week")
