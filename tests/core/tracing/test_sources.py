"""Merging sources across the library: alias groups as a plain reading of the rule makes them."""

from __future__ import annotations

import random

import pytest

from gui.core.tracing.sources import NAMED, SourceMention, merge_sources
from gui.core.tracing.wording import normalised

WORDS = ("elin", "stahl", "jonas", "berg", "mayor", "port", "herald", "wire", "baltic")
TYPES = ("person", "person", "institution", "outlet", "anonymous", "description")


def plain_merge(mentions: list[SourceMention]) -> list[tuple]:
    """The rule read plainly, slowly: by size, each named key shorter than the longest goes
    under a longer named key (longer than the shortest) holding all its words and more, the
    one with the most mentions under it by then, then the greater key. As (dict, keys)."""
    groups: dict[str, tuple[list[SourceMention], list[str]]] = {}
    for m in mentions:
        groups.setdefault(m.name_key or normalised(m.name), ([], []))[0].append(m)
    for key, (_, keys) in groups.items():
        keys.append(key)
    sizes = {k: k.count(" ") + 1 for k, (items, _) in groups.items() if k and kind(items) in NAMED}
    if sizes and min(sizes.values()) != max(sizes.values()):
        shortest, longest = min(sizes.values()), max(sizes.values())
        for key in sorted((k for k in sizes if sizes[k] < longest), key=sizes.__getitem__):
            held = set(key.split())
            longer = [
                k for k in sizes if k in groups and sizes[k] > shortest and held < set(k.split())
            ]
            if longer:
                target = max(longer, key=lambda k: (len(groups[k][0]), k))
                items, keys = groups.pop(key)
                groups[target][0].extend(items)
                groups[target][1].extend(keys)
    found = []
    for key, (items, keys) in groups.items():
        if key:
            names: dict[str, int] = {}
            for m in items:
                names[" ".join(m.name.split())] = (
                    names.get(" ".join(m.name.split()), 0) + m.articles
                )
            name = max(names, key=lambda n: (n.count(" "), names[n], n))
            shown = {
                "key": key,
                "name": name,
                "aliases": sorted(n for n in names if n != name),
                "type": kind(items),
                "articles": sum(m.articles for m in items),
                "statements": sum(m.statements for m in items),
                "relayed": sum(m.relayed for m in items),
                "anonymous": sum(m.anonymous for m in items),
                "grade": "",
                "note": "",
            }
            found.append((shown, tuple(sorted(keys))))
    return sorted(found, key=lambda pair: (-pair[0]["statements"], pair[0]["name"].casefold()))


def kind(items: list[SourceMention]) -> str:
    """The type most articles give among the named ones, else among all; then the greater."""
    counts: dict[str, int] = {}
    for m in items:
        counts[m.type] = counts.get(m.type, 0) + m.articles
    pool = {t: n for t, n in counts.items() if t in NAMED} or counts
    return max(pool, key=lambda t: (pool[t], t))


def random_mentions(rng: random.Random, count: int) -> list[SourceMention]:
    """Mentions over a few words, so that many keys hold others (some a word twice)."""
    found = []
    for _ in range(count):
        words = rng.choices(WORDS, k=rng.choice((1, 1, 2, 2, 2, 3, 4)))
        name = " ".join(w.title() if rng.random() < 0.5 else w for w in words)
        key = "" if rng.random() < 0.05 else " ".join(words)
        articles = rng.randint(1, 4)
        found.append(
            SourceMention(
                name + ("  " if rng.random() < 0.1 else ""),
                key,
                rng.choice(TYPES),
                articles,
                rng.randint(0, articles),
                rng.randint(0, 6),
                rng.randint(0, 2),
            )
        )
    return found


@pytest.mark.parametrize("seed", range(12))
def test_merging_gives_what_the_plain_reading_of_the_rule_gives(seed):
    mentions = random_mentions(random.Random(seed), 60)
    found = [(s.as_dict(), s.keys) for s in merge_sources(mentions)]
    assert found == plain_merge(mentions)
    assert any(len(keys) > 2 for _, keys in found)  # alias groups were made, some in steps


def mention(name: str, kind: str, key: str | None = None, articles: int = 1) -> SourceMention:
    return SourceMention(name, normalised(name) if key is None else key, kind, articles, 0, 1)


def test_a_source_named_as_a_known_outlet_is_an_outlet_however_articles_type_it():
    mentions = [
        mention("the Kestrel Bay Herald", "person", "kestrel bay herald", 3),
        mention("Kestrel Bay Herald", "outlet", "kestrel bay herald"),
        mention("Baltic Wire", "institution"),
        mention("Elin Stahl", "person"),
        mention("the newsroom", "description"),
    ]
    plain = {s.name: s.type for s in merge_sources(mentions)}
    assert plain["the Kestrel Bay Herald"] == "person"  # three articles against one
    known = {
        s.name: s.type
        for s in merge_sources(mentions, {"kestrel bay herald", "baltic wire", "newsroom"})
    }
    assert known == {
        "the Kestrel Bay Herald": "outlet",
        "Baltic Wire": "outlet",
        "Elin Stahl": "person",
        "the newsroom": "description",  # not named: what it stands for is not known here
    }


def test_only_the_key_of_an_alias_group_says_whether_it_is_an_outlet():
    mentions = [mention("Lena Times", "person", articles=2), mention("Times", "person")]
    [lena] = merge_sources(mentions, {"times"})  # a paper called the Times, and Ms Times
    assert (lena.name, lena.aliases, lena.type) == ("Lena Times", ("Times",), "person")
