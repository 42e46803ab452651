"""What a person asks about figures across the library becomes the right command."""

from __future__ import annotations

from gui.core.sourcing.commands import (
    ClaimAssessment,
    ClearClaimAssessment,
    ClearClaimRelation,
    SetClaimAssessment,
    SetClaimRelation,
)
from gui.core.tracing.claim_links import (
    ClearCrossClaimRelation,
    FigureRelation,
    SetCrossClaimRelation,
    relation_change,
    verdict_change,
)

ABOUT_20, TWENTY_ONE, TWELVE = (4, "about 20@83"), (5, "21@72"), (4, "at least 12@98")


def test_figures_of_two_articles_are_related_across_them_in_order():
    assert relation_change(TWENTY_ONE, ABOUT_20, "contradicts") == SetCrossClaimRelation(
        4, "about 20@83", 5, "21@72", "contradicts"
    )
    assert relation_change(TWENTY_ONE, ABOUT_20, "") == ClearCrossClaimRelation(
        4, "about 20@83", 5, "21@72"
    )


def test_figures_of_one_article_are_related_within_it():
    assert relation_change(ABOUT_20, TWELVE, "different_scope") == SetClaimRelation(
        4, "about 20@83", "at least 12@98", "different_scope"
    )
    assert relation_change(ABOUT_20, TWELVE, "") == ClearClaimRelation(
        4, "about 20@83", "at least 12@98"
    )


def test_a_verdict_keeps_the_grades_and_note_a_person_gave_in_the_article():
    graded = ClaimAssessment(4, "about 20@83", "verified", "B", "2", "hospital", "ana", "t0")
    set_it = verdict_change(ABOUT_20, graded, "disputed", "bo")
    assert set_it == SetClaimAssessment(4, "about 20@83", "disputed", "B", "2", "hospital", "bo")
    cleared = verdict_change(ABOUT_20, graded, "")
    assert (cleared.status, cleared.source_grade, cleared.note) == ("unverified", "B", "hospital")
    assert verdict_change(ABOUT_20, None, "false") == SetClaimAssessment(4, "about 20@83", "false")


def test_taking_a_verdict_away_forgets_a_bare_one_and_leaves_nothing_else_to_do():
    bare = ClaimAssessment(4, "about 20@83", "disputed")
    assert verdict_change(ABOUT_20, bare, "") == ClearClaimAssessment(4, "about 20@83")
    assert verdict_change(ABOUT_20, None, "") is None
    unverified = ClaimAssessment(4, "about 20@83", "unverified", "C")
    assert verdict_change(ABOUT_20, unverified, "") is None


def test_a_relation_is_described_from_the_figure_it_is_seen_from():
    seen = FigureRelation("different_scope", 5, "up to 300@12", "", "2026-03-05")
    assert seen.described() == "different scope from article 5 2026-03-05 figure 'up to 300'"
    assert seen.as_dict()["text"] == "up to 300"
