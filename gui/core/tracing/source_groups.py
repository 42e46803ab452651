"""Alias groups of sources across the library: which longer name a shorter one joins.

A named key (the type its articles give is a person, an institution or an outlet) whose
words are a proper subset of a longer named key's words joins, of those longer keys, the one
quoted in the most articles (ties: the greater key): that is its parent. Its group is the
end of the chain of parents (each step has more words, so chains end). "stahl" joins
"elin stahl" if that is quoted more than "erik stahl", and both may join "mayor elin stahl".

A key's parent and group depend only on the keys that hold all its words, never on the
order keys come in: the library keeps them (migration 14), and a write re-decides only the
keys it touched and the keys whose words are a subset of theirs (only those can change).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

NAMED = frozenset({"person", "institution", "outlet"})


def group_parents(articles: Mapping[str, int], keys: Iterable[str] | None = None) -> dict[str, str]:
    """The parent of each of keys (all of articles when None), '' for none.

    articles: every named key that may be a parent, with how many articles quote it (keys
    are normalised: casefolded words, single spaces).
    """
    words = {key: frozenset(key.split()) for key in articles}
    by_word: dict[str, list[str]] = {}
    for key, held in words.items():
        for word in held:
            by_word.setdefault(word, []).append(key)
    parents: dict[str, str] = {}
    for key in articles if keys is None else keys:
        held = words.get(key) or frozenset(key.split())
        pool = min((by_word.get(word, ()) for word in held), key=len, default=())
        best: tuple[int, str] | None = None
        for other in pool:
            if len(words[other]) > len(held) and held < words[other]:
                score = (articles[other], other)
                if best is None or score > best:
                    best = score
        parents[key] = best[1] if best else ""
    return parents


def group_roots(
    parents: Mapping[str, str], known: Callable[[str], str] | None = None
) -> dict[str, str]:
    """The group (end of the parent chain) of every key of parents.

    known: the group of a parent that parents does not hold (the library's, for keys a
    write left alone); without it such a parent is its own group.
    """
    roots: dict[str, str] = {}

    def root(key: str) -> str:
        chain = []
        while key not in roots:
            if key not in parents:
                roots[key] = known(key) if known else key
                break
            parent = parents[key]
            if not parent:
                roots[key] = key
                break
            chain.append(key)
            key = parent
        found = roots[key]
        for step in chain:
            roots[step] = found
        return found

    for key in parents:
        root(key)
    return {key: roots[key] for key in parents}


def key_groups(articles: Mapping[str, int]) -> dict[str, str]:
    """The group of every named key (key -> articles quoting it) of a whole library."""
    return group_roots(group_parents(articles))
