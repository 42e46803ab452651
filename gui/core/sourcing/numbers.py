"""Numeric claims: each figure with its approximator, what it counts, when, what happened, who says.

Figures about the same kind of event ("killed", "dead", "died") share a group, so that the
Claims panel can put "about 400 civilians ... since Wednesday" beside "up to 300 of them".
The app never judges two figures: it only puts them side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from gui.core.entities.pipeline import Entity
from gui.core.sourcing.coverage import (
    FIGURE_LABELS,
    TIME_LABELS,
    Coverage,
    Docs,
    EntitySpans,
    is_figure,
    speaker,
)
from gui.core.sourcing.doc_text import doc_text
from gui.core.sourcing.hedges import approximator_spans
from gui.core.sourcing.lexicons import Lexicons, default_lexicons
from gui.core.sourcing.model import Attribution, NumericClaim, SpanText
from gui.core.sourcing.numbers_words import (
    counted_family,
    event_family,
    is_number_word,
    noun_phrase,
    parse_value,
    resolve_pronoun,
    stem,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_ORDINALS = re.compile(r"(?i)^(first|second|third|\d+(st|nd|rd|th))$")
_PRONOUNS = frozenset(["them", "these", "those", "they"])
# Prepositions and clause marks that open a time window ("since Wednesday", "in the past week").
_TIME_WORDS = frozenset(
    ["since", "after", "before", "until", "till", "during", "in", "on", "over", "within", "from"]
)
_CLAUSE_STOPS = frozenset({"ccomp", "relcl", "conj", "parataxis", "acl"})
_RISE_PREPS = frozenset({"to", "at", "by"})
_MAX_CLIMB = 8


def find_numbers(
    body: str,
    docs: Docs,
    entities: Sequence[Entity],
    attributions: Sequence[Attribution],
    lexicons: Lexicons | None = None,
) -> list[NumericClaim]:
    """Every figure of the body as a numeric claim, grouped by the event it is about."""
    lexicons = lexicons or default_lexicons()
    claims: list[NumericClaim] = []
    coverage = Coverage(attributions)
    numbers = EntitySpans(entities, "NUMBER")
    for offset, doc in docs:
        approximators = approximator_spans(doc, lexicons)
        for figure in _figures(doc, offset, numbers):
            claim = _claim(body, offset, figure, approximators, coverage)
            if claim is not None:
                claims.append(replace(claim, id=len(claims) + 1))
    return _grouped(claims)


def _figures(doc: Doc, offset: int, numbers: EntitySpans) -> list[SpacySpan]:
    """Figure spans of a doc: numeric entities of the model and of the body, loose numbers."""
    spans = [ent for ent in doc.ents if ent.label_ in FIGURE_LABELS]
    for entity in numbers.inside(offset, offset + len(doc_text(doc))):
        span = doc.char_span(entity.start - offset, entity.end - offset, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    spans.extend(doc[t.i : t.i + 1] for t in doc if is_figure(t) and not t.ent_type_)
    return _distinct(spans)


def _distinct(spans: list[SpacySpan]) -> list[SpacySpan]:
    """Spans without overlaps (the longest wins), in document order, ordinals dropped."""
    chosen: list[SpacySpan] = []
    taken: set[int] = set()
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        indices = set(range(span.start, span.end))
        if indices & taken or _is_ordinal(span):
            continue
        taken |= indices
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _is_ordinal(span: SpacySpan) -> bool:
    """True for "first", "3rd" and other ordinals."""
    return any(t.ent_type_ == "ORDINAL" or _ORDINALS.match(t.text) for t in span)


def _claim(
    body: str,
    offset: int,
    figure: SpacySpan,
    approximators: Sequence[tuple[int, int, str]],
    coverage: Coverage,
) -> NumericClaim | None:
    """The numeric claim of one figure, or None for a lone "one" that claims nothing."""
    core = _core(figure)
    if core is None:
        return None
    approximator, first_char = _approximator(figure, core, approximators)
    start, end = offset + min(first_char, figure.start_char), offset + figure.end_char
    event = _event(core)
    counted = _counted(figure, core)
    if _is_filler(core, event):
        return None
    source = coverage.innermost(start, end)
    said, via = speaker(source), tuple(s.name for s in source.via) if source is not None else ()
    if source is not None and inserted(body, source.content, start, end):
        said, via = (via[-1], via[:-1]) if via else ("", ())  # the relaying outlet's words
    return NumericClaim(
        id=0,
        span=SpanText(start, end, body[start:end]),
        value=parse_value(figure.text),
        approximator=approximator,
        counted=counted,
        window=_window(event) if event is not None else "",
        event=event.text if event is not None else "",
        source=said,
        via=via,
    )


def inserted(body: str, content: SpanText, start: int, end: int) -> bool:
    """True when [start, end) lies in square brackets inside a quote: someone else's words."""
    opening = body.rfind("[", content.start, start + 1)
    if opening < 0 or "]" in body[opening:start]:
        return False
    closing = body.find("]", end - 1, content.end)
    return closing >= 0 and "[" not in body[end:closing]


