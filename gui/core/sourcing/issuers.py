"""Who issued a document a statement is attributed to: "a statement from X", "X's figures".

"According to a statement released Thursday evening" names no one, but the sentence often
does ("Meridian ... is recalling, according to a statement released Thursday"); "estimates
from the Central Statistics Office" name a named institution, not an anonymous source. The
issuer becomes the source, the document its channel. Documents also "say", "show" and
"suggest": with a document as subject those verbs are verbs of saying.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.core.sourcing.sources import words

if TYPE_CHECKING:
    from spacy.tokens import Token

DOCUMENT_NOUNS = words(
    "statement statements report reports estimate estimates figure figures data memo release "
    "communique communiqué study survey letter filing records document documents analysis "
    "poll census tally assessment projection projections forecast audit"
)
DOCUMENT_VERBS = words("show shows showed shown suggest suggests suggested suggesting find found")
TOLL_VERBS = words("put puts putting")  # "the ministry put the toll at 18"
TOLL_NOUNS = words("toll figure number count cost losses")
_ISSUER_PREPS = frozenset({"from", "by", "of"})
_NAMED_LABELS = frozenset({"ORG", "PERSON", "NORP", "GPE"})


def issuer_of(noun: Token) -> Token | None:
    """The head of who issued a document noun, in its own phrase, else None."""
    if noun.lower_ not in DOCUMENT_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS:
            found = _object(child)
            if found is not None:
                return found
        if child.dep_ == "acl":  # "a statement released Friday by its malaria programme"
            for agent in (c for c in child.children if c.dep_ in ("agent", "prep")):
                if agent.lower_ == "by":
                    return _object(agent)
    return None


def sentence_issuer(noun: Token) -> Token | None:
    """For a document naming no issuer, the named subject of its sentence ("Meridian ... is")."""
    if noun.lower_ not in DOCUMENT_NOUNS:
        return None
    for token in noun.sent:
        if token.dep_ in ("nsubj", "nsubjpass") and _named(token) and token.i < noun.i:
            return token
    return None


def document_subject(verb: Token) -> bool:
    """True for 'estimates ... suggest', 'figures showed': a document is the subject."""
    if verb.lower_ not in DOCUMENT_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in DOCUMENT_NOUNS for c in verb.children)


def toll_object(verb: Token) -> Token | None:
    """The object of 'put the toll at 18 dead', else None."""
    if verb.lower_ not in TOLL_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in TOLL_NOUNS), None)


def document_name(noun: Token) -> str:
    """ "a statement", "estimates": the document an issuer's words came in."""
    dets = [c for c in noun.lefts if c.dep_ == "det"]
    return f"{dets[0].text} {noun.text}" if dets else noun.text


def _object(prep: Token) -> Token | None:
    """The object of a preposition, if any."""
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _named(token: Token) -> bool:
    """True for a proper name or a named entity."""
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED_LABELS
