"""relate-claims on a library file of the tracing fixtures; claims --json shows what was decided."""

from __future__ import annotations

import json

import pytest

from gui.core.entities.pipeline import load_pipeline
from tests.cli.helpers import run_cli
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A library file with the fixtures and their rows (the real pipeline, once)."""
    path = tmp_path_factory.mktemp("claim-links") / "library.sqlite"
    fixture_library(load_pipeline(library_outlets()), path).close()
    return path


@pytest.fixture
def library(built, tmp_path):
    path = tmp_path / "library.sqlite"
    path.write_bytes(built.read_bytes())
    return path


def injured(capsys, library) -> dict[int, dict]:
    """The injured figures of claims --json, by article."""
    code, out, err = run_cli(capsys, "--library", library, "claims", "--json")
    assert (code, err) == (0, "")
    [group] = [g for g in json.loads(out) if g["event"] == "injure"]
    return {f["article"]: f for f in group["figures"]}


def relate(capsys, library, first, second, relation):
    return run_cli(
        capsys,
        "--library",
        library,
        "relate-claims",
        "--figure",
        first,
        "--to",
        second,
        "--relation",
        relation,
    )


def test_relate_two_figures_of_two_articles_then_take_it_away(capsys, library):
    assert injured(capsys, library)[4]["relations"] == []
    code, out, err = relate(capsys, library, "5:21", "4:About 20", "contradicts")
    assert (code, err) == (0, "")
    assert out == "article 4 'about 20' contradicts article 5 '21'\n"
    figures = injured(capsys, library)
    assert figures[4]["relations"] == [
        {
            "relation": "contradicts",
            "article": 5,
            "key": "21@72",
            "text": "21",
            "outlet": "Baltic Wire",
            "published": "2026-03-05",
        }
    ]
    assert figures[5]["relations"][0]["key"] == figures[4]["key"] == "about 20@83"
    assert figures[4]["verdict"] == ""
    code, out, _ = run_cli(capsys, "--library", library, "claims")
    assert "about 20 (the regional hospital)  [4]\n      contradicts Baltic Wire" in out
    code, out, err = relate(capsys, library, "4:about 20@83", "5:21", "none")
    assert (code, out, err) == (0, "article 4 'about 20' and article 5 '21': no relation\n", "")
    assert injured(capsys, library)[4]["relations"] == []


@pytest.mark.parametrize(
    ("first", "second", "relation", "said"),
    [
        ("4:22", "5:21", "contradicts", "article 4 has no figure '22' (its figures: about 20@83)"),
        ("four", "5:21", "contradicts", "'four' is not ARTICLE:TEXT"),
        ("99:21", "5:21", "contradicts", "there is no article 99"),
        ("5:21", "5:21", "corroborates", "a figure cannot be related to itself"),
        ("5:21", "4:about 20", "none", "have no relation to take away"),
    ],
)
def test_bad_figures_are_refused_with_a_message(capsys, library, first, second, relation, said):
    code, out, err = relate(capsys, library, first, second, relation)
    assert (code, out) == (1, "") and said in err
    assert all(f["relations"] == [] for f in injured(capsys, library).values())
