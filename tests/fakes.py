"""Stand-ins for widget tests that are about flow, not NLP: a fake pipeline, imported texts."""

import re

from gui.core.articles import ImportedText, Metadata
from gui.core.entities.pipeline import Entity
from gui.core.sourcing.model import Findings
from gui.core.storage.sourcing_store import findings_text

KNOWN = {"Reuters": "OUTLET", "Baghdad": "PLACE", "Ashton Carter": "PERSON", "Carter": "PERSON"}


class FakePipeline:
    """Finds a few fixed names; counts its calls."""

    id = "fake-pipeline-1"
    calls = 0

    def analyse(self, text, progress=None, cancelled=None):
        FakePipeline.calls += 1
        if progress:
            progress(len(text), len(text))
        found = []
        for name, label in KNOWN.items():
            for match in re.finditer(rf"\b{re.escape(name)}\b", text):
                if not any(e.start <= match.start() < e.end for e in found):
                    group = "Ashton Carter" if "Carter" in name else name
                    found.append(Entity(match.start(), match.end(), label, name, group))
        return sorted(found)


def install_fake_pipeline(monkeypatch):
    """Make the session use FakePipeline instead of loading spaCy."""
    FakePipeline.calls = 0
    monkeypatch.setattr(
        "gui.session.entity_service.nlp.pipeline_id", lambda outlets, model=None: FakePipeline.id
    )
    monkeypatch.setattr(
        "gui.session.entity_service.nlp.load_pipeline",
        lambda outlets=None, model=None: FakePipeline(),
    )
    # The sourcing lens finds nothing unless a test brings its own findings.
    nothing = (Findings(), findings_text(Findings()))
    monkeypatch.setattr("gui.session.sourcing_service.analyse", lambda *args, progress: nothing)
    return FakePipeline


def make_text(body: str, title: str = "", source: str = "test.txt") -> ImportedText:
    """An imported text as an importer would hand it over."""
    return ImportedText(body=body, metadata=Metadata(title=title), source=source, format="txt")
