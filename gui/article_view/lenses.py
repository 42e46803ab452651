"""How the source-criticism findings are drawn: spans, styles, legend names and hover texts."""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt

from gui.article_view.palette import Style
from gui.core.sourcing.checks import CHECK_NAMES, Check
from gui.core.sourcing.model import UNNAMED, Attribution, Findings, SpanText

LENSES = ("Entities", "Sourcing", "Hedges", "All")

SOURCING_STYLES: dict[str, Style] = {
    "content": Style("#56B4E9", Qt.PenStyle.NoPen, 45),
    "source": Style("#0072B2", Qt.PenStyle.SolidLine, 70),
    "anonymous": Style("#D55E00", Qt.PenStyle.DashLine, 80),
    "cue": Style("#E69F00", Qt.PenStyle.DotLine, 90),
    "via": Style("#CC79A7", Qt.PenStyle.DashDotLine, 90),
    "unattributed": Style("#7F7F7F", Qt.PenStyle.DotLine, 35),
    "integrity": Style("#C00000", Qt.PenStyle.SolidLine, 110),
    "check": Style("#C00000", Qt.PenStyle.DotLine, 18),  # an open check: a faint tint, dotted
    "check_confirmed": Style("#C00000", Qt.PenStyle.SolidLine, 90),
}
SOURCING_NAMES = {
    "content": "What is said",
    "source": "Named source",
    "anonymous": "Anonymous or vague source",
    "cue": "Speech verb",
    "via": "Relaying outlet",
    "unattributed": "Unattributed statement",
    "integrity": "Altered quote",
    "check": "Open check",
    "check_confirmed": "Confirmed check",
}
HEDGE_STYLES: dict[str, Style] = {
    "agentless": Style("#D55E00", Qt.PenStyle.SolidLine, 80),
    "possible": Style("#F0E442", Qt.PenStyle.DotLine, 120),
    "probable": Style("#E69F00", Qt.PenStyle.DashLine, 90),
    "belief": Style("#CC79A7", Qt.PenStyle.DashDotLine, 80),
    "condition": Style("#56B4E9", Qt.PenStyle.DotLine, 80),
    "approximator": Style("#009E73", Qt.PenStyle.SolidLine, 70),
    "doubt": Style("#7F6A93", Qt.PenStyle.DashLine, 80),
}
HEDGE_NAMES = {
    "agentless": "No stated source",
    "possible": "Possible",
    "probable": "Probable",
    "belief": "Belief",
    "condition": "Condition",
    "approximator": "Approximate number",
    "doubt": "Doubt marker",
}
Span = tuple[int, int, str]


def sourcing_style(key: str) -> Style:
    """The style of a sourcing span kind."""
    return SOURCING_STYLES.get(key, SOURCING_STYLES["content"])


def hedge_style(key: str) -> Style:
    """The style of a hedge class."""
    return HEDGE_STYLES.get(key, HEDGE_STYLES["possible"])


def sourcing_spans(findings: Findings) -> tuple[list[Span], list[str]]:
    """The spans of the Sourcing lens, with a hover text for each (same order)."""
    spans: list[Span] = []
    tips: list[str] = []
    for attribution in findings.attributions:
        tip = attribution_tip(attribution)
        for key, span in _attribution_parts(attribution):
            spans.append((span.start, span.end, key))
            tips.append(tip)
    for statement in findings.unattributed:
        spans.append((statement.start, statement.end, "unattributed"))
        tips.append("<b>Unattributed statement</b><br>The article asserts this without a source.")
    for flag in findings.integrity:
        spans.append((flag.start, flag.end, "integrity"))
        what = "an insertion in brackets" if flag.kind == "insertion" else "an ellipsis"
        tips.append(f"<b>Altered quote</b><br>The relaying outlet changed the words: {what}.")
    return spans, tips


def _attribution_parts(attribution: Attribution) -> Iterator[tuple[str, SpanText]]:
    """(style key, span) for the content, cue, source and relaying outlets of an attribution."""
    yield "content", attribution.content
    if attribution.cue:
        yield "cue", attribution.cue
    source = attribution.source
    if source.span is not None and source.span.end > source.span.start:
        anonymous = source.anonymous or source.type == "anonymous"
        yield ("anonymous" if anonymous else "source"), source.span
    for via in attribution.via:
        if via.span is not None and via.span.end > via.span.start:
            yield "via", via.span


def attribution_tip(attribution: Attribution) -> str:
    """Hover text: kind of quote, who says it, how, and through whom."""
    source = attribution.source
    who = html.escape(source.name or UNNAMED)
    kind = attribution.kind.replace("_", " ")
    lines = [f"<b>{kind.capitalize()} quote</b> — {who} ({source.type})"]
    if source.verify:
        lines.append("<i>Speaker inferred from a pronoun or description: verify.</i>")
    if attribution.cue:
        verb_class = attribution.verb_class or "neutral"
        lines.append(f"Verb: “{html.escape(attribution.cue.text)}” ({verb_class})")
    if source.channel:
        lines.append(f"Channel: {html.escape(source.channel)}")
    lines.append(f"Chain: {html.escape(f'article ← {attribution.chain}')}")
    return "<br>".join(lines)


def check_spans(
    checks: Sequence[Check], decisions: Mapping[str, Any]
) -> tuple[list[Span], list[str]]:
    """The marks of the checks (open and confirmed; dismissed ones are not drawn), with tips."""
    spans: list[Span] = []
    tips: list[str] = []
    for check in checks:
        decision = decisions.get(check.key)
        status = decision.status if decision is not None else ""
        if status == "dismissed":
            continue
        key = "check_confirmed" if status == "confirmed" else "check"
        title = CHECK_NAMES.get(check.kind, check.kind) + (" (confirmed)" if status else "")
        tip = f"<b>Check: {html.escape(title)}</b><br>{html.escape(check.message)}"
        for span in check.spans:
            spans.append((span.start, span.end, key))
            tips.append(tip)
    return spans, tips


def hedge_spans(findings: Findings) -> tuple[list[Span], list[str]]:
    """The spans of the Hedges lens, with a hover text for each."""
    spans: list[Span] = []
    tips: list[str] = []
    for hedge in findings.hedges:
        spans.append((hedge.start, hedge.end, hedge.cls))
        band = f" — estimative band {hedge.band}" if hedge.band else ""
        who = f"<br>Hedged by {html.escape(hedge.speaker)}" if hedge.speaker else ""
        tips.append(f"<b>{HEDGE_NAMES.get(hedge.cls, hedge.cls)}</b>{band}{who}")
    return spans, tips
