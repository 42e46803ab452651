"""The user's entity corrections: rules kept in the library and applied to every article.

A rule names a text exactly as it appears in the article ("Palmyra") and says what is true of
every mention with that text: its type, that it is no entity, which alias group it belongs
to, or that it is an entity wherever it occurs as a whole word. Rules apply in id order, so
a later rule overrides an earlier one.
"""

from __future__ import annotations

import operator
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import attrgetter

from gui.core.bulk import gc_paused
from gui.core.entities.pipeline import Entity

KINDS: tuple[str, ...] = ("type", "remove", "merge", "split", "add")
_ORDER = attrgetter("start", "end", "label", "text", "group")
_START = attrgetter("start")
_TEXT = attrgetter("text")
_WORD = re.compile(r"\w")
_A_TYPE = {
    "PERSON": "a person",
    "ORG": "an organisation",
    "OUTLET": "a news outlet",
    "PLACE": "a place",
    "GROUP": "a nationality or group",
    "DATE": "a date or time",
    "NUMBER": "a number",
    "EVENT": "an event",
    "OTHER": "another kind of entity",
}


@dataclass(frozen=True)
class Correction:
    """One rule: kind is "type", "remove", "merge", "split" or "add" (see describe)."""

    id: int  # 0 for a rule not saved yet; rules apply in id order
    kind: str
    text: str  # the mention's text, matched exactly
    label: str = ""  # the entity type, for "type" and "add"
    group: str = ""  # the alias group, for "merge" (and optionally "add")
    created: str = ""  # ISO 8601, UTC

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown correction kind {self.kind!r}")
        if not self.text:
            raise ValueError("a correction needs the text it applies to")
        if self.kind in ("type", "add") and not self.label:
            raise ValueError(f"a {self.kind!r} correction needs a label")
        if self.kind == "merge" and not self.group:
            raise ValueError("a 'merge' correction needs a group")


def describe(rule: Correction) -> str:
    """The rule in words, e.g. "Palmyra is a place"."""
    kind = _a_type(rule.label)
    return {
        "type": f"{rule.text} is {kind}",
        "remove": f"{rule.text} is not an entity",
        "merge": f"{rule.text} is the same as {rule.group}",
        "split": f"{rule.text} is a name of its own",
        "add": f"{rule.text} is always {kind}",
    }[rule.kind]


def apply_corrections(
    body: str, entities: Sequence[Entity], corrections: Sequence[Correction]
) -> list[Entity]:
    """The entities of body as the rules make them, sorted; the inputs are left as they are."""
    rules = sorted(corrections, key=attrgetter("id"))
    with gc_paused():
        state = _State(entities, {rule.text for rule in rules})
        for rule in rules:
            _RULES[rule.kind](state, rule, body)
        return _sorted(state.live())


def _sorted(entities: list[Entity]) -> list[Entity]:
    """entities in Entity order; quick when no two start at the same offset (the usual case)."""
    by_start = sorted(entities, key=_START)
    if len(set(map(_START, by_start))) == len(by_start):
        return by_start
    return sorted(by_start, key=_ORDER)


def _a_type(label: str) -> str:
    """The entity type as a noun phrase: "a place"."""
    return _A_TYPE.get(label, f"a {label.lower()}")


