"""Stand-ins for the library analysis's worker processes: no spaCy, picklable, spawn-safe.

load_fake and find_fake are handed to the Pool; the workers import this module. A body
containing BOOM makes the analysis raise (a parser failure), CRASH kills the worker process,
SLOW takes 0.3 s. Each analysed article's id is appended to the file named by the
environment variable QUEUE_LOG, if set (to see that nothing is analysed twice).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from gui.core.articles import ImportedText, Metadata
from gui.core.sourcing.model import Findings
from tests.fakes import FakePipeline

PIPELINE_ID = FakePipeline.id


def load_fake(outlets, model=None):
    """The fake pipeline, as load_pipeline would hand over a real one."""
    return FakePipeline()


def find_fake(body, pipeline, entities, lexicons, metadata=None):
    """What findings.analyse returns, without spaCy: no findings."""
    if "CRASH" in body:
        os._exit(3)  # the worker dies, as if the parser had crashed
    if "BOOM" in body:
        raise ValueError("the parser failed on this text")
    if "SLOW" in body:
        time.sleep(0.3)
    log = os.environ.get("QUEUE_LOG")
    if log:
        with Path(log).open("a", encoding="utf-8") as file:
            file.write(body.split("|", 1)[0] + "\n")
    return list(entities), Findings()


def use_fake_pipeline(monkeypatch) -> None:
    """Make the library's pipeline id the fake one (the workers get it from the settings)."""
    monkeypatch.setattr(
        "gui.core.findings.nlp.pipeline_id", lambda outlets, model=None: PIPELINE_ID
    )


def article(number: int, extra: str = "") -> ImportedText:
    """An article whose body starts with its number (what QUEUE_LOG records)."""
    body = f"{number}| Ashton Carter said in Baghdad, Reuters reported. {extra}"
    return ImportedText(body, Metadata(title=f"Story {number}"), f"story{number}.txt", "txt")
