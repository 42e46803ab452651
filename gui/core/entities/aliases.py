"""Alias groups: which mentions name the same thing, and the canonical name of each group.

Rules, applied in this order to the mentions of one article:
1. the bundled alias table (resources/lexicons/aliases.tsv): ISIS = ISIL = Islamic State;
2. in-text definitions, "Long Name (ABBR)" and "the Islamic State (ISIS/ISIL)";
3. a surname joins the one full name that ends in it, also without "al-" ("Hadithi");
4. initials of a multi-word name ("Marenian Petroleum Company" -> "MPC").
Names are compared without a leading "the", case, dots, hyphens and accents. A group is named
after its table entry, else its defined long form, else its longest member.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from gui.core.entities.outlets import read_lexicon
from gui.core.normalise import normalise
from gui.core.resources import resource

ALIASES_FILE = resource("lexicons", "aliases.tsv")

_ORG_LIKE = frozenset({"ORG", "OUTLET", "GROUP", "OTHER"})
_NOT_NAMES = frozenset({"DATE", "NUMBER"})
# Labels the model gives lone surnames by mistake (never PLACE: "Washington", "Jordan").
_MAYBE_SURNAME = frozenset({"PERSON", "ORG", "GROUP", "OTHER"})
_PARENS = re.compile(r"[ \t]?\(([^()\n]{1,40})\)")
_PARTS = re.compile(r"[^/,;\s]+")
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z0-9&.\-]{1,11}")
_WORDS = re.compile(r"[^\s\-]+")
_SURNAME_PREFIXES = ("al-", "el-", "Al-", "El-")


class Mention(Protocol):
    """What the rules need of a mention (an Entity before it has a group)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class Found:
    """A mention the rules add: an abbreviation in its definition, or a later bare surname."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class Definition:
    """An in-text definition: the long name, one short form and where that short form stands."""

    long: str
    short: Found
    new: bool  # the model had not tagged the short form


@dataclass(frozen=True)
class Grouped:
    """The given mentions followed by the found ones, with a group and a label for each."""

    mentions: tuple[Mention, ...]
    groups: tuple[str, ...]
    labels: tuple[str, ...]


@dataclass(frozen=True)
class AliasTable:
    """Known equivalent names: identity of each alias -> canonical name."""

    names: Mapping[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str | None:
        """The canonical name for `name`, or None when the table does not know it."""
        return self.names.get(identity(name))


def display_name(text: str) -> str:
    """A mention's name as shown: normalised, no leading "the", no trailing "'s"."""
    name = " ".join(normalise(text).text.split())
    for article in ("the ", "The "):
        if name.startswith(article) and len(name) > len(article):
            name = name[len(article) :]
    if name.endswith("'s"):
        name = name[:-2]
    return name


def identity(text: str) -> str:
    """The form names are compared in: display name without case, dots, hyphens or accents."""
    decomposed = unicodedata.normalize("NFKD", display_name(text))
    name = "".join(c for c in decomposed if not unicodedata.combining(c))
    name = name.replace(".", "").replace("-", " ")
    return " ".join(name.casefold().split())


def load_alias_table(path: Path = ALIASES_FILE) -> AliasTable:
    """Read an alias table (columns: alias, canonical, source)."""
    names: dict[str, str] = {}
    for row in read_lexicon(path):
        canonical = row["canonical"].strip()
        names[identity(canonical)] = canonical
        names[identity(row["alias"])] = canonical
    return AliasTable(names)


