"""Findings as rows: written by every save, in step with corrections, deletion, undo and text."""

from __future__ import annotations

import pytest

from gui.core.entities.commands import SaveEntities
from gui.core.library.commands import DeleteArticle, ReplaceBody
from gui.core.sourcing.commands import AddSourcingCorrection, SourcingCorrection
from gui.core.sourcing.keys import name_key, quote_key
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.sourcing.model import Findings
from gui.core.storage import ArticleStore, FindingRowsStore, Library, apply
from gui.core.storage.sourcing_store import findings_cache_id, findings_text

from .factories import imported
from .finding_world import BODIES, BODY, ENTITIES, FINDINGS, TOLL, all_rows, row_counts

PIPELINE = "spacy-3.8/test-model"
FINDINGS_ID = findings_cache_id(PIPELINE, ENTITIES)
EVERY_KIND = {
    "finding_sets": 1,
    "quotes": 2,
    "relays": 2,
    "sources": 4,
    "hedges": 1,
    "numeric_claims": 1,
    "checks": 2,  # the unattributed statement, and the figure heard only second hand
}


@pytest.fixture
def article(library: Library) -> int:
    """An article analysed by PIPELINE, its findings saved through the one writer."""
    article_id = ArticleStore(library).add(imported(BODY, "Toll", outlet="Daily Star"))
    apply(library, SaveEntities(article_id, PIPELINE, ENTITIES))
    apply(library, SaveFindings(article_id, FINDINGS_ID, findings_text(FINDINGS)))
    return article_id


def test_saving_findings_writes_a_row_for_every_finding(library, article):
    counts = row_counts(library.db, article)
    assert {t: counts[t] for t in EVERY_KIND} == EVERY_KIND | {"checks": counts["checks"]}
    assert counts["checks"] >= 1
    store = FindingRowsStore(library)
    toll, bodies = store.quotes(article)
    assert (toll.start, toll.end, toll.text, toll.kind) == (
        TOLL.start,
        TOLL.end,
        TOLL.text,
        "indirect",
    )
    assert (toll.title, toll.outlet, toll.via) == ("Toll", "Daily Star", "Al Jazeera")
    assert bodies.normalised == quote_key(BODIES.text) == "we saw the bodies"
    assert (bodies.anonymous, bodies.quote_marks, bodies.speaker_key) == (True, True, "")
    assert [r.name for r in store.relays(bodies.id)] == ["Reuters"]
    assert store.numeric_claims(event="the shelling")[0].value == 400.0
    assert store.hedges(article)[0].cls == "agentless"
    assert {c.kind for c in store.checks(article)} >= {"unattributed"}
    assert store.finding_set(article).findings_id == FINDINGS_ID


def test_sources_are_counted_under_the_alias_group_of_the_entities_found_over(library, article):
    # The findings id names PIPELINE and these entities: the rows use them, as the lens does.
    store = FindingRowsStore(library)
    [toll] = store.quotes(speaker_key=name_key("Hassan"))
    assert toll.speaker == "Minister Ali Hassan"
    assert [s.name for s in store.sources(name="hassan")] == ["Hassan"]


def test_saving_again_replaces_the_rows_and_their_index(library, article):
    fewer = Findings(attributions=FINDINGS.attributions[1:])
    apply(library, SaveFindings(article, "other-findings", fewer))
    store = FindingRowsStore(library)
    assert [q.text for q in store.quotes()] == [BODIES.text]
    assert store.search_quotes("civilians") == []
    assert store.count_quotes("bodies") == 1
    assert row_counts(library.db, article)["numeric_claims"] == 0


def test_the_quote_search_ranks_and_limits(library, article):
    other = ArticleStore(library).add(imported(BODY + " More.", "Copy"))
    apply(library, SaveFindings(other, "f", FINDINGS))
    store = FindingRowsStore(library)
    found = store.search_quotes("bodi")  # the last word is a prefix
    assert {q.article_id for q in found} == {article, other}
    assert all(q.text == BODIES.text for q in found)
    assert len(store.search_quotes("bodies", limit=1)) == 1
    assert store.count_quotes("bodies") == 2
    assert store.search_quotes('"; DROP TABLE quotes') == []


def test_rows_hold_the_users_corrections_and_follow_them(library, article):
    fix = SourcingCorrection(
        0, article, "speaker", BODIES.start, BODIES.end, BODIES.text, "Ali Hassan"
    )
    undo = apply(library, AddSourcingCorrection(fix))
    store = FindingRowsStore(library)
    corrected = store.quotes(article)[1]
    assert (corrected.speaker, corrected.speaker_key, corrected.corrected) == (
        "Ali Hassan",
        "ali hassan",
        True,
    )
    # Counted with the minister's other statement, as the lens counts them.
    [minister] = store.sources(article, name="Ali Hassan")
    assert (minister.statements, store.quotes(article)[0].speaker_key) == (2, "ali hassan")
    assert store.finding_set(article).corrections == 1
    apply(library, undo)
    back = store.quotes(article)[1]
    assert (back.speaker_key, back.corrected, back.anonymous) == ("", False, True)


def test_deleting_an_article_removes_its_rows_and_undo_brings_them_back(library, article):
    before = all_rows(library.db)
    undo = apply(library, DeleteArticle(article))
    assert set(row_counts(library.db, article).values()) == {0}
    assert FindingRowsStore(library).count_quotes("bodies") == 0
    apply(library, undo)
    assert all_rows(library.db) == before  # the same rows, with the same ids
    assert FindingRowsStore(library).search_quotes("bodies")[0].article_id == article


def test_a_new_text_drops_the_rows_and_its_undo_brings_them_back(library, article):
    before = row_counts(library.db, article)
    undo = apply(library, ReplaceBody(article, BODY.replace("400", "500")))
    assert set(row_counts(library.db, article).values()) == {0}
    apply(library, undo)
    assert row_counts(library.db, article) == before


def test_unreadable_findings_text_leaves_no_rows(library, article):
    apply(library, SaveFindings(article, "broken", '{"attributions": 3}'))
    assert set(row_counts(library.db, article).values()) == {0}


def test_the_store_reads_nothing_for_an_article_without_findings(library):
    article_id = ArticleStore(library).add(imported("Nothing here.", "Empty"))
    store = FindingRowsStore(library)
    assert store.finding_set(article_id) is None
    assert store.quotes(article_id) == store.sources(article_id) == []
    assert store.search_quotes("") == [] and store.count_quotes("  ") == 0


def test_quote_ids_are_never_handed_out_twice(library, article):
    ids = [q.id for q in FindingRowsStore(library).quotes(article)]
    other = ArticleStore(library).add(imported(BODY + " Again.", "Other"))
    undo = apply(library, DeleteArticle(article))
    apply(library, SaveFindings(other, "f", FINDINGS))  # after the freed ids: not given again
    apply(library, undo)  # the deleted article's quotes come back with their ids
    assert [q.id for q in FindingRowsStore(library).quotes(article)] == ids
    assert not set(ids) & {q.id for q in FindingRowsStore(library).quotes(other)}
