"""The keys that find the same source or the same quote across articles: one normaliser.

The finding rows (gui.core.storage.finding_rows_sync) store them and every reader of the rows
looks them up with them, so "Interior Minister’s office" in one article and "interior
minister's office" in another are one key. Both fold case and diacritics, drop apostrophes,
read any other punctuation as a space, and collapse whitespace.
"""

from __future__ import annotations

import unicodedata

_APOSTROPHES = frozenset("'\u2019\u02bc\u2018`\u00b4")


class _Folding(dict):
    """str.translate's table, filled as characters are first met: a character becomes itself,
    nothing (a combining mark, an apostrophe) or a space (punctuation, symbols, controls)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in _APOSTROPHES or unicodedata.combining(ch):
            folded = ""
        else:
            folded = " " if unicodedata.category(ch)[0] in "PSZC" else ch
        self[code] = folded
        return folded


_FOLDING = _Folding()


def _folded(text: str) -> str:
    """text casefolded, without diacritics or apostrophes, punctuation as spaces, one space."""
    decomposed = text.casefold()
    if not decomposed.isascii():
        decomposed = unicodedata.normalize("NFKD", decomposed)
    return " ".join(decomposed.translate(_FOLDING).split())


def quote_key(text: str) -> str:
    """The normalised text of a quote: "“We will NOT leave,” he said" → "we will not leave he
    said"."""
    return _folded(text)


def name_key(text: str) -> str:
    """The key of a source's name: "Al-Amari’s office" → "al amaris office"; "" for no name.

    A leading "the" is dropped, so "the Interior Ministry" and "Interior Ministry" are one.
    """
    folded = _folded(text)
    return folded[4:] if folded.startswith("the ") else folded
