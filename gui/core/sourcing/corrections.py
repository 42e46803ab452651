"""The user's corrections of attributions, applied to sourcing findings (pure).

A correction finds its attribution by the content span: "speaker" gives it another source,
"remove_quote" drops it, "add_quote" adds a direct quote; either of the last two kinds of
change marks the attribution corrected. Figures and hedges inside a quote follow its speaker.
Corrections apply in id order; one whose quote is no longer found changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter

from gui.core.sourcing.commands import SourcingCorrection
from gui.core.sourcing.model import Attribution, Findings, Source, SpanText

_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "van", "von"})
_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})  # "Ministry of Defence"
_INSTITUTION_WORDS = frozenset(
    {
        "Agency", "Army", "Association", "Authority", "Bureau", "Command", "Committee",
        "Council", "Court", "Department", "Forces", "Front", "Government", "Group", "Guard",
        "Institute", "Ministry", "News", "Office", "Organisation", "Organization", "Party",
        "Police", "Press", "Service", "Times", "Union",
    }
)  # fmt: skip
_NAME_WORD = re.compile(r"[A-Z][\w'\u2019.-]*")  # O'Brien, O\u2019Brien
_VAGUE_OPENINGS = ("a ", "an ", "some ", "several ", "two ", "three ")
_CROWDS = ("sources", "officials", "witnesses", "residents", "activists")
_MAX_NAME_WORDS = 5
_UNNAMED_TYPES = ("pronoun", "description", "unknown")


def apply_sourcing_corrections(
    findings: Findings, corrections: Sequence[SourcingCorrection]
) -> Findings:
    """The findings as the user's corrections make them, attributions in body order."""
    for correction in sorted(corrections, key=attrgetter("id")):
        findings = _apply_one(findings, correction)
    ordered = sorted(findings.attributions, key=lambda a: (a.content.start, a.content.end))
    return replace(findings, attributions=tuple(ordered))


def _apply_one(findings: Findings, correction: SourcingCorrection) -> Findings:
    """The findings with one correction carried out."""
    index = _find(findings.attributions, correction.start, correction.end)
    if correction.kind == "remove_quote":
        return findings if index is None else _remove(findings, index)
    if index is not None:
        return _change_speaker(findings, index, correction.value)
    if correction.kind == "add_quote":
        return _add_quote(findings, correction)
    return findings


def _find(attributions: Sequence[Attribution], start: int, end: int) -> int | None:
    """The index of the attribution whose content is exactly [start, end), or None."""
    for index, attribution in enumerate(attributions):
        if (attribution.content.start, attribution.content.end) == (start, end):
            return index
    return None


def _remove(findings: Findings, index: int) -> Findings:
    """Drop an attribution; figures and hedges inside it no longer have its speaker."""
    removed = findings.attributions[index]
    rest = findings.attributions[:index] + findings.attributions[index + 1 :]
    kept = replace(findings, attributions=rest)
    return _reassign(kept, removed.content, removed.source.name, "", only_old=True)


def _change_speaker(findings: Findings, index: int, name: str) -> Findings:
    """Give an attribution another source (its channel stays: it belongs to the cue)."""
    old = findings.attributions[index]
    source = replace(speaker_source(name, findings.attributions), channel=old.source.channel)
    changed = replace(old, source=source, corrected=True)
    attributions = (*findings.attributions[:index], changed, *findings.attributions[index + 1 :])
    kept = replace(findings, attributions=attributions)
    return _reassign(kept, old.content, old.source.name, name, only_old=False)


def _add_quote(findings: Findings, correction: SourcingCorrection) -> Findings:
    """Add a direct quote of correction.value with the corrected span as its content."""
    attributions = findings.attributions
    content = SpanText(correction.start, correction.end, correction.exact)
    added = Attribution(
        id=max((a.id for a in attributions), default=0) + 1,
        kind="direct",
        cue=None,
        source=speaker_source(correction.value, attributions),
        content=content,
        quote_marks=True,
        paragraph=_paragraph_at(attributions, correction.start),
        corrected=True,
    )
    kept = replace(findings, attributions=(*attributions, added))
    return _reassign(kept, content, "", correction.value, only_old=True)


def _paragraph_at(attributions: Sequence[Attribution], start: int) -> int:
    """The paragraph of the last attribution starting before start (0 when none)."""
    before = [a for a in attributions if a.content.start <= start]
    return max(before, key=lambda a: a.content.start).paragraph if before else 0


def _reassign(
    findings: Findings, content: SpanText, old: str, new: str, *, only_old: bool
) -> Findings:
    """Figures and hedges inside content that had the old speaker get the new one.

    Unless only_old, so do those inside it with no speaker at all.
    """

    def moves(start: int, end: int, current: str) -> bool:
        inside = content.start <= start and end <= content.end
        return inside and (current == old or (not only_old and not current))

    numbers = tuple(
        replace(n, source=new) if moves(n.span.start, n.span.end, n.source) else n
        for n in findings.numbers
    )
    hedges = tuple(
        replace(h, speaker=new) if moves(h.start, h.end, h.speaker) else h for h in findings.hedges
    )
    return replace(findings, numbers=numbers, hedges=hedges)


def speaker_source(name: str, attributions: Sequence[Attribution] = ()) -> Source:
    """A source for a speaker the user named, typed as well as can be told.

    A name some attribution already gives a source keeps that source's type; else a name is a
    person, "a senior official" is anonymous, anything else a description. It is resolved (the
    user said who it is) and has no span in the body.
    """
    name = " ".join(name.split())
    kind = _known_type(name, attributions) or guess_source_type(name)
    return Source(None, kind, name, anonymous=kind == "anonymous")


def _known_type(name: str, attributions: Sequence[Attribution]) -> str:
    """The type of a named source of these attributions called name ("" when none is)."""
    wanted = name.casefold()
    for attribution in attributions:
        for source in (attribution.source, *attribution.via):
            if source.type not in _UNNAMED_TYPES and source.name.casefold() == wanted:
                return source.type
    return ""


def guess_source_type(name: str) -> str:
    """ "person" for what looks like a name, "anonymous" for a vague source, else "description"."""
    if looks_like_name(name):
        words = name.split()
        institution = words[0] == "The" or not _INSTITUTION_WORDS.isdisjoint(words)
        return "institution" if institution else "person"
    lowered = name.casefold()
    if lowered[:1].isdigit() or lowered.startswith(_VAGUE_OPENINGS) or lowered.endswith(_CROWDS):
        return "anonymous"
    return "description"


def looks_like_name(text: str) -> bool:
    """True for "Saad al-Hadithi", "Ashton Carter", "Reuters": capitalised words, no digits."""
    words = text.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or any(ch.isdigit() for ch in text):
        return False
    if not _NAME_WORD.fullmatch(words[0]):
        return False
    return all(_NAME_WORD.fullmatch(word) or _is_particle(word) for word in words[1:])


def _is_particle(word: str) -> bool:
    """True for lower-case parts of names: "al-Hadithi", "bin", "van", "of"."""
    return word.split("-", 1)[0] in _NAME_PARTICLES or word in _CONNECTORS
