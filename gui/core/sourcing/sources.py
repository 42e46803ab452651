"""Sources of statements: the phrase that names them, its type, channel and antecedent.

Types follow the trainer's questions: a named person, an institution, a news outlet, a vague
or anonymous source ("police sources", "an Iranian general"), or a pronoun or description
("he", "the spokesman") that the app resolves to a named source and marks for verification.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gui.core.sourcing.model import Source, SpanText

if TYPE_CHECKING:
    from spacy.tokens import Token

    from gui.core.entities.pipeline import Entity


def words(text: str) -> frozenset[str]:
    """The set of the space-separated words of `text`."""
    return frozenset(text.split())


PRONOUNS = words("he she they it we i you")
OUTLET_NOUNS = words(
    "tv television media radio newspaper newspapers broadcaster channel daily website "
    "outlet outlets press wire tabloid"
)
INSTITUTION_NOUNS = words(
    "ministry department government military army police office council court commission "
    "authority authorities watchdog bank company firm carrier airline alliance union committee "
    "parliament regulator agency administration embassy presidency cabinet coalition party "
    "maker operator senate congress board service navy force forces prosecution carmaker "
    "automaker manufacturer insurer lender retailer producer supplier developer conglomerate "
    "secretariat municipality mission organisation organization institute university hospital "
    "federation association movement group guard opposition treasury"
)
# Words a description may use for a title written in short ("the general" = "Gen. X").
ABBREVIATIONS = {
    "general": ("gen.",),
    "governor": ("gov.",),
    "senator": ("sen.",),
    "president": ("pres.",),
    "colonel": ("col.",),
    "lieutenant": ("lt.",),
    "doctor": ("dr.",),
    "professor": ("prof.",),
}
TITLES = words(
    "mr mrs ms dr gen gov sen rep lt col maj capt sgt prof president minister governor mayor "
    "general colonel secretary chancellor king queen prince sheikh ayatollah judge senator "
    "councillor councilor commander chief spokesman spokeswoman leader"
)
SENTENCE_CUES = (
    "condition of anonymity",
    "requested anonymity",
    "not authorized",
    "not authorised",
    "not to be named",
    "not to be identified",
    "declined to be named",
    "speaking anonymously",
    "on background",
)
PHRASE_CUES = ("familiar with", "briefed on", "close to", "unnamed", "anonymous")
_TERMS = re.compile(r"anonym|authori[sz]|named|identified|background")
_LEFT_DEPS = words("det amod compound nmod poss nummod quantmod predet case")
_RIGHT_SKIP = words("appos relcl punct cc conj advcl parataxis")
_DEFINITE = words("the this that these those")
# Institutions that "the" names on its own: "the military said" is no description.
UNIQUE_INSTITUTIONS = words(
    "military army police government navy parliament cabinet presidency opposition judiciary "
    "treasury administration senate congress prosecution kremlin"
)
_CHANNEL_IN = words(
    "statement interview email e-mail video post letter speech briefing conference note message "
    "tweet broadcast podcast documentary op-ed column release remarks testimony"
)
_CHANNEL_ON = words(
    "tv television radio twitter x facebook telegram instagram tiktok youtube website air "
    "channel blog social media"
)
_TELL = words("tell tells told telling")


class EntityIndex:
    """Entities looked up by position (the user's corrections included)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self.entities = sorted(entities)
        self._starts = [e.start for e in self.entities]

    def between(self, start: int, end: int) -> list[Entity]:
        """The entities starting in [start, end), in order."""
        return self.entities[bisect_left(self._starts, start) : bisect_left(self._starts, end)]

    def at(self, pos: int) -> Entity | None:
        """The entity covering code point `pos`, if any."""
        i = bisect_right(self._starts, pos) - 1
        for entity in self.entities[max(0, i - 3) : i + 1][::-1]:  # entities hardly overlap
            if entity.start <= pos < entity.end:
                return entity
        return None


@dataclass(frozen=True)
class Phrase:
    """The tokens that name a source: first and last token, head, and an appositive name."""

    first: Token
    last: Token
    head: Token
    name: Token | None = None


def span_of(first: Token, last: Token, offset: int, body: str) -> SpanText:
    """Body span from the first to the last token of a paragraph doc at `offset`."""
    start = offset + first.idx
    end = offset + last.idx + len(last.text)
    return SpanText(start, end, body[start:end])


def source_phrase(head: Token) -> Phrase:
    """The phrase around a source's head token: titles and modifiers, 'for'/'in' phrases."""
    first = min((c.left_edge for c in head.lefts if c.dep_ in _LEFT_DEPS), key=_i, default=head)
    last = head
    name = None
    if head.pos_ != "PROPN":
        for child in head.rights:
            if _modifies(child):
                last = max(last, phrase_end(child), key=_i)
            elif child.dep_ == "appos" and _a_name(child) and name is None:
                name = child
                last = max(last, phrase_end(child), key=_i)
    return Phrase(first, last, head, name)


def _a_name(token: Token) -> bool:
    """True for a proper name ("Pennine Trains", even when the model tags "Trains" a noun)."""
    if token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG"):
        return True
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)


