"""W3C export against the W3C's own test schemas (tests/fixtures/w3c-schemas, BSD licence).

The annotation-model test suite writes each requirement of the Web Annotation Data Model as
a JSON schema; every MUST assertion is checked on every exported annotation, and the SHOULDs
the issue names (page partOf, collection last, creator and generator ids) on top.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from gui.core.interchange import export_w3c
from gui.core.storage import Library
from tests.core.interchange_helpers import annotated_article, memory_library

SCHEMAS = Path(__file__).resolve().parents[2] / "fixtures" / "w3c-schemas"
MUSTS = sorted((SCHEMAS / "annotations").glob("*.json"))
# RFC 3986 absolute URI (scheme ":" rest) and RFC 3339 date-time: jsonschema checks these
# formats only with optional packages, so the test names them itself.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*")
_DATE_TIME = re.compile(r"\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(\.\d+)?([Zz]|[+-]\d\d:\d\d)")
FORMATS = FormatChecker(formats=())
FORMATS.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.fullmatch(value)))
FORMATS.checks("date-time")(
    lambda value: not isinstance(value, str) or bool(_DATE_TIME.fullmatch(value))
)


def _registry() -> Registry:
    """Every schema of the folder, under the relative id the others refer to it by."""
    resources = []
    for path in SCHEMAS.rglob("*.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((path.name, Resource.from_contents(contents, DRAFT4)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def validator(schema: dict[str, Any]) -> Draft4Validator:
    """A draft-4 validator of schema that resolves the suite's relative references."""
    return Draft4Validator(schema, registry=REGISTRY, format_checker=FORMATS)


def definition(file: str, name: str) -> Draft4Validator:
    """A validator of one definition of the suite's definition files."""
    return validator({"$ref": f"{file}#/definitions/{name}"})


def must(path: Path) -> Draft4Validator:
    """A validator of one of the suite's assertion files."""
    return validator(json.loads(path.read_text(encoding="utf-8")))


def failures(check: Draft4Validator, data: object) -> list[str]:
    """The messages of what data breaks of the check."""
    return [error.message for error in check.iter_errors(data)]


@pytest.fixture
def library() -> Iterator[Library]:
    """A fresh in-memory library."""
    with memory_library() as lib:
        yield lib


@pytest.fixture
def collection(library) -> dict[str, Any]:
    """The W3C export of the annotated article (with an orphan), through JSON text."""
    return json.loads(json.dumps(export_w3c(library, annotated_article(library).article_id)))


def test_the_suite_has_the_fourteen_annotation_musts():
    assert len(MUSTS) == 14
    assert {json.loads(p.read_text())["assertionType"] for p in MUSTS} == {"must"}


@pytest.mark.parametrize("assertion", MUSTS, ids=[p.stem for p in MUSTS])
def test_every_exported_annotation_passes_each_must(collection, assertion):
    check = must(assertion)
    items = collection["first"]["items"]
    assert any(item.get("sourcelight:orphaned") for item in items)  # orphans are checked too
    for item in items:
        assert failures(check, item) == [], item["id"]


@pytest.mark.parametrize(
    ("assertion", "spoil"),
    [
        ("3.1-annotationContextValidated", lambda a: a.update({"@context": "x"})),
        ("3.1-annotationIdValidated", lambda a: a.update({"id": "not an iri"})),
        ("3.3.1-annotationCreatedValidated", lambda a: a.update({"created": "2024-05-02"})),
        ("3.2-targetObjectsRecognized", lambda a: a["target"].pop("source")),
        ("3.2-bodyObjectsRecognized", lambda a: a["body"][0].pop("value")),
    ],
)
def test_the_schemas_catch_a_broken_annotation(collection, assertion, spoil):
    item = json.loads(json.dumps(collection["first"]["items"][0]))
    spoil(item)
    assert failures(must(SCHEMAS / "annotations" / f"{assertion}.json"), item)


def test_the_page_says_which_collection_it_is_part_of(collection):
    page_check = must(SCHEMAS / "pages" / "5.2-pagePartOfImplemented.json")
    assert failures(page_check, collection) == []
    assert collection["first"]["partOf"] == collection["id"]
    del collection["first"]["partOf"]
    assert failures(page_check, collection)


def test_the_collection_has_its_type_total_first_and_last(collection):
    for name in (
        "annotationCollectionTypeValueFound",
        "labelFound",
        "totalFound",
        "firstRequiredIfTotalMoreThanZero",
        "lastFound",
    ):
        assert failures(definition("collections.json", name), collection) == [], name
    page = collection["first"]
    for name in ("annotationPageTypeValueFound", "itemsFound", "startIndexDefinition"):
        assert failures(definition("collections.json", name), page) == [], name
    assert collection["last"] == page["id"]


def test_creator_and_generator_are_agents_with_ids(collection):
    has_id = definition("id.json", "idValueFound")
    for item in collection["first"]["items"]:
        assert failures(has_id, item["generator"]) == []
        if "creator" in item:
            assert failures(has_id, item["creator"]) == []
    assert any("creator" in item for item in collection["first"]["items"])
