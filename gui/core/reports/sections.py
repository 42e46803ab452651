"""The parts of an article report around its text: legend, notes by layer, sourcing, checklist."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gui.core.annotations.model import Annotation, Label
from gui.core.entities.pipeline import ENTITY_TYPE_NAMES
from gui.core.reports.markup import element, esc, percent, section, table
from gui.core.reports.style import STATUS_CLASSES, entity_class, label_class, layer_class
from gui.core.sourcing.checks import CHECK_NAMES, Check
from gui.core.sourcing.commands import (
    INFO_CREDIBILITY,
    SOURCE_RELIABILITY,
    ClaimAssessment,
    ClaimRelation,
)
from gui.core.sourcing.model import Findings, NumericClaim, Profile
from gui.core.sourcing.summary import SourceRow, Summary
from gui.core.trainer.checklist import ChecklistAnswer

RELATION_WORDS = {
    "corroborates": "corroborates",
    "different_scope": "different scope from",
    "contradicts": "contradicts",
}
CLAIM_COLUMNS = ("Event", "Figure", "Counted", "Source", "Verdict", "Grade", "Relations", "Note")


@dataclass(frozen=True)
class Numbered:
    """An annotation shown in a report, with its reference number and its layer's position."""

    number: int
    layer_index: int
    annotation: Annotation


def label_name(labels: Mapping[int, Label], label_id: int) -> str:
    """The name of a codebook label, or a stand-in for one no longer in the codebook."""
    label = labels.get(label_id)
    return label.name if label else f"Label {label_id}"


def label_chip(labels: Mapping[int, Label], label_id: int) -> str:
    """A label's name in a box (browsers) or underline (PDF) of its colour."""
    cls = label_class(label_id if label_id in labels else 0)
    return element("span", esc(label_name(labels, label_id)), cls=f"ann a-first a-last {cls}")


def legend_html(entity_types: Sequence[str], labels: Sequence[Label], layers: Sequence[str]) -> str:
    """What the colours mean: entity tints, annotation labels, layer border styles."""
    lines = []
    if entity_types:
        chips = (
            element("mark", esc(ENTITY_TYPE_NAMES.get(t, t)), cls=f"ent swatch {entity_class(t)}")
            for t in entity_types
        )
        lines.append("Entities: " + " ".join(chips))
    if labels:
        by_id = {label.id: label for label in labels}
        lines.append("Annotations: " + " ".join(label_chip(by_id, label.id) for label in labels))
    if layers:
        lines.append("Layers: " + " ".join(_layer_chip(i, name) for i, name in enumerate(layers)))
        lines.append("Small numbers after an annotation refer to its note below.")
    return element("div", "".join(element("p", line) for line in lines), cls="legend")


def _layer_chip(index: int, name: str) -> str:
    """A layer's name in its border style."""
    return element("span", esc(name), cls=f"ann a-first a-last l0 {layer_class(index)}")


def notes_html(
    numbered: Sequence[Numbered], layers: Sequence[str], labels: Mapping[int, Label]
) -> str:
    """Every annotation shown, with its note, one table per layer."""
    parts = []
    for index, layer in enumerate(layers):
        rows = [_note_row(n, labels) for n in numbered if n.layer_index == index]
        count = f"{len(rows)} annotation{'s' * (len(rows) != 1)}"
        parts.append(element("h3", f"{esc(layer)} <span class='small'>({count})</span>"))
        parts.append(table(("No.", "Label", "Text", "Note"), rows, cls="notes"))
    return section("Annotations and notes", "".join(parts) or element("p", "No annotations."))


def _note_row(n: Numbered, labels: Mapping[int, Label]) -> list[str]:
    """One annotation as cells: number, label, quoted text, note."""
    a = n.annotation
    text = element("span", esc(f"“{a.text}”"), cls="quote")
    if a.orphaned:
        text += element("div", "text not found in the article any more", cls="orphan small")
    return [str(n.number), label_chip(labels, a.label_id), text, esc(a.note)]


def profile_html(summary: Summary) -> str:
    """The sourcing profile, and who is quoted how often and through whom (one summary)."""
    rows = [[esc(name), element("span", v)] for name, v in _profile_rows(summary.profile)]
    sources = [_source_row(row) for row in summary.sources]
    parts = [table(("Measure", "Value"), rows, cls="profile")] if rows else []
    if sources:
        parts.append(element("h3", "Sources"))
        headers = ("Source", "Type", "Statements", "Relayed", "Through")
        parts.append(table(headers, sources, cls="sources"))
    return section("Sourcing", "".join(parts) or element("p", "No sourcing findings."))


def checks_html(confirmed: Sequence[Check], open_count: int) -> str:
    """The checks the user confirmed, each with its words; how many are still open."""
    rows = [[esc(CHECK_NAMES.get(c.kind, c.kind)), esc(c.message), _excerpts(c)] for c in confirmed]
    body = table(("Check", "What to check", "Where"), rows, cls="checks") if rows else ""
    note = f"{open_count} more not yet confirmed or dismissed." if open_count else ""
    if not rows:
        body = element("p", "No check confirmed." + (f" {note}" if note else ""))
    elif note:
        body += element("p", esc(note), cls="small")
    return section("Checks", body)


