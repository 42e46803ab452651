"""Role phrases of people: titles before a name and appositions after it, read from the parse.

"U.S. Secretary of Defense Ashton Carter" gives "Secretary of Defense" (the country is not part
of the role); "Saad al-Hadithi, Iraq's prime minister" gives "prime minister"; "Gen. Qassem
Soleimani, the head of the elite Quds forces in Iran's Revolutionary Guard" gives "Gen." and
"head of the elite Quds forces".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gui.core.sourcing.doc_text import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

# Words that open a name as a title when the model put them inside the PERSON entity.
TITLE_WORDS = frozenset(
    [
        "president",
        "gen.",
        "general",
        "prime",
        "minister",
        "secretary",
        "sen.",
        "senator",
        "rep.",
        "gov.",
        "governor",
        "mayor",
        "dr.",
        "col.",
        "lt.",
        "maj.",
        "capt.",
        "adm.",
        "sgt.",
        "king",
        "queen",
        "prince",
        "sheikh",
        "ayatollah",
        "pope",
        "judge",
        "chancellor",
        "premier",
        "ambassador",
        "commander",
        "chief",
    ]
)
_PLACE_LABELS = frozenset({"GPE", "NORP", "LOC"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_ROLE_PREPS = frozenset({"of", "for"})
_CORE_DEPS = frozenset({"det", "amod", "compound", "nmod", "poss", "case"})
_MAX_TITLE_TOKENS = 6


@dataclass(frozen=True)
class RolePhrase:
    """A role given to a person, with its character range in the doc."""

    text: str
    start: int
    end: int


def person_roles(mention: SpacySpan) -> Iterator[RolePhrase]:
    """Every role the parse gives the person named by `mention`."""
    yield from _inner_title(mention)
    yield from _title(mention)
    yield from _appositions(mention)


def _inner_title(mention: SpacySpan) -> Iterator[RolePhrase]:
    """A title the model swallowed into the name ("President Bashar al-Assad")."""
    tokens = [t for t in mention if t.i < mention.root.i]
    titles = []
    for token in tokens:
        if token.lower_ not in TITLE_WORDS:
            break
        titles.append(token)
    if titles and len(titles) < len(mention):
        yield _phrase(titles[0], titles[-1])


def _title(mention: SpacySpan) -> Iterator[RolePhrase]:
    """Words before the name that depend on it ("Secretary of Defense", "Gen.")."""
    doc, root = mention.doc, mention.root
    first = root.left_edge.i
    tokens = list(doc[first : mention.start])
    while tokens and _skipped_before_title(tokens[0]):
        tokens.pop(0)
    if not tokens or len(tokens) > _MAX_TITLE_TOKENS or not _is_title_start(tokens[0]):
        return
    if any(t.is_punct and t.text not in ".-" for t in tokens):
        return
    yield _phrase(tokens[0], tokens[-1])


def _skipped_before_title(token: Token) -> bool:
    """Determiners, possessives and places that come before a title ("the U.S.", "Iraq's")."""
    return token.ent_type_ in _PLACE_LABELS or token.dep_ in ("det", "case", "poss")


def _is_title_start(token: Token) -> bool:
    """A title opens with a capital letter or a known title word ("former", "police")."""
    return token.pos_ in ("PROPN", "NOUN", "ADJ") and not token.like_num


def _appositions(mention: SpacySpan) -> Iterator[RolePhrase]:
    """Noun phrases in apposition to the name, in either order."""
    root = mention.root
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            yield role_of_noun(child)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < mention.start:
        yield role_of_noun(root.head)


def role_of_noun(noun: Token) -> RolePhrase:
    """The role a noun names: its modifiers, the noun, and an "of"/"for" phrase.

    "Iraq's prime minister" -> "prime minister"; "the head of the elite Quds forces in
    Iran's Revolutionary Guard" -> "head of the elite Quds forces".
    """
    first = noun
    for child in noun.lefts:
        if child.dep_ in _MODIFIER_DEPS and not _skipped_modifier(child):
            first = min(first, child.left_edge, key=lambda t: t.i)
            break
    last = noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _ROLE_PREPS:
            last = _object_end(child) or last
            break
    return _phrase(first, last)


def _skipped_modifier(token: Token) -> bool:
    """Modifiers that are not part of a role: places, possessives, ages ("24-year-old")."""
    return token.ent_type_ in _PLACE_LABELS or any(c.isdigit() for c in token.text)


def _object_end(preposition: Token) -> Token | None:
    """Last token of the object of a preposition, without the object's own phrases."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    if not objects:
        return None
    return objects[0]


def _phrase(first: Token, last: Token) -> RolePhrase:
    """The role phrase running from `first` to `last`."""
    doc = first.doc
    text = doc_text(doc)[first.idx : last.idx + len(last.text)]
    return RolePhrase(" ".join(text.split()), first.idx, last.idx + len(last.text))
