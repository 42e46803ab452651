"""Texts that files bring along (own JSON, REFI-QDA), brought into the one text model.

An export written by hand, by another tool or by a Sourcelight from before normalise_body can
hold CR LF, U+2028 and the like. The text is normalised as every import is, and every offset
into it (annotations, entities, claim and check keys, sourcing corrections) moves with it, so that
nothing lands elsewhere; cached findings are dropped, to be found again for the text as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from gui.core.anchoring import Anchor
from gui.core.articles import content_hash
from gui.core.interchange.common import Incoming, position
from gui.core.sourcing.checks import check_key, split_check_key
from gui.core.sourcing.commands import claim_key, split_claim_key
from gui.core.text import normalise_body, normalised_offsets

Moved = Callable[[int], int]


def normalised_export(document: dict[str, Any]) -> dict[str, Any]:
    """document with its text in the one text model and its offsets moved; as it is if it was."""
    text = document.get("text")
    if not isinstance(text, str) or (body := normalise_body(text)) == text:
        return document
    moved = normalised_offsets(text)
    result = {**document, "text": body}
    if document.get("content_hash") == content_hash(text):
        result["content_hash"] = content_hash(body)
    result["annotations"] = _each(document.get("annotations"), lambda a: _annotation(a, moved))
    result["entities"] = _each(document.get("entities"), lambda e: _span(e, moved, "text"))
    if isinstance(document.get("sourcing"), dict):
        result["sourcing"] = _sourcing(document["sourcing"], moved)
    return result


def normalised_source(text: str, found: Sequence[Incoming]) -> tuple[str, tuple[Incoming, ...]]:
    """A source text (REFI-QDA) in the one text model, with its annotations' anchors moved."""
    body = normalise_body(text)
    if body == text:
        return text, tuple(found)
    moved = normalised_offsets(text)
    return body, tuple(replace(item, anchor=_moved(item.anchor, moved)) for item in found)


def _moved(anchor: Anchor, moved: Moved) -> Anchor:
    """An anchor into a text, moved to the same place in its normalised form."""
    texts = (normalise_body(t) for t in (anchor.exact, anchor.prefix, anchor.suffix))
    return Anchor(moved(anchor.start), moved(anchor.end), *texts)


def _each(items: object, change: Callable[[Any], Any]) -> object:
    """change applied to each object of a list; anything else as it is (the reader refuses it)."""
    if not isinstance(items, list):
        return items
    return [change(item) if isinstance(item, dict) else item for item in items]


def _annotation(item: dict[str, Any], moved: Moved) -> dict[str, Any]:
    """An exported annotation with its anchor moved."""
    anchor = item.get("anchor")
    if not isinstance(anchor, dict):
        return item
    anchor = _span(anchor, moved, "exact")
    for key in ("prefix", "suffix"):
        if isinstance(anchor.get(key), str):
            anchor[key] = normalise_body(anchor[key])
    return {**item, "anchor": anchor}


def _span(item: dict[str, Any], moved: Moved, text_key: str) -> dict[str, Any]:
    """item with start and end moved (when they are offsets) and its text normalised."""
    result = dict(item)
    for key in ("start", "end"):
        if (offset := position(item.get(key))) is not None:
            result[key] = moved(offset)
    if isinstance(item.get(text_key), str):
        result[text_key] = normalise_body(item[text_key])
    return result


def _sourcing(section: dict[str, Any], moved: Moved) -> dict[str, Any]:
    """The sourcing section with its claim keys and corrections moved, and no cached findings."""
    return {
        **section,
        "findings": None,
        "assessments": _each(section.get("assessments"), lambda a: _keys(a, moved, "claim_key")),
        "relations": _each(section.get("relations"), lambda r: _keys(r, moved, "key_a", "key_b")),
        "corrections": _each(section.get("corrections"), lambda c: _span(c, moved, "exact")),
        "check_decisions": _each(section.get("check_decisions"), lambda d: _check(d, moved)),
    }


def _keys(item: dict[str, Any], moved: Moved, *names: str) -> dict[str, Any]:
    """item with the claim keys under names moved ("about 400@1234" -> "about 400@1233")."""
    result = dict(item)
    for name in names:
        value = item.get(name)
        split = split_claim_key(value) if isinstance(value, str) else None
        if split is not None and position(split[1]) is not None:
            result[name] = claim_key(normalise_body(split[0]), moved(split[1]))
    return result


def _check(item: dict[str, Any], moved: Moved) -> dict[str, Any]:
    """A verdict on a check with its key moved ("insertion|[nearly 12 miles]@312" -> "@311")."""
    split = split_check_key(item["check_key"]) if isinstance(item.get("check_key"), str) else None
    if split is None or position(split[2]) is None:
        return item
    kind, text, start = split
    return {**item, "check_key": check_key(kind, normalise_body(text), moved(start))}
