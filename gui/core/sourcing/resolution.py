"""Pronouns and descriptions ("he", "it", "the spokesman") resolved to an earlier source.

The resolver remembers the sources of the statements found so far, in reading order, and
falls back on the named entities of the text. A resolved source keeps its own span and type
("pronoun", "description") and gains `resolved` (the name) and verify=True: the app proposes,
the trainer checks. It inherits the antecedent's anonymity: "the official" after "a senior
port official" is as anonymous as he is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gui.core.sourcing.model import Source, SpanText
from gui.core.sourcing.sources import ABBREVIATIONS, INSTITUTION_NOUNS, TITLES, EntityIndex

if TYPE_CHECKING:
    from gui.core.entities.pipeline import Entity

REACH = 3000  # characters back that a pronoun or description may reach for its antecedent
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_ORGANISATIONS = ("institution", "outlet")
_NAMED = ("person", "institution", "outlet")
_LABEL_KINDS = {
    "PERSON": "person",
    "ORG": "institution",
    "OUTLET": "outlet",
    "PLACE": "institution",
}


@dataclass(frozen=True)
class Known:
    """A source met earlier: where, its display name, its kind, and the words naming it."""

    pos: int
    name: str
    kind: str
    text: str


class Resolver:
    """Resolves pronoun and description sources against what came before them."""

    def __init__(
        self, body: str, entities: EntityIndex, quotes: Sequence[SpanText], subjects: list[int]
    ) -> None:
        self.body = body
        self.entities = entities
        self.subjects = subjects  # sorted offsets of tokens that are grammatical subjects
        self.known: list[Known] = []
        self.kinds: dict[str, str] = {}  # name -> kind of every source named so far
        self.anonymous: set[str] = set()  # names of the anonymous sources met so far
        self._quote_starts = [q.start for q in quotes]
        self._quote_ends = [q.end for q in quotes]

    def remember(self, source: Source) -> None:
        """Add a (resolved) source to the history."""
        if source.span is None or source.type == "unknown":
            return
        named = source.type in _NAMED
        name = source.resolved or (self.display_name(source.span) if named else source.span.text)
        kind = self.kind_of(source)
        self.known.append(Known(source.span.start, name, kind, source.span.text.lower()))
        self.kinds.setdefault(name, kind)
        if source.anonymous or source.type == "anonymous":
            self.anonymous.add(name)

    def kind_of(self, source: Source) -> str:
        """The kind of what a source names: a resolved pronoun takes its antecedent's kind."""
        if source.type not in ("pronoun", "description") or not source.resolved:
            return source.type
        return self.kinds.get(source.resolved, source.type)

    def display_name(self, span: SpanText) -> str:
        """The entity name inside a source span (its group), else the span text."""
        names = [
            e.group or e.text
            for e in self.entities.between(span.start, span.end)
            if e.label in ("PERSON", "ORG", "OUTLET")
        ]
        return _untitled(names[-1]) if names else span.text

    def resolve(self, source: Source, head: str) -> Source:
        """The source with `resolved` filled in for a pronoun or a description."""
        if source.span is None or source.type not in ("pronoun", "description"):
            return source
        pos, word = source.span.start, head.lower()
        name = (
            self._pronoun(word, pos) if source.type == "pronoun" else self._description(word, pos)
        )
        anonymous = source.anonymous or name in self.anonymous
        return replace(source, resolved=name, verify=True, anonymous=anonymous)

    def known_person(self, text: str) -> str:
        """The name of a person source met earlier whose surname is `text`, else ''."""
        word = text.strip().lower()
        for known in self._recent():
            if known.kind == "person" and known.name.lower().split()[-1:] == [word]:
                return known.name
        return ""

    def _recent(self) -> Iterator[Known]:
        """The remembered sources, latest first (the last few hundred only)."""
        return reversed(self.known[-300:])

    def _pronoun(self, word: str, pos: int) -> str:
        """Antecedent of a pronoun: a person for he/she, an organisation for it/they."""
        if word in _PERSON_PRONOUNS:
            return self._last_person(pos)
        if word == "it":
            return self._last_known(pos, _ORGANISATIONS) or self._entity_name(
                pos, ("ORG", "OUTLET")
            )
        if word in _GROUP_PRONOUNS:
            return self._last_known(pos, ("anonymous", *_ORGANISATIONS))
        return ""

    def _last_person(self, pos: int) -> str:
        """The latest person before `pos`: a person source or a PERSON subject outside quotes."""
        best = next((k for k in self._recent() if _a_person(k) and k.pos < pos), None)
        entity = self._entity_before(pos, ("PERSON",), subject=True)
        if best is None and entity is None:
            entity = self._entity_before(pos, ("PERSON",))
        if entity is not None and (best is None or entity.start > best.pos):
            return self._named(entity)
        return best.name if best else ""

    def _last_known(self, pos: int, kinds: tuple[str, ...]) -> str:
        """The most recently remembered source of one of `kinds` before `pos`."""
        for known in self._recent():
            if known.kind in kinds and pos - REACH < known.pos < pos:
                return known.name
        return ""

    def _entity_name(self, pos: int, labels: tuple[str, ...]) -> str:
        """Name of the last entity with one of `labels` before `pos`, outside quotes."""
        return self._named(self._entity_before(pos, labels))

    def _named(self, entity: Entity | None) -> str:
        """The entity's name, its kind remembered ('' for None)."""
        if entity is None:
            return ""
        name = _untitled(entity.group or entity.text)
        self.kinds.setdefault(name, _LABEL_KINDS.get(entity.label, "unknown"))
        return name

    def _entity_before(
        self, pos: int, labels: tuple[str, ...], subject: bool = False
    ) -> Entity | None:
        """The last entity with one of `labels` before `pos`, outside quotes (a subject)."""
        for entity in reversed(self.entities.between(pos - REACH, pos)):
            if entity.end > pos or entity.label not in labels or self._quoted(entity.start):
                continue
            if not subject or self._is_subject(entity):
                return entity
        return None

    def _is_subject(self, entity: Entity) -> bool:
        """True when a subject token starts inside the entity."""
        i = bisect_left(self.subjects, entity.start)
        return i < len(self.subjects) and self.subjects[i] < entity.end

    def _quoted(self, pos: int) -> bool:
        """True when `pos` lies inside a quote."""
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and pos < self._quote_ends[i]

    def _description(self, word: str, pos: int) -> str:
        """Antecedent of 'the general', 'the spokesman', 'the company'."""
        pattern = _word_pattern(word)
        for known in self._recent():
            if pos - REACH < known.pos < pos and pattern.search(known.text):
                return known.name
        labels = ("ORG", "OUTLET") if word in INSTITUTION_NOUNS else ("PERSON",)
        for entity in reversed(self.entities.between(pos - REACH, pos)):
            if entity.end <= pos and entity.label in labels and not self._quoted(entity.start):
                window = self.body[max(0, entity.start - 40) : entity.end + 60].lower()
                if pattern.search(window):
                    return self._named(entity)
        if word not in INSTITUTION_NOUNS:
            return ""
        entity = self._entity_before(
            pos, labels
        )  # "Halden Motors is recalling ..., the company said"
        line = self.body.rfind("\n", 0, pos) + 1
        return self._named(entity) if entity is not None and entity.start >= line else ""


def _a_person(known: Known) -> bool:
    """True for a named person, or one unnamed person ("a spokeswoman for the authority")."""
    one = known.text.startswith(("a ", "an ", "one ", "the "))
    return known.kind == "person" or (known.kind == "anonymous" and one)


def _untitled(name: str) -> str:
    """A name without the titles the model sometimes takes into it ('Councillor X' -> 'X')."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _word_pattern(word: str) -> re.Pattern[str]:
    """A pattern for the word, its plural and its short form ('general' also finds 'Gen.')."""
    forms = [re.escape(word) + "s?", *(re.escape(a) for a in ABBREVIATIONS.get(word, ()))]
    return re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])")
