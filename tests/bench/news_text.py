"""Generated news articles for benchmarks: varied, sourced, hedged, with numbers and dates.

Our own sentence patterns filled from small word lists with a seeded random generator, so the
same seed gives the same library. Every paragraph is numbered, so no paragraph repeats and
nothing is parsed from memory.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

FIRST = ["Maria", "Jonas", "Amina", "Pieter", "Lena", "Omar", "Sofia", "Daniel", "Yusuf", "Ines"]
LAST = ["Verbeek", "Haddad", "Okafor", "Lindqvist", "Moreau", "Castillo", "Novak", "Tanaka"]
ROLES = ["minister of health", "spokesperson", "mayor", "police chief", "economist", "analyst"]
ORGS = [
    "the World Health Organization",
    "the port authority",
    "the central bank",
    "the interior ministry",
    "the United Nations",
    "Amnesty International",
    "the European Commission",
    "the city council",
]
OUTLETS = ["Reuters", "the Associated Press", "AFP", "the BBC", "Al Jazeera", "Le Monde"]
PLACES = ["Rotterdam", "Baghdad", "Lagos", "Kyiv", "Manila", "Lima", "Antwerp", "Khartoum"]
EVENTS = ["the fire", "the strike", "the floods", "the protest", "the election", "the outbreak"]
THINGS = ["casualties", "arrests", "evacuations", "cases", "complaints", "containers"]
SAYS = ["said", "told reporters", "stated", "claimed", "warned", "added", "insisted"]
HEDGES = ["reportedly", "apparently", "allegedly", "possibly", "it seems"]
MONTHS = ["January", "March", "May", "June", "August", "October", "December"]

PATTERNS = (
    '"{claim}," {person}, {role}, {say} on {day}.',
    "{person} {say} that {claim_lower}.",
    "According to {org}, {number} {thing} were recorded in {place} since {month}.",
    "{outlet} reported that {event} had {hedge} spread to {place}.",
    "An official who asked not to be named {say} {event} {may} last for weeks.",
    "Sources close to {org} {say} the figure {may} rise to {number}.",
    "The number of {thing} rose by {percent} percent in {month}, {org} said in a statement.",
    "Witnesses in {place} described {event} as the worst in {years} years.",
    '"We are doing everything we can," {person} {say}, adding that {claim_lower}.',
    "{person} denied that {org} had known about {event} in advance.",
    "It is believed that about {number} people were affected, {outlet} said.",
    "Critics say the response of {org} was slow, but {person} rejected that view.",
)
CLAIMS = (
    "The situation is under control",
    "Nobody was seriously hurt",
    "More help is on its way",
    "The damage will cost at least {number} million euros",
    "We have never seen anything like this",
    "The investigation will take months",
)


class NewsText:
    """A seeded source of paragraphs and articles."""

    def __init__(self, seed: int = 11) -> None:
        self._random = random.Random(seed)
        self._paragraph = 0

    def _fill(self, pattern: str) -> str:
        pick = self._random.choice
        number = f"{self._random.randint(3, 9000):,}"
        claim = pick(CLAIMS).format(number=number)
        return pattern.format(
            claim=claim,
            claim_lower=claim[0].lower() + claim[1:],
            person=f"{pick(FIRST)} {pick(LAST)}",
            role=pick(ROLES),
            say=pick(SAYS),
            day=pick(["Monday", "Tuesday", "Friday", "Sunday"]),
            org=pick(ORGS),
            outlet=pick(OUTLETS),
            place=pick(PLACES),
            event=pick(EVENTS),
            thing=pick(THINGS),
            hedge=pick(HEDGES),
            may=pick(["may", "could", "might", "would"]),
            month=pick(MONTHS),
            number=number,
            percent=self._random.randint(2, 80),
            years=self._random.randint(5, 60),
        )

    def paragraph(self) -> str:
        """Two to five sentences, numbered so that no paragraph is like another."""
        self._paragraph += 1
        count = self._random.randint(2, 5)
        sentences = [self._fill(self._random.choice(PATTERNS)) for _ in range(count)]
        return f"({self._paragraph}) " + " ".join(sentences)

    def article(self, size: int) -> tuple[str, str]:
        """(title, body) of an article of about size characters."""
        place = self._random.choice(PLACES)
        title = f"{self._random.choice(EVENTS).capitalize()} in {place}: {self._paragraph + 1}"
        parts: list[str] = []
        length = 0
        while length < size:
            parts.append(self.paragraph())
            length += len(parts[-1]) + 2
        return title, f"{place.upper()} - " + "\n\n".join(parts)


def articles(total_chars: int, size: int, seed: int = 11) -> Iterator[tuple[str, str]]:
    """(title, body) of articles of about size characters until total_chars are made."""
    source = NewsText(seed)
    made = 0
    while made < total_chars:
        title, body = source.article(min(size, total_chars - made))
        made += len(body)
        yield title, body
