"""Roles per alias group, and the inconsistencies a trainer should check.

Each person (alias group) gets the roles the article gives them: titles, appositions, and the
descriptions that stand for them ("the spokesman" resolved to a name). Two flags follow:
"incompatible" when one person holds two offices that exclude each other (prime minister and
spokesman; minister of defence and minister of finance), and "self_spokesman" when a person is
quoted as himself while "a spokesman for" him also speaks, as in the sample's Hadithi paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from gui.core.entities.pipeline import Entity
from gui.core.sourcing.coverage import Docs, EntitySpans
from gui.core.sourcing.doc_text import doc_text
from gui.core.sourcing.lexicons import default_lexicons
from gui.core.sourcing.model import Attribution, RoleFlag, Source, SpanText
from gui.core.sourcing.role_phrases import person_roles
from gui.core.span_index import SpanIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

ROLE_KINDS = ("roles", "incompatible", "self_spokesman")
SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_PAST = re.compile(r"\b(?:former|ex|late|then|outgoing)\b", re.IGNORECASE)
_MINISTRY = re.compile(r"\b(?:minister|secretary)\s+(?:of|for)\s+(?:the\s+)?([a-z ]+)")
_MINISTER = re.compile(r"\b([a-z]+)\s+(?:minister|secretary)\b")
_NOT_PORTFOLIOS = frozenset(
    ["prime", "deputy", "chief", "first", "junior", "general", "permanent", "private"]
)
_PORTFOLIOS = {"defence": "defense", "foreign affairs": "foreign", "home": "interior"}
_DETERMINERS = re.compile(r"^(?:the|a|an|this|that)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Role:
    """One role given to one alias group, with the words that give it."""

    group: str
    text: str
    evidence: SpanText


@dataclass(frozen=True)
class Spokesman:
    """ "A spokesman for X" who speaks: X's group, the phrase, and where the spokesman is."""

    group: str
    evidence: SpanText


def find_roles(
    body: str,
    docs: Docs,
    entities: Sequence[Entity],
    attributions: Sequence[Attribution],
) -> list[RoleFlag]:
    """Roles per alias group ("roles"), then the "incompatible" and "self_spokesman" flags."""
    people = EntitySpans(_as_people(entities), "PERSON")
    said = SpanIndex.of([(s.start, s.end, "") for a in attributions if (s := a.source.span)])
    roles: list[Role] = []
    spokesmen: list[Spokesman] = []
    self_quotes: list[tuple[str, SpanText]] = []
    for offset, doc in docs:
        mentions = list(_mentions(doc, offset, people))
        roles.extend(_roles_in(body, offset, mentions))
        spokesmen.extend(_spokesmen(body, offset, doc, mentions, said))
        self_quotes.extend(_speaking_subjects(body, offset, mentions))
    roles.extend(_described(attributions, people))
    self_quotes.extend(_quoted_people(attributions, people))
    flags = [*_listings(roles), *_incompatible(roles)]
    return flags + list(_self_spokesman(spokesmen, self_quotes, roles))


def _as_people(entities: Sequence[Entity]) -> list[Entity]:
    """The entities, a person's mention the model took for an organisation made a person."""
    groups = {e.group for e in entities if e.label == "PERSON"}
    return [replace(e, label="PERSON") if e.group in groups else e for e in entities]


def _mentions(doc: Doc, offset: int, people: EntitySpans) -> Iterator[tuple[Entity, SpacySpan]]:
    """The PERSON entities of a paragraph with their tokens."""
    for entity in people.inside(offset, offset + len(doc_text(doc))):
        span = doc.char_span(entity.start - offset, entity.end - offset, "expand")
        if span is not None and len(span):
            yield entity, span


def _roles_in(
    body: str, offset: int, mentions: Sequence[tuple[Entity, SpacySpan]]
) -> Iterator[Role]:
    """Titles and appositions of the people named in a paragraph."""
    for entity, span in mentions:
        for phrase in person_roles(span):
            start, end = offset + phrase.start, offset + phrase.end
            yield Role(entity.group, phrase.text, SpanText(start, end, body[start:end]))


def _described(attributions: Sequence[Attribution], people: EntitySpans) -> Iterator[Role]:
    """Descriptions that stand for a named person ("the spokesman" -> Saad al-Hadithi)."""
    for attribution in attributions:
        source = attribution.source
        if source.type == "description" and source.resolved and source.span is not None:
            role = _DETERMINERS.sub("", " ".join(source.span.text.split()))
            group = people.group_of_name(source.resolved)
            if role and group:
                yield Role(group, role, source.span)


def _group_of_source(source: Source, people: EntitySpans) -> str:
    """The alias group of a person quoted as himself: by the span, else by the resolved name."""
    if source.type not in ("person", "pronoun") or _names_spokesman(source):
        return ""
    if source.span is not None:
        for entity in people.overlapping(source.span.start, source.span.end):
            return entity.group
    return people.group_of_name(source.resolved) if source.resolved else ""


def _names_spokesman(source: Source) -> bool:
    """True for a source phrase that names a spokesman ("a spokesman for X")."""
    words = set(re.findall(r"[a-z]+", source.span.text.lower())) if source.span else set()
    return bool(words & SPOKES)


def _quoted_people(
    attributions: Sequence[Attribution], people: EntitySpans
) -> Iterator[tuple[str, SpanText]]:
    """(group, source span) of every attribution whose source is a named person."""
    for attribution in attributions:
        group = _group_of_source(attribution.source, people)
        if group and attribution.source.span is not None:
            yield group, attribution.source.span


