"""Verdicts on numeric claims as schema.org ClaimReview JSON-LD, and in the own JSON export."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace

import pytest

from gui.core.articles import Metadata
from gui.core.interchange import export_claimreview, export_json, import_document
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    SetClaimAssessment,
    SetClaimRelation,
    SourcingCorrection,
    claim_key,
)
from gui.core.sourcing.model import (
    Attribution,
    Findings,
    NumericClaim,
    Source,
    SpanText,
)
from gui.core.storage import ArticleStore, Library, SourcingStore, apply
from tests.core.interchange_helpers import add_article, memory_library

BODY = (
    "Palmyra toll rises\n\n"
    "About 400 civilians were killed since Wednesday, police sources said, reports Al Jazeera."
    " The ministry put the toll at up to 300. Residents counted 12 graves.\n"
)
METADATA = Metadata(
    title="Palmyra toll rises", outlet="Example Wire", published="2015-05-24", url=""
)
WHEN = "2024-05-02T09:30:00+00:00"
REQUIRED = {"@type", "claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished"}


def span(text: str) -> SpanText:
    """The SpanText of text in BODY."""
    start = BODY.index(text)
    return SpanText(start, start + len(text), text)


ABOUT_400 = span("About 400")
UP_TO_300 = span("up to 300")
FINDINGS = Findings(
    attributions=(
        Attribution(
            1,
            "indirect",
            span("said"),
            Source(span("police sources"), "anonymous", anonymous=True),
            span("About 400 civilians were killed since Wednesday"),
            via=(Source(span("Al Jazeera"), "outlet"),),
        ),
    ),
    numbers=(
        NumericClaim(1, ABOUT_400, 400, "about", "civilians", source="police sources",
                     via=("Al Jazeera",)),
        NumericClaim(2, UP_TO_300, 300, "up to", "toll", source="The ministry"),
    ),
)  # fmt: skip


@pytest.fixture
def library() -> Iterator[Library]:
    """An in-memory library."""
    with memory_library() as lib:
        yield lib


def assessed(library: Library, url: str = "") -> int:
    """The article with two of its three figures assessed, and one relation."""
    article_id = add_article(library, BODY, replace(METADATA, url=url))
    key_400, key_300 = (claim_key(s.text, s.start) for s in (ABOUT_400, UP_TO_300))
    apply(library, SetClaimAssessment(article_id, key_400, "disputed", "F", "3", "Unsourced.",
                                      "dana", WHEN))  # fmt: skip
    apply(library, SetClaimAssessment(article_id, key_300, "verified", modified=WHEN))
    apply(library, SetClaimRelation(article_id, key_400, key_300, "different_scope"))
    return article_id


def test_one_claim_review_per_assessed_claim_with_the_required_fields(library):
    article_id = assessed(library)
    document = json.loads(json.dumps(export_claimreview(library, article_id, FINDINGS)))
    assert document["@context"] == "https://schema.org"
    first, second = document["@graph"]
    for review in (first, second):
        assert set(review) >= REQUIRED and review["@type"] == "ClaimReview"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)
        assert 1 <= rating["ratingValue"] <= 5
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["datePublished"] == "2024-05-02"
    assert first["claimReviewed"] == (
        "About 400 civilians were killed since Wednesday, police sources said, reports Al Jazeera."
    )
    assert second["claimReviewed"] == "The ministry put the toll at up to 300."


def test_the_rating_names_the_verdict_and_carries_grade_and_note(library):
    article_id = assessed(library)
    first, second = export_claimreview(library, article_id, FINDINGS)["@graph"]
    assert first["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Disputed",
        "ratingExplanation": "Admiralty grade F3 (source F, information 3). Unsourced.",
    }
    assert (second["reviewRating"]["ratingValue"], second["reviewRating"]["alternateName"]) == (
        5,
        "Verified",
    )
    assert first["author"] == {"@type": "Person", "name": "dana"}
    assert second["author"] == {"@type": "Person", "name": "Sourcelight user"}


def test_the_claim_names_its_author_appearance_and_first_appearance(library):
    article_id = assessed(library)
    digest = ArticleStore(library).get(article_id).content_hash
    first, second = export_claimreview(library, article_id, FINDINGS)["@graph"]
    claim = first["itemReviewed"]
    assert claim["author"] == {"@type": "Person", "name": "police sources"}
    assert claim["appearance"]["@id"] == f"urn:sourcelight:article:{digest}"
    assert claim["appearance"]["publisher"] == {"@type": "Organization", "name": "Example Wire"}
    assert claim["firstAppearance"] == {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": "Al Jazeera"},
    }
    assert claim["datePublished"] == "2015-05-24"
    assert "firstAppearance" not in second["itemReviewed"]  # not relayed
    where = f"#char={ABOUT_400.start},{ABOUT_400.end}"
    assert first["@id"] == f"urn:sourcelight:article:{digest}{where}"


def test_an_article_with_a_url_appears_at_it(library):
    article_id = assessed(library, url="https://news.example/palmyra")
    claim = export_claimreview(library, article_id, FINDINGS)["@graph"][0]["itemReviewed"]
    assert claim["appearance"]["url"] == "https://news.example/palmyra"


def test_unassessed_claims_are_left_out_and_stale_keys_skipped(library):
    article_id = add_article(library, BODY, METADATA)
    assert export_claimreview(library, article_id, FINDINGS)["@graph"] == []
    graves = span("12 graves")
    apply(library, SetClaimAssessment(article_id, claim_key("12", graves.start), "false"))
    apply(library, SetClaimAssessment(article_id, claim_key("13", graves.start), "false"))
    [review] = export_claimreview(library, article_id, FINDINGS)["@graph"]  # not in findings
    assert review["claimReviewed"] == "Residents counted 12 graves."
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Example Wire"}
    assert review["reviewRating"]["alternateName"] == "False"


def test_an_unknown_article_is_a_key_error(library):
    with pytest.raises(KeyError):
        export_claimreview(library, 99, FINDINGS)


# The own JSON export


def test_own_json_carries_findings_assessments_relations_and_corrections(library):
    article_id = assessed(library)
    SourcingStore(library).save_cache(article_id, "pipeline-1", FINDINGS)
    start = ABOUT_400.start
    fix = SourcingCorrection(0, article_id, "speaker", start, start + 9, "About 400", "Ali Bey")
    apply(library, AddSourcingCorrection(fix))
    sourcing = json.loads(json.dumps(export_json(library, article_id)))["sourcing"]
    assert (sourcing["pipeline"], sourcing["findings"]) == ("pipeline-1", FINDINGS.to_json())
    first = sourcing["assessments"][0]
    assert (first["text"], first["start"], first["status"], first["source_grade"]) == (
        "About 400",
        ABOUT_400.start,
        "disputed",
        "F",
    )
    assert [r["relation"] for r in sourcing["relations"]] == ["different_scope"]
    [correction] = sourcing["corrections"]
    assert {k: correction[k] for k in ("kind", "exact", "value")} == {
        "kind": "speaker",
        "exact": "About 400",
        "value": "Ali Bey",
    }


def test_own_json_without_analysis_has_no_findings_and_still_imports(library):
    article_id = add_article(library, BODY, METADATA)
    document = export_json(library, article_id)
    assert document["sourcing"] == {
        "pipeline": "",
        "findings": None,
        "assessments": [],
        "relations": [],
        "corrections": [],
        "check_decisions": [],
    }
    given = export_json(library, article_id, findings=FINDINGS, findings_pipeline="p")["sourcing"]
    assert (given["pipeline"], given["findings"]) == ("p", FINDINGS.to_json())
    with memory_library() as fresh:
        assert import_document(fresh, json.dumps(document)).article_added


def exported_with_sourcing(library: Library) -> dict:
    """An own-JSON export of the assessed article with findings and a correction."""
    article_id = assessed(library)
    SourcingStore(library).save_cache(article_id, "pipeline-1", FINDINGS)
    fix = SourcingCorrection(0, article_id, "remove_quote", 3, 9, BODY[3:9], "", WHEN)
    apply(library, AddSourcingCorrection(fix))
    return json.loads(json.dumps(export_json(library, article_id)))


def sourcing_of(library: Library, article_id: int) -> tuple:
    """The article's verdicts, relations and corrections without ids, and its findings."""
    store = SourcingStore(library)
    assessments = sorted((a.claim_key, a.status, a.grade, a.note, a.annotator, a.modified)
                         for a in store.assessments(article_id).values())  # fmt: skip
    relations = [(r.key_a, r.key_b, r.relation, r.modified) for r in store.relations(article_id)]
    fixes = [(c.kind, c.start, c.end, c.exact, c.created) for c in store.corrections(article_id)]
    return assessments, relations, fixes, store.latest(article_id)


