"""Speech frames found in the dependency parse: cue, speaker, content and relayer.

A frame is one act of saying: a speech verb (or "according to"), the token that names who
says it, what is said (the clausal complement), and the outlet that passes it on when the
sentence says so ("CNN, citing state TV, reported ..."; "SANA quoted X as saying ...").
Pairing frames with quotation marks happens in attribution.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from gui.core.sourcing.issuers import document_subject, toll_object
from gui.core.sourcing.model import SpanText
from gui.core.sourcing.sources import OUTLET_NOUNS, channel_of, phrase_end, span_of, words

_TELL = words("tell tells told telling")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Verbs whose infinitive complement is what was said ("vowed to retake the field").
# ("vowed to retake" is an intention of the speaker's own: attitudes.py takes it.)
XCOMP_VERBS = words("threaten threatened threatens urge urged urges")
# Verbs whose object and its phrases are what was said ("accused X of doing Y").
OBJECT_VERBS = words(
    "accuse accused accuses accusing blame blamed blames blaming condemn condemned condemns "
    "denounce denounced denounces criticise criticised criticize criticized deny denied "
    "denies"
)
RELAY_PARTICIPLES = words("citing quoting")
# Nouns whose "that"-clause is what a verb of denial is about ("rejected reports that ...").
CLAIM_NOUNS = words("report reports claim claims allegation allegations suggestion suggestions")
CLAIM_NOUNS |= words("accusation accusations rumour rumours rumor rumors")
_QUOTED = words("quoted quotes quote quoting cited cites cite")
_SUBJECT_DEPS = ("nsubj",)
# "X is heard telling Y": the passive subject of these verbs is who speaks.
_PERCEIVED = words("heard seen filmed recorded caught shown quoted")
_INHERIT_DEPS = words("advcl xcomp conj pcomp")
_TRIM = " \t\n,.;:\"'\u201c\u201d\u2018\u2019-\u2014\u2013"


class VerbClasses(Protocol):
    """What frames need from the lexicons: the class of a speech verb form."""

    def verb_class(self, verb: str, particle: str = "") -> str:
        """Class of a verb form ('' if it is not a speech verb)."""
        ...


@dataclass(frozen=True, eq=False)
class Frame:
    """One act of saying found in the parse of a paragraph."""

    paragraph: int
    offset: int
    cue: SpanText
    verb: Token | None
    speaker: Token | None
    content: SpanText | None
    relayer: Token | None
    verb_class: str
    channel: str
    according: bool = False
    recipient: Token | None = None  # who was told: "told the Harbor Ledger", "interview with X"
    attitude: str = ""  # "belief" or "intention" for "officials believe", "the campaign wants"


def find_frames(
    body: str, docs: Sequence[tuple[int, Doc]], verbs: VerbClasses, skip: frozenset[int]
) -> list[Frame]:
    """Every speech frame of the paragraphs, in body order; paragraphs in `skip` are headers."""
    frames: list[Frame] = []
    for index, (offset, doc) in enumerate(docs):
        if index not in skip:
            frames.extend(_doc_frames(body, index, offset, doc, verbs))
    return frames


def _doc_frames(
    body: str, index: int, offset: int, doc: Doc, verbs: VerbClasses
) -> Iterator[Frame]:
    """Frames of one paragraph doc."""
    previous: Frame | None = None
    for token in doc:
        if (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            yield _according_frame(body, index, offset, token)
            continue
        cls, particle = speech_class(token, verbs)
        if not cls and (document_subject(token) or toll_object(token) is not None):
            cls = "neutral"  # "estimates suggest ...", "the ministry put the toll at 18"
        if cls and not excluded(token):
            frame = _verb_frame(body, index, offset, token, cls, particle)
            if previous is not None and _shares_speaker(frame, previous):
                frame = replace(frame, speaker=previous.speaker, relayer=previous.relayer)
            yield frame
            previous = frame


def _shares_speaker(frame: Frame, previous: Frame) -> bool:
    """True for a verb without a subject of its own after another frame in its sentence.

    "X lashed out ..., telling CNN, they "..." and accused them ...": the parser often hangs
    "accused" on the quoted verb, whose subject is not the speaker; the last frame's is.
    """
    verb, before = frame.verb, previous.verb
    if verb is None or before is None or previous.speaker is None:
        return False
    own = any(c.dep_ in _SUBJECT_DEPS for c in verb.children)
    return not own and verb.dep_ in _INHERIT_DEPS and verb.sent.start == before.sent.start


def speech_class(token: Token, verbs: VerbClasses) -> tuple[str, Token | None]:
    """The verb class of a token used as a verb of saying, and its particle if any."""
    if not token.tag_.startswith("VB"):
        return "", None
    for child in token.children:
        if child.dep_ == "prt":
            cls = verbs.verb_class(token.lower_, child.lower_)
            if cls:
                return cls, child
    return verbs.verb_class(token.lower_), None


def excluded(verb: Token) -> bool:
    """Negated, passive and adjectival uses, and relay participles, are no frames."""
    if verb.dep_ == "amod" or verb.lower_ in RELAY_PARTICIPLES:
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # "a statement posted on Telegram"
    if verb.dep_ == "relcl" and not any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return True  # "residents we spoke to said": who they are, not what they said
    if any(c.dep_ == "mark" and c.lower_ in ("than", "as") for c in verb.children):
        return True  # "more customers than the company first said"
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        first = subject.left_edge.i
        if first > 0 and verb.doc[first - 1].lower_ == "than":
            return True  # the same, parsed with "said" as the root
    if verb.lower_ in _QUOTED and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return True  # "quoted X as saying": the frame is "saying"
    return any(c.dep_ in ("neg", "auxpass") for c in verb.children)


def _verb_frame(
    body: str, index: int, offset: int, verb: Token, cls: str, particle: Token | None
) -> Frame:
    """The frame of a speech verb."""
    cue = span_of(verb, particle or verb, offset, body)
    speaker, relayer = speaker_of(verb)
    content = _content(body, offset, verb)
    channel, recipient = channel_of(verb), recipient_of(verb)
    return Frame(
        index, offset, cue, verb, speaker, content, relayer, cls, channel, recipient=recipient
    )


def recipient_of(verb: Token) -> Token | None:
    """Who the words were given to: "told X", "telling X", "in an interview with X", "to X"."""
    for child in verb.children:
        told = child.dep_ in ("dobj", "dative") and verb.lower_ in _TELL
        if told and (child.pos_ == "PROPN" or child.lower_ in OUTLET_NOUNS):
            return child  # "told ERT", "told the newspaper Magyar Nemzet", "told state radio"
        if child.dep_ == "prep" and child.lower_ == "in":
            for noun in (c for c in child.children if c.dep_ == "pobj"):
                for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
                    return next((c for c in prep.children if c.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ == "to":
            found = next((c for c in child.children if c.dep_ == "pobj"), None)
            if found is not None and found.pos_ == "PROPN":
                return found
    return None


def speaker_of(verb: Token, depth: int = 0) -> tuple[Token | None, Token | None]:
    """Who says it, and who relays it ("citing", "quoted ... as saying"); None if unknown."""
    quoted = _quoted_head(verb)
    if quoted is not None:
        return _quoted_speaker(quoted)
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and depth and verb.lower_ in _PERCEIVED:
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not subjects:
        subjects = _misparsed_subject(verb)
    relayer = _cited(verb)
    if subjects:
        subject = next((s for s in subjects if s.ent_type_), subjects[0])
        if subject.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            subject = verb.head
        return (relayer, subject) if relayer is not None else (subject, None)
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return verb.head, None
    if verb.dep_ in _INHERIT_DEPS and depth < 3 and verb.head.i != verb.i:
        return speaker_of(verb.head, depth + 1)
    return None, None


def _misparsed_subject(verb: Token) -> list[Token]:
    """ "Aid groups ... say": the model reads "Aid" as a verb and "groups" as its object."""
    for child in verb.children:
        if child.dep_ == "csubj" and child.i == child.sent.start and child.is_title:
            return [c for c in child.children if c.dep_ == "dobj"][:1]
    return []


def _quoted_head(verb: Token) -> Token | None:
    """For 'saying' in 'quoted X as saying', the 'quoted' verb."""
    head = verb.head
    if verb.lower_ == "saying" and head.lower_ == "as" and head.head.lower_ in _QUOTED:
        return head.head
    return None


def _quoted_speaker(quoted: Token) -> tuple[Token | None, Token | None]:
    """Speaker and relayer of 'R quoted S as saying' and 'S was quoted as saying'."""
    objects = [c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")]
    subjects = [c for c in quoted.children if c.dep_ == "nsubj"]
    for agent in (c for c in quoted.children if c.dep_ == "agent"):  # "quoted by X as saying"
        subjects.extend(c for c in agent.children if c.dep_ == "pobj")
    relayer = next((s for s in subjects if s.ent_type_), subjects[0] if subjects else None)
    return (objects[0] if objects else None), relayer


def _cited(verb: Token) -> Token | None:
    """X in 'citing X' or 'quoting X' attached to the verb or to its subject."""
    for child in verb.children:
        if child.lower_ in RELAY_PARTICIPLES:
            objects = [c for c in child.children if c.dep_ in ("dobj", "pobj")]
            if objects:
                return objects[0]
    return None


def _content(body: str, offset: int, verb: Token) -> SpanText | None:
    """What was said: the clausal complement, the infinitive after 'vow', or the object."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
            return trimmed(body, offset, child.left_edge, child.right_edge)
    word = verb.lower_
    toll = toll_object(verb)
    if toll is not None:
        return trimmed(body, offset, toll.left_edge, verb.right_edge)
    claim = _claim_clause(body, offset, verb)
    if claim is not None:
        return claim
    for child in verb.children:
        if child.dep_ == "xcomp" and word in XCOMP_VERBS:
            return trimmed(body, offset, child.left_edge, child.right_edge)
        if child.dep_ == "dobj" and word in OBJECT_VERBS:
            return trimmed(body, offset, child.left_edge, verb.right_edge)
    return _that_clause(body, offset, verb)