def _excerpts(check: Check) -> str:
    """The quoted words a check is about, shortened."""
    texts = (span.text if len(span.text) <= 80 else span.text[:79] + "…" for span in check.spans)
    return "<br>".join(element("span", esc(f"“{text}”"), cls="quote") for text in texts)


def _profile_rows(profile: Profile) -> list[tuple[str, str]]:
    """(measure, value) pairs of the profile."""
    shown = (
        ("Named sources", "named", str),
        ("Anonymous sources", "anonymous", str),
        ("Statements relayed by another outlet", "relayed_share", percent),
        ("Primary sources", "primary", percent),
        ("Secondary sources", "secondary", percent),
        ("Tertiary sources", "tertiary", percent),
        ("Hedges per 1,000 words", "hedge_density", lambda v: f"{v:.1f}"),
        ("Unattributed statements", "unattributed", str),
        ("Longest relay chain", "chain_depth", str),
    )
    return [(name, how(getattr(profile, key))) for name, key, how in shown]


def _source_row(row: SourceRow) -> list[str]:
    """One source of the Sources table."""
    flags = [flag for flag, on in (("anonymous", row.anonymous), ("verify", row.verify)) if on]
    kind = row.type + (f" ({', '.join(flags)})" if flags else "")
    through = "; ".join(row.chains)
    return [esc(row.name), esc(kind), str(len(row.statements)), str(len(row.relayed)), esc(through)]


def claims_html(
    findings: Findings,
    assessments: Mapping[str, ClaimAssessment],
    relations: Sequence[ClaimRelation] = (),
) -> str:
    """The numeric claims with the user's verdicts (by claim key), grades and relations."""
    numbers = sorted(findings.numbers, key=lambda n: (n.group, n.span.start))
    if not numbers:
        return section("Claims", element("p", "No numeric claims found."))
    texts = {n.key: n.span.text for n in numbers}
    related = _relations(relations, texts)
    rows = [_claim_row(n, assessments.get(n.key), related) for n in numbers]
    key = element("p", esc(_grade_key()), cls="small")
    return section("Claims", table(CLAIM_COLUMNS, rows, cls="claims") + key)


def _relations(
    relations: Sequence[ClaimRelation], texts: Mapping[str, str]
) -> dict[str, list[str]]:
    """For each claim key, its relations to other claims in words."""
    found: dict[str, list[str]] = {}
    for r in relations:
        words = RELATION_WORDS.get(r.relation, r.relation)
        for this, other in ((r.key_a, r.key_b), (r.key_b, r.key_a)):
            found.setdefault(this, []).append(f"{words} “{texts.get(other, other)}”")
    return found


def _claim_row(
    number: NumericClaim, assessment: ClaimAssessment | None, related: Mapping[str, list[str]]
) -> list[str]:
    """One claim as cells."""
    event = f"#{number.group} {number.event}".strip()
    chain = " ← ".join([*number.via, number.source or "the article itself"])
    status = assessment.status if assessment else "unverified"
    verdict = element("span", esc(status), cls=STATUS_CLASSES.get(status, ""))
    grade = _grade(assessment)
    note = assessment.note if assessment else ""
    relations = "; ".join(related.get(number.key, []))
    cells = [event, number.span.text, number.counted, chain]
    return [*map(esc, cells), verdict, grade, esc(relations), esc(note)]


def _grade(assessment: ClaimAssessment | None) -> str:
    """The Admiralty grade, e.g. B2, with its meaning as a tooltip."""
    if assessment is None or not (assessment.source_grade or assessment.info_grade):
        return ""
    meaning = [
        SOURCE_RELIABILITY.get(assessment.source_grade, ""),
        INFO_CREDIBILITY.get(assessment.info_grade, ""),
    ]
    title = "; ".join(part for part in meaning if part)
    return element("span", esc(assessment.source_grade + assessment.info_grade), title=title)


def _grade_key() -> str:
    """What the Admiralty grades mean, in one line for under the claims table."""
    source = ", ".join(f"{k} {v}" for k, v in SOURCE_RELIABILITY.items())
    info = ", ".join(f"{k} {v}" for k, v in INFO_CREDIBILITY.items())
    return f"Grades (Admiralty code): source {source}; information {info}."


def checklist_html(answers: Sequence[ChecklistAnswer], title: str = "") -> str:
    """The exercise's checklist questions with the answers given."""
    rows = [
        [esc(a.question), esc(a.answer) or element("span", "(no answer)", cls="orphan")]
        for a in answers
    ]
    intro = element("p", f"Exercise: {esc(title)}", cls="meta") if title else ""
    return section("Checklist", intro + table(("Question", "Answer"), rows, cls="checklist"))
