"""Sourcelight's own JSON carries the verdicts on checks, the checks and the one summary."""

from __future__ import annotations

import json

from gui.core.changes import Change
from gui.core.interchange import export_json, import_document
from gui.core.interchange.importer import ImportAnnotations
from gui.core.sourcing.check_commands import SetCheckDecision
from gui.core.sourcing.checks import check_key
from gui.core.sourcing.summary import summarise
from gui.core.storage import ArticleStore, CheckStore, apply
from gui.core.storage.commands_store import carry_out
from tests.core.interchange.test_claimreview import BODY, FINDINGS, METADATA, library
from tests.core.interchange_helpers import add_article, memory_library

__all__ = ["library"]  # the fixture

KEY = "anonymous_only|About 400 civilians were killed since Wednesday@20"


def test_verdicts_on_checks_travel_to_another_library_once(library):
    article_id = add_article(library, BODY, METADATA)
    apply(library, SetCheckDecision(article_id, KEY, "anonymous_only", "confirmed", "why?", "ana"))
    document = export_json(library, article_id, findings=FINDINGS, findings_pipeline="p")
    [decision] = document["sourcing"]["check_decisions"]
    assert decision["check_key"] == KEY and decision["status"] == "confirmed"
    with memory_library() as fresh:
        imported = import_document(fresh, json.dumps(document))
        new_id = imported.article_id
        import_document(fresh, json.dumps(document))  # the same file again adds nothing
        [kept] = CheckStore(fresh).decisions(new_id).values()
        assert (kept.check_key, kept.status, kept.note) == (KEY, "confirmed", "why?")


def test_the_export_lists_the_checks_and_the_summary_the_window_shows(library):
    article_id = add_article(library, BODY, METADATA)
    section = export_json(library, article_id, findings=FINDINGS, findings_pipeline="p")["sourcing"]
    assert section["summary"] == summarise(FINDINGS).as_dict()
    assert {"key", "kind", "message", "spans"} <= section["checks"][0].keys()
    assert "check_decisions" in export_json(library, article_id)["sourcing"]


def test_an_import_that_brings_verdicts_on_checks_says_it_changed_them(library):
    article_id = add_article(library, BODY, METADATA)
    apply(library, SetCheckDecision(article_id, KEY, "anonymous_only", "confirmed"))
    document = export_json(library, article_id)
    with memory_library() as fresh:
        applied = carry_out(fresh, ImportAnnotations(document))
        assert CheckStore(fresh).decisions(1)
    assert applied.changes & Change.CHECKS  # so that the Checks panel shows them


def test_a_verdict_moves_with_a_text_that_comes_in_normalised():
    # An export written before the one text model (or by hand) can hold CR LF: the text loses
    # a character per line break, and a check's key (its first span's start) must follow.
    text = "Toll disputed\r\n\r\nThe city reportedly fell on Monday.\r\n"
    sentence = "The city reportedly fell on Monday."
    key = check_key("unattributed", sentence, text.index(sentence))
    decision = {"check_key": key, "kind": "unattributed", "status": "dismissed"}
    document = {"sourcelight_export": 2, "text": text, "annotations": [],
                "sourcing": {"check_decisions": [decision]}}  # fmt: skip
    with memory_library() as fresh:
        imported = import_document(fresh, json.dumps(document))
        body = ArticleStore(fresh).get(imported.article_id).body
        keys = set(CheckStore(fresh).decisions(imported.article_id))
    assert keys == {check_key("unattributed", sentence, body.index(sentence))}
