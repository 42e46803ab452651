"""Guessing an article's metadata from the header lines of plain text, and reading dates."""

from __future__ import annotations

import csv
import re
from dataclasses import fields, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import islice

from gui.core.articles import Metadata
from gui.core.resources import resource

# Used with (and without) resources/lexicons/outlets.tsv; that file is optional.
_BUILTIN_OUTLETS = (
    "Associated Press", "Reuters", "Agence France-Presse", "Al Jazeera", "CNN", "BBC",
    "BBC News", "Bloomberg", "Deutsche Presse-Agentur", "Xinhua", "Anadolu Agency",
    "United Press International", "Kyodo News", "EFE", "ANSA", "TASS", "Al Arabiya",
    "Haaretz", "The Guardian", "The New York Times", "The Washington Post", "NPR",
    "Sky News", "France 24", "Euronews", "Financial Times", "The Wall Street Journal",
)  # fmt: skip
_ABBREVIATIONS = {
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "upi": "United Press International",
    "dpa": "Deutsche Presse-Agentur",
}
_PHOTO_AGENCIES = frozenset({"getty images", "epa", "epa-efe", "shutterstock", "alamy", "ap"})
_PHOTO_WORD = r"(?:photos?|photograph|pictures?|images?|video|handout)"
_MONTH_NAMES = (
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
    "august aug", "september sep sept", "october oct", "november nov", "december dec",
)  # fmt: skip
_MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY, _YEAR = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?", r"(?P<year>(?:19|20)\d\d)"
_DATES = (
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
)
_CREDIT_LABEL = re.compile(
    rf"^\(?\s*(?:{_PHOTO_WORD}|photo credit|credit)\s*:\s*\S.{{0,80}}$", re.IGNORECASE
)
_ENDS_WITH_PHOTO_WORD = re.compile(rf"\s{_PHOTO_WORD}$", re.IGNORECASE)
_SLASH_CREDIT = re.compile(r"^(?P<left>[^/]{1,40})/(?P<right>[A-Z0-9][^/]{0,60})$")
_VIA_CREDIT = re.compile(r"^.{1,50}\bvia (?P<agency>.{1,30})$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?i:by)[:\s]\s*(?P<rest>[A-Z\u00c0-\u024f].{0,100})$")
_BYLINE_TAIL = re.compile(r"\s*[,|]\s*|\s+[-\u2013\u2014]\s+")
_ROLE = re.compile(r"\b(?:correspondent|reporter|writer|editor|staff)\b", re.IGNORECASE)
_PLACE_WORD = r"[A-Z\u00c0-\u024f][\w'\u2019.-]*"
_PLACE = re.compile(rf"^{_PLACE_WORD}(?: {_PLACE_WORD}){{0,3}}, {_PLACE_WORD}(?: {_PLACE_WORD})?$")
_CAPS_PLACE = re.compile(r"^[A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,2}$")
_WIRE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+)*"
    rf"(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})?)"
    r"\s*(?:\((?P<agency>[^()]{2,40})\))?\s*(?P<dash>[\u2013\u2014]|--?)\s"
)
_NOT_PLACES = frozenset(
    {"BREAKING", "BREAKING NEWS", "ANALYSIS", "OPINION", "EXCLUSIVE", "UPDATE", "UPDATED",
     "LIVE", "EDITORIAL", "COMMENT", "NEWS", "WORLD", "WORLD NEWS", "FEATURE"}
)  # fmt: skip
_SENTENCE_END = tuple('.!?:"\u201d\u2019)')
_MAX_TITLE = 200
_MAX_HEADER_LINES = 12


def guess_metadata(body: str) -> Metadata:
    """Read title, byline, outlet, dateline, published and credits from plain text."""
    lines = body.split("\n")
    first = _first_nonempty(lines)
    if first is None:
        return Metadata()
    found: dict[str, str] = {}
    title, header_start = lines[first].strip(), first
    if len(title) <= _MAX_TITLE and not _wire_dateline(title):
        found["title"], header_start = title, first + 1
    _read_header(lines[header_start:], found)
    return Metadata(**found, credits=_credits(lines, skip=first))


def merge_metadata(primary: Metadata, fallback: Metadata) -> Metadata:
    """Fill the empty fields of primary from fallback (a date with the text it was read from)."""
    missing = {f.name: getattr(fallback, f.name) for f in fields(Metadata)}
    if primary.published:
        missing.pop("published_raw")
    return replace(primary, **{k: v for k, v in missing.items() if not getattr(primary, k)})


def iso_date(text: str) -> str:
    """The date in text as ISO 8601 (YYYY-MM-DD) when the standard library can read it."""
    text = text.strip()
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    return _find_date(text) or text


def published_iso(text: str) -> str:
    """The date text gives as ISO 8601 (YYYY-MM-DD), or "" when no date can be read in it."""
    found = iso_date(text)
    try:
        return date.fromisoformat(found).isoformat()
    except ValueError:
        return ""


def read_published(text: str) -> Metadata:
    """Metadata with only the date of text: ISO when readable, and the text as found."""
    text = " ".join(text.split())
    found = iso_date(text)
    return Metadata(published=found, published_raw=text if text != found else "")


