"""Values read out of JSON objects by key: strict about types, tolerant of keys left out.

Stored findings outlive the code that wrote them, so a key an older version did not write
takes its default; a value of the wrong type is damage, and raises ValueError.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

TEXT = (str,)
WHOLE = (int,)
NUMBER = (int, float)  # JSON does not tell 400 from 400.0: either is kept as it came
FLAG = (bool,)
LIST = (list,)
OBJECT = (dict,)
NONE = (type(None),)
REQUIRED: Any = object()  # the default of a key that must be there


def mapping(value: object, what: str) -> Mapping[str, Any]:
    """value when it is a JSON object; else ValueError naming what it should have been."""
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} should be an object, not {type(value).__name__}")
    return value


def get(data: Mapping[str, Any], key: str, kinds: tuple[type, ...], default: Any = REQUIRED) -> Any:
    """data[key] when it is one of kinds; default when the key is missing; else ValueError."""
    if key not in data:
        if default is REQUIRED:
            raise ValueError(f"{key!r} is missing")
        return default
    value = data[key]
    # bool is an int to Python, never to JSON: true is not a number.
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise ValueError(f"{key!r} should be {_names(kinds)}, not {type(value).__name__}")
    return value


def objects(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """The objects in the list data[key] ([] when the key is missing)."""
    return [mapping(item, f"an item of {key!r}") for item in get(data, key, LIST, [])]


def texts(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """The strings in the list data[key] (() when the key is missing)."""
    items = get(data, key, LIST, [])
    if not all(isinstance(item, str) for item in items):
        raise ValueError(f"{key!r} should be a list of text")
    return tuple(items)


def _names(kinds: tuple[type, ...]) -> str:
    """The JSON-side names of the types, for a message."""
    names = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}
    names |= {list: "a list", dict: "an object", type(None): "null"}
    shown = [kind for kind in kinds if not (kind is int and float in kinds)]  # both: "a number"
    return " or ".join(names.get(kind, kind.__name__) for kind in shown)
