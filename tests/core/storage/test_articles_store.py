"""ArticleStore: adding, duplicates, reading back, search-as-you-type, edits and deletion."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.core.articles import ImportedText, Metadata
from gui.core.entities.pipeline import Entity
from gui.core.storage import ArticleStore, DuplicateArticle, EntityStore, fts_query, open_library

from .factories import imported

CAMP = "Families were moved from the al-Tash camp to Mōsul, said officials and aid workers."
KYIV = "Київ: Ukrainian officials said the 北京市 delegation arrived on Tuesday."
TASH = "Tash al Hadi is a different place, far from any camp."


@pytest.fixture
def store(library):
    """An ArticleStore over an in-memory library."""
    return ArticleStore(library)


@pytest.fixture
def three(store):
    """Three articles, by key: camp, kyiv, tash."""
    return {
        "camp": store.add(imported(CAMP, "Camp moves", outlet="Reuters")),
        "kyiv": store.add(imported(KYIV, "Delegation", byline="By Olena Petrenko")),
        "tash": store.add(imported(TASH, "Places")),
    }


def found(store, search):
    """The ids the search finds, as a set."""
    return {summary.id for summary in store.summaries(search)}


def test_an_added_article_reads_back_whole(store):
    metadata = Metadata(
        "Title", "Reuters", "By A", "MOSUL, Iraq", "2019-03-04", "https://x", ("AP",)
    )
    text = ImportedText("Body text.", metadata, "/data/a.html", "html")
    article = store.get(store.add(text))
    assert (article.body, article.metadata, article.source, article.format) == (
        "Body text.",
        metadata,
        "/data/a.html",
        "html",
    )
    assert article.content_hash == text.content_hash
    assert article.imported_at.endswith("+00:00")


def test_credits_are_a_json_list_any_client_can_read(library, store):
    article_id = store.add(imported("Body.", credits=("AP Photo/Militant Website", "Reuters")))
    raw = library.db.execute("SELECT credits FROM articles WHERE id = ?", [article_id]).fetchone()
    assert raw == ('["AP Photo/Militant Website", "Reuters"]',)


def test_the_same_content_twice_is_a_duplicate(store):
    first = store.add(imported("Same body.", "First title"))
    with pytest.raises(DuplicateArticle) as raised:
        store.add(imported("Same body.", "Another title"))
    assert raised.value.existing_id == first
    assert "First title" in str(raised.value)
    assert store.count() == 1
    assert store.find_by_hash(imported("Same body.").content_hash) == first
    assert store.find_by_hash("0" * 64) is None


def test_an_unknown_id_is_a_key_error(store):
    with pytest.raises(KeyError):
        store.get(99)
    with pytest.raises(KeyError):
        store.update_metadata(99, Metadata("x"))
    with pytest.raises(KeyError):
        store.delete(99)


def test_summaries_list_newest_import_first_with_entity_counts(library, store, three):
    EntityStore(library).save(three["kyiv"], "p1", [Entity(0, 4, "PLACE", "Київ", "Kyiv")])
    summaries = store.summaries()
    assert [s.id for s in summaries] == [three["tash"], three["kyiv"], three["camp"]]
    assert [s.entity_count for s in summaries] == [None, 1, None]
    assert summaries[2].title == "Camp moves" and summaries[2].outlet == "Reuters"


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("", {"camp", "kyiv", "tash"}),
        ("   ", {"camp", "kyiv", "tash"}),
        ("offic", {"camp", "kyiv"}),  # prefix on the last word
        ("officials camp", {"camp"}),  # words are ANDed
        ("camp officials", {"camp"}),
        ("al-Tash", {"camp"}),  # a phrase, not "al" and "Tash" anywhere
        ("AL-TA", {"camp"}),
        ("tash", {"camp", "tash"}),
        ("mosul", {"camp"}),  # diacritics folded
        ("київ", {"kyiv"}),
        ("北京", {"kyiv"}),
        ("reuters", {"camp"}),  # outlet
        ("petrenko", {"kyiv"}),  # byline
        ("AND", {"camp"}),  # a word, not an operator
        ("said AND", {"camp"}),
        ("OR", set()),
        ("NOT camp", set()),
        ("camp NEAR", set()),
        ('"', {"camp", "kyiv", "tash"}),
        ('"camp', {"camp", "tash"}),
        ('camp"', {"camp", "tash"}),
        ("*", {"camp", "kyiv", "tash"}),
        ("camp*", {"camp", "tash"}),
        ("title:places", set()),
        ("^camp", {"camp", "tash"}),
        ("(camp", {"camp", "tash"}),
        ("-", {"camp", "kyiv", "tash"}),
        ("camp\x00", {"camp", "tash"}),
        ("officials' said", {"camp", "kyiv"}),
        ("nothing-like-this", set()),
    ],
)
def test_search_as_you_type(store, three, search, expected):
    assert found(store, search) == {three[key] for key in expected}


def test_fts_query_quotes_every_word_and_prefixes_the_last():
    assert fts_query('al-Tash say"s AND *') == '"al-Tash" AND "say""s" AND "AND"*'
    assert fts_query(' " * - ') == ""


@pytest.fixture(scope="module")
def searchable():
    """One library for the property test (hypothesis dislikes per-test fixtures)."""
    lib = open_library(None)
    store = ArticleStore(lib)
    store.add(imported(CAMP, "Camp"))
    yield store
    lib.close()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_no_search_string_makes_summaries_raise(searchable, search):
    assert len(searchable.summaries(search)) <= 1


def test_update_metadata_keeps_the_search_in_sync(store, three):
    store.update_metadata(three["tash"], Metadata("Zebra crossing", outlet="AFP"))
    assert store.get(three["tash"]).metadata == Metadata("Zebra crossing", outlet="AFP")
    assert found(store, "zebra") == {three["tash"]}
    assert found(store, "places") == set()
    assert found(store, "afp") == {three["tash"]}
    assert store.get(three["tash"]).body == TASH


def test_delete_removes_the_article_its_entities_and_its_analysis(library, store, three):
    EntityStore(library).save(three["camp"], "p1", [Entity(0, 8, "GROUP", "Families", "F")])
    store.delete(three["camp"])
    rows = [
        library.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("entities", "analyses")
    ]
    assert rows == [0, 0]
    assert store.count() == 2
    assert found(store, "officials") == {three["kyiv"]}
    with pytest.raises(KeyError):
        store.get(three["camp"])
