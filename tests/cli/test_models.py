"""analyze --model NAME: any installed English spaCy pipeline, listed in help and errors."""

from __future__ import annotations

from gui.cli import common as cli_common
from gui.core.entities import models
from gui.core.entities.models import InstalledPipeline
from tests.cli.helpers import FakePipeline, run_cli

PIPELINES = (
    InstalledPipeline("en_core_web_sm", "3.8.0"),
    InstalledPipeline("en_core_web_lg", "3.8.0"),
)


def test_help_lists_the_installed_pipelines(capsys, monkeypatch):
    monkeypatch.setattr("gui.cli.main.installed_pipelines", lambda: PIPELINES)
    code, out, _ = run_cli(capsys, "analyze", "--help")
    assert code == 0
    assert "en_core_web_sm 3.8.0, en_core_web_lg 3.8.0" in " ".join(out.split())


def test_an_unknown_model_is_a_usage_error_naming_the_installed_ones(capsys, monkeypatch, articles):
    monkeypatch.setattr(models, "installed_pipelines", lambda: PIPELINES)
    code, out, err = run_cli(capsys, "analyze", "--model", "en_core_web_xl", articles)
    assert (code, out) == (2, "")
    assert "installed: en_core_web_sm, en_core_web_lg" in err


def test_the_chosen_model_is_the_one_loaded(capsys, monkeypatch, articles):
    monkeypatch.setattr(models, "installed_pipelines", lambda: PIPELINES)
    asked = []

    def load(outlets=None, model=None):
        asked.append(model)
        return FakePipeline()

    monkeypatch.setattr(cli_common, "load_pipeline", load)
    code, _, _ = run_cli(capsys, "analyze", "--model", "en_core_web_lg", articles / "floods.txt")
    assert (code, asked) == (0, ["en_core_web_lg"])
