"""Speaker turns of broadcast transcripts: "DUNNE: The pipe is more than a hundred years old."

A paragraph that opens with a name in capitals and a colon is that speaker's own words. The
turns of the programme's own people (anchor, presenter, its reporters) are the article's
voice, not a source; a guest's turn is a direct quote of the person the transcript names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from gui.core.sourcing.model import Attribution, Source, SpanText

if TYPE_CHECKING:
    from gui.core.entities.pipeline import Entity

# match() anchors at the paragraph's start: "DUNNE: ", "PAUL DUNNE: ".
_TURN = re.compile(r"(?P<label>[A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,2}):\s+(?=\S)")
HOSTS = frozenset(
    {
        "ANCHOR", "PRESENTER", "HOST", "REPORTER", "CORRESPONDENT", "INTERVIEWER", "NARRATOR",
        "VOICEOVER", "Q", "A",
    }
)  # fmt: skip
_ROLE = r"(?:[Oo]ur|[Mm]y)\s+(?:reporter|correspondent|colleague|producer)"
_OWN = re.compile(_ROLE + r"\s+(?P<name>[A-Z][\w'-]+(?: [A-Z][\w'-]+)*)")


def transcript_turns(
    body: str, paragraphs: Sequence[tuple[int, int]], entities: Sequence[Entity]
) -> Iterator[Attribution]:
    """The guests' turns of a transcript, as direct quotes of the people they name."""
    own = {m["name"].split()[-1].upper() for m in _OWN.finditer(body)}
    people = [e for e in entities if e.label == "PERSON"]
    for index, (start, end) in enumerate(paragraphs):
        match = _TURN.match(body, start, end)
        if match is None:
            continue
        label = match["label"]
        if label in HOSTS or label.split()[-1] in own:
            continue
        name = _person(label, people, start)
        if not name:
            continue
        who = Source(SpanText(start, start + len(label), label), "person", name, verify=True)
        content = SpanText(match.end(), end, body[match.end() : end])
        yield Attribution(0, "direct", None, who, content, quote_marks=True, paragraph=index)


def _person(label: str, people: Sequence[Entity], before: int) -> str:
    """The person named earlier whose surname is the label ("DUNNE" -> "Paul Dunne")."""
    surname = label.split()[-1]
    for entity in reversed([e for e in people if e.start < before]):
        if entity.text.split()[-1].upper().strip(".,") == surname:
            return entity.group or entity.text
    return ""
