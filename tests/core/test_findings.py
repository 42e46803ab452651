"""What an article has: stored for the current pipeline, composed from what was found, corrected."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gui.core import findings as service
from gui.core.entities.commands import AddCorrection
from gui.core.entities.corrections import Correction
from gui.core.entities.pipeline import Entity
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    SetClaimAssessment,
    SetClaimRelation,
    SourcingCorrection,
)
from gui.core.sourcing.model import Attribution, Findings, NumericClaim, Source, SpanText
from gui.core.storage import ArticleStore, EntityStore, Library, SourcingStore, apply
from gui.core.storage.settings_store import LexiconStore
from tests.core.interchange_helpers import add_article, memory_library

BODY = "Mosul fell, police sources said. About 400 were killed, said Ali."
PIPELINE = "test-pipeline"


def at(text: str) -> SpanText:
    """The span of the first text in BODY."""
    start = BODY.index(text)
    return SpanText(start, start + len(text), text)


MOSUL = Entity(0, 5, "ORG", "Mosul", "Mosul")
QUOTE = at("About 400 were killed")
FOUND = Findings(
    attributions=(
        Attribution(1, "indirect", at("said"), Source(at("police sources")), at("Mosul fell")),
        Attribution(2, "indirect", None, Source(at("Ali"), "person"), QUOTE),
    ),
    numbers=(NumericClaim(1, at("About 400"), 400, source="Ali"),),
)


@pytest.fixture
def library(monkeypatch) -> Iterator[Library]:
    """A library with BODY as article 1, and PIPELINE the current pipeline."""
    monkeypatch.setattr(
        "gui.core.entities.pipeline.pipeline_id", lambda outlets, model=None: PIPELINE
    )
    with memory_library() as lib:
        add_article(lib, BODY)
        yield lib


def article(library: Library):
    """Article 1."""
    return ArticleStore(library).get(1)


def decide(library: Library) -> None:
    """An entity rule, a speaker correction, a verdict and a relation on article 1."""
    apply(library, AddCorrection(Correction(0, "type", "Mosul", "PLACE")))
    fix = SourcingCorrection(0, 1, "speaker", QUOTE.start, QUOTE.end, QUOTE.text, "Omar Ali")
    apply(library, AddSourcingCorrection(fix))
    key = FOUND.numbers[0].key
    apply(library, SetClaimAssessment(1, key, "disputed"))
    apply(library, SetClaimRelation(1, key, "other@3", "contradicts"))


def test_compose_applies_every_correction_and_brings_the_verdicts(library):
    decide(library)
    shown = service.compose(library, article(library), [MOSUL], FOUND)
    assert [(e.text, e.label) for e in shown.entities] == [("Mosul", "PLACE")]
    assert shown.findings.attributions[1].source.resolved == "Omar Ali"
    assert shown.findings.attributions[1].corrected
    assert shown.findings.numbers[0].source == "Omar Ali"
    assert shown.assessments[FOUND.numbers[0].key].status == "disputed"
    assert [r.relation for r in shown.relations] == ["contradicts"]
    assert shown.pipeline_id == PIPELINE
    metadata = shown.article.metadata
    assert shown.findings_id == service.findings_id(library, PIPELINE, shown.entities, metadata)


def test_stored_reads_what_the_current_pipeline_found_and_composes_it(library, monkeypatch):
    decide(library)
    shown = service.compose(library, article(library), [MOSUL], FOUND)
    EntityStore(library).save(1, PIPELINE, [MOSUL])
    SourcingStore(library).save_cache(1, shown.findings_id, FOUND)
    assert service.stored(library, article(library)) == shown
    monkeypatch.setattr(
        "gui.core.entities.pipeline.pipeline_id", lambda outlets, model=None: "another"
    )
    other = service.stored(library, article(library))
    assert (other.entities, other.findings) == ((), None)  # saved by another pipeline: not used


def test_an_article_not_analysed_has_only_the_added_entities_and_no_findings(library):
    apply(library, AddCorrection(Correction(0, "add", "Ali", "PERSON")))
    shown = service.stored(library, article(library))
    assert [(e.text, e.label) for e in shown.entities] == [("Ali", "PERSON")]
    assert shown.findings is None and shown.assessments == {}


def test_without_a_model_there_are_no_ids_and_no_findings(library, monkeypatch):
    monkeypatch.setattr("gui.core.entities.pipeline.pipeline_id", lambda outlets, model=None: None)
    shown = service.stored(library, article(library))
    assert (shown.pipeline_id, shown.findings_id, shown.findings) == ("", "", None)


def test_the_findings_cache_id_follows_the_entities_and_the_lexicons(library):
    base = service.findings_id(library, PIPELINE, [MOSUL])
    assert base.startswith(f"{PIPELINE}/sourcing-")
    assert service.findings_id(library, PIPELINE, []) != base
    LexiconStore(library).set_overrides({"hedges": [{"phrase": "supposedly", "class": "doubt"}]})
    with_lexicons = service.findings_id(library, PIPELINE, [MOSUL])
    assert with_lexicons != base and "/lexicons-" in with_lexicons


class FakePipeline:
    """Finds MOSUL; the sourcing analysis is replaced in the test."""

    def analyse(self, body, progress=None, cancelled=None):
        return [MOSUL]


def test_analyse_finds_entities_unless_given_and_the_findings_over_them(monkeypatch):
    seen = []

    def sourcing(body, pipeline, entities, lexicons=None, progress=None, metadata=None):
        seen.append(entities)
        return FOUND

    monkeypatch.setattr("gui.core.sourcing.analysis.analyse_sourcing", sourcing)
    assert service.analyse(BODY, FakePipeline()) == ([MOSUL], FOUND)
    place = Entity(0, 5, "PLACE", "Mosul", "Mosul")
    assert service.analyse(BODY, FakePipeline(), [place]) == ([place], FOUND)
    assert seen == [[MOSUL], [place]]