def _modifies(child: Token) -> bool:
    """True for what belongs to a common-noun source: 'for X', 'familiar with', 'briefed on'."""
    if child.dep_ == "prep":
        return child.lower_ != "according"
    return child.dep_ == "amod" or (child.dep_ == "acl" and child.tag_ == "VBN")


def _i(token: Token) -> int:
    """The token's index (sort key)."""
    return token.i


def phrase_end(token: Token) -> Token:
    """Last token of a phrase's subtree, leaving out appositions, relative clauses and commas."""
    last = token
    for child in token.rights:
        if child.dep_ not in _RIGHT_SKIP:
            last = max(last, phrase_end(child), key=_i)
    return last


def source_type(phrase: Phrase, entities: EntityIndex, offset: int) -> str:
    """The type of a source phrase (before any resolution)."""
    head = phrase.head
    if head.lower_ in PRONOUNS:
        return "pronoun"
    if phrase.name is not None:
        return _appos_type(phrase, entities, offset)
    found = _entity_type(head, entities, offset)
    if found == "outlet" or _news_phrase(phrase):
        return "outlet"
    if found == "person" and head.lower_ in INSTITUTION_NOUNS:
        found = "institution"  # "The defence ministry" tagged as a person
    before = _noun_before_name(phrase)
    if before is not None:  # "Gulf carrier Sahra Air", "regional governor Pavel Ermolov"
        return _noun_kind(before.lower_)
    if _titled(phrase):  # "Councillor Sanne Mulder", "Gen. Viktor Sokolenko"
        return "person"
    if found:
        return found
    if head.pos_ == "PROPN":
        return _proper_type(phrase)
    return _common_type(phrase)


def _appos_type(phrase: Phrase, entities: EntityIndex, offset: int) -> str:
    """'The port operator, Mersey Freight Holdings' is an institution; 'her lawyer, X' a person."""
    assert phrase.name is not None
    if phrase.head.lower_ in INSTITUTION_NOUNS or phrase.head.lower_ in OUTLET_NOUNS:
        return _noun_kind(phrase.head.lower_)
    if _entity_type(phrase.name, entities, offset) == "outlet":
        return "outlet"
    before = _noun_before_name(Phrase(phrase.name.left_edge, phrase.name, phrase.name))
    return _noun_kind(before.lower_) if before is not None else "person"


def _noun_kind(word: str) -> str:
    """Type named by a common noun before a name: institution, outlet, else a person's role."""
    if word in INSTITUTION_NOUNS:
        return "institution"
    return "outlet" if word in OUTLET_NOUNS else "person"


def _titled(phrase: Phrase) -> bool:
    """True when a title ('Gen.', 'Mayor', 'Prime Minister') stands before a proper name."""
    head = phrase.head
    if head.pos_ != "PROPN":
        return False
    words = head.doc[phrase.first.i : _name_start(head)]
    return any(t.lower_.rstrip(".") in TITLES for t in words) or (
        _name_start(head) < head.i and head.doc[_name_start(head)].lower_.rstrip(".") in TITLES
    )


def _news_phrase(phrase: Phrase) -> bool:
    """True for 'the RIA news agency', 'the state news service'."""
    words = [t.lower_ for t in phrase.head.doc[phrase.first.i : phrase.head.i + 1]]
    return "news" in words[:-1] and words[-1] in ("agency", "service", "network", "site", "wire")


def _noun_before_name(phrase: Phrase) -> Token | None:
    """The lower-case common noun right before the proper name the phrase ends in, if any."""
    head = phrase.head
    if head.pos_ != "PROPN":
        return None
    start = _name_start(head)
    if start - 1 < phrase.first.i:
        return None
    token = head.doc[start - 1]
    return token if token.pos_ == "NOUN" and token.is_lower else None


def _name_start(head: Token) -> int:
    """Index of the first token of the proper name ending at `head`."""
    i = head.i
    while i > 0 and head.doc[i - 1].pos_ == "PROPN":
        i -= 1
    return i


def _entity_type(token: Token, entities: EntityIndex, offset: int) -> str:
    """Source type from the entity covering the token; '' when none applies."""
    entity = entities.at(offset + token.idx)
    if entity is None:
        return ""
    if entity.label == "ORG" and token.lower_ in OUTLET_NOUNS:
        return "outlet"
    types = {"PERSON": "person", "ORG": "institution", "OUTLET": "outlet", "PLACE": "institution"}
    return types.get(entity.label, "")


def _proper_type(phrase: Phrase) -> str:
    """A capitalised name the model left untyped: institution by its words, else a person."""
    words = {t.lower_ for t in phrase.head.doc[phrase.first.i : phrase.last.i + 1]}
    if words & INSTITUTION_NOUNS:
        return "institution"
    if words & OUTLET_NOUNS:
        return "outlet"
    return "person"


