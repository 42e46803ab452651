"""Sources across the library: each source once, its mentions in every article merged by key.

A mention's key is its resolved name or alias group, normalised (rows keep it as name_key);
a mention without one goes under its words ("a port official"). Named keys whose words all
appear in a longer named key join it ("stahl" joins "elin stahl"), as in one article.
The list holds counts; the articles that quote one source are asked for when it is chosen.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from gui.core.tracing.wording import normalised

NAMED = frozenset({"person", "institution", "outlet"})
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


def key_words(key: str) -> frozenset[str]:
    """The words of a key (keys are normalised: casefolded words and single spaces)."""
    return frozenset(key.split())


def mention_key(mention: SourceMention) -> str:
    """The key a mention is merged under: its own, else its words."""
    return mention.name_key or normalised(mention.name)


def merge_sources(
    mentions: Iterable[SourceMention], outlets: Collection[str] = ()
) -> list[LibrarySource]:
    """Every source once, most statements first, then by name.

    outlets: keys known to name outlets (outlet_keys); a source under one of them that
    articles call a person or an institution is an outlet the sourcing did not recognise.
    """
    keyed: dict[str, list[SourceMention]] = {}
    for mention in mentions:
        key = mention.name_key or normalised(mention.name)
        found = keyed.get(key)
        if found is None:
            keyed[key] = [mention]
        else:
            found.append(mention)
    kinds = {
        key: items[0].type if len(items) == 1 else _type(items) for key, items in keyed.items()
    }
    taken_in = _merge_short_keys(keyed, kinds)
    sources = []
    for key, items in keyed.items():
        keys = taken_in.get(key)
        if not key or keys == []:
            continue
        if keys is not None:
            items = [m for k in keys for m in keyed[k]]
        kind = kinds[key] if keys is None else _type(items)
        if kind in _MISTAKEN and key in outlets:
            kind = "outlet"
        if len(items) == 1:
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


def _merge_short_keys(
    keyed: dict[str, list[SourceMention]], kinds: dict[str, str]
) -> dict[str, list[str]]:
    """Named keys whose words all appear in a longer named key go under that key.

    Says, of each key that took others in, every key now under it (its own first), and of
    each key that went under another, none ([]). Keys are looked up by size, shortest
    first, so a longer key is still there when a shorter one goes under it (and may then go
    under a longer one still, with all it took in); of several, the one that has taken more
    mentions in by then, then the greater key. Only keys longer than the shortest can take
    others in, so only they are indexed by word, and only keys shorter than the longest are
    looked up, under their word that the fewest longer keys hold.
    """
    sizes = {key: key.count(" ") + 1 for key, kind in kinds.items() if key and kind in NAMED}
    if not sizes or min(sizes.values()) == max(sizes.values()):
        return {}
    shortest, longest = min(sizes.values()), max(sizes.values())
    words = {key: frozenset(key.split()) for key in sizes}
    by_word: dict[str, list[str]] = {}
    for key, size in sizes.items():
        if size > shortest:
            for word in words[key]:
                by_word.setdefault(word, []).append(key)
    taken_in: dict[str, list[str]] = {}
    counts: dict[str, int] = {}  # mentions under each key that took others in
    for key in sorted((k for k, n in sizes.items() if n < longest), key=sizes.__getitem__):
        if sizes[key] == 1:  # a longer key holding its word holds all of it, and more words
            longer = [k for k in by_word.get(key, ()) if len(words[k]) > 1]
        else:
            held = words[key]
            longer = [k for k in _fewest(by_word, held) if held < words[k]]
        if not longer:
            continue
        if len(longer) == 1:
            target = longer[0]
        else:
            target = max(longer, key=lambda k: (counts.get(k, len(keyed[k])), k))
        taken_in.setdefault(target, [target]).extend(taken_in.get(key) or (key,))
        counts[target] = counts.get(target, len(keyed[target])) + counts.pop(key, len(keyed[key]))
        taken_in[key] = []
    return taken_in


def _fewest(by_word: dict[str, list[str]], words: frozenset[str]) -> Sequence[str]:
    """The shortest list of by_word under one of the words; () when a word has none."""
    fewest: list[str] | None = None
    for word in words:
        found = by_word.get(word)
        if found is None:
            return ()
        if fewest is None or len(found) < len(fewest):
            fewest = found
    return fewest or ()


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
