"""How two versions of a statement compare: similarity, speaker agreement, word differences.

Similarity is rapidfuzz's over the normalised words (casefolded, punctuation gone), so that
quotation marks, capitals and dashes never count as a change. A version matches another when
most of the shorter one's words are in the longer one (token-set ratio), so that a shortened
quote still matches; the similarity shown is the plain ratio of the two word strings, so that
a shortened quote shows less than 1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from gui.core.sourcing.numbers_words import stem
from gui.core.tracing.model import (
    ADDED,
    CHANGED,
    KEPT,
    PARAPHRASED,
    REMOVED,
    SAME,
    SHORTENED,
    Appearance,
    WordMark,
)

MATCH = 0.6  # token-set similarity from which two versions may be one statement
MIN_SHARED = 3  # words two versions must share (fewer only when one is that short)
CHANGED_BAR = 0.6  # word-sequence ratio from which a rewording is "changed", not "paraphrased"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words that say little about which statement a text is: they never make two versions match.
_FUNCTION_TEXT = """
a an the and or but if of in on at to for from by with as into onto about than then that this
these those there here it its we us our you your he him his she her they them their i me my is
are was were be been being am has have had do does did will would shall should can could may
might must not no so all every each any some up out over very just said says say
"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def words(text: str) -> list[str]:
    """The words of a text as written (apostrophes inside words kept)."""
    return _WORD.findall(text)


def word_keys(text: str) -> list[str]:
    """The words of a text casefolded, curly apostrophes made straight."""
    return list(_word_keys(text))


@lru_cache(maxsize=65536)
def _word_keys(text: str) -> tuple[str, ...]:
    """word_keys, kept for the texts a trace compares again and again."""
    return tuple(w.casefold().replace("’", "'") for w in words(text))


@lru_cache(maxsize=65536)
def normalised(text: str) -> str:
    """The text as compared: casefolded words joined by single spaces."""
    return " ".join(word_keys(text))


def is_content_word(word: str) -> bool:
    """True for a casefolded word that carries meaning (not "the", "will", "said")."""
    return word not in FUNCTION_WORDS and len(word) > 1


@lru_cache(maxsize=65536)
def content_words(text: str) -> frozenset[str]:
    """The stems of the words that carry meaning ("containers" and "container" are one)."""
    return frozenset(stem(w) for w in word_keys(text) if w not in FUNCTION_WORDS)


def match_score(text: str, other: str) -> float:
    """0..1: how far one version holds the other's words (1 for a shortened quote).

    0 unless they share MIN_SHARED content words (all of them, for a version that has fewer)
    and at least half of the shorter version's: "the harbour will" is no statement.
    """
    a, b = content_words(text), content_words(other)
    shared, fewer = len(a & b), min(len(a), len(b))
    if not shared or shared < min(MIN_SHARED, fewer) or shared < fewer / 2:
        return 0.0
    return fuzz.token_set_ratio(normalised(text), normalised(other)) / 100


def similarity(text: str, other: str) -> float:
    """0..1: the similarity of the two word strings (1 only for the same words in order)."""
    return fuzz.ratio(normalised(text), normalised(other)) / 100


@lru_cache(maxsize=65536)
def name_words(key: str) -> frozenset[str]:
    """The words of a name key."""
    return frozenset(word_keys(key))


def same_speaker(a: Appearance, b: Appearance) -> bool:
    """True unless both name their speaker and the names differ.

    A key whose words all appear in the other's is the same source ("stahl", "elin stahl");
    an anonymous or unresolved speaker (no key) never disagrees.
    """
    ka, kb = name_words(a.speaker_key), name_words(b.speaker_key)
    return not ka or not kb or ka <= kb or kb <= ka


def compare(earliest: str, version: str) -> tuple[str, tuple[WordMark, ...]]:
    """How version differs from the earliest: its change and its words marked one by one."""
    ref, new = words(earliest), words(version)
    ref_keys, new_keys = word_keys(earliest), word_keys(version)
    matcher = SequenceMatcher(None, ref_keys, new_keys, autojunk=False)
    marks: list[WordMark] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            marks += [WordMark(w, KEPT) for w in new[j1:j2]]
            continue
        marks += [WordMark(w, REMOVED) for w in ref[i1:i2]]
        marks += [WordMark(w, ADDED) for w in new[j1:j2]]
    return _change(ref_keys, new_keys, matcher), tuple(marks)


def _change(ref: Sequence[str], new: Sequence[str], matcher: SequenceMatcher) -> str:
    """same, shortened (words only left out), changed (mostly kept) or paraphrased."""
    if list(ref) == list(new):
        return SAME
    ops = {op for op, *_ in matcher.get_opcodes()}
    if ops <= {"equal", "delete"}:
        return SHORTENED
    return CHANGED if matcher.ratio() >= CHANGED_BAR else PARAPHRASED
