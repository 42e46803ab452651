"""The "sourcing" section of Sourcelight's own JSON: findings and what the user decided on them.

{"pipeline", "findings" (Findings.to_json() as found, before the user's corrections; None
when the article has not been analysed for its current text), "assessments", "relations",
"corrections" (in the order they apply), "check_decisions" (the user's verdicts on checks, by
check key), and, when there are findings, "checks" and "summary" as the window shows them}.
Claims are named by their keys ("about 400@1234"). On import, the verdicts, relations,
corrections and check decisions an article lacks are added (undoably).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from gui.core.entities.pipeline import Entity
from gui.core.findings import compose
from gui.core.interchange.common import fields_without, position_problem, text_field
from gui.core.sourcing.check_commands import SetCheckDecision
from gui.core.sourcing.commands import (
    AddSourcingCorrection,
    ClaimAssessment,
    ClaimRelation,
    SetClaimAssessment,
    SetClaimRelation,
    SourcingCommand,
    SourcingCorrection,
    split_claim_key,
)
from gui.core.sourcing.library_commands import SaveFindings
from gui.core.sourcing.model import Findings
from gui.core.storage import ArticleStore, CheckStore, Library, SourcingStore, apply

_ASSESSMENT_TEXTS = ("status", "source_grade", "info_grade", "note", "annotator", "modified")


def sourcing_section(
    library: Library,
    article_id: int,
    findings: Findings | None = None,
    pipeline: str = "",
    entities: Sequence[Entity] = (),
) -> dict[str, Any]:
    """The article's sourcing as JSON data; findings None: those cached for its current text.

    entities: the article's as found (for the summary's alias groups and the checks).
    """
    store = SourcingStore(library)
    if findings is None:
        pipeline, findings = store.latest(article_id) or ("", None)
    decisions = CheckStore(library).decisions(article_id).values()
    section = {
        "pipeline": pipeline,
        "findings": None if findings is None else findings.to_json(),
        "assessments": [assessment_dict(a) for a in store.assessments(article_id).values()],
        "relations": [relation_dict(r) for r in store.relations(article_id)],
        "corrections": [correction_dict(c) for c in store.corrections(article_id)],
        "check_decisions": [fields_without(d, "article_id") for d in decisions],
    }
    if findings is not None:
        shown = compose(library, ArticleStore(library).get(article_id), entities, findings)
        section["checks"] = [check.as_dict() for check in shown.checks]
        section["summary"] = shown.summary.as_dict()
    return section


def assessment_dict(assessment: ClaimAssessment) -> dict[str, Any]:
    """An assessment, with the claim's text and start read from its key."""
    text, start = split_claim_key(assessment.claim_key) or (assessment.claim_key, None)
    return {
        "claim_key": assessment.claim_key,
        "text": text,
        "start": start,
        "status": assessment.status,
        "source_grade": assessment.source_grade,
        "info_grade": assessment.info_grade,
        "note": assessment.note,
        "annotator": assessment.annotator,
        "modified": assessment.modified,
    }


def relation_dict(relation: ClaimRelation) -> dict[str, Any]:
    """A relation between two claims (key_a < key_b)."""
    return fields_without(relation, "article_id")


def correction_dict(correction: SourcingCorrection) -> dict[str, Any]:
    """A correction of an attribution, without the library's ids."""
    return fields_without(correction, "id", "article_id")


def import_sourcing(
    library: Library, article_id: int, document: dict[str, Any]
) -> tuple[list[Any], list[str]]:
    """Add the export's verdicts, relations and corrections that the article lacks.

    Inside the caller's transaction; returns the inverse commands (in the order of the
    changes) and what could not be read. Cached findings come along if it has none.
    """
    section = document.get("sourcing")
    if not isinstance(section, dict):
        return [], []
    commands, skipped = _read_commands(article_id, section)
    fresh = _new(commands, _known(SourcingStore(library), article_id))
    inverses = [apply(library, command) for command in fresh]
    return inverses, skipped + _import_cache(library, article_id, section)


