"""Reading W3C Web Annotations: one, a list, an AnnotationCollection or an AnnotationPage.

Lenient where web annotation tools differ (a body as a string, object or list; a target or
selector as an object or list; types with an "oa:" prefix; pages linked through embedded
"next" pages), strict where it matters: an item that is not an annotation of a span of text
is skipped with a reason, and a file that holds no annotations at all is refused.

Hypothesis's own files read too: the client's export ({"export_date", ..., "annotations"})
and the API's search results ({"total", "rows"}), each user ("acct:name@hypothes.is") a
layer of their own. Sourcelight's orphan marker and last position are read back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from gui.core.anchoring import Anchor
from gui.core.interchange.common import (
    NO_POSITION,
    Incoming,
    InterchangeError,
    Parsed,
    as_list,
    hash_of_urn,
    position_problem,
    quote_text,
    short,
    stored_time,
    text_field,
)

# Bodies with these purposes name what the span is: they become labels, not notes.
TAG_PURPOSES = frozenset({"tagging", "identifying", "classifying"})
ORPHANED_KEYS = ("sourcelight:orphaned", "urn:sourcelight:terms#orphaned")
POSITION_KEYS = ("sourcelight:lastPosition", "urn:sourcelight:terms#lastPosition")
MAX_PAGES = 10_000  # embedded "next" pages followed, against a page that names itself
_TYPE_ALIASES = {
    "OrderedCollection": "AnnotationCollection",
    "OrderedCollectionPage": "AnnotationPage",
}
_TYPE_PREFIXES = (
    "http://www.w3.org/ns/oa#",
    "oa:",
    "as:",
    "https://www.w3.org/ns/activitystreams#",
)
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_SHAPE = "expected a W3C Annotation, a list of them, an AnnotationCollection or an AnnotationPage"


@dataclass(frozen=True)
class _Selection:
    """What the selectors of a target say: a quote, a position, or both (or a problem)."""

    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    position: tuple[int, int] | None = None
    problem: str = ""


def parse_w3c(document: object) -> Parsed:
    """The annotations in a W3C document; InterchangeError when it is not one at all."""
    items, skipped = _unwrap(document)
    found: list[Incoming] = []
    hashes: list[str] = []
    for number, item in enumerate(items, 1):
        try:
            incoming, digest = _annotation(item, number)
        except InterchangeError as problem:
            skipped.append(f"item {number}: {problem}")
            continue
        found.append(incoming)
        if digest and digest not in hashes:
            hashes.append(digest)
    return Parsed(tuple(found), tuple(skipped), (), tuple(hashes))


def types_of(value: dict[str, Any]) -> set[str]:
    """The JSON-LD types of an object ("type" or "@type"), without namespace prefixes."""
    names = as_list(value.get("type")) + as_list(value.get("@type"))
    found = set()
    for name in names:
        if isinstance(name, str):
            for prefix in _TYPE_PREFIXES:
                name = name.removeprefix(prefix)
            found.add(_TYPE_ALIASES.get(name, name))
    return found


def _unwrap(document: object) -> tuple[list[Any], list[str]]:
    """The items a document holds, and notes on what it only links to."""
    if isinstance(document, list):
        return list(document), []
    if not isinstance(document, dict):
        raise InterchangeError(f"{_SHAPE}, not {_json_kind(document)}")
    kinds = types_of(document)
    hypothesis = _hypothesis_items(document) if not kinds else None
    if hypothesis is not None:
        return hypothesis, []
    if "AnnotationCollection" in kinds:
        return _collection_items(document)
    if "AnnotationPage" in kinds:
        return _pages_items(document)
    if "Annotation" in kinds or ("target" in document and not kinds):
        return [document], []
    shown = ", ".join(sorted(kinds)) or "an object without a type"
    raise InterchangeError(f"{_SHAPE}, not {shown}")


def _hypothesis_items(document: dict[str, Any]) -> list[Any] | None:
    """The annotations of a Hypothesis export or API search result; None for anything else."""
    if "export_date" in document and isinstance(document.get("annotations"), list):
        return list(document["annotations"])
    if "total" in document and isinstance(document.get("rows"), list):
        return list(document["rows"])
    return None


def _collection_items(collection: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """The items of a collection: its embedded first page (and the pages after it), or items."""
    first = collection.get("first")
    if isinstance(first, dict):
        return _pages_items(first)
    if "items" in collection:
        return as_list(collection["items"]), []
    if isinstance(first, str):
        raise InterchangeError(
            f"the collection's annotations are on a page that is not in the file ({first})"
        )
    return [], []


def _pages_items(page: dict[str, Any]) -> tuple[list[Any], list[str]]:
    """The items of a page and of the embedded pages that follow it."""
    items: list[Any] = []
    notes: list[str] = []
    for current in _pages(page):
        items += as_list(current.get("items"))
        following = current.get("next")
        if isinstance(following, str):
            notes.append(f"page {following}: not in the file, its annotations were not read")
    return items, notes


def _pages(page: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """page, then each embedded "next" page in turn."""
    current: Any = page
    for _ in range(MAX_PAGES):
        if not isinstance(current, dict):
            return
        yield current
        current = current.get("next")


def _annotation(item: object, number: int) -> tuple[Incoming, str | None]:
    """One annotation and the content hash its target names; InterchangeError if it is none."""
    if not isinstance(item, dict):
        raise InterchangeError(f"not an annotation but {_json_kind(item)}")
    kinds = types_of(item)
    if kinds and "Annotation" not in kinds:
        raise InterchangeError(f"a {', '.join(sorted(kinds))}, not an Annotation")
    if "target" not in item:
        raise InterchangeError("an annotation without a target")
    selection, digest = _target(item["target"])
    tags, note = _bodies(item)
    quote = f" ({short(selection.exact)!r})" if selection.exact else ""
    last = _last_position(item) if selection.exact else None
    incoming = Incoming(
        anchor=_anchor(replace(selection, position=last) if last else selection),
        tags=tags,
        note=note,
        annotator=_creator(item.get("creator")) or _hypothesis_user(item.get("user")),
        created=stored_time(item.get("created")),
        modified=stored_time(item.get("modified") or item.get("updated")),
        name=f"item {number}{quote}",
        orphaned=last is not None,
        iri=_iri(item),
    )
    return incoming, digest


def _last_position(item: dict[str, Any]) -> tuple[int, int] | None:
    """Where an exported orphan last was, when the file marks it as one (else None)."""
    if not any(item.get(key) is True for key in ORPHANED_KEYS):
        return None
    for key in POSITION_KEYS:
        place = item.get(key)
        if isinstance(place, dict):
            start, end = place.get("start"), place.get("end")
            if not position_problem(start, end):  # a whole-number span within any article
                return start, end
    return NO_POSITION, NO_POSITION


def _iri(item: dict[str, Any]) -> str:
    """The annotation's own IRI: its id, or Hypothesis's link to it; "" when it has none."""
    links = item.get("links")
    candidates = [item.get("id"), links.get("html") if isinstance(links, dict) else None]
    for candidate in candidates:
        if isinstance(candidate, str) and _IRI.fullmatch(candidate):
            return candidate
    return ""


def _hypothesis_user(user: object) -> str | None:
    """A Hypothesis account ("acct:name@hypothes.is") as the name that is its layer."""
    if not isinstance(user, str) or not user.strip():
        return None
    name = user.strip().removeprefix("acct:")
    return name.rsplit("@", 1)[0].strip() or None


def _anchor(selection: _Selection) -> Anchor:
    """The anchor a selection gives (start and end NO_POSITION for a quote alone)."""
    start, end = selection.position or (NO_POSITION, NO_POSITION)
    return Anchor(start, end, selection.exact, selection.prefix, selection.suffix)


def _target(target: object) -> tuple[_Selection, str | None]:
    """The first target that selects text, and the content hash its source names."""
    problems = []
    for candidate in as_list(target):
        if not isinstance(candidate, dict):
            continue
        selection = _selection(as_list(candidate.get("selector")))
        if selection.exact or selection.position is not None:
            return selection, hash_of_urn(candidate.get("source"))
        problems.append(selection.problem)
    problem = next((p for p in problems if p), "")
    raise InterchangeError(
        problem or "its target selects no text (no TextQuoteSelector or TextPositionSelector)"
    )


def _selection(selectors: list[Any]) -> _Selection:
    """What a target's selectors say; refinements count only for a quote missing at the top."""
    found = _Selection()
    for selector in selectors:
        if isinstance(selector, dict):
            found = _with_selector(found, selector)
    if not found.exact:
        for selector in selectors:
            refined = selector.get("refinedBy") if isinstance(selector, dict) else None
            for refinement in as_list(refined):
                if isinstance(refinement, dict) and "TextQuoteSelector" in types_of(refinement):
                    found = _with_selector(found, refinement)
    return found