class _State:
    """The entities while rules apply, by handle (None once removed), and mentions by text.

    Handles below the number of given entities are theirs; added entities get the next ones.
    """

    def __init__(self, entities: Sequence[Entity], texts: set[str]) -> None:
        self.entities: list[Entity | None] = list(entities)
        self.by_text: dict[str, list[int]] = {text: [] for text in texts}
        names = list(map(_TEXT, self.entities))
        for handle in [h for h, name in enumerate(names) if name in self.by_text]:
            self.by_text[names[handle]].append(handle)
        self._given = entities  # their spans never change, even when a rule retypes them
        self._index: tuple[list[int], list[int] | None, int] | None = None  # for the first "add"

    def live(self) -> list[Entity]:
        """The entities not removed."""
        return [e for e in self.entities if e is not None]

    def get(self, handle: int) -> Entity:
        """The live entity with this handle."""
        entity = self.entities[handle]
        assert entity is not None
        return entity

    def mentions(self, text: str) -> list[int]:
        """Handles of the live entities whose text is text."""
        return [h for h in self.by_text[text] if self.entities[h] is not None]

    def update(self, text: str, change: Callable[[Entity], Entity]) -> None:
        """Replace every live mention of text by change(mention)."""
        for handle in self.mentions(text):
            self.entities[handle] = change(self.get(handle))

    def remove(self, handle: int) -> None:
        """The entity with this handle is no entity any more."""
        self.entities[handle] = None

    def add(self, entity: Entity) -> None:
        """Make entity live."""
        self.entities.append(entity)
        self.by_text[entity.text].append(len(self.entities) - 1)

    def overlapping(self, start: int, end: int) -> list[int]:
        """Handles of the live entities that share a character with [start, end)."""
        added = range(len(self._given), len(self.entities))
        found = [h for h in added if self._overlaps(h, start, end)]
        starts, order, longest = self._spans()
        position = bisect_left(starts, end) - 1
        while position >= 0 and starts[position] > start - longest:
            handle = position if order is None else order[position]
            if self._overlaps(handle, start, end):
                found.append(handle)
            position -= 1
        return found

    def _overlaps(self, handle: int, start: int, end: int) -> bool:
        """True when the entity with this handle is live and shares a character with the range."""
        entity = self.entities[handle]
        return entity is not None and entity.start < end and entity.end > start

    def _spans(self) -> tuple[list[int], list[int] | None, int]:
        """The given entities' starts in order, their handles in that order, the longest span."""
        if self._index is None:
            starts = list(map(_START, self._given))
            ends = list(map(attrgetter("end"), self._given))
            longest = max(map(operator.sub, ends, starts), default=0)
            order = None
            if not all(map(operator.le, starts, starts[1:])):
                order = sorted(range(len(starts)), key=starts.__getitem__)
                starts = [starts[h] for h in order]
            self._index = (starts, order, longest)
        return self._index


def _retype(state: _State, rule: Correction, body: str) -> None:
    """Every mention of the text gets the rule's label."""
    state.update(rule.text, lambda e: Entity(e.start, e.end, rule.label, e.text, e.group))


def _remove(state: _State, rule: Correction, body: str) -> None:
    """Mentions of the text are no entities."""
    for handle in state.mentions(rule.text):
        state.remove(handle)


def _merge(state: _State, rule: Correction, body: str) -> None:
    """Mentions of the text join the rule's group."""
    state.update(rule.text, lambda e: Entity(e.start, e.end, e.label, e.text, rule.group))


def _split(state: _State, rule: Correction, body: str) -> None:
    """Mentions of the text form a group of their own, named by the text."""
    state.update(rule.text, lambda e: Entity(e.start, e.end, e.label, e.text, rule.text))


def _add(state: _State, rule: Correction, body: str) -> None:
    """Every whole-word occurrence of the text is an entity, unless an entity already covers it.

    Entities that only partly overlap an occurrence (a name cut short by the model) give way
    to it: the user's rule is more certain than the model's guess.
    """
    group = rule.group or _known_group(state, rule.text)
    for start, end in _whole_words(body, rule.text):
        overlapping = state.overlapping(start, end)
        if any(_covers(state.get(h), start, end) for h in overlapping):
            continue
        for handle in overlapping:
            state.remove(handle)
        state.add(Entity(start, end, rule.label, rule.text, group))


def _known_group(state: _State, text: str) -> str:
    """The group of a live mention of text, else the text itself."""
    for handle in state.mentions(text):
        return state.get(handle).group
    return text


def _covers(entity: Entity, start: int, end: int) -> bool:
    """True when entity spans all of [start, end)."""
    return entity.start <= start and entity.end >= end


def _whole_words(body: str, text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each occurrence of text in body that is not part of a longer word."""
    # str.find, not a regular expression: a look-behind makes re test every position.
    check_before, check_after = bool(_WORD.match(text[0])), bool(_WORD.match(text[-1]))
    start = body.find(text)
    while start >= 0:
        end = start + len(text)
        cut_before = check_before and start > 0 and _WORD.match(body[start - 1])
        cut_after = check_after and end < len(body) and _WORD.match(body[end])
        if not (cut_before or cut_after):
            yield start, end
            start = body.find(text, end)
        else:
            start = body.find(text, start + 1)


_RULES: dict[str, Callable[[_State, Correction, str], None]] = {
    "type": _retype,
    "remove": _remove,
    "merge": _merge,
    "split": _split,
    "add": _add,
}
