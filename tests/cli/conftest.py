"""Fixtures of the command-line tests: a library file, two articles, fake and real pipelines."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.cli import common as cli_common
from gui.core.entities.pipeline import load_pipeline
from tests.cli.helpers import FLOODS, TALKS, FakePipeline, write


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Where the test's library file goes."""
    return tmp_path / "library.sqlite"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder with two articles."""
    folder = tmp_path / "articles"
    folder.mkdir()
    write(folder, "talks.txt", TALKS)
    write(folder, "floods.txt", FLOODS)
    return folder


@pytest.fixture
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> FakePipeline:
    """A fake pipeline that the commands load instead of spaCy; counts the loads."""
    pipeline = FakePipeline()

    def load(outlets=None, model=None):
        pipeline.loads += 1
        return pipeline

    monkeypatch.setattr(cli_common, "load_entity_pipeline", load)
    monkeypatch.setattr("gui.core.sourcing.analysis.analyse_sourcing", pipeline.sourcing)
    return pipeline


@pytest.fixture(scope="module")
def spacy_pipeline():
    """The real pipeline, loaded once for the module (slow)."""
    return load_pipeline()


@pytest.fixture
def real_pipeline(monkeypatch: pytest.MonkeyPatch, spacy_pipeline):
    """The commands use the module's real pipeline instead of loading their own."""
    monkeypatch.setattr(
        cli_common, "load_entity_pipeline", lambda outlets=None, model=None: spacy_pipeline
    )
    return spacy_pipeline