def _with_selector(found: _Selection, selector: dict[str, Any]) -> _Selection:
    """found, completed by one selector (the first quote and the first position count)."""
    kinds = types_of(selector)
    if "TextQuoteSelector" in kinds and not found.exact:
        exact = quote_text(text_field(selector, "exact"))
        if not exact:
            return _problem(found, "its TextQuoteSelector has no text (exact)")
        prefix, suffix = (quote_text(text_field(selector, key)) for key in ("prefix", "suffix"))
        return _Selection(exact, prefix, suffix, found.position, found.problem)
    if "TextPositionSelector" in kinds and found.position is None:
        start, end = selector.get("start"), selector.get("end")
        if problem := position_problem(start, end):
            return _problem(found, f"its TextPositionSelector's {problem}")
        return _Selection(found.exact, found.prefix, found.suffix, (start, end), found.problem)
    return found


def _whole(value: object) -> bool:
    """True for a JSON whole number (not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _problem(found: _Selection, problem: str) -> _Selection:
    """found, remembering the first problem seen."""
    return _Selection(
        found.exact, found.prefix, found.suffix, found.position, found.problem or problem
    )


def _bodies(item: dict[str, Any]) -> tuple[tuple[str, ...], str]:
    """The tags and the note (comments joined by blank lines) an annotation's bodies carry."""
    if "body" not in item and "bodyValue" not in item:
        return _hypothesis_bodies(item)
    motivations = [m for m in as_list(item.get("motivation")) if isinstance(m, str)]
    default = motivations[0] if len(motivations) == 1 else ""
    tags: list[str] = []
    notes = [item["bodyValue"]] if isinstance(item.get("bodyValue"), str) else []
    for body in as_list(item.get("body")):
        value, purposes = _body(body, default)
        if not value.strip():
            continue
        if TAG_PURPOSES & purposes:
            tags.append(value.strip())
        else:
            notes.append(value)
    return tuple(dict.fromkeys(tags)), "\n\n".join(notes)


