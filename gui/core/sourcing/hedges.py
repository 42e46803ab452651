"""Hedges and weasel phrasing by class, filtered by part of speech, with the speaker who hedges.

Cues come from the hedges and approximators lexicons and are matched on the paragraph text;
the parse then throws out what only looks like a cue: "will" the noun ("no will to fight"),
"May" the month, "if" that asks rather than sets a condition ("asked if"), "alleged" the
speech verb rather than the adjective, "about" that is not followed by a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from gui.core.sourcing.coverage import (
    FIGURE_LABELS,
    TIME_LABELS,
    Coverage,
    Docs,
    is_figure,
    speaker,
)
from gui.core.sourcing.doc_text import doc_text
from gui.core.sourcing.lexicons import Approximator, HedgeCue, Lexicons, default_lexicons
from gui.core.sourcing.model import Attribution, Hedge, SpanText
from gui.core.sourcing.quotes import pair_quotes

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

MODALS = frozenset(["may", "might", "could", "would", "should", "must", "can", "will", "shall"])
# Number words that follow "a"/"an" in an approximate figure ("nearly a dozen").
_A_NUMBERS = frozenset(
    ["dozen", "score", "hundred", "thousand", "million", "billion", "third", "quarter", "half"]
)
_CURRENCY = frozenset(["$", "€", "£", "¥"])
_NAMES = frozenset({"PROPN"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# Scare quotes: a quoted word or short phrase without sentence punctuation.
SCARE_QUOTE_WORDS = 3
# Multiples that approximators bear on like figures ("roughly twice", "nearly doubled").
_MULTIPLES = frozenset(
    [
        "twice",
        "thrice",
        "half",
        "double",
        "doubled",
        "triple",
        "tripled",
        "quadrupled",
        "halved",
        "tenfold",
    ]
)
# "roughly the same as four years ago": a comparison that approximators bear on like a figure.
_SAME = frozenset({"same"})
# Modal uses that state ability rather than possibility ("could only land", "could not").
_ABILITY_NEXT = frozenset({"not", "n't", "only", "never"})
# Agentless nouns ("sources say") stop being agentless once qualified ("police sources").
_QUALIFIERS = frozenset({"compound", "amod", "nmod", "poss"})


def find_hedges(
    body: str,
    docs: Docs,
    attributions: Sequence[Attribution],
    lexicons: Lexicons | None = None,
) -> list[Hedge]:
    """Every hedge cue of the body, sorted by position, with its class, band and speaker."""
    lexicons = lexicons or default_lexicons()
    cues = _pattern(tuple(entry.phrase for entry in lexicons.hedges))
    approximators = _pattern(tuple(entry.phrase for entry in lexicons.approximators))
    found: list[tuple[int, int, str, str]] = []
    for offset, doc in docs:
        found.extend(_shifted(offset, _cue_hedges(doc, cues, lexicons)))
        found.extend(_shifted(offset, _approximator_hedges(doc, approximators, lexicons)))
    found.extend(_scare_quotes(body, attributions))
    return _finished(body, found, attributions)


def _shifted(
    offset: int, found: Iterable[tuple[int, int, str, str]]
) -> Iterator[tuple[int, int, str, str]]:
    """Paragraph-relative findings moved to body offsets."""
    for start, end, cls, band in found:
        yield offset + start, offset + end, cls, band


def _finished(
    body: str, found: list[tuple[int, int, str, str]], attributions: Sequence[Attribution]
) -> list[Hedge]:
    """Hedges with body text and speaker, one per span, sorted by position."""
    unique = {(start, end): (cls, band) for start, end, cls, band in found}
    coverage = Coverage(attributions)
    hedges = []
    for (start, end), (cls, band) in sorted(unique.items()):
        who = speaker(coverage.innermost(start, end))
        hedges.append(Hedge(start, end, body[start:end], cls, band, who))
    return hedges


@lru_cache(maxsize=16)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """One case-insensitive pattern for all phrases, longest first, on word boundaries."""
    ordered = sorted({" ".join(p.lower().split()) for p in phrases if p.strip()}, key=len)
    parts = [r"\s+".join(map(re.escape, p.split())) for p in reversed(ordered)]
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w'-])(?:" + "|".join(parts) + r")(?![\w'-])", re.IGNORECASE)


def _tokens(doc: Doc, start: int, end: int) -> SpacySpan | None:
    """The tokens covering the characters [start, end) of a doc."""
    return doc.char_span(start, end, alignment_mode="expand")


def _cue_hedges(
    doc: Doc, pattern: re.Pattern[str], lexicons: Lexicons
) -> Iterator[tuple[int, int, str, str]]:
    """Lexicon hedges that pass the part-of-speech filter."""
    for match in pattern.finditer(doc_text(doc)):
        cue = lexicons.hedge(match.group())
        span = _tokens(doc, match.start(), match.end())
        if cue is not None and span is not None and len(span) and _fits(span, cue):
            yield match.start(), match.end(), cue.cls, cue.band


def _fits(span: SpacySpan, cue: HedgeCue) -> bool:
    """True when the parse agrees that the words are used as a hedge."""
    words = cue.phrase.lower().split()
    if len(words) == 1 and words[0] in MODALS:
        return is_modal(span[0]) and not _ability(span[0])
    if cue.cls == "condition":
        return len(words) > 1 or heads_adverbial_clause(span[0])
    if len(words) > 1:
        return not all(t.pos_ in _NAMES for t in span) and not _qualified(span[0], cue)
    if cue.cls == "doubt":
        return span.root.dep_ in ("amod", "compound") or span.root.pos_ == "ADJ"
    return span.root.pos_ not in _NOUNS


def is_modal(token: Token) -> bool:
    """True for a modal auxiliary ("may resume"), not a noun ("will") or month ("May")."""
    if token.tag_ != "MD":
        return False
    if token.dep_ in ("aux", "auxpass"):
        return True
    return token.dep_ == "ROOT" and any(child.pos_ == "VERB" for child in token.children)


def _ability(modal: Token) -> bool:
    """True for "could not", "could only": ability, not an estimate."""
    following = modal.nbor(1) if modal.i + 1 < len(modal.doc) else None
    return following is not None and following.lower_ in _ABILITY_NEXT


def _qualified(first: Token, cue: HedgeCue) -> bool:
    """True for an agentless noun with a qualifier ("police sources said")."""
    if cue.cls != "agentless" or first.pos_ != "NOUN":
        return False
    return any(child.dep_ in _QUALIFIERS for child in first.children)


def heads_adverbial_clause(token: Token) -> bool:
    """True for "if"/"unless" marking an adverbial clause, not an indirect question."""
    return token.dep_ == "mark" and token.head.dep_ == "advcl"


def _approximator_hedges(
    doc: Doc, pattern: re.Pattern[str], lexicons: Lexicons
) -> Iterator[tuple[int, int, str, str]]:
    """Approximators as hedges of class "approximator"."""
    for start, end, _kind in _approximators(doc, pattern, lexicons):
        yield start, end, "approximator", ""


def approximator_spans(doc: Doc, lexicons: Lexicons) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the approximators of a doc, in doc offsets."""
    pattern = _pattern(tuple(entry.phrase for entry in lexicons.approximators))
    return list(_approximators(doc, pattern, lexicons))


