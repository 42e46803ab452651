"""trace, sources, claims and outlets on a library file of the tracing fixtures, as JSON."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from gui.cli.tracing import claims_table
from gui.core.entities.pipeline import load_pipeline
from gui.core.storage import open_library
from gui.core.tracing import queries
from gui.core.tracing.claims import EventGroup
from tests.cli.helpers import run_cli
from tests.core.tracing import expected
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library
from tests.core.tracing.mistyped_outlet import (
    HERALD_EDGE,
    HERALD_STATEMENTS,
    RELAY_EDGE,
    RELAY_STATEMENTS,
    mistyped_library,
)


@pytest.fixture(scope="module")
def traced_library(tmp_path_factory):
    """A library file with the fixtures and their rows (the real pipeline, once)."""
    path = tmp_path_factory.mktemp("tracing") / "library.sqlite"
    fixture_library(load_pipeline(library_outlets()), path).close()
    return path


def as_json(capsys, *argv):
    code, out, err = run_cli(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def rows(appearances):
    keys = ("article", "published", "outlet", "via", "change", "similarity")
    return [tuple(a[k] for k in keys) for a in appearances]


def test_trace_by_attribution_prints_appearances_origin_and_look_alikes(capsys, traced_library):
    data = as_json(capsys, "--library", traced_library, "trace", "--article", 1, "--attribution", 2)
    assert rows(data["appearances"]) == expected.MAYOR_TRACE
    first = data["appearances"][0]
    assert set(first) >= {"title", "start", "end", "text", "speaker", "similarity", "change"}
    assert first["text"] == expected.MAYOR and first["speaker"] == "Mayor Elin Stahl"
    assert data["origin"]["reason"] == "earliest" and data["origin"]["appearance"] == first
    assert [(s["article"], s["speaker"]) for s in data["similar"]] == expected.MAYOR_SIMILAR


def test_trace_by_quote_text(capsys, traced_library):
    data = as_json(
        capsys, "--library", traced_library, "trace", "--article", 3, "--quote", "The crew did"
    )
    assert rows(data["appearances"]) == expected.LIND_TRACE
    assert data["origin"]["outlet"] == "Kestrel Bay Herald"
    assert data["origin"]["appearance"]["article"] == 3


def test_trace_of_a_missing_article_fails_with_a_message(capsys, traced_library):
    code, out, err = run_cli(
        capsys, "--library", traced_library, "trace", "--article", 99, "--attribution", 1
    )
    assert (code, out) == (1, "") and "there is no article 99" in err


def test_sources_with_a_search(capsys, traced_library):
    data = as_json(capsys, "--library", traced_library, "sources", "--search", "Stahl")
    assert [(s["name"], s["aliases"], s["type"], s["articles"], s["statements"]) for s in data] == [
        ("Elin Stahl", ["Stahl"], "person", 5, 6)
    ]
    quoted = [(a["article"], a["outlet"], a["name"]) for a in data[0]["quoted_in"]]
    assert quoted == expected.STAHL_ARTICLES


def test_every_source(capsys, traced_library):
    data = as_json(capsys, "--library", traced_library, "sources")
    assert [s["name"] for s in data] == [row[0] for row in expected.SOURCES]


def test_claims_of_an_event(capsys, traced_library):
    data = as_json(capsys, "--library", traced_library, "claims", "--search", "tanker")
    injured = next(g for g in data if (g["event"], g["counted"]) == ("injure", "people"))
    keys = ("article", "published", "outlet", "text", "value", "source")
    assert [tuple(f[k] for k in keys) for f in injured["figures"]] == expected.INJURED
    assert all(f["counted"] == "people" for f in injured["figures"])


def test_every_claim_is_printed_a_group_at_a_time(capsys, monkeypatch, traced_library):
    library = open_library(traced_library, read_only=True)
    everything = queries.library_claims(library)
    library.close()
    assert len(everything) > 1
    read, printed = queries.group_figures, []

    def reading(library, group, *decisions) -> EventGroup:  # what was printed at each read
        printed.append(capsys.readouterr().out)
        return read(library, group, *decisions)

    monkeypatch.setattr(queries, "group_figures", reading)
    code, out, err = run_cli(capsys, "--library", traced_library, "claims", "--json")
    assert (code, err) == (0, "")
    assert json.loads("".join(printed) + out) == [g.as_dict() for g in everything]
    assert printed[0] == "" and printed[1].startswith('[\n  {\n    "event"')
    printed.clear()
    code, out, _ = run_cli(capsys, "--library", traced_library, "claims")
    assert "".join(printed) + out == "\n".join(claims_table([g]) for g in everything) + "\n"
    assert printed[1].startswith(f"{everything[0].event} / {everything[0].counted}:")


def test_claims_printed_a_group_at_a_time_are_of_one_moment(
    capsys, monkeypatch, traced_library, tmp_path
):
    """Another process deleting figures while the groups print changes none of them."""
    path = tmp_path / "copy.sqlite"
    with closing(sqlite3.connect(traced_library)) as source, closing(sqlite3.connect(path)) as to:
        source.backup(to)
    library = open_library(path, read_only=True)
    everything = queries.library_claims(library)
    library.close()
    read = queries.group_figures

    def reading(library, group, *decisions) -> EventGroup:
        with closing(sqlite3.connect(path)) as other, other:
            other.execute("DELETE FROM numeric_claims")
        return read(library, group, *decisions)

    monkeypatch.setattr(queries, "group_figures", reading)
    data = as_json(capsys, "--library", path, "claims")
    assert data == [g.as_dict() for g in everything] and len(data) > 1


def test_outlets(capsys, traced_library):
    data = as_json(capsys, "--library", traced_library, "outlets")
    assert [(e["from"], e["to"], e["count"]) for e in data] == [
        edge[:3] for edge in expected.OUTLET_EDGES
    ]
    assert [s["text"][:9] for s in data[1]["statements"]] == ["The smoke"]


def test_the_tables_read_as_text(capsys, traced_library):
    code, out, _ = run_cli(capsys, "--library", traced_library, "outlets")
    assert code == 0
    assert out == "Kestrel Bay Herald → Baltic Wire: 3\nBaltic Wire → Kestrel Bay Herald: 1\n"
    code, out, _ = run_cli(
        capsys, "--library", traced_library, "trace", "--article", 2, "--attribution", 4
    )
    assert out.splitlines()[-1] == "origin: article 3, Kestrel Bay Herald (pointed)"


def test_a_library_with_nothing_analysed_has_no_sources_claims_or_relays(capsys, tmp_path):
    library = tmp_path / "empty.sqlite"
    run_cli(capsys, "--library", library, "new")
    for command in ("sources", "claims", "outlets"):
        assert as_json(capsys, "--library", library, command) == []


def test_grade_a_source_by_an_alias_then_take_the_grade_away(capsys, tmp_path, traced_library):
    library = tmp_path / "graded.sqlite"
    library.write_bytes(traced_library.read_bytes())
    code, out, err = run_cli(
        capsys, "--library", library, "grade-source", "--source", "Stahl", "--grade", "B",
        "--note", "the mayor, in a position to know",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "Elin Stahl: grade B (the mayor, in a position to know)\n"
    data = as_json(capsys, "--library", library, "sources", "--search", "Stahl")
    assert (data[0]["grade"], data[0]["note"]) == ("B", "the mayor, in a position to know")
    run_cli(
        capsys, "--library", library, "grade-source", "--source", "Elin Stahl", "--grade", "none"
    )
    data = as_json(capsys, "--library", library, "sources", "--search", "Stahl")
    assert (data[0]["grade"], data[0]["note"]) == ("", "the mayor, in a position to know")


def test_grading_a_source_the_library_does_not_have_fails_with_a_message(capsys, traced_library):
    code, out, err = run_cli(
        capsys, "--library", traced_library, "grade-source", "--source", "Nobody", "--grade", "A"
    )
    assert (code, out) == (1, "") and "no source is named 'Nobody'" in err


def test_the_sources_table_counts_in_words(capsys, traced_library):
    code, out, err = run_cli(capsys, "--library", traced_library, "sources", "--search", "Maas")
    assert (code, err) == (0, "")
    assert out.strip() == "Piet Maas: person, 1 statement in 1 article"


def test_outlets_knows_an_outlet_the_finders_typed_a_person_speaking_or_relaying(capsys, tmp_path):
    path = tmp_path / "mistyped.sqlite"
    mistyped_library(path).close()
    data = as_json(capsys, "--library", path, "outlets")
    assert [(e["from"], e["to"], e["count"]) for e in data] == [HERALD_EDGE, RELAY_EDGE]
    assert [(s["article"], s["text"]) for s in data[0]["statements"]] == HERALD_STATEMENTS
    assert [(s["article"], s["text"]) for s in data[1]["statements"]] == RELAY_STATEMENTS