def _body(body: object, default_purpose: str) -> tuple[str, set[str]]:
    """A body's text and its purposes (the annotation's one motivation when it has none)."""
    if isinstance(body, str):
        return body, {default_purpose}
    if not isinstance(body, dict):
        return "", set()
    if "Choice" in types_of(body):
        options = as_list(body.get("items"))
        return _body(options[0], default_purpose) if options else ("", set())
    purposes = {p.removeprefix("oa:") for p in as_list(body.get("purpose")) if isinstance(p, str)}
    purposes = purposes or {default_purpose}
    value = text_field(body, "value")
    if not value and TAG_PURPOSES & purposes:  # e.g. an identifying SpecificResource
        value = text_field(body, "label") or text_field(body, "source") or text_field(body, "id")
    return value, purposes


def _hypothesis_bodies(item: dict[str, Any]) -> tuple[tuple[str, ...], str]:
    """Tags and note of an annotation as Hypothesis's own API writes it ("tags", "text")."""
    tags = [t.strip() for t in as_list(item.get("tags")) if isinstance(t, str) and t.strip()]
    return tuple(dict.fromkeys(tags)), text_field(item, "text")


def _creator(creator: object) -> str | None:
    """Who made an annotation: a creator's name or nickname, or the creator string itself."""
    for candidate in as_list(creator):
        if isinstance(candidate, str) and candidate.strip():
            return candidate.strip()
        if isinstance(candidate, dict):
            name = text_field(candidate, "name").strip() or text_field(candidate, "nickname")
            if name.strip():
                return name.strip()
    return None


def _json_kind(value: object) -> str:
    """How a message names a JSON value's kind."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return "a boolean" if isinstance(value, bool) else "a number"
