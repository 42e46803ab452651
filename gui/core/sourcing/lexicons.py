"""Lexicons of the sourcing lens: speech verbs, hedges, approximators and anonymity cues.

Each lexicon is a tab-separated file in resources/lexicons/ with a source column per entry,
so that a trainer can see where a cue comes from and change it. A library overrides entries
with `load_lexicons(overrides)`: rows replace bundled rows with the same key, and a row with
"remove": true deletes one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from gui.core.entities.outlets import read_lexicon
from gui.core.resources import resource

SPEECH_VERB_CLASSES = ("neutral", "relay", "loaded")
ATTITUDE_CLASSES = ("belief", "intention")
HEDGE_LEXICON_CLASSES = ("agentless", "possible", "probable", "belief", "condition", "doubt")
LEXICON_FILES: dict[str, str] = {
    "speech_verbs": "speech_verbs.tsv",
    "hedges": "hedges.tsv",
    "approximators": "approximators.tsv",
    "anonymity": "anonymity.tsv",
    "attitudes": "attitude_verbs.tsv",
}
KEY_COLUMNS: dict[str, str] = {
    "speech_verbs": "verb",
    "hedges": "phrase",
    "approximators": "phrase",
    "anonymity": "phrase",
    "attitudes": "verb",
}
OVERRIDE_SOURCE = "library override"
_VERB_TAGS = ("VBZ", "VBG", "VBD", "VBN")  # says, saying, said (past), said (participle)


@dataclass(frozen=True)
class SpeechVerb:
    """A verb of saying (base form, particle included) and its class."""

    verb: str
    cls: str
    source: str


@dataclass(frozen=True)
class HedgeCue:
    """A hedge phrase, its class, its ICD 203 band where one applies, and its source."""

    phrase: str
    cls: str
    band: str
    source: str


@dataclass(frozen=True)
class Approximator:
    """A phrase that makes a figure approximate ("about", "up to") and its kind."""

    phrase: str
    kind: str
    source: str


@dataclass(frozen=True)
class AnonymityCue:
    """A phrase that marks a vague or anonymous source ("familiar with", "police sources")."""

    phrase: str
    source: str


@dataclass(frozen=True)
class Lexicons:
    """All lexicons of the sourcing lens, with case-insensitive look-ups."""

    speech_verbs: tuple[SpeechVerb, ...]
    hedges: tuple[HedgeCue, ...]
    approximators: tuple[Approximator, ...]
    anonymity: tuple[AnonymityCue, ...]
    attitudes: tuple[SpeechVerb, ...] = ()  # verbs of belief and intention, by class

    @cached_property
    def _verb_forms(self) -> dict[str, str]:
        """Every inflected form of every speech verb -> its class."""
        forms: dict[str, str] = {}
        for entry in self.speech_verbs:
            for form in inflections(entry.verb):
                forms.setdefault(form, entry.cls)
        return forms

    @cached_property
    def _attitude_forms(self) -> dict[str, str]:
        """Every form of every verb of belief or intention -> "belief" or "intention"."""
        return {form: entry.cls for entry in self.attitudes for form in inflections(entry.verb)}

    def attitude_class(self, verb: str) -> str:
        """ "belief" for "believes", "intention" for "wanted"; '' for other verbs."""
        return self._attitude_forms.get(verb.lower(), "")

    @cached_property
    def _hedges(self) -> dict[str, HedgeCue]:
        """Hedge cues by lower-case phrase."""
        return {entry.phrase.lower(): entry for entry in self.hedges}

    @cached_property
    def _approximators(self) -> dict[str, Approximator]:
        """Approximators by lower-case phrase."""
        return {entry.phrase.lower(): entry for entry in self.approximators}

    def verb_class(self, verb: str, particle: str = "") -> str:
        """Class of a speech verb in any form ("lashed", "out" -> "loaded"); '' if none."""
        verb = " ".join(verb.lower().split())
        if particle:
            found = self._verb_forms.get(f"{verb} {particle.lower()}")
            if found:
                return found
        return self._verb_forms.get(verb, "")

    def hedge(self, phrase: str) -> HedgeCue | None:
        """The hedge cue for a phrase (case-insensitive), or None."""
        return self._hedges.get(" ".join(phrase.lower().split()))

    def approximator(self, phrase: str) -> Approximator | None:
        """The approximator for a phrase (case-insensitive), or None."""
        return self._approximators.get(" ".join(phrase.lower().split()))

    def anonymity_phrases(self) -> list[str]:
        """The anonymity cues, lower case, longest first."""
        phrases = {entry.phrase.lower() for entry in self.anonymity}
        return sorted(phrases, key=lambda p: (-len(p), p))


def inflections(verb: str) -> list[str]:
    """Every form of a verb, from lemminflect ("lash out": the particle ends each form)."""
    # Imported here: lemminflect loads spaCy, which nothing that only reads a library needs.
    from lemminflect import getAllInflections, getAllInflectionsOOV

    head, _, rest = verb.lower().strip().partition(" ")
    found = getAllInflections(head, upos="VERB") or getAllInflectionsOOV(head, upos="VERB")
    forms = [head, *(form for tag in _VERB_TAGS for form in found.get(tag, ()))]
    suffix = f" {rest}" if rest else ""
    return list(dict.fromkeys(form.lower() + suffix for form in forms))


def load_lexicons(
    overrides: Mapping[str, Any] | None = None, folder: Path | None = None
) -> Lexicons:
    """The bundled lexicons (or those in `folder`), with a library's overrides applied.

    `overrides` maps a lexicon name ("speech_verbs", "hedges", "approximators", "anonymity",
    "attitudes")
    to rows shaped like the file's rows ({"phrase": ..., "class": ..., "band": ...,
    "source": ...}); a row replaces the bundled row with the same key, and a row with
    "remove": true deletes it. Unknown lexicon names or classes raise ValueError.
    """
    overrides = dict(overrides or {})
    unknown = set(overrides) - set(LEXICON_FILES)
    if unknown:
        raise ValueError(f"unknown lexicon(s) in overrides: {', '.join(sorted(unknown))}")
    rows = {
        name: _merged(name, _read(name, folder), overrides.get(name, ())) for name in LEXICON_FILES
    }
    return Lexicons(
        speech_verbs=tuple(_speech_verb(row) for row in rows["speech_verbs"]),
        hedges=tuple(_hedge(row) for row in rows["hedges"]),
        approximators=tuple(_approximator(row) for row in rows["approximators"]),
        anonymity=tuple(AnonymityCue(row["phrase"], row["source"]) for row in rows["anonymity"]),
        attitudes=tuple(_attitude(row) for row in rows["attitudes"]),
    )


@lru_cache(maxsize=1)
def default_lexicons() -> Lexicons:
    """The bundled lexicons without overrides, read once per process."""
    return load_lexicons()


def _read(name: str, folder: Path | None) -> list[dict[str, str]]:
    """Rows of one bundled lexicon file."""
    base = folder if folder is not None else resource("lexicons")
    return read_lexicon(base / LEXICON_FILES[name])


def _merged(
    name: str, rows: list[dict[str, str]], changes: Iterable[Mapping[str, Any]]
) -> list[dict[str, str]]:
    """Bundled rows with override rows replacing or removing those with the same key."""
    key = KEY_COLUMNS[name]
    merged = {_key(row.get(key, "")): _clean(row) for row in rows if _key(row.get(key, ""))}
    for change in changes:
        wanted = _key(str(change.get(key, "")))
        if not wanted:
            raise ValueError(f"{name}: override row without '{key}': {dict(change)!r}")
        if change.get("remove"):
            merged.pop(wanted, None)
        else:
            merged[wanted] = _clean({"source": OVERRIDE_SOURCE} | dict(change))
    return list(merged.values())


def _key(text: str) -> str:
    """Case- and space-insensitive key of a lexicon phrase."""
    return " ".join(text.lower().split())


def _clean(row: Mapping[str, Any]) -> dict[str, str]:
    """A row with its values as stripped strings (None -> '')."""
    return {str(k): ("" if v is None else str(v)).strip() for k, v in row.items() if k}


def _checked(value: str, allowed: tuple[str, ...], what: str) -> str:
    """`value` if it is one of `allowed`, else ValueError."""
    if value not in allowed:
        raise ValueError(f"{what}: class {value!r} is not one of {', '.join(allowed)}")
    return value


def _speech_verb(row: dict[str, str]) -> SpeechVerb:
    """A SpeechVerb from a row."""
    cls = _checked(row.get("class", ""), SPEECH_VERB_CLASSES, f"speech verb {row['verb']!r}")
    return SpeechVerb(row["verb"], cls, row.get("source", ""))


def _attitude(row: dict[str, str]) -> SpeechVerb:
    """A verb of belief or intention from a row."""
    cls = _checked(row.get("class", ""), ATTITUDE_CLASSES, f"attitude verb {row['verb']!r}")
    return SpeechVerb(row["verb"], cls, row.get("source", ""))


def _hedge(row: dict[str, str]) -> HedgeCue:
    """A HedgeCue from a row."""
    cls = _checked(row.get("class", ""), HEDGE_LEXICON_CLASSES, f"hedge {row['phrase']!r}")
    return HedgeCue(row["phrase"], cls, row.get("band", ""), row.get("source", ""))


def _approximator(row: dict[str, str]) -> Approximator:
    """An Approximator from a row."""
    return Approximator(row["phrase"], row.get("kind", ""), row.get("source", ""))
