"""Unattributed factual statements: the author's own assertions of events and figures.

A sentence counts when it asserts something happened (a past-tense event verb in its main
clause) or gives a figure, and nobody is named or hinted at as its source: no attribution's
cue, source or content is in it, and it carries no agentless or epistemic hedge ("reportedly",
"is believed", "may"). Headlines, datelines and credit lines end without a full stop and are
left out; so are questions and quoted words nobody is said to have said.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from gui.core.sourcing.coverage import Coverage, Docs, is_figure, sentences
from gui.core.sourcing.lexicons import Lexicons, default_lexicons
from gui.core.sourcing.model import Attribution, Hedge, Statement
from gui.core.span_index import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Hedges that give a statement a (vague) source or take it out of the realm of fact.
EXEMPTING_HEDGES = frozenset({"agentless", "belief", "possible", "probable", "condition"})
STATIVE = frozenset(["was", "were", "been", "had", "has", "have", "seemed", "appeared", "remained"])
_PAST_AUX = frozenset(["has", "have", "had", "was", "were", "been"])
_ENDINGS = (".", "!", '."', ".'", '!"')
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
COVERED_SHARE = 0.5


def find_unattributed(
    body: str,
    docs: Docs,
    attributions: Sequence[Attribution],
    hedges: Sequence[Hedge],
    lexicons: Lexicons | None = None,
) -> list[Statement]:
    """Sentences that assert an event or a figure with no source, in body order."""
    lexicons = lexicons or default_lexicons()
    coverage = Coverage(attributions)
    hedged = SpanIndex.of([(h.start, h.end, h.cls) for h in hedges if h.cls in EXEMPTING_HEDGES])
    found = []
    for offset, sent in sentences(docs):
        start, end = _trimmed(body, offset + sent.start_char, offset + sent.end_char)
        if not _candidate(body, start, end):
            continue
        if _attributed(start, end, coverage) or hedged.overlapping(start, end):
            continue
        if asserts_fact(sent, lexicons):
            found.append(Statement(start, end, body[start:end]))
    return found


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    """The sentence span without surrounding spaces."""
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _candidate(body: str, start: int, end: int) -> bool:
    """A full declarative sentence of the author: ends with a full stop, no opening quote."""
    text = body[start:end].translate({ord(q): '"' for q in _QUOTES})
    return bool(text) and text.endswith(_ENDINGS) and not text.startswith('"')


def _attributed(start: int, end: int, coverage: Coverage) -> bool:
    """True when an attribution's cue or source is in the sentence, or covers half of it."""
    if coverage.touches_cue_or_source(start, end):
        return True
    for attribution in coverage.contents(start, end):
        content = attribution.content
        shared = min(end, content.end) - max(start, content.start)
        if shared > COVERED_SHARE * (end - start):
            return True
    return False


def asserts_fact(sent: SpacySpan, lexicons: Lexicons) -> bool:
    """True when a sentence gives a figure or reports a past event in its main clause."""
    if any(is_figure(token) for token in sent):
        return True
    return any(_past_event(verb, lexicons) for verb in _main_verbs(sent.root))


def _main_verbs(root: Token) -> Iterator[Token]:
    """The root and the verbs conjoined to it."""
    yield root
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            yield child


def _past_event(verb: Token, lexicons: Lexicons) -> bool:
    """A past-tense (or perfect, or passive past) verb of an event, not of saying or being."""
    if verb.pos_ != "VERB" or verb.lower_ in STATIVE or lexicons.verb_class(verb.text):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.lower_ in _PAST_AUX for c in verb.children)
