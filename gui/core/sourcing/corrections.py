"""The user's corrections of attributions, applied to sourcing findings (JSON-shaped, pure).

Findings are Findings.to_json() data. A correction finds its attribution by the content span:
"speaker" gives it another source, "remove_quote" drops it, "add_quote" adds a direct quote.
Figures and hedges inside a quote follow its speaker. Corrections apply in id order; one whose
quote is no longer found changes nothing. The input is never changed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from gui.core.sourcing.commands import SourcingCorrection

Findings = dict[str, Any]
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
_UNNAMED_TYPES = ("pronoun", "description", "unknown", None)
_CORRECTED = "corrected"  # marks an attribution the user changed or added


def apply_sourcing_corrections(
    findings_json: Findings, corrections: Sequence[SourcingCorrection]
) -> Findings:
    """The findings as the user's corrections make them; findings_json is left as it is."""
    result = dict(findings_json)
    for key in ("attributions", "numbers", "hedges"):
        result[key] = [dict(item) for item in findings_json.get(key, [])]
    for correction in sorted(corrections, key=attrgetter("id")):
        _apply_one(result, correction)
    result["attributions"].sort(key=lambda a: (a["content"]["start"], a["content"]["end"]))
    return result


def _apply_one(findings: Findings, correction: SourcingCorrection) -> None:
    """Carry out one correction on findings (the copy apply_sourcing_corrections owns)."""
    index = _find(findings["attributions"], correction.start, correction.end)
    if correction.kind == "remove_quote":
        if index is not None:
            _remove(findings, index)
    elif index is not None:
        _change_speaker(findings, index, correction.value)
    elif correction.kind == "add_quote":
        _add_quote(findings, correction)


def _find(attributions: Sequence[dict[str, Any]], start: int, end: int) -> int | None:
    """The index of the attribution whose content is exactly [start, end), or None."""
    for index, attribution in enumerate(attributions):
        content = attribution.get("content") or {}
        if (content.get("start"), content.get("end")) == (start, end):
            return index
    return None


def _remove(findings: Findings, index: int) -> None:
    """Drop an attribution; figures and hedges inside it no longer have its speaker."""
    removed = findings["attributions"].pop(index)
    _reassign(findings, removed["content"], source_name(removed["source"]), "", only_old=True)


def _change_speaker(findings: Findings, index: int, name: str) -> None:
    """Give an attribution another source (its channel stays: it belongs to the cue)."""
    attribution = findings["attributions"][index]
    old = attribution["source"]
    source = speaker_source(name, findings["attributions"])
    source["channel"] = old.get("channel", "")
    findings["attributions"][index] = attribution | {"source": source, _CORRECTED: True}
    _reassign(findings, attribution["content"], source_name(old), name, only_old=False)


def _add_quote(findings: Findings, correction: SourcingCorrection) -> None:
    """Add a direct quote of correction.value with the corrected span as its content."""
    attributions = findings["attributions"]
    content = {"start": correction.start, "end": correction.end, "text": correction.exact}
    attributions.append(
        {
            "id": max((a.get("id", 0) for a in attributions), default=0) + 1,
            "kind": "direct",
            "cue": None,
            "source": speaker_source(correction.value, attributions),
            "content": content,
            "via": [],
            "verb_class": "",
            "quote_marks": True,
            "paragraph": _paragraph_at(attributions, correction.start),
            _CORRECTED: True,
        }
    )
    _reassign(findings, content, "", correction.value, only_old=True)


def _paragraph_at(attributions: Sequence[dict[str, Any]], start: int) -> int:
    """The paragraph of the last attribution starting before start (0 when none)."""
    before = [a for a in attributions if a["content"]["start"] <= start]
    return max(before, key=lambda a: a["content"]["start"])["paragraph"] if before else 0


def _reassign(
    findings: Findings, content: dict[str, Any], old: str, new: str, *, only_old: bool
) -> None:
    """Figures and hedges inside content that had the old speaker (or, unless only_old, any
    speaker or none) get the new one."""
    start, end = content["start"], content["end"]
    for key, field in (("numbers", "source"), ("hedges", "speaker")):
        items = findings[key]
        for index, item in enumerate(items):
            inside = start <= item.get("start", -1) and item.get("end", end + 1) <= end
            current = item.get(field, "")
            if inside and (current == old or (not only_old and not current)):
                items[index] = item | {field: new}


def source_name(source: dict[str, Any] | None) -> str:
    """The name a source goes by in findings: resolved if known, else as written."""
    if not source:
        return ""
    return source.get("resolved") or source.get("text") or ""


def speaker_source(name: str, attributions: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """A source (findings shape) for a speaker the user named, typed as well as can be told.

    A name some attribution already gives a source keeps that source's type; else a name is a
    person, "a senior official" is anonymous, anything else a description. It is resolved (the
    user said who it is) and has no span in the body.
    """
    name = " ".join(name.split())
    kind = _known_type(name, attributions) or guess_source_type(name)
    return {
        "start": None,
        "end": None,
        "text": "",
        "type": kind,
        "resolved": name,
        "anonymous": kind == "anonymous",
        "channel": "",
        "verify": False,
    }


def _known_type(name: str, attributions: Sequence[dict[str, Any]]) -> str:
    """The type of a named source of these attributions called name ("" when none is)."""
    wanted = name.casefold()
    for attribution in attributions:
        for source in (attribution.get("source"), *attribution.get("via", ())):
            named = source and source.get("type") not in _UNNAMED_TYPES
            if named and source_name(source).casefold() == wanted:
                return source["type"]
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