def _core(figure: SpacySpan) -> Token | None:
    """The last number token of a figure ("300" in "up to 300", "12" in "12 miles"), or None."""
    numbers = [t for t in figure if t.like_num or t.pos_ == "NUM" or is_number_word(t.text)]
    return numbers[-1] if numbers else None


def _is_filler(core: Token, event: Token | None) -> bool:
    """A word "one" ("based on one incident") claims nothing unless it counts an event."""
    return core.lower_ == "one" and not event_family(event.text if event is not None else "")


def _approximator(
    figure: SpacySpan, core: Token, approximators: Sequence[tuple[int, int, str]]
) -> tuple[str, int]:
    """The approximator kind bearing on the figure and where the claim starts."""
    first = _first_number(figure, core)
    for start, end, kind in approximators:
        gap = doc_text(figure.doc)[end : first.idx]
        if end <= first.idx and _only_glue(gap):
            return kind, start
    return "", figure.start_char


def _first_number(figure: SpacySpan, core: Token) -> Token:
    """The first number token of the figure ("3" in "3.5 million")."""
    for token in figure:
        if token.like_num or token.pos_ == "NUM":
            return token
    return core


def _only_glue(gap: str) -> bool:
    """True for what may sit between an approximator and its number: spaces, '$', 'a'."""
    return re.fullmatch(r"\s*(?:(?:a|an)\s+)?[$€£¥]?\s*", gap, re.IGNORECASE) is not None


def _event(core: Token) -> Token | None:
    """The verb the figure belongs to ("killed"), or an event noun ("deaths") on the way."""
    current = core
    for _ in range(_MAX_CLIMB):
        if current.pos_ == "VERB" or (current.i != core.i and event_family(current.text)):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _counted(figure: SpacySpan, core: Token) -> str:
    """What the figure counts: its noun, the noun of "of ...", or the subject of "rose to"."""
    modifies = core.dep_ in ("nummod", "compound", "quantmod")
    if modifies and core.head.pos_ in ("NOUN", "PROPN") and core.head.i >= figure.end - 1:
        return noun_phrase(core.head)
    for child in core.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return _of_object(child)
    if figure.root.pos_ == "NOUN" and not figure.root.like_num and figure.root.i != core.i:
        return figure.root.text
    return _risen_subject(core)


def _of_object(preposition: Token) -> str:
    """The object of "of" ("people"), with a pronoun ("them") resolved when easy."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if not objects:
        return ""
    noun = objects[0]
    if noun.lower_ in _PRONOUNS:
        return resolve_pronoun(noun) or noun.text
    return noun_phrase(noun)


def _risen_subject(core: Token) -> str:
    """For "the death toll rose to 45": the subject of the verb the figure rose to."""
    head = core.head
    if core.dep_ != "pobj" or head.lower_ not in _RISE_PREPS or head.head.pos_ != "VERB":
        return ""
    subjects = [c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return noun_phrase(subjects[0]) if subjects and subjects[0].pos_ == "NOUN" else ""


def _window(event: Token) -> str:
    """The time window of the event's own clause ("since Wednesday", "10 days ago")."""
    for ent in event.sent.ents:
        if ent.label_ in TIME_LABELS:
            start = _window_start(ent, event)
            if start is not None:
                return doc_text(event.doc)[start : ent.end_char]
    return ""


def _window_start(ent: SpacySpan, event: Token) -> int | None:
    """Where the window of a date entity opens if it belongs to the event's clause, else None."""
    path = list(_path_up(ent.root, event))
    if not path or path[-1].i != event.i:
        return None
    start = ent.start_char
    for token in path[:-1]:
        opener = _opener(token)
        if opener is not None and opener.idx < start:
            start = opener.idx
    return start


def _path_up(token: Token, stop: Token) -> Iterator[Token]:
    """Tokens from `token` up to `stop`, ending early at a clause boundary or the root."""
    current = token
    for _ in range(_MAX_CLIMB):
        yield current
        if current.i == stop.i or current.head.i == current.i or current.dep_ in _CLAUSE_STOPS:
            return
        current = current.head


def _opener(token: Token) -> Token | None:
    """The time preposition or clause mark that opens a window at this token, if any."""
    if token.dep_ == "prep" and token.lower_ in _TIME_WORDS:
        return token
    for child in token.children:
        if child.dep_ == "mark" and child.lower_ in _TIME_WORDS:
            return child
    return None


def _grouped(claims: list[NumericClaim]) -> list[NumericClaim]:
    """Claims with group ids: same event family, else same counted family, else alone."""
    groups: dict[str, int] = {}
    result = []
    for claim in claims:
        group = groups.setdefault(_group_key(claim), len(groups) + 1)
        result.append(replace(claim, group=group))
    return result


def _group_key(claim: NumericClaim) -> str:
    """What makes two claims comparable: event family, verb, counted family, else nothing."""
    family = event_family(claim.event) or event_family(claim.counted)
    if family:
        return f"event:{family}"
    if claim.event:
        return f"verb:{stem(claim.event)}"
    if counted_family(claim.counted):
        return f"counted:{counted_family(claim.counted)}"
    return f"alone:{claim.id}"