def known_outlet(name: str) -> str:
    """The outlet's canonical name when name is a known outlet or agency, else ""."""
    key = name.strip().strip(".,;:").lower()
    return _ABBREVIATIONS.get(key) or _outlets().get(key, "")


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    """Known outlet names, lower-cased -> as written: built in, plus the lexicon if present."""
    names = list(_BUILTIN_OUTLETS)
    try:
        with resource("lexicons", "outlets.tsv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error):
        rows = []
    names += [row[0].strip() for row in rows if row and row[0].strip().lower() != "name"]
    return {name.lower(): name for name in names if name}


def _first_nonempty(lines: list[str]) -> int | None:
    """Index of the first line with text."""
    return next((i for i, line in enumerate(lines) if line.strip()), None)


def _read_header(lines: list[str], found: dict[str, str]) -> None:
    """Classify header lines into found until the first real paragraph (read for a dateline)."""
    header = islice((line.strip() for line in lines if line.strip()), _MAX_HEADER_LINES)
    for line in header:
        if _is_prose(line):
            _read_first_paragraph(line, found)
            return
        _classify(line, found)


def _classify(line: str, found: dict[str, str]) -> None:
    """Record what a short header line says, if anything; the first of each kind wins."""
    if is_credit(line):
        return  # credits are collected from the whole text
    if byline := _byline(line, found):
        found.setdefault("byline", byline)
    elif (published := _find_date(line)) and len(line.split()) <= 10:
        if "published" not in found:
            found["published"] = published
            found["published_raw"] = line if line != published else ""
    elif outlet := known_outlet(line):
        found.setdefault("outlet", outlet)
    elif _PLACE.match(line) or (_CAPS_PLACE.match(line) and line not in _NOT_PLACES):
        found.setdefault("dateline", line)


def _read_first_paragraph(line: str, found: dict[str, str]) -> None:
    """Take a wire dateline such as "BEIRUT (AP) —" from the start of the first paragraph."""
    match = _wire_dateline(line)
    if match is None:
        return
    found.setdefault("dateline", match["place"])
    outlet = known_outlet(match["agency"] or "")
    if outlet:
        found.setdefault("outlet", outlet)


def _wire_dateline(line: str) -> re.Match[str] | None:
    """The wire dateline that opens line; a plain hyphen only counts with an agency."""
    match = _WIRE_DATELINE.match(line)
    if match is None or len(match["place"]) < 2:
        return None
    if match["dash"].startswith("-") and not match["agency"]:
        return None
    return match


def _is_prose(line: str) -> bool:
    """True for a line that reads like a paragraph of the article rather than a header."""
    if _wire_dateline(line):
        return True
    words = len(line.split())
    return words >= 25 or (words >= 10 and line.endswith(_SENTENCE_END))


def _byline(line: str, found: dict[str, str]) -> str:
    """The names in a "By ..." or "Name, Staff Writer" line (an outlet after them is noted)."""
    match = _BYLINE.match(line)
    if match is None:
        return _name_comma_line(line, found)
    rest = match["rest"]
    if len(rest.split()) > 12 or (rest.endswith((".", "!", "?")) and len(rest.split()) > 4):
        return ""
    names, *tail = _BYLINE_TAIL.split(rest, maxsplit=1)
    if tail and (outlet := known_outlet(tail[0])):
        found.setdefault("outlet", outlet)
    return names.strip()


def _name_comma_line(line: str, found: dict[str, str]) -> str:
    """The name in "Jane Doe, Staff Writer" or "Jane Doe, Reuters" (noting the outlet), else ""."""
    name, comma, rest = line.partition(",")
    if not comma or len(line.split()) > 8 or not name.strip()[:1].isupper():
        return ""
    if outlet := known_outlet(rest):
        found.setdefault("outlet", outlet)
        return name.strip()
    return name.strip() if _ROLE.search(rest) else ""


def is_credit(line: str) -> bool:
    """True for a photo or wire credit line such as "AP Photo/Militant Website"."""
    line = line.strip()
    if not line or len(line) > 100:
        return False
    if _CREDIT_LABEL.match(line):
        return True
    if match := _SLASH_CREDIT.match(line):
        return _credit_sides(match["left"].strip(), match["right"].strip())
    if match := _VIA_CREDIT.match(line):
        return match["agency"].strip().lower() in _PHOTO_AGENCIES
    return line.lower() in _PHOTO_AGENCIES - {"ap"}


def _credit_sides(left: str, right: str) -> bool:
    """True when left names an agency or a photo, and right a short name."""
    if len(right.split()) > 6 or ". " in right or right.endswith(("!", "?")):
        return False
    if _ENDS_WITH_PHOTO_WORD.search(left):
        return True
    return bool(known_outlet(left)) or left.lower() in _PHOTO_AGENCIES


def _credits(lines: list[str], skip: int) -> tuple[str, ...]:
    """Credit lines anywhere in the text, in order, each once (the title line excepted)."""
    found = dict.fromkeys(
        line.strip() for i, line in enumerate(lines) if i != skip and is_credit(line)
    )
    return tuple(found)


def _find_date(text: str) -> str | None:
    """The first readable date in text, as ISO."""
    for pattern in _DATES:
        for match in pattern.finditer(text):
            month = match["month"].lower().rstrip(".")
            number = int(month) if month.isdigit() else _MONTHS[month]
            try:
                day = date(int(match["year"]), number, int(match["day"]))
            except ValueError:
                continue
            return day.isoformat()
    return None
