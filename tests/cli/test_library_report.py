"""library-report: the whole library's report as HTML or PDF, and clear errors."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from gui.core.entities.pipeline import load_pipeline
from tests.cli.helpers import ROOT, closing_library, run_cli
from tests.core.interchange_helpers import annotate
from tests.core.reports.helpers import cells
from tests.core.tracing import expected
from tests.core.tracing.fixtures import library_outlets
from tests.core.tracing.library_helper import fixture_library


@pytest.fixture(scope="module")
def marked_library(tmp_path_factory):
    """A library file of the fixtures (the real pipeline, once), the mayor's quote marked."""
    path = tmp_path_factory.mktemp("library-report") / "library.sqlite"
    fixture_library(load_pipeline(library_outlets()), path).close()
    with closing_library(path) as opened:
        annotate(opened, 1, "keep the harbour closed", annotator="ana")
    return path


def test_library_report_writes_html(capsys, marked_library, tmp_path):
    output = tmp_path / "library.html"
    code, out, err = run_cli(
        capsys, "--library", marked_library, "library-report", "--output", output
    )
    assert (code, out, err) == (0, f"library report written to {output}\n", "")
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h1>Library report</h1>" in html
    outlets = [row[2] for row in cells(html, "trace") if len(row) == 7]
    assert outlets == [row[2] for row in expected.MAYOR_TRACE]
    assert html.count('<g class="point">') == len(expected.INJURED)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is missing")
def test_library_report_pdf_runs_without_a_display(marked_library, tmp_path):
    output = tmp_path / "library.pdf"
    argv = ["--library", marked_library, "library-report", "--format", "pdf", "--output", output]
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, argv)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", output, "-"], capture_output=True, text=True).stdout
    assert "Library report" in text and "Traced quotes" in text and "Claims timeline" in text
    assert "Northshore Courier" in text and "councillor Piet Maas" in text


def test_library_report_html_loads_neither_qt_nor_spacy(marked_library, tmp_path):
    argv = ["--library", str(marked_library), "library-report"]
    argv += ["--output", str(tmp_path / "library.html")]
    script = (
        "import sys, gui.cli.main\n"
        f"assert gui.cli.main.main({argv!r}) == 0\n"
        "assert 'PySide6' not in sys.modules and 'spacy' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("library", "output", "message"),
    [
        ("missing.sqlite", "r.html", "error: there is no library at "),
        (None, "no/such/folder/r.html", "error: cannot write "),
    ],
)
def test_library_report_names_what_went_wrong(
    capsys, marked_library, tmp_path, library, output, message
):
    path = tmp_path / library if library else marked_library
    argv = ["--library", path, "library-report", "--output", tmp_path / output]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1
    assert not (tmp_path / output).exists()
