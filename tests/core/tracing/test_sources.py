"""Merging sources across the library: alias groups as a literal reading of the rule makes them."""

from __future__ import annotations

import random

import pytest

from gui.core.tracing.source_groups import group_parents, key_groups
from gui.core.tracing.sources import NAMED, SourceMention, merge_sources, quoted_keys
from gui.core.tracing.wording import normalised
from tests.core.tracing import literal_groups as rule

WORDS = ("elin", "stahl", "jonas", "berg", "mayor", "port", "herald", "wire", "baltic")
TYPES = ("person", "person", "institution", "outlet", "anonymous", "description")


def plain_groups(mentions: list[SourceMention]) -> dict[str, str]:
    """The rule read literally, slowly: each named key's parent is, of the named keys whose
    words are a strict superset of its words, the one most articles quote, then the greater
    key; its group is the end of the chain of parents."""
    articles: dict[str, int] = {}
    types: dict[str, list[SourceMention]] = {}
    for m in mentions:
        if m.name_key:
            articles[m.name_key] = articles.get(m.name_key, 0) + m.articles
            types.setdefault(m.name_key, []).append(m)
    named = [k for k in articles if kind(types[k]) in NAMED]
    return rule.literal_groups(articles, named)


def plain_merge(mentions: list[SourceMention]) -> list[tuple]:
    """Every group of plain_groups with its sums, names and keys, as (dict, keys)."""
    groups = plain_groups(mentions)
    merged: dict[str, tuple[list[SourceMention], set[str]]] = {}
    for m in mentions:
        key = m.name_key or normalised(m.name)
        group = groups.get(key, key)
        merged.setdefault(group, ([], set()))
        merged[group][0].append(m)
        merged[group][1].add(key)
    found = []
    for key, (items, keys) in merged.items():
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
    rng = random.Random(seed)
    mentions = random_mentions(rng, 60)
    found = [(s.as_dict(), s.keys) for s in merge_sources(mentions)]
    assert found == plain_merge(mentions)
    assert any(len(keys) > 2 for _, keys in found)  # alias groups were made, some in steps
    rng.shuffle(mentions)  # the groups do not depend on the order keys come in
    assert [(s.as_dict(), s.keys) for s in merge_sources(mentions)] == found


@pytest.mark.parametrize("seed", range(12))
def test_the_groups_are_the_plain_reading_of_the_rule(seed):
    mentions = random_mentions(random.Random(seed), 80)
    assert key_groups(quoted_keys(mentions)) == plain_groups(mentions)


def groups_of(*quoted: tuple[str, int]) -> dict[str, tuple[str, ...]]:
    """Each source of people named so in so many articles: its key and its keys."""
    mentions = [mention(name, "person", articles=n) for name, n in quoted]
    return {s.key: s.keys for s in merge_sources(mentions)}


def test_a_surname_joins_the_full_name_quoted_in_more_articles():
    assert groups_of(("Stahl", 1), ("Elin Stahl", 3), ("Erik Stahl", 2)) == {
        "elin stahl": ("elin stahl", "stahl"),
        "erik stahl": ("erik stahl",),
    }
    assert groups_of(("Stahl", 5), ("Elin Stahl", 3), ("Erik Stahl", 4)) == {
        "elin stahl": ("elin stahl",),
        "erik stahl": ("erik stahl", "stahl"),  # its own articles do not count
    }
    assert groups_of(("Stahl", 1), ("Elin Stahl", 2), ("Erik Stahl", 2)) == {
        "elin stahl": ("elin stahl",),
        "erik stahl": ("erik stahl", "stahl"),  # a tie goes to the greater key
    }


def test_a_chain_of_longer_names_ends_in_one_group():
    found = groups_of(("Stahl", 4), ("Elin Stahl", 2), ("Mayor Elin Stahl", 1), ("Erik Stahl", 1))
    assert found == {
        "mayor elin stahl": ("elin stahl", "mayor elin stahl", "stahl"),
        "erik stahl": ("erik stahl",),
    }
    parents = group_parents({"stahl": 4, "elin stahl": 2, "mayor elin stahl": 1})
    assert parents == {
        "stahl": "elin stahl",
        "elin stahl": "mayor elin stahl",
        "mayor elin stahl": "",
    }


def test_keys_of_the_same_words_stay_apart_and_unnamed_keys_take_no_part():
    found = groups_of(("Elin Stahl", 1), ("Stahl Elin", 1))
    assert found == {"elin stahl": ("elin stahl",), "stahl elin": ("stahl elin",)}
    mentions = [mention("Stahl", "person"), mention("the Stahl family", "description")]
    assert {s.key: s.keys for s in merge_sources(mentions)} == {
        "stahl": ("stahl",),
        "the stahl family": ("the stahl family",),
    }


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