def _read_commands(
    article_id: int, section: dict[str, Any]
) -> tuple[list[SourcingCommand], list[str]]:
    """The commands that would add everything in the section, and what could not be read."""
    readers: tuple[tuple[str, str, Callable[[int, dict[str, Any]], SourcingCommand]], ...] = (
        ("assessments", "assessment", _assessment),
        ("relations", "relation", _relation),
        ("corrections", "sourcing correction", _correction),
        ("check_decisions", "check decision", _check_decision),
    )
    commands: list[SourcingCommand] = []
    skipped: list[str] = []
    for key, name, read in readers:
        items = section.get(key)
        for number, item in enumerate(items if isinstance(items, list) else [], 1):
            try:
                commands.append(read(article_id, item))
            except (ValueError, TypeError) as problem:
                skipped.append(f"{name} {number}: {problem}")
    return commands, skipped


def _identity(command: SourcingCommand) -> tuple[object, ...]:
    """What a command adds, whatever its ids and times: two equal ones add the same thing."""
    if isinstance(command, SetClaimAssessment):
        return ("assessment", command.claim_key)
    if isinstance(command, SetClaimRelation):
        return ("relation", *sorted((command.key_a, command.key_b)))
    if isinstance(command, AddSourcingCorrection):
        c = command.correction
        return ("correction", c.kind, c.start, c.end, c.exact, c.value)
    if isinstance(command, SetCheckDecision):
        return ("check", command.check_key)
    raise TypeError(f"not an adding command: {command!r}")


def _known(store: SourcingStore, article_id: int) -> set[tuple[object, ...]]:
    """The identities of what the article already has."""
    have: list[SourcingCommand] = [
        SetClaimAssessment.of(a) for a in store.assessments(article_id).values()
    ]
    have += [SetClaimRelation.of(r) for r in store.relations(article_id)]
    have += [AddSourcingCorrection(c) for c in store.corrections(article_id)]
    have += [
        SetCheckDecision.of(d) for d in CheckStore(store.library).decisions(article_id).values()
    ]
    return {_identity(command) for command in have}


def _new(commands: list[SourcingCommand], known: set[tuple[object, ...]]) -> list[SourcingCommand]:
    """The commands that add something not known yet, each only once."""
    fresh = []
    for command in commands:
        identity = _identity(command)
        if identity not in known:
            known.add(identity)
            fresh.append(command)
    return fresh


def _assessment(article_id: int, item: object) -> SetClaimAssessment:
    """An exported assessment as the command that adds it (ValueError when it makes no sense)."""
    data = _object(item)
    key = _required(data, "claim_key")
    return SetClaimAssessment(article_id, key, *(text_field(data, k) for k in _ASSESSMENT_TEXTS))


def _relation(article_id: int, item: object) -> SetClaimRelation:
    """An exported relation as the command that adds it."""
    data = _object(item)
    keys = (_required(data, "key_a"), _required(data, "key_b"))
    texts = (text_field(data, k) for k in ("relation", "note", "modified"))
    return SetClaimRelation(article_id, *keys, *texts)


def _correction(article_id: int, item: object) -> AddSourcingCorrection:
    """An exported correction of an attribution as the command that adds it."""
    data = _object(item)
    start, end = data.get("start"), data.get("end")
    if problem := position_problem(start, end):
        raise ValueError(problem)
    texts = (text_field(data, k) for k in ("exact", "value", "created"))
    return AddSourcingCorrection(
        SourcingCorrection(0, article_id, text_field(data, "kind"), start, end, *texts)
    )


def _check_decision(article_id: int, item: object) -> SetCheckDecision:
    """An exported verdict on a check as the command that adds it."""
    data = _object(item)
    key, kind = _required(data, "check_key"), _required(data, "kind")
    texts = (text_field(data, k) for k in ("note", "annotator", "modified"))
    return SetCheckDecision(article_id, key, kind, _required(data, "status"), *texts)


def _object(item: object) -> dict[str, Any]:
    """item when it is a JSON object; else ValueError."""
    if not isinstance(item, dict):
        raise ValueError("not an object")
    return item


def _required(data: dict[str, Any], key: str) -> str:
    """A text field that must not be empty."""
    value = text_field(data, key)
    if not value:
        raise ValueError(f"no {key}")
    return value


def _import_cache(library: Library, article_id: int, section: dict[str, Any]) -> list[str]:
    """Keep the export's findings when the article has none cached; what could not be read."""
    data, pipeline = section.get("findings"), text_field(section, "pipeline")
    store = SourcingStore(library)
    if not isinstance(data, dict) or not pipeline or store.latest(article_id) is not None:
        return []
    try:
        findings = Findings.from_json(data)
    except ValueError as problem:
        return [f"sourcing findings: {problem}"]
    apply(library, SaveFindings(article_id, pipeline, findings))
    return []