def aliases_hash(path: Path = ALIASES_FILE) -> str:
    """Short hash of the alias table file, for the pipeline id."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:8]


def is_abbreviation(text: str) -> bool:
    """True for "ISIS", "U.N.", "AFP": 2-12 characters, at least two capitals."""
    return bool(_ABBREVIATION.fullmatch(text)) and sum(c.isupper() for c in text) >= 2


def compatible(first: str, second: str) -> bool:
    """True when two labels may name the same thing (ORG, OUTLET, GROUP, OTHER mix)."""
    return first == second or (first in _ORG_LIKE and second in _ORG_LIKE)


class _UnionFind:
    """Sets of name identities; each set is named after its best-ranked member."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.display: dict[str, str] = {}
        self.rank: dict[str, tuple[int, int, int]] = {}  # (priority, length, -order)

    def add(self, text: str, priority: int = 0) -> str:
        """Add a name (if new) and return its identity; a higher priority names the set."""
        key = identity(text)
        self.parent.setdefault(key, key)
        rank = (priority, len(display_name(text)), -len(self.rank))
        if key not in self.rank or rank[0] > self.rank[key][0]:
            self.display[key], self.rank[key] = display_name(text), rank
        return key

    def find(self, key: str) -> str:
        """The set's representative."""
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, first: str, second: str) -> None:
        """Merge the sets of two identities."""
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a

    def names(self) -> dict[str, str]:
        """Identity -> display name of the best-ranked member of its set."""
        best: dict[str, str] = {}
        for key in self.parent:
            root = self.find(key)
            if root not in best or self.rank[key] > self.rank[best[root]]:
                best[root] = key
        return {key: self.display[best[self.find(key)]] for key in self.parent}


def group_mentions(
    body: str,
    mentions: Sequence[Mention],
    candidates: Iterable[Found] = (),
    table: AliasTable | None = None,
) -> Grouped:
    """Group the mentions; `candidates` are untagged proper nouns that may be bare surnames."""
    table = table or AliasTable()
    definitions = find_definitions(body, mentions, table)
    found = [d.short for d in definitions if d.new]
    sets = _UnionFind()
    _join_table_and_definitions(sets, [*mentions, *found], definitions, table)
    surnames = _surname_index(sets, mentions)
    found += _bare_names(candidates, [*mentions, *found], surnames, definitions)
    every = (*mentions, *found)
    keys = [sets.add(m.text) for m in every]
    labels = _join_surnames(sets, every, keys, surnames)
    _join_initials(sets, every, labels)
    labels = _outlet_labels(sets, keys, labels)
    names = sets.names()
    return Grouped(every, tuple(names[k] for k in keys), tuple(labels))


def _join_table_and_definitions(
    sets: _UnionFind,
    mentions: Sequence[Mention],
    definitions: Sequence[Definition],
    table: AliasTable,
) -> None:
    """Rules 1 and 2: table entries and in-text definitions."""
    for mention in mentions:
        key = sets.add(mention.text)
        canonical = table.canonical(mention.text)
        if canonical is not None:
            sets.union(sets.add(canonical, priority=2), key)
    for definition in definitions:
        sets.union(sets.add(definition.long, priority=1), sets.add(definition.short.text))


def find_definitions(
    body: str, mentions: Sequence[Mention], table: AliasTable | None = None
) -> list[Definition]:
    """In-text definitions "Long Name (ABBR)" / "(ABBR1/ABBR2)" right after a tagged name."""
    table = table or AliasTable()
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    definitions: list[Definition] = []
    for mention in ordered:
        if mention.label in _NOT_NAMES or mention.label == "PERSON":
            continue
        match = _PARENS.match(body, mention.end)
        if match:
            shorts = _short_forms(body, match, mention, table)
            definitions.extend(_definition(mention, s, ordered, starts) for s in shorts)
    return [d for d in definitions if d is not None]


def _short_forms(body: str, match: re.Match[str], long: Mention, table: AliasTable) -> list[Found]:
    """The abbreviations in the parentheses, if all of them fit the long name."""
    parts = [p for p in _PARTS.finditer(body, match.start(1), match.end(1)) if p[0] != "or"]
    initials = {word[0].casefold() for word in _WORDS.findall(display_name(long.text))}
    shorts = []
    for part in parts:
        text = part[0]
        if not is_abbreviation(text):
            return []
        if text[0].casefold() not in initials or _table_conflict(table, long.text, text):
            return []
        shorts.append(Found(part.start(), part.end(), long.label, text))
    return shorts


def _table_conflict(table: AliasTable, first: str, second: str) -> bool:
    """True when the table gives the two names different canonical names."""
    a, b = table.canonical(first), table.canonical(second)
    return a is not None and b is not None and a != b


