"""The metadata command writes Datasette's metadata.json for the library, and changes nothing."""

from __future__ import annotations

import json

from gui.core.storage import open_library
from tests.cli.helpers import run_cli
from tests.core.storage.damage import snapshot


def made_library(tmp_path):
    path = tmp_path / "news.sqlite"
    open_library(path).close()
    return path


def test_metadata_describes_every_table_under_the_library_name(capsys, tmp_path):
    library = made_library(tmp_path)
    output = tmp_path / "out" / "metadata.json"
    output.parent.mkdir()
    before = snapshot(library)
    code, out, err = run_cli(capsys, "--library", library, "metadata", "--output", output)
    assert (code, out) == (0, "")
    assert str(output) in err
    written = json.loads(output.read_text(encoding="utf-8"))
    tables = written["databases"]["news"]["tables"]  # Datasette names it by the file's stem
    assert tables["quotes"]["description"]
    assert set(tables["quotes"]["columns"]) >= {"speaker_key", "normalised", "via"}
    assert all(about for table in tables.values() for about in table.get("columns", {}).values())
    assert snapshot(library) == before


def test_metadata_to_standard_output(capsys, tmp_path):
    library = made_library(tmp_path)
    code, out, _ = run_cli(capsys, "metadata", "--library", library, "--output", "-")
    assert code == 0
    assert "articles" in json.loads(out)["databases"]["news"]["tables"]


def test_a_missing_library_or_an_unwritable_output_is_an_error(capsys, tmp_path):
    code, _, err = run_cli(capsys, "--library", tmp_path / "none.sqlite", "metadata")
    assert code == 1 and "there is no library at" in err
    library = made_library(tmp_path)
    code, _, err = run_cli(
        capsys, "--library", library, "metadata", "--output", tmp_path / "no" / "such" / "m.json"
    )
    assert code == 1 and "could not write" in err
