"""Word-level helpers of the numeric claims: values of figures, word stems, event families.

The pipeline runs without spaCy's lemmatizer, so the stems here are rough on purpose: they
only need to give "killed", "killing" and "kills" one key, and the families then join words
of close meaning ("killed", "dead", "died"; "civilians", "people") into one group.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_UNITS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    word: 10 * (i + 2)
    for i, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MULTIPLIERS = {"hundred": 100, "dozen": 12, "score": 20}
# Plural round numbers name no value ("hundreds of people").
_VAGUE = frozenset(["tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions"])
_GLUE = frozenset({"a", "an", "and"})
_PIECES = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+")

_IRREGULAR_STEMS = {
    "died": "die",
    "dying": "die",
    "dead": "die",
    "slain": "slay",
    "fled": "flee",
    "took": "take",
    "taken": "take",
    "retook": "retake",
    "retaken": "retake",
    "shot": "shoot",
    "struck": "strike",
    "fought": "fight",
    "held": "hold",
    "lost": "lose",
    "left": "leave",
    "bodies": "body",
}
_EVENT_FAMILIES = {
    "kill": "kill killed dead death die slay murder massacre execute execution fatality "
    "fatalities toll casualties body",
    "injure": "injure injured wound wounded injury injuries hurt",
    "flee": "flee displace displaced evacuate evacuated refugee refugees escape",
    "detain": "arrest arrested detain detained detention prisoner prisoners hostage hostages "
    "abduct abducted kidnap kidnapped",
    "strike": "airstrike airstrikes strike bomb bombed bombing shell shelled raid raids",
}
_COUNTED_FAMILIES = {
    "people": "people persons civilians residents inhabitants villagers men women children "
    "citizens victims",
    "combatants": "soldiers troops fighters militants rebels insurgents jihadists militiamen "
    "loyalists forces gunmen",
}


def parse_value(text: str) -> float | None:
    """The value of a figure: "400" -> 400, "12 miles" -> 12, "$3.5 million" -> 3500000,
    "twenty-five" -> 25, "nearly a dozen" -> 12; "hundreds" and other vague figures -> None."""
    total, current, seen = 0.0, 0.0, False
    for piece in _PIECES.findall(text.lower()):
        if piece in _VAGUE:
            return None
        number = _number(piece)
        if number is not None:
            current, seen = current + number, True
        elif piece in _MULTIPLIERS:
            current, seen = (current or 1) * _MULTIPLIERS[piece], True
        elif piece in _SCALES:
            total, current, seen = total + (current or 1) * _SCALES[piece], 0.0, True
        elif seen and piece not in _GLUE:
            break
    return total + current if seen else None


def is_number_word(word: str) -> bool:
    """True for "hundreds", "dozen", "million" and other words that are figures."""
    word = word.lower()
    return word in _VAGUE or word in _MULTIPLIERS or word in _SCALES


def _number(piece: str) -> float | None:
    """Value of a digit string ("3,000", "3.5") or a number word below a hundred."""
    if piece[0].isdigit():
        return float(piece.replace(",", ""))
    return _UNITS.get(piece, _TENS.get(piece))


def stem(word: str) -> str:
    """A rough stem: "killed", "killing", "kills" -> "kill"; "died", "dead" -> "die"."""
    word = word.lower().strip()
    if word in _IRREGULAR_STEMS:
        return _IRREGULAR_STEMS[word]
    if len(word) > 4 and word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s", "e"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return _undoubled(word[: -len(suffix)])
    return word


def _undoubled(word: str) -> str:
    """'stopp' -> 'stop'; 'kill' stays."""
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsfzaeiou":
        return word[:-1]
    return word


def _families(table: dict[str, str]) -> dict[str, str]:
    """Stem of every listed word -> its family name."""
    return {stem(word): family for family, words in table.items() for word in words.split()}


_EVENT_STEMS = _families(_EVENT_FAMILIES)
_COUNTED_STEMS = _families(_COUNTED_FAMILIES)


def event_family(text: str) -> str:
    """The event family of any word of `text` ("killed" -> "kill", "death toll" -> "kill")."""
    return _family(text, _EVENT_STEMS)


def counted_family(text: str) -> str:
    """The family of what is counted ("civilians" -> "people"), '' if unknown."""
    return _family(text, _COUNTED_STEMS)


def _family(text: str, stems: dict[str, str]) -> str:
    """The family of the first word of `text` that has one."""
    for word in re.findall(r"[a-z]+", text.lower()):
        family = stems.get(stem(word))
        if family:
            return family
    return ""


def noun_phrase(noun: Token) -> str:
    """A noun with the compound nouns before it ("death toll", "police officers")."""
    first = noun
    while True:
        compounds = [c for c in first.lefts if c.dep_ == "compound" and c.i == first.i - 1]
        if not compounds:
            break
        first = compounds[0]
    return noun.doc[first.i : noun.i + 1].text


def resolve_pronoun(pronoun: Token) -> str:
    """The plural noun a pronoun ("them") most likely stands for, in the same sentence."""
    for token in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
        if token.tag_ in ("NNS", "NNPS") and token.lower_ not in _VAGUE and not token.like_num:
            return _with_conjuncts(token)
    return ""


def _with_conjuncts(noun: Token) -> str:
    """ "troops and loyalists" for "loyalists" conjoined to "troops"."""
    first = noun
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN") and first.head.i < first.i:
        first = first.head
    if first.i == noun.i:
        return noun_phrase(noun)
    return noun.doc[first.i : noun.i + 1].text