def _common_type(phrase: Phrase) -> str:
    """A common-noun source: outlet, institution, description or vague/anonymous."""
    head = phrase.head
    word = head.lower_
    if word in OUTLET_NOUNS:
        return "outlet"
    dets = {c.lower_ for c in head.lefts if c.dep_ in ("det", "predet")}
    possessed = any(c.dep_ == "poss" for c in head.lefts)
    modified = any(c.dep_ in ("amod", "compound", "nmod") for c in head.lefts)
    by_pronoun = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.lefts)
    if word in INSTITUTION_NOUNS:
        unique = not modified and not possessed and word not in UNIQUE_INSTITUTIONS
        return "description" if (dets & _DEFINITE and unique) or by_pronoun else "institution"
    if (dets & _DEFINITE or possessed) and head.tag_ == "NN":
        return "description"  # "the spokesman", "his lawyer", "the factory's owner"
    return "anonymous"


def is_anonymous(phrase: Phrase, kind: str, sentence: str, cues: Sequence[str] = ()) -> bool:
    """True for vague sources, and for unnamed ones the phrase or sentence says are anonymous.

    `cues` are the anonymity phrases of the lexicon ("familiar with", "police sources"); those
    about the terms of anonymity ("not authorized to") count anywhere in the sentence.
    """
    if kind == "anonymous":
        return True
    if kind in ("person", "outlet"):
        return False
    doc = phrase.head.doc
    text = f" {doc[phrase.first.i : phrase.last.i + 1].text.lower()} "
    if any(f" {cue} " in text for cue in (*PHRASE_CUES, *cues)):
        return True
    terms = (*SENTENCE_CUES, *(c for c in cues if _TERMS.search(c)))
    return any(cue in sentence.lower() for cue in terms)


def channel_of(verb: Token) -> str:
    """How the statement was made: 'told The AP' -> 'The AP', 'in a statement', 'on state TV'."""
    for child in verb.children:
        told = child.dep_ in ("dobj", "dative") and verb.lower_ in _TELL
        if told and child.lower_ not in PRONOUNS and child.pos_ != "PRON":
            return _np_text(child)
        if child.dep_ == "prep":
            found = _prep_channel(child)
            if found:
                return found
    return ""


def _prep_channel(prep: Token) -> str:
    """'in a statement', 'on state TV', 'in an interview with X', 'to reporters'."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if not objects:
        return ""
    noun = objects[0]
    word = noun.lower_
    if word in {"in": _CHANNEL_IN, "on": _CHANNEL_ON}.get(prep.lower_, ()):
        last = noun
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ == "with":
                last = phrase_end(child)
        return prep.doc[prep.i : last.i + 1].text
    if prep.lower_ == "to" and noun.tag_ in ("NNS", "NNP", "NNPS"):
        return _np_text(noun)
    return ""


def _np_text(token: Token) -> str:
    """Text of a noun phrase without appositions and trailing clauses."""
    phrase = source_phrase(token)
    entity_end = token.i
    while entity_end + 1 < len(token.doc) and token.doc[entity_end + 1].ent_iob_ == "I":
        entity_end += 1
    last = max(phrase.last.i, entity_end if token.ent_type_ else token.i)
    return token.doc[phrase.first.i : last + 1].text


def source_from(
    phrase: Phrase,
    entities: EntityIndex,
    offset: int,
    body: str,
    channel: str = "",
    cues: Sequence[str] = (),
) -> Source:
    """An unresolved Source for a phrase: span, type, anonymity flag and channel."""
    kind = source_type(phrase, entities, offset)
    span = _with_entity(span_of(phrase.first, phrase.last, offset, body), phrase, entities, offset)
    anonymous = is_anonymous(phrase, kind, phrase.head.sent.text, cues)
    if anonymous and kind in ("description", "unknown"):
        kind = "anonymous"
    resolved = ""
    if phrase.name is not None:
        resolved = name_of(phrase.name, entities, offset, body)
    return Source(span, kind, resolved, anonymous, channel, kind in ("pronoun", "description"))


def _with_entity(span: SpanText, phrase: Phrase, entities: EntityIndex, offset: int) -> SpanText:
    """The span grown to the entity its head is part of ('Ministry' -> 'Ministry of Defense')."""
    entity = entities.at(offset + phrase.head.idx)
    if entity is None or entity.end <= span.end:
        return span
    return SpanText(span.start, entity.end, span.text + entity.text[span.end - entity.start :])


def name_of(token: Token, entities: EntityIndex, offset: int, body: str) -> str:
    """The name a token is part of: its entity's text, else its compound phrase."""
    entity = entities.at(offset + token.idx)
    if entity is not None:
        return entity.text
    first = min((c.left_edge for c in token.lefts if c.dep_ == "compound"), key=_i, default=token)
    return span_of(first, token, offset, body).text
