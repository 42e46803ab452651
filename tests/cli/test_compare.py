"""The compare command: one layer scored against the key, as a table or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import FLOODS, closing_library, run_cli, write
from tests.core.interchange_helpers import annotate

# In FLOODS (79 characters): "Heavy rain flooded parts of Lagos" 18-51, "Heavy rain" 18-28,
# "officials said" 63-77.
KEY_LAYER = (("Heavy rain flooded parts of Lagos", "Claim"), ("officials said", "Source"))
ANA_LAYER = (("Heavy rain", "Claim"), ("officials said", "Source"))


def two_layers(capsys: pytest.CaptureFixture, library: Path) -> None:
    """floods.txt in the library, with the key's layer "Maria" and the trainee's "Ana"."""
    run_cli(capsys, "--library", library, "import", write(library.parent, "f.txt", FLOODS))
    with closing_library(library) as opened:
        for name, marks in (("Maria", KEY_LAYER), ("Ana", ANA_LAYER)):
            for quote, label in marks:
                annotate(opened, 1, quote, label, annotator=name)


def test_compare_prints_a_table_and_the_agreement_lines(capsys, library):
    two_layers(capsys, library)
    argv = ["--library", library, "compare", "--article", 1, "--key", "Maria", "--layer", "Ana"]
    code, out, err = run_cli(capsys, *argv)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Ana against the key Maria: article 1, Floods hit Lagos"
    assert lines[2].split() == ["exact", "overlap"]
    assert lines[3].split() == ["label", *(["P", "R", "F1", "match", "miss", "extra"] * 2)]
    rows = {line.split()[0]: " ".join(line.split()[-12:]) for line in lines[4:7]}
    # Claim: "Heavy rain" is not the key's span (exact: 0 matches, 1 miss, 1 extra) but
    # overlaps it (1 match). Source: the same span both ways. ALL exact: 1, 1, 1 -> 0.5.
    assert rows["Claim"] == "0.00 0.00 0.00 0 1 1 1.00 1.00 1.00 1 0 0"
    assert rows["Source"] == "1.00 1.00 1.00 1 0 0 1.00 1.00 1.00 1 0 0"
    assert rows["ALL"] == "0.50 0.50 0.50 1 1 1 1.00 1.00 1.00 2 0 0"
    # Characters: (C,C) 10, (C,none) 23, (S,S) 14, (none,none) 32: agreed 56 of 79.
    #   key C 33 S 14 none 32; Ana C 10 S 14 none 55; chance 330 + 196 + 1760 = 2286
    #   kappa = (79*56 - 2286)/(79² - 2286) = 2138/3955 = 0.5406
    assert "Cohen's kappa, characters: 0.541" in lines
    assert any(line.startswith("Cohen's kappa, tokens:") for line in lines)
    assert lines[-1].startswith("Krippendorff's u-alpha:")


def test_compare_json_has_the_same_numbers(capsys, library):
    two_layers(capsys, library)
    argv = ["--library", library, "compare", "--article", 1, "--key", "Maria", "--layer", "Ana"]
    table = run_cli(capsys, *argv)[1]
    code, out, _ = run_cli(capsys, *argv, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["article"] == {"id": 1, "title": "Floods hit Lagos"}
    assert (result["key"], result["layer"]) == ("Maria", "Ana")
    exact_all, overlap_all = result["exact"][-1], result["overlap"][-1]
    assert exact_all == {
        "label": "ALL",
        "matches": 1,
        "misses": 1,
        "extras": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert (overlap_all["matches"], overlap_all["f1"]) == (2, 1.0)
    assert result["kappa_chars"] == pytest.approx(2138 / 3955)
    for name in ("kappa_chars", "kappa_tokens", "alpha_unitizing"):
        assert f"{result[name]:.3f}" in table
    assert (result["missed"], result["extra"]) == ([], [])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--layer", "Zed"), "error: there is no layer 'Zed' (the layers of article 1: 'Ana', "),
        (("--key", "Nobody"), "error: there is no layer 'Nobody'"),
        (("--article", "9"), "error: there is no article 9"),
    ],
)
def test_compare_names_what_is_unknown_on_stderr(capsys, library, change, message):
    two_layers(capsys, library)
    options = {"--article": "1", "--key": "Maria", "--layer": "Ana"}
    options[change[0]] = change[1]
    argv = ["--library", library, "compare", *(x for pair in options.items() for x in pair)]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_help_names_compare(capsys):
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0 and "\n    compare " in out
    code, out, _ = run_cli(capsys, "compare", "--help")
    assert code == 0 and "--key NAME" in out and "--layer NAME" in out
