"""News outlets: the bundled list, the patterns that tag them, and the relay-context rule.

A name on the list is tagged OUTLET wherever it appears, before the statistical model runs,
so the list wins over the model. A name not on the list becomes an outlet only when both its
form ("... News", "... Times", "... Post") and its place ("told X", "X reported",
"according to X") say so: either alone would also catch ministries and agencies of state.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gui.core.resources import resource

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

OUTLETS_FILE = resource("lexicons", "outlets.tsv")


def _words(text: str) -> frozenset[str]:
    """The set of the space-separated words of `text`."""
    return frozenset(text.split())


# Last words of names that are very likely outlets ("Agency" only after News/Press/Telegraph).
_NAME_ENDINGS = _words(
    "News Times Post TV Television Radio Press Herald Tribune Gazette Journal Chronicle "
    "Telegraph Daily Broadcasting Magazine Courier Monitor Express Mail Today Wire "
    "Newswire Agency Ledger Observer Examiner Inquirer Dispatch Sentinel Bulletin"
)
_AGENCY_QUALIFIERS = frozenset({"News", "Press", "Telegraph"})

# Verbs, in every form, whose subject is the source of what follows ("X reported ...").
# Word forms rather than lemmas, so that the pipeline can run without its lemmatizer.
_TELL = _words("tell tells told telling")
_RELAY_VERBS = _TELL | _words(
    "report reports reported reporting say says said saying write writes wrote written "
    "writing broadcast broadcasts broadcasting publish publishes published publishing "
    "air airs aired quote quotes quoted cite cites cited add adds added note notes noted "
    "claim claims claimed reveal reveals revealed"
)
# Words right before a name that make it the source ("reports X", "according to X").
_CUES_ONE = _words("told telling tells reports reported adds added notes noted writes wrote via")
_CUES_TWO = frozenset(
    {
        ("according", "to"),
        ("reported", "by"),
        ("quoted", "by"),
        ("cited", "by"),
        ("published", "by"),
        ("broadcast", "by"),
        ("interview", "with"),
        ("speaking", "to"),
        ("spoke", "to"),
        ("said", "to"),
    }
)


def read_lexicon(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated lexicon with a header line; blank and '#' lines skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def default_outlets() -> list[str]:
    """Names in the bundled outlet list (resources/lexicons/outlets.tsv), in file order."""
    names = (row["name"].strip() for row in read_lexicon(OUTLETS_FILE))
    return list(dict.fromkeys(name for name in names if name))


def outlets_hash(outlets: Sequence[str]) -> str:
    """Short hash of an outlet list; order and repeats do not matter."""
    names = sorted({name.strip() for name in outlets if name.strip()})
    return hashlib.sha256("\n".join(names).encode("utf-8")).hexdigest()[:12]


def outlet_patterns(outlets: Sequence[str]) -> list[dict[str, str]]:
    """EntityRuler phrase patterns labelled OUTLET; "The X" also matches "the X"."""
    patterns: list[dict[str, str]] = []
    for name in dict.fromkeys(name.strip() for name in outlets):
        if not name:
            continue
        patterns.append({"label": "OUTLET", "pattern": name})
        if name.startswith("The "):
            patterns.append({"label": "OUTLET", "pattern": "the " + name[4:]})
    return patterns


def looks_like_outlet_name(name: str) -> bool:
    """True when the name ends like an outlet's ("Kathmandu Post", "Fars News Agency")."""
    words = name.replace("-", " ").split()
    if len(words) < 2:
        return False
    if words[-1] == "Agency":
        return words[-2] in _AGENCY_QUALIFIERS
    return words[-1] in _NAME_ENDINGS


def in_relay_context(span: SpacySpan) -> bool:
    """True when the span is the source of a report: "told X", "X reported", "according to X"."""
    root = span.root
    if root.dep_ in {"dobj", "dative"} and root.head.lower_ in _TELL:
        return True
    if root.dep_ == "nsubj" and root.head.lower_ in _RELAY_VERBS:
        return True
    return _after_cue(span)


def _after_cue(span: SpacySpan) -> bool:
    """True when the words right before the span (skipping "the") are a relay cue."""
    doc, start = span.doc, span.start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    before = [token.lower_ for token in doc[max(0, start - 2) : start]]
    if before and before[-1] in _CUES_ONE:
        return True
    return len(before) == 2 and (before[0], before[1]) in _CUES_TWO
