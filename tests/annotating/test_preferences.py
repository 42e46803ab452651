"""Preferences: every installed English pipeline offered, and the choice re-analyses."""

from __future__ import annotations

import pytest

from gui.annotating.preferences_dialog import Preferences, PreferencesDialog
from gui.core.entities.models import InstalledPipeline
from gui.core.storage import EntityStore
from tests.annotating.test_annotating import ARTICLE
from tests.fakes import FakePipeline, install_fake_pipeline
from tests.window_helpers import article_window

PIPELINES = (
    InstalledPipeline("en_core_web_sm", "3.8.0", "English pipeline optimized for CPU."),
    InstalledPipeline("en_core_web_md", "3.8.0"),
    InstalledPipeline("en_core_web_trf", "3.8.0"),
)


def test_the_dialog_lists_the_default_and_every_installed_pipeline(qtbot):
    dialog = PreferencesDialog("Dana", "en_core_web_md", PIPELINES)
    qtbot.addWidget(dialog)
    box = dialog.model
    shown = [box.itemText(i) for i in range(box.count())]
    assert shown == [
        "Default (en_core_web_sm 3.8.0)",
        "en_core_web_sm 3.8.0",
        "en_core_web_md 3.8.0",
        "en_core_web_trf 3.8.0",
    ]
    assert box.currentData() == "en_core_web_md"
    box.setCurrentIndex(3)
    assert box.currentData() == "en_core_web_trf"


def test_a_chosen_pipeline_that_is_not_installed_here_is_said_so(qtbot):
    dialog = PreferencesDialog("Dana", "en_core_web_lg", PIPELINES[:1])
    qtbot.addWidget(dialog)
    assert "not installed here" in dialog.model.currentText()


@pytest.fixture
def window(qtbot, qapp, monkeypatch, tmp_path):
    install_fake_pipeline(monkeypatch)
    # One id per pipeline, as the real pipeline_id gives, and a pipeline loaded with it.
    pipeline_id = lambda outlets, model=None: f"fake/{model or 'default'}"  # noqa: E731
    monkeypatch.setattr("gui.session.entity_service.nlp.pipeline_id", pipeline_id)
    monkeypatch.setattr(
        "gui.session.entity_service.nlp.load_pipeline",
        lambda outlets=None, model=None: loaded(pipeline_id(outlets, model)),
    )
    with article_window(qtbot, qapp, tmp_path, ARTICLE) as window:
        yield window


def loaded(pipeline_id: str) -> FakePipeline:
    """A fake pipeline that says which pipeline it is."""
    pipeline = FakePipeline()
    pipeline.id = pipeline_id
    return pipeline


def choose(monkeypatch, window, model: str) -> None:
    """Leave the Preferences with this model chosen."""
    monkeypatch.setattr(
        PreferencesDialog,
        "ask",
        classmethod(lambda cls, parent, name, current, pipelines: Preferences("", model)),
    )
    window.preferences_action.trigger()


def test_choosing_a_pipeline_keeps_results_per_pipeline_and_is_undoable(window, qtbot, monkeypatch):
    article_id = window.session.current.id
    store = EntityStore(window.session.library)
    assert store.cached(article_id, "fake/default") is not None
    calls = FakePipeline.calls
    choose(monkeypatch, window, "en_core_web_md")
    assert window.session.pipeline_model() == "en_core_web_md"
    qtbot.waitUntil(lambda: store.cached(article_id, "fake/en_core_web_md") is not None)
    assert FakePipeline.calls == calls + 1  # analysed again, with the new pipeline
    window.session.wait_for_background()
    undo = window.annotate.undo_action
    assert undo.text().replace("&", "") == "Undo Choose the language model"
    undo.trigger()
    assert window.session.pipeline_model() == ""
    qtbot.waitUntil(lambda: len(window.pane.view.entities()) > 0)
    assert FakePipeline.calls == calls + 1  # the default pipeline's results were kept
