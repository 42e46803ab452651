"""The report command: an article or a class report as HTML or PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gui.core.sourcing.model import Findings, NumericClaim, SpanText
from tests.cli.helpers import FLOODS, ROOT, closing_library, run_cli, write
from tests.core.interchange_helpers import annotate


def report_library(capsys: pytest.CaptureFixture, library: Path) -> None:
    """floods.txt with the key layer "Key" ("Heavy rain", "officials said") and "Ana" ("rain")."""
    run_cli(capsys, "--library", library, "import", write(library.parent, "floods.txt", FLOODS))
    with closing_library(library) as opened:
        annotate(opened, 1, "Heavy rain", annotator="Key", note="Is it?")
        annotate(opened, 1, "officials said", "Source", annotator="Key")
        annotate(opened, 1, "rain", annotator="Ana")


def test_report_writes_an_article_report_as_html(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "report.html"
    argv = ["--library", library, "report", "--article", 1, "--output", output]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out, err) == (0, f"report written to {output}\n", "")
    html = output.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h1>Floods hit Lagos</h1>" in html
    assert "<h3>Ana" in html and "<h3>Key" in html and "<td>Is it?</td>" in html


def test_report_layer_options_narrow_the_article_report(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "report.html"
    argv = ["--library", library, "report", "--article", 1, "--output", output, "--layer", "Ana"]
    assert run_cli(capsys, *argv)[0] == 0
    html = output.read_text(encoding="utf-8")
    assert "<h3>Ana" in html and "<h3>Key" not in html


def test_report_with_a_key_writes_the_class_report(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "class.html"
    argv = ["--library", library, "report", "--article", 1, "--key", "Key", "--output", output]
    assert run_cli(capsys, *argv)[0] == 0
    html = output.read_text(encoding="utf-8")
    # Ana: "rain" overlaps the key's "Heavy rain" (1 match), misses "officials said":
    # overlap F1 = 2 / (2 + 1) = 0.67; no exact match: 0.00.
    assert "<td>Ana</td><td>1</td><td>1</td><td>1</td><td>0</td><td>0.00</td><td>0.67</td>" in html
    assert "“officials said”" in html
    assert "--class-key NAME" in run_cli(capsys, "report", "--help")[1]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--key", "Nobody"), "error: the answer key 'Nobody' has no annotations in this article"),
        (("--article", "9"), "error: there is no article 9"),
        (("--output", "/no/such/folder/r.html"), "error: cannot write /no/such/folder/r.html: "),
    ],
)
def test_report_names_what_went_wrong_on_stderr(capsys, library, tmp_path, change, message):
    report_library(capsys, library)
    options = {"--article": "1", "--output": str(tmp_path / "r.html")}
    options[change[0]] = change[1]
    argv = ["--library", library, "report", *(x for pair in options.items() for x in pair)]
    code, out, err = run_cli(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_report_html_loads_neither_qt_nor_spacy(capsys, library, tmp_path):
    report_library(capsys, library)
    argv = ["--library", str(library), "report", "--article", "1", "--key", "Key"]
    argv += ["--output", str(tmp_path / "class.html")]
    script = (
        "import sys, gui.cli.main\n"
        f"code = gui.cli.main.main({argv!r})\n"
        "assert code == 0, code\n"
        "assert 'PySide6' not in sys.modules, 'Qt was imported'\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is missing")
def test_report_pdf_runs_without_a_display(capsys, library, tmp_path):
    report_library(capsys, library)
    output = tmp_path / "class.pdf"
    argv = ["--library", library, "report", "--article", 1, "--key", "Key"]
    argv += ["--format", "pdf", "--output", output]
    # A process of its own: no Qt in this one, and no display or platform chosen for Qt.
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
    assert "Floods hit Lagos" in text and "0.67" in text


def test_an_article_report_shows_the_findings_the_library_keeps(
    capsys, monkeypatch, library, tmp_path, fake_pipeline
):
    monkeypatch.setattr(
        "gui.core.entities.pipeline.pipeline_id", lambda outlets, model=None: fake_pipeline.id
    )
    report_library(capsys, library)
    claim = NumericClaim(1, SpanText(FLOODS.index("Sunday"), FLOODS.index("Sunday") + 6, "Sunday"))
    fake_pipeline.findings = Findings(numbers=(claim,)).to_json()
    run_cli(capsys, "--library", library, "export", "--article", 1)  # analyses and keeps them
    output = tmp_path / "report.html"
    argv = ["--library", str(library), "report", "--article", "1", "--output", str(output)]
    assert run_cli(capsys, *argv)[0] == 0
    html = output.read_text(encoding="utf-8")
    assert "<h2>Sourcing</h2>" in html and "<td>Sunday</td>" in html
    # In a process of its own (the real pipeline's id: no findings), Qt and spaCy stay out.
    script = (
        "import sys, gui.cli.main\n"
        f"assert gui.cli.main.main({argv!r}) == 0\n"
        "assert 'PySide6' not in sys.modules and 'spacy' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stderr
