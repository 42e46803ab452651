"""Sources across the library: each source once, its mentions in every article merged by key.

A mention's key is its resolved name or alias group, normalised (rows keep it as name_key);
a mention without one goes under its words ("a port official"). Named keys whose words all
appear in a longer named key join it ("stahl" joins "elin stahl"), as in one article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from gui.core.tracing.wording import name_words, normalised

NAMED = frozenset({"person", "institution", "outlet"})


@dataclass(frozen=True)
class SourceMention:
    """A source as articles of one outlet name them: their key, what they said there.

    One article's source, or (from the rows) every article of one outlet naming them alike.
    """

    articles: tuple[int, ...]
    outlet: str
    name: str
    name_key: str
    type: str
    anonymous: int = 0  # in how many of the articles the source is anonymous
    statements: int = 0
    relayed: int = 0


@dataclass(frozen=True)
class LibrarySource:
    """One source across the library, with every article and outlet that quotes them."""

    key: str
    name: str
    aliases: tuple[str, ...]
    type: str
    articles: tuple[int, ...]
    outlets: tuple[str, ...]
    statements: int
    relayed: int
    anonymous: int  # in how many articles the source is anonymous
    grade: str = ""  # the trainer's Admiralty grade (A-F), '' when not graded
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The source in the command line's shape."""
        return {
            "key": self.key,
            "name": self.name,
            "aliases": list(self.aliases),
            "type": self.type,
            "articles": list(self.articles),
            "outlets": list(self.outlets),
            "statements": self.statements,
            "relayed": self.relayed,
            "anonymous": self.anonymous,
            "grade": self.grade,
            "note": self.note,
        }


def mention_key(mention: SourceMention) -> str:
    """The key a mention is merged under: its own, else its words."""
    return mention.name_key or normalised(mention.name)


def merge_sources(mentions: Iterable[SourceMention]) -> list[LibrarySource]:
    """Every source once, most statements first, then by name."""
    keyed: dict[str, list[SourceMention]] = {}
    for mention in mentions:
        keyed.setdefault(mention_key(mention), []).append(mention)
    merged = _merge_short_keys(keyed)
    found = [_source(key, items) for key, items in merged.items() if key]
    return sorted(found, key=lambda s: (-s.statements, s.name.casefold()))


def _merge_short_keys(keyed: dict[str, list[SourceMention]]) -> dict[str, list[SourceMention]]:
    """Named keys whose words all appear in a longer named key go under that key."""
    named = [k for k, items in keyed.items() if _type(items) in NAMED and k]
    merged = dict(keyed)
    for key in sorted(named, key=lambda k: len(name_words(k))):
        words = name_words(key)
        longer = [k for k in named if k in merged and k != key and words < name_words(k)]
        if words and longer:
            target = max(longer, key=lambda k: (len(merged[k]), k))
            merged[target] = merged[target] + merged.pop(key)
    return merged


def _type(items: Sequence[SourceMention]) -> str:
    """The most frequent type that names the source, else the most frequent type."""
    counts = Counter(m.type for m in items)
    named = [(n, t) for t, n in counts.items() if t in NAMED]
    pool = named or [(n, t) for t, n in counts.items()]
    return max(pool, key=lambda pair: (pair[0], pair[1]))[1]


def _source(key: str, items: Sequence[SourceMention]) -> LibrarySource:
    """The library source of one key's mentions."""
    names: Counter[str] = Counter()
    for m in items:
        names[" ".join(m.name.split())] += len(m.articles)
    name = max(names, key=lambda n: (len(name_words(n)), names[n], n))
    return LibrarySource(
        key=key,
        name=name,
        aliases=tuple(sorted(n for n in names if n != name)),
        type=_type(items),
        articles=tuple(sorted({a for m in items for a in m.articles})),
        outlets=tuple(sorted({m.outlet for m in items if m.outlet})),
        statements=sum(m.statements for m in items),
        relayed=sum(m.relayed for m in items),
        anonymous=sum(m.anonymous for m in items),
    )