def _approximators(
    doc: Doc, pattern: re.Pattern[str], lexicons: Lexicons
) -> Iterator[tuple[int, int, str]]:
    """Approximators that bear on a figure ("about 400", "up to 300", "nearly a dozen")."""
    for match in pattern.finditer(doc_text(doc)):
        entry = lexicons.approximator(match.group())
        span = _tokens(doc, match.start(), match.end())
        if entry is not None and span is not None and len(span) and _approximates(span, entry):
            yield match.start(), match.end(), entry.kind


def _approximates(span: SpacySpan, entry: Approximator) -> bool:
    """True when the phrase modifies the figure right after it."""
    figure = figure_after(span)
    if figure is None:
        return False
    if _same_entity(span[-1], figure):
        return True
    run = {t.i for t in _number_run(figure)}
    return any(t.head.i in run or figure.head.i == t.i for t in span)


def _number_run(figure: Token) -> list[Token]:
    """The figure and the number words right after it ("400 million", "3.5 billion")."""
    run = [figure]
    for token in figure.doc[figure.i + 1 : figure.i + 4]:
        if not (token.like_num or token.pos_ == "NUM"):
            break
        run.append(token)
    return run


def figure_after(span: SpacySpan) -> Token | None:
    """The figure right after a span ("400", "$5", "a dozen"), or None."""
    doc, index = span.doc, span.end
    if index < len(doc) and doc[index].text in _CURRENCY:
        index += 1
    if index >= len(doc):
        return None
    token = doc[index]
    if token.lower_ in _MULTIPLES:
        return token
    if token.lower_ in ("a", "an", "the") and index + 1 < len(doc):
        following = doc[index + 1]
        if following.lower_ in (_SAME if token.lower_ == "the" else _A_NUMBERS):
            return following
    return token if is_figure(token) or token.ent_type_ in TIME_LABELS else None


def _same_entity(last: Token, figure: Token) -> bool:
    """True when the phrase opens the figure's own entity ("about 400" as one CARDINAL)."""
    labels = FIGURE_LABELS | TIME_LABELS
    return (
        last.ent_type_ in labels and figure.ent_type_ == last.ent_type_ and figure.ent_iob_ == "I"
    )


def _scare_quotes(
    body: str, attributions: Sequence[Attribution]
) -> Iterator[tuple[int, int, str, str]]:
    """The author's scare quotes: short quoted phrases that nobody is said to have said."""
    coverage = Coverage(attributions)
    for quote in pair_quotes(body):
        if _is_scare_quote(body, quote) and not _spoken(quote, coverage):
            yield quote.start, quote.end, "doubt", ""


def _spoken(quote: SpanText, coverage: Coverage) -> bool:
    """True when an attribution with a source covers the quote (a partial quote, not doubt)."""
    return any(a.source.name for a in coverage.contents(quote.start, quote.end))


def _is_scare_quote(body: str, quote: SpanText) -> bool:
    """A short quoted phrase inside a sentence: lower case (or one word), no inner punctuation."""
    phrase = quote.text.rstrip(".")
    words = phrase.split()
    if not words or len(words) > SCARE_QUOTE_WORDS:
        return False
    if any(mark in phrase for mark in ".,;:!?") or not (len(words) == 1 or phrase[0].islower()):
        return False
    window = body[max(0, quote.start - 80) : quote.start]
    before = window.rstrip()[:-1].rstrip()  # text before the opening mark
    return bool(before) and before[-1] not in ":,"
