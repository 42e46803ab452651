"""Relays through interviews: "told the Harbor Ledger", "in an interview with the Fairview Times".

An outlet that was told something and published it passes it on, as "reports Al Jazeera"
does; the article's own outlet does not (its reporter was told). The chain then reads
article <- Harbor Ledger <- official.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from gui.core.entities.outlets import looks_like_outlet_name
from gui.core.sourcing.model import Attribution
from gui.core.sourcing.sources import OUTLET_NOUNS

_WORD = re.compile(r"[^\W_]+")
_SKIP = frozenset({"the", "a", "an", "s"})


def outlet_words(name: str) -> frozenset[str]:
    """The words that tell outlets apart: no articles, no parenthesised abbreviation."""
    name = re.sub(r"\([^)]*\)", " ", name)
    return frozenset(w for w in _WORD.findall(name.casefold()) if w not in _SKIP)


def without_article(name: str) -> str:
    """An outlet's name without a leading article ("the Harbor Ledger" -> "Harbor Ledger")."""
    return name[4:] if name.lower().startswith("the ") else name


def same_outlet(name: str, other: str) -> bool:
    """True when two names name one outlet ("the Courier", "The Northern Courier")."""
    a, b = outlet_words(name), outlet_words(other)
    return bool(a and b) and (a <= b or b <= a)


def names_outlet(text: str, kind: str) -> bool:
    """True when a recipient's words name an outlet ("Channel 9 News", "state radio")."""
    if kind == "outlet" or looks_like_outlet_name(text.strip()):
        return True
    words = text.casefold().split()
    return bool(words) and words[-1] in OUTLET_NOUNS


def relays(recipient: str, kind: str, own: str) -> bool:
    """True when telling this recipient makes it a relay: an outlet not the article's own."""
    return names_outlet(recipient, kind) and not (own and same_outlet(recipient, own))


def nest_relays(attributions: Sequence[Attribution]) -> list[Attribution]:
    """ "X said ..., the newspaper reported": the outlet relays X's statement, says nothing itself.

    An outlet's indirect report (a relay verb, or "according to" it) whose content holds the
    cue of another indirect statement becomes that statement's outermost relay.
    """
    found = list(attributions)
    dropped: set[int] = set()
    for i, outer in enumerate(found):
        if not _relaying(outer):
            continue
        for j, inner in enumerate(found):
            cue = inner.cue
            if j == i or j in dropped or inner.quote_marks or cue is None:
                continue
            if outer.content.start <= cue.start < outer.content.end and inner.source.span:
                found[j] = replace(inner, via=(outer.source, *inner.via))
                dropped.add(i)
    return [a for k, a in enumerate(found) if k not in dropped]


def _relaying(attribution: Attribution) -> bool:
    """True for an outlet's own indirect report: "the newspaper reported", "according to X"."""
    if attribution.quote_marks or attribution.source.type != "outlet":
        return False
    return attribution.kind == "according_to" or attribution.verb_class == "relay"