def test_own_json_brings_the_sourcing_into_another_library_once(library):
    document = exported_with_sourcing(library)
    with memory_library() as fresh:
        report = import_document(fresh, json.dumps(document))
        assert report.skipped == ()
        assert sourcing_of(fresh, report.article_id) == sourcing_of(library, 1)
        again = import_document(fresh, json.dumps(document))
        assert again.skipped == () and sourcing_of(fresh, 1) == sourcing_of(library, 1)


def test_own_json_adds_only_the_verdicts_an_article_lacks_and_undo_takes_them_back(library):
    document = exported_with_sourcing(library)
    with memory_library() as fresh:
        article_id = add_article(fresh, BODY, METADATA)
        mine = SetClaimAssessment(article_id, claim_key("About 400", ABOUT_400.start), "verified")
        apply(fresh, mine)
        report = import_document(fresh, json.dumps(document))
        assessments = SourcingStore(fresh).assessments(article_id)
        assert [a.status for a in assessments.values()] == ["verified", "verified"]  # mine kept
        assert len(SourcingStore(fresh).corrections(article_id)) == 1
        apply(fresh, report.undo)
        [kept] = SourcingStore(fresh).assessments(article_id).values()
        assert kept.status == "verified"
        assert SourcingStore(fresh).corrections(article_id) == []
        assert SourcingStore(fresh).relations(article_id) == []


def test_unreadable_sourcing_items_are_skipped_with_reasons(library):
    document = exported_with_sourcing(library)
    sourcing = document["sourcing"]
    sourcing["assessments"].append({"claim_key": "x@1", "status": "true"})
    sourcing["relations"].append("not an object")
    sourcing["corrections"].append({"kind": "speaker", "start": "3", "end": 9})
    with memory_library() as fresh:
        report = import_document(fresh, json.dumps(document))
        assert [reason.split(":")[0] for reason in report.skipped] == [
            "assessment 3",
            "relation 2",
            "sourcing correction 2",
        ]
        assert len(SourcingStore(fresh).assessments(report.article_id)) == 2


def test_findings_of_the_wrong_shape_are_skipped_with_a_reason(library):
    document = exported_with_sourcing(library)
    document["sourcing"]["findings"]["numbers"][0]["start"] = "12"
    with memory_library() as fresh:
        report = import_document(fresh, json.dumps(document))
        assert [r for r in report.skipped if r.startswith("sourcing findings")] == [
            "sourcing findings: 'start' should be a whole number, not str"
        ]
        assert SourcingStore(fresh).latest(report.article_id) is None
        assert len(SourcingStore(fresh).assessments(report.article_id)) == 2
