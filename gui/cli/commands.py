"""Every command of gui.cli by name: gui.cli.main runs <name>_command(ns) from here.

Imported only when a command runs, so that the window's start-up loads none of them.
"""

from gui.cli.analyze import analyze_command
from gui.cli.claim_links import relate_claims_command
from gui.cli.compare import compare_command
from gui.cli.desktop import install_desktop_command
from gui.cli.exercise import exercise_command
from gui.cli.export import export_command
from gui.cli.library import import_annotations_command, import_command, list_command
from gui.cli.library_file import new_command, restore_command
from gui.cli.metadata import metadata_command
from gui.cli.report import library_report_command, report_command
from gui.cli.tracing import (
    claims_command,
    grade_source_command,
    outlets_command,
    sources_command,
    trace_command,
)

__all__ = [
    "analyze_command",
    "claims_command",
    "compare_command",
    "exercise_command",
    "export_command",
    "grade_source_command",
    "import_annotations_command",
    "import_command",
    "install_desktop_command",
    "library_report_command",
    "list_command",
    "metadata_command",
    "new_command",
    "outlets_command",
    "relate_claims_command",
    "report_command",
    "restore_command",
    "sources_command",
    "trace_command",
]
