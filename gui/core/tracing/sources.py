"""Sources across the library: each source once, its mentions in every article merged by key.

A mention's key is its resolved name or alias group, normalised (rows keep it as name_key);
a mention without one goes under its words ("a port official"). Named keys whose words all
appear in a longer named key join it ("stahl" joins "elin stahl"), as in one article.
The list holds counts; the articles that quote one source are asked for when it is chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from gui.core.tracing.wording import normalised

NAMED = frozenset({"person", "institution", "outlet"})


@dataclass(frozen=True)
class SourceMention:
    """A source as articles name them alike: key, name, type, and what they said there.

    One article's source, or (from the rows) every article naming them so, summed up.
    """

    name: str
    name_key: str
    type: str
    articles: int = 1  # how many articles name the source so
    anonymous: int = 0  # in how many of them the source is anonymous
    statements: int = 0
    relayed: int = 0


@dataclass(frozen=True)
class LibrarySource:
    """One source across the library: its names, type, and how often it is quoted."""

    key: str
    name: str
    aliases: tuple[str, ...]
    type: str
    articles: int  # how many articles quote the source (or pass on through it)
    statements: int
    relayed: int
    anonymous: int  # in how many articles the source is anonymous
    keys: tuple[str, ...] = ()  # every key merged into this source (its alias group)
    grade: str = ""  # the trainer's Admiralty grade (A-F), '' when not graded
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The source in the command line's shape."""
        return {
            "key": self.key,
            "name": self.name,
            "aliases": list(self.aliases),
            "type": self.type,
            "articles": self.articles,
            "statements": self.statements,
            "relayed": self.relayed,
            "anonymous": self.anonymous,
            "grade": self.grade,
            "note": self.note,
        }


@dataclass(frozen=True)
class SourceArticle:
    """An article that quotes a source: where, and how it names them."""

    article_id: int
    title: str
    outlet: str
    published: str
    name: str
    statements: int
    relayed: int

    def as_dict(self) -> dict[str, Any]:
        """The article in the command line's shape."""
        return {
            "article": self.article_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "name": self.name,
            "statements": self.statements,
            "relayed": self.relayed,
        }


@lru_cache(maxsize=1 << 18)
def key_words(key: str) -> frozenset[str]:
    """The words of a key (keys are normalised: casefolded words and single spaces)."""
    return frozenset(key.split())


def mention_key(mention: SourceMention) -> str:
    """The key a mention is merged under: its own, else its words."""
    return mention.name_key or normalised(mention.name)


def merge_sources(mentions: Iterable[SourceMention]) -> list[LibrarySource]:
    """Every source once, most statements first, then by name."""
    keyed: dict[str, list[SourceMention]] = {}
    for mention in mentions:
        keyed.setdefault(mention_key(mention), []).append(mention)
    merged = _merge_short_keys(keyed)
    found = [_source(key, items, keys) for key, (items, keys) in merged.items() if key]
    return sorted(found, key=lambda s: (-s.statements, s.name.casefold()))


def _merge_short_keys(
    keyed: dict[str, list[SourceMention]],
) -> dict[str, tuple[list[SourceMention], list[str]]]:
    """Named keys whose words all appear in a longer named key go under that key.

    Only keys longer than the shortest can take others in, so only they are indexed by word,
    and only keys shorter than the longest are looked up, under their word that the fewest
    longer keys hold.
    """
    merged = {key: (items, [key]) for key, items in keyed.items()}
    sizes = {k: k.count(" ") + 1 for k, items in keyed.items() if k and _type(items) in NAMED}
    if not sizes or min(sizes.values()) == max(sizes.values()):
        return merged
    shortest, longest = min(sizes.values()), max(sizes.values())
    by_word: dict[str, list[str]] = {}
    for key, size in sizes.items():
        if size > shortest:
            for word in key_words(key):
                by_word.setdefault(word, []).append(key)
    for key in sorted((k for k, n in sizes.items() if n < longest), key=sizes.__getitem__):
        held = key_words(key)
        fewest = min((by_word.get(w, ()) for w in held), key=len)
        longer = [k for k in fewest if k in merged and held < key_words(k)]
        if longer:
            target = max(longer, key=lambda k: (len(merged[k][0]), k))
            items, keys = merged.pop(key)
            merged[target][0].extend(items)
            merged[target][1].extend(keys)
    return merged


def _type(items: Sequence[SourceMention]) -> str:
    """The type most articles give that names the source, else the one most give."""
    if len(items) == 1:
        return items[0].type
    counts: dict[str, int] = {}
    for m in items:
        counts[m.type] = counts.get(m.type, 0) + m.articles
    named = {t: n for t, n in counts.items() if t in NAMED}
    pool = named or counts
    return max(pool, key=lambda t: (pool[t], t))


def _source(key: str, items: Sequence[SourceMention], keys: Sequence[str]) -> LibrarySource:
    """The library source of one key's mentions: named as most words say, then most often."""
    if len(items) == 1:
        m = items[0]
        name = " ".join(m.name.split())
        return LibrarySource(
            key, name, (), m.type, m.articles, m.statements, m.relayed, m.anonymous, (key,)
        )
    names: dict[str, int] = {}
    for m in items:
        name = " ".join(m.name.split())
        names[name] = names.get(name, 0) + m.articles
    name = max(names, key=lambda n: (n.count(" "), names[n], n)) if len(names) > 1 else name
    return LibrarySource(
        key,
        name,
        tuple(sorted(n for n in names if n != name)),
        _type(items),
        sum(m.articles for m in items),
        sum(m.statements for m in items),
        sum(m.relayed for m in items),
        sum(m.anonymous for m in items),
        tuple(sorted(keys)),
    )