def _definition(
    long: Mention, short: Found, ordered: Sequence[Mention], starts: Sequence[int]
) -> Definition | None:
    """A definition, unless the model tagged the short form as something incompatible."""
    i = bisect_right(starts, short.end - 1) - 1
    tagged = ordered[i] if i >= 0 and ordered[i].end > short.start else None
    if tagged is None:
        return Definition(display_name(long.text), short, new=True)
    if compatible(tagged.label, long.label):
        return Definition(display_name(long.text), short, new=False)
    return None


def _surname_variants(word: str) -> list[str]:
    """A surname as written and without an "al-"/"el-" prefix."""
    for prefix in _SURNAME_PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return [word, word[len(prefix) :]]
    return [word]


def _surname_index(sets: _UnionFind, mentions: Sequence[Mention]) -> dict[str, str]:
    """Surname identity -> the set of the only full name that ends in it."""
    owners: dict[str, set[str]] = {}
    for mention in mentions:
        words = display_name(mention.text).split()
        if mention.label == "PERSON" and len(words) >= 2:
            root = sets.find(sets.add(mention.text))
            for variant in _surname_variants(words[-1]):
                owners.setdefault(identity(variant), set()).add(root)
    return {name: next(iter(roots)) for name, roots in owners.items() if len(roots) == 1}


def _bare_names(
    candidates: Iterable[Found],
    mentions: Sequence[Mention],
    surnames: Mapping[str, str],
    definitions: Sequence[Definition],
) -> list[Found]:
    """Untagged proper nouns that are a known surname or a defined short form."""
    taken = {m.start for m in mentions}
    defined = {identity(d.short.text): d.short.label for d in definitions}
    found = []
    for candidate in candidates:
        key = identity(candidate.text)
        label = "PERSON" if key in surnames else defined.get(key)
        if label is not None and candidate.start not in taken:
            found.append(Found(candidate.start, candidate.end, label, candidate.text))
    return found


def _join_surnames(
    sets: _UnionFind, mentions: Sequence[Mention], keys: Sequence[str], surnames: Mapping[str, str]
) -> list[str]:
    """Rule 3; a one-word ORG, GROUP or OTHER that is a known surname becomes a PERSON."""
    labels = []
    for mention, key in zip(mentions, keys, strict=True):
        label = mention.label
        one_word = len(display_name(mention.text).split()) == 1
        if one_word and label in _MAYBE_SURNAME and key in surnames:
            sets.union(surnames[key], key)
            label = "PERSON"
        labels.append(label)
    return labels


def _initials(text: str) -> str | None:
    """Initials of the capitalised words of a multi-word name, casefolded."""
    words = [w for w in _WORDS.findall(display_name(text)) if w[:1].isupper()]
    return "".join(w[0] for w in words).casefold() if len(words) >= 2 else None


def _join_initials(sets: _UnionFind, mentions: Sequence[Mention], labels: Sequence[str]) -> None:
    """Rule 4: an abbreviation joins the only multi-word name with those initials."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for mention, label in zip(mentions, labels, strict=True):
        initials = _initials(mention.text)
        if initials and label not in _NOT_NAMES and label != "PERSON":
            owners.setdefault(initials, set()).add((sets.find(identity(mention.text)), label))
    for mention, label in zip(mentions, labels, strict=True):
        short = identity(mention.text).replace(" ", "")
        owner = owners.get(short) if is_abbreviation(mention.text) else None
        if owner and len(owner) == 1:
            root, long_label = next(iter(owner))
            if compatible(label, long_label):
                sets.union(root, identity(mention.text))


def _outlet_labels(sets: _UnionFind, keys: Sequence[str], labels: Sequence[str]) -> list[str]:
    """ORG and OTHER mentions in a group that holds an outlet become outlets too."""
    outlets = {sets.find(k) for k, label in zip(keys, labels, strict=True) if label == "OUTLET"}
    return [
        "OUTLET" if label in {"ORG", "OTHER"} and sets.find(key) in outlets else label
        for key, label in zip(keys, labels, strict=True)
    ]
