"""The alias-group rule read literally, slowly: what the stored and the computed groups must be."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def literal_groups(articles: Mapping[str, int], named: Iterable[str]) -> dict[str, str]:
    """Each named key's group: its parent is, of the named keys whose words are a strict
    superset of its words, the one most articles quote (articles), then the greater key; its
    group is the end of the chain of parents."""
    named = list(named)
    parents = {}
    for key in named:
        longer = [k for k in named if set(key.split()) < set(k.split())]
        parents[key] = max(longer, key=lambda k: (articles[k], k)) if longer else ""
    groups = {}
    for key in named:
        group = key
        while parents[group]:
            group = parents[group]
        groups[key] = group
    return groups
