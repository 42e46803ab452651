"""Attributed beliefs and intentions: "officials believe ...", "the campaign wants to ...".

Source criticism counts them as it counts speech: someone is said to think or want something,
and the reader learns it second hand. A frame here is a verb of belief or intention (from the
attitudes lexicon) with its holder and what is believed or wanted: the clause ("believe the
fire was set"), the infinitive ("wants to reopen the line"), the object and its infinitive
("wants the board to vote"), or the object ("expects more rain on Thursday"). "Vowed to
retake" is an intention; "vowed that ..." stays speech (frames.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

from gui.core.sourcing.frames import Frame, excluded, speaker_of, trimmed
from gui.core.sourcing.model import SpanText
from gui.core.sourcing.sources import channel_of, span_of, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Word forms, not lemmas: the pipeline may run without its lemmatizer.
_OBJECT_BELIEFS = words("expect expects expected expecting fear fears feared fearing doubt")
_OBJECT_BELIEFS |= words("doubts doubted suspect suspects suspected")  # "expects more rain"
_PROMISES = words("vow vows vowed vowing pledge pledges pledged promise promises promised")


class AttitudeClasses(Protocol):
    """What attitude frames need from the lexicons."""

    def attitude_class(self, verb: str) -> str:
        """ "belief", "intention" or ''."""
        ...


def find_attitude_frames(
    body: str, docs: Sequence[tuple[int, Doc]], verbs: AttitudeClasses, skip: frozenset[int]
) -> list[Frame]:
    """Every belief and intention of the paragraphs (those in `skip` are headers)."""
    classify = getattr(verbs, "attitude_class", None)
    if classify is None:
        return []
    frames = []
    for index, (offset, doc) in enumerate(docs):
        if index not in skip:
            frames.extend(_doc_frames(body, index, offset, doc, classify))
    return frames


def _doc_frames(body: str, index: int, offset: int, doc: Doc, classify) -> Iterator[Frame]:
    """Attitude frames of one paragraph."""
    for token in doc:
        cls = classify(token.lower_) if token.tag_.startswith("VB") else ""
        if not cls or excluded(token) or not any(c.dep_ == "nsubj" for c in token.children):
            continue
        if _promise_in_words(token):
            continue  # "promised that ...": reported speech, found as such
        content = attitude_content(body, offset, token)
        if content is not None:
            yield _frame(body, index, offset, token, cls, content)


def _promise_in_words(verb: Token) -> bool:
    """True for a verb of promising without an infinitive: "promised that the state would pay"."""
    promise = verb.lower_ in _PROMISES
    return promise and not any(c.dep_ == "xcomp" for c in verb.children)


def _frame(body: str, index: int, offset: int, verb: Token, cls: str, content: SpanText) -> Frame:
    """The frame of one attitude verb."""
    speaker, relayer = speaker_of(verb)
    cue = span_of(verb, verb, offset, body)
    channel = channel_of(verb)
    return Frame(index, offset, cue, verb, speaker, content, relayer, "", channel, attitude=cls)


def attitude_content(body: str, offset: int, verb: Token) -> SpanText | None:
    """What is believed or wanted: clause, infinitive (with its subject), or object."""
    children = list(verb.children)
    for child in children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            return trimmed(body, offset, child.left_edge, child.right_edge)
    objects = [c for c in children if c.dep_ == "dobj"]
    for child in children:
        if child.dep_ == "xcomp":
            first = min([child.left_edge, *(o.left_edge for o in objects)], key=lambda t: t.i)
            return trimmed(body, offset, first, child.right_edge)
    if objects and verb.lower_ in _OBJECT_BELIEFS:
        return trimmed(body, offset, objects[0].left_edge, verb.right_edge)
    return None
