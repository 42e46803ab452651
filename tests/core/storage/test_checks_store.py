"""Verdicts on checks: kept under the check's key, undone, kept with a deleted article's undo."""

from __future__ import annotations

import pytest

from gui.core.library.commands import DeleteArticle
from gui.core.sourcing.check_commands import ClearCheckDecision, SetCheckDecision
from gui.core.storage import ArticleStore, CheckStore, LibraryError, apply
from tests.core.storage.factories import imported

KEY = "insertion|[nearly 12 miles]@312"


def add_article(library) -> int:
    """An article to decide about."""
    return ArticleStore(library).add(imported("Text [nearly 12 miles] here.", "Toll"))


def test_a_verdict_is_kept_and_its_undo_reopens_the_check(library):
    article = add_article(library)
    undo = apply(library, SetCheckDecision(article, KEY, "insertion", "confirmed", "", "ana"))
    decision = CheckStore(library).decisions(article)[KEY]
    assert (decision.status, decision.kind, decision.annotator) == ("confirmed", "insertion", "ana")
    assert decision.modified  # stamped
    assert undo == ClearCheckDecision(article, KEY)
    redo = apply(library, undo)
    assert CheckStore(library).decisions(article) == {}
    apply(library, redo)
    assert CheckStore(library).decision(article, KEY) == decision


def test_changing_a_verdict_can_be_undone_to_the_one_before(library):
    article = add_article(library)
    apply(library, SetCheckDecision(article, KEY, "insertion", "confirmed"))
    undo = apply(library, SetCheckDecision(article, KEY, "insertion", "dismissed"))
    assert CheckStore(library).decision(article, KEY).status == "dismissed"
    apply(library, undo)
    assert CheckStore(library).decision(article, KEY).status == "confirmed"


def test_undoing_an_article_deletion_brings_its_verdicts_back(library):
    article = add_article(library)
    apply(library, SetCheckDecision(article, KEY, "insertion", "dismissed", "bracket is ours"))
    before = CheckStore(library).decisions(article)
    undo = apply(library, DeleteArticle(article))
    assert CheckStore(library).decisions(article) == {}
    apply(library, undo)
    assert CheckStore(library).decisions(article) == before


def test_bad_verdicts_are_refused_and_change_nothing(library):
    article = add_article(library)
    with pytest.raises(ValueError):
        SetCheckDecision(article, KEY, "insertion", "maybe")
    with pytest.raises(LibraryError):
        apply(library, SetCheckDecision(article + 1, KEY, "insertion", "confirmed"))
    with pytest.raises(LibraryError):
        apply(library, ClearCheckDecision(article, KEY))
    assert CheckStore(library).decisions(article) == {}


def test_descriptions_name_the_checked_words():
    assert SetCheckDecision(1, KEY, "insertion", "confirmed").description == (
        "Confirm check '[nearly 12 miles]'"
    )
    assert ClearCheckDecision(1, KEY).description == "Reopen check '[nearly 12 miles]'"
