"""Sources across the library: each source once, its mentions in every article merged by key.

A mention's key is its resolved name or alias group, normalised (rows keep it as name_key);
a mention without one goes under its words ("a port official"). Named keys whose words all
appear in a longer named key join it ("stahl" joins "elin stahl"): the library keeps those
groups (gui.core.tracing.source_groups says the rule), and merge_sources makes them anew.
The list holds counts; the articles that quote one source are asked for when it is chosen.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from gui.core.tracing.source_groups import NAMED, key_groups
from gui.core.tracing.wording import normalised

_MISTAKEN = frozenset({"person", "institution"})  # what an unrecognised outlet is called


class SourceMention(NamedTuple):
    """A source as articles name them alike: key, name, type, and what they said there.

    One article's source, or (from the rows) every article naming them so, summed up. A
    named tuple, not a dataclass: the whole Sources list of a big library reads 100,000 of
    them, which a tuple makes five times faster.
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


def quoted_keys(mentions: Iterable[SourceMention]) -> dict[str, int]:
    """The named keys of mentions, with how many articles quote each (the grouping's input)."""
    articles: dict[str, int] = {}
    named: set[str] = set()
    for m in mentions:
        if m.name_key:
            articles[m.name_key] = articles.get(m.name_key, 0) + m.articles
            if m.type in NAMED:
                named.add(m.name_key)
    return {key: n for key, n in articles.items() if key in named}


def merge_sources(
    mentions: Iterable[SourceMention], outlets: Collection[str] = ()
) -> list[LibrarySource]:
    """Every source once, its keys grouped by the rule of gui.core.tracing.source_groups.

    outlets: keys known to name outlets (outlet_keys); a source under one of them that
    articles call a person or an institution is an outlet the sourcing did not recognise.
    """
    mentions = list(mentions)
    return grouped_sources(mentions, key_groups(quoted_keys(mentions)), outlets)


def grouped_sources(
    mentions: Iterable[SourceMention],
    groups: Mapping[str, str],
    outlets: Collection[str] = (),
    members: Mapping[str, Sequence[str]] | None = None,
) -> list[LibrarySource]:
    """Every source once, most statements first, then by name.

    groups: the group of each key that has one (others stand alone); members: every key of
    each group of more than one, when mentions are already under their group's key (read
    so from the library) rather than their own.
    """
    keyed: dict[str, list[SourceMention]] = {}
    own: dict[str, set[str]] = {}
    for mention in mentions:
        key = mention.name_key or normalised(mention.name)
        group = groups.get(key, key)
        found = keyed.get(group)
        if found is None:
            keyed[group] = [mention]
        else:
            found.append(mention)
        if group != key:
            own.setdefault(group, {group}).add(key)
    sources = []
    for key, items in keyed.items():
        if not key:
            continue
        keys = members.get(key) if members is not None else own.get(key)
        kind = _type(items)
        if kind in _MISTAKEN and key in outlets:
            kind = "outlet"
        if len(items) == 1 and not keys:
            m = items[0]
            name = " ".join(m.name.split())
            sources.append(
                LibrarySource(
                    key, name, (), kind, m.articles, m.statements, m.relayed, m.anonymous, (key,)
                )
            )
        else:
            sources.append(_source(key, items, keys or (key,), kind))
    return sorted(sources, key=lambda s: (-s.statements, s.name.casefold()))


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


def _source(
    key: str, items: Sequence[SourceMention], keys: Sequence[str], kind: str
) -> LibrarySource:
    """The library source of several mentions: named as most words say, then most often."""
    names: dict[str, int] = {}
    articles = statements = relayed = anonymous = 0
    for m in items:
        name = " ".join(m.name.split())
        names[name] = names.get(name, 0) + m.articles
        articles += m.articles
        statements += m.statements
        relayed += m.relayed
        anonymous += m.anonymous
    name = max(names, key=lambda n: (n.count(" "), names[n], n)) if len(names) > 1 else name
    aliases = tuple(sorted(n for n in names if n != name))
    return LibrarySource(
        key, name, aliases, kind, articles, statements, relayed, anonymous, tuple(sorted(keys))
    )