def _speaking_subjects(
    body: str, offset: int, mentions: Sequence[tuple[Entity, SpacySpan]]
) -> Iterator[tuple[str, SpanText]]:
    """(group, name span) of people who are the subject of a speech verb in the parse."""
    lexicons = default_lexicons()
    for entity, span in mentions:
        root = span.root
        if root.dep_ == "nsubj" and lexicons.verb_class(root.head.text):
            yield entity.group, SpanText(entity.start, entity.end, body[entity.start : entity.end])


def _spokesmen(
    body: str,
    offset: int,
    doc: Doc,
    mentions: Sequence[tuple[Entity, SpacySpan]],
    said: SpanIndex,
) -> Iterator[Spokesman]:
    """Every "spokesman for X" (or "X's spokesman") in a paragraph who speaks."""
    for token in doc:
        if token.lower_ not in SPOKES:
            continue
        principal = _principal(token, mentions)
        if principal is None or not _speaks(token, offset, said):
            continue
        start = offset + min(token.left_edge.idx, principal.start - offset)
        end = max(principal.end, offset + token.idx + len(token.text))
        yield Spokesman(principal.group, SpanText(start, end, body[start:end]))


def _principal(token: Token, mentions: Sequence[tuple[Entity, SpacySpan]]) -> Entity | None:
    """The person a spokesman speaks for ("for X", "of X", "X's"), if named."""
    candidates = [c for c in token.children if c.dep_ == "poss"]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
            candidates.extend(c for c in prep.children if c.dep_ == "pobj")
    for candidate in candidates:
        for entity, span in mentions:
            if span.start <= candidate.i < span.end:
                return entity
    return None


def _speaks(token: Token, offset: int, said: SpanIndex) -> bool:
    """True when the spokesman is a subject or within the source of an attribution."""
    start = offset + token.idx
    return token.dep_ in ("nsubj", "nsubjpass") or bool(
        said.overlapping(start, start + len(token.text))
    )


def _by_group(roles: Sequence[Role]) -> dict[str, list[Role]]:
    """Roles by group in order of first mention, one per wording (case-insensitive)."""
    groups: dict[str, dict[str, Role]] = {}
    for role in sorted(roles, key=lambda r: r.evidence.start):
        groups.setdefault(role.group, {}).setdefault(role.text.lower(), role)
    return {group: list(found.values()) for group, found in groups.items()}


def _evidence(roles: Sequence[Role]) -> dict[str, set[SpanText]]:
    """Every span that gives each group a role."""
    spans: dict[str, set[SpanText]] = {}
    for role in roles:
        spans.setdefault(role.group, set()).add(role.evidence)
    return spans


def _listings(roles: Sequence[Role]) -> Iterator[RoleFlag]:
    """One "roles" entry per group: every role it is given, with evidence."""
    evidence = _evidence(roles)
    for group, found in _by_group(roles).items():
        texts = tuple(r.text for r in found)
        yield RoleFlag(group, texts, "roles", tuple(sorted(evidence[group])))


def office(role: str) -> str:
    """The office a role holds, for the exclusion test ('' for ranks and descriptions)."""
    text = " ".join(role.lower().replace("-", " ").split())
    if _PAST.search(text):
        return ""
    if re.search(r"spokes(?:man|woman|person)|press secretary", text):
        return "spokesperson"
    if "prime minister" in text or text == "premier":
        return "head of government"
    if re.search(r"\bvice president\b", text):
        return "vice president"
    if re.search(r"\bpresident\b", text):
        return "president"
    return _ministry(text)


def _ministry(text: str) -> str:
    """ "minister of defense" for "Secretary of Defense", "defence minister"; else ''."""
    match = _MINISTRY.search(text)
    portfolio = match.group(1).strip() if match else ""
    if not portfolio:
        match = _MINISTER.search(text)
        portfolio = match.group(1) if match and match.group(1) not in _NOT_PORTFOLIOS else ""
    portfolio = _PORTFOLIOS.get(portfolio, portfolio)
    return f"minister of {portfolio}" if portfolio else ""


def _incompatible(roles: Sequence[Role]) -> Iterator[RoleFlag]:
    """An "incompatible" flag for each group holding two offices that exclude each other."""
    evidence = _evidence([r for r in roles if office(r.text)])
    for group, found in _by_group(roles).items():
        holding = [r for r in found if office(r.text)]
        if len({office(r.text) for r in holding}) > 1:
            texts = tuple(r.text for r in holding)
            yield RoleFlag(group, texts, "incompatible", tuple(sorted(evidence[group])))


def _self_spokesman(
    spokesmen: Sequence[Spokesman],
    self_quotes: Sequence[tuple[str, SpanText]],
    roles: Sequence[Role],
) -> Iterator[RoleFlag]:
    """A "self_spokesman" flag for a person quoted as himself whose spokesman also speaks."""
    roles_by_group = _by_group(roles)
    flagged: set[str] = set()
    for spokesman in spokesmen:
        own = sorted({span for group, span in self_quotes if group == spokesman.group})
        if not own or spokesman.group in flagged:
            continue
        flagged.add(spokesman.group)
        held = tuple(r.text for r in roles_by_group.get(spokesman.group, []))
        yield RoleFlag(spokesman.group, held, "self_spokesman", (spokesman.evidence, *own))