def _claim_clause(body: str, offset: int, verb: Token) -> SpanText | None:
    """ "denied reports that troops had crossed": the clause of a claim noun it rejects."""
    for noun in (c for c in verb.children if c.dep_ == "dobj" and c.lower_ in CLAIM_NOUNS):
        for clause in (c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")):
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
                return trimmed(body, offset, clause.left_edge, clause.right_edge)
    return None


def _attached(mark: Token, verb: Token) -> bool:
    """True when a 'that' hangs on the verb, maybe through its channel ('said in a statement')."""
    head = mark.head
    for _ in range(4):
        if head == verb or head.head == verb:
            return True
        if head.dep_ not in ("acl", "pobj", "prep", "ccomp", "dobj", "relcl"):
            return False
        head = head.head
    return False


def _that_clause(body: str, offset: int, verb: Token) -> SpanText | None:
    """'claimed on Twitter that ...' when the parser lost the clause: 'that' to sentence end."""
    sent = verb.sent
    for token in verb.doc[verb.i + 1 : min(verb.i + 8, sent.end)]:
        if token.pos_ in ("VERB", "AUX", "CCONJ") or token.text in '"\u201c\u201d':
            return None
        mark = token.lower_ == "that" and token.dep_ == "mark"
        if mark and _attached(token, verb) and token.i + 1 < sent.end:
            return trimmed(body, offset, verb.doc[token.i + 1], sent[-1])
    return None


def trimmed(body: str, offset: int, first: Token, last: Token) -> SpanText | None:
    """The span of tokens first..last without outer punctuation, marks and 'that'."""
    span = span_of(first, last, offset, body)
    start, end = span.start, span.end
    while start < end and body[start] in _TRIM:
        start += 1
    while end > start and body[end - 1] in _TRIM:
        end -= 1
    if body[start : start + 5].lower() == "that ":
        start += 5
    return SpanText(start, end, body[start:end]) if end > start else None


def _according_frame(body: str, index: int, offset: int, according: Token) -> Frame:
    """'According to X, ...': X is the source, the rest of the sentence what was said."""
    to = according.doc[according.i + 1]
    cue = span_of(according, to, offset, body)
    objects = [c for c in to.children if c.dep_ == "pobj"]
    speaker = objects[0] if objects else None
    content = _rest_of_sentence(body, offset, according)
    return Frame(index, offset, cue, None, speaker, content, None, "", "", according=True)


def _rest_of_sentence(body: str, offset: int, according: Token) -> SpanText | None:
    """The longer part of the sentence before or after the 'according to' phrase."""
    sent, doc = according.sent, according.doc
    last = doc[according.i + 1]
    for obj in (c for c in last.children if c.dep_ == "pobj"):
        last = max(
            [phrase_end(obj), *(phrase_end(a) for a in obj.children if a.dep_ == "appos")],
            key=lambda t: t.i,
        )
    first = according
    before = trimmed(body, offset, sent[0], doc[first.i - 1]) if first.i > sent.start else None
    after = trimmed(body, offset, doc[last.i + 1], sent[-1]) if last.i + 1 < sent.end else None
    parts = [p for p in (before, after) if p is not None]
    return max(parts, key=lambda p: p.end - p.start, default=None)
