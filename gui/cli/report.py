"""The report commands: an article or (--key) a class report; library-report; HTML or PDF.

Qt-free, like the rest of the command line, except for the PDF branch, which imports
gui.reports.pdf (and with it PySide6) only when a PDF is asked for.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from gui.cli import common
from gui.cli.errors import CommandError
from gui.core.storage import ArticleStore

SUMMARY = "write an article report, or a class report with --key (html or pdf)"
DESCRIPTION = (
    "Write a printable report of an article.\n\n"
    "Without --key: the text with its entities and annotations highlighted, a legend,\n"
    "the annotations with their notes by layer, the sourcing profile and the claims\n"
    "with their verdicts (when the sourcing findings are saved), and the checklist\n"
    "answers of an exercise file. Entities are those saved for the current pipeline;\n"
    "nothing is analysed.\n\n"
    "With --key NAME: a class report. The layer NAME is the answer key; every other\n"
    "layer (or each --layer) is a trainee, scored against it (exact and overlap F1,\n"
    "kappa, alpha), with the key's annotations each trainee missed.\n\n"
    "html is one self-contained file (no scripts, nothing fetched); pdf is A4."
)


LIBRARY_SUMMARY = "write a report of the whole library (html or pdf)"
LIBRARY_DESCRIPTION = (
    "Write a printable report of the whole library: how many articles, outlets and\n"
    "sources it holds; the trace across the library of every quote a person marked (a\n"
    "found quote any annotation overlaps, or text with a label whose name holds\n"
    '"quot"); the claims timelines of the events with figures from two articles or\n'
    "more; which outlets relay which; the most quoted sources. Long lists are cut\n"
    "short, and the report says how much it left out. It reads what the analysis\n"
    "saved (analyze, or File > Analyse Library…); nothing is analysed."
)


def add_parser(commands: argparse._SubParsersAction, add_command: Callable[..., Any]) -> None:
    """Add report and library-report through gui.cli.main's add_command(commands, name, ...)."""
    parser = add_command(commands, "report", SUMMARY, DESCRIPTION)
    parser.add_argument("--article", type=int, required=True, metavar="ID", help="article id")
    _add_output(parser)
    parser.add_argument(
        "--key",
        "--class-key",
        dest="key",
        metavar="NAME",
        help="make a class report with the layer NAME as the answer key",
    )
    parser.add_argument(
        "--layer",
        dest="layers",
        action="append",
        metavar="NAME",
        help="only this layer (repeat for more): shown, or scored with --key",
    )
    library = add_command(commands, "library-report", LIBRARY_SUMMARY, LIBRARY_DESCRIPTION)
    _add_output(library)


def _add_output(parser: argparse.ArgumentParser) -> None:
    """--format and --output."""
    parser.add_argument("--format", choices=["html", "pdf"], default="html", help="output format")
    parser.add_argument(
        "--output", type=_path, required=True, metavar="FILE", help="the file to write"
    )


def library_report_command(ns: argparse.Namespace) -> int:
    """Write the library report as HTML or PDF to --output."""
    from gui.core.reports.library import library_report_html  # the parser stays light

    with common.opened(ns) as library:
        write_html(library_report_html(library), ns)
    print(f"library report written to {ns.output}")
    return 0


def report_command(ns: argparse.Namespace) -> int:
    """Write an article report (with --key: a class report) as HTML or PDF to --output."""
    with common.opened(ns) as library:
        write_report(library, common.article(library, ns.article).id, ns)
    print(f"report written to {ns.output}")
    return 0


def write_report(library: Any, article_id: int, ns: argparse.Namespace) -> None:
    """Make the report that ns asks for and write it to ns.output (CommandError on failure)."""
    try:
        html = report_html(library, article_id, ns.key, ns.layers)
    except ValueError as error:
        raise CommandError(str(error)) from None
    write_html(html, ns)


def write_html(html: str, ns: argparse.Namespace) -> None:
    """Write a report to ns.output as ns.format asks (CommandError when it cannot be)."""
    try:
        if ns.format == "pdf":
            _write_pdf(html, ns.output)
        else:
            ns.output.write_text(html, encoding="utf-8")
    except OSError as error:
        reason = getattr(error, "strerror", None) or error
        raise CommandError(f"cannot write {ns.output}: {reason}") from error


def report_html(
    library: Any, article_id: int, key: str | None, layers: Sequence[str] | None
) -> str:
    """The class report when a key layer is named, else the article report."""
    # Imported here: gui.cli.main imports this module for its parser, and must stay light.
    from gui.core import reports
    from gui.core.findings import stored

    if key:
        return reports.class_report_html(library, article_id, key, layers)
    shown = stored(library, ArticleStore(library).get(article_id))
    return reports.article_report_html(library, shown, layers)


def _write_pdf(html: str, output: Path) -> None:
    """The report as PDF, laid out by Qt (loaded only here)."""
    from gui.reports.pdf import html_to_pdf

    html_to_pdf(html, output)


def _path(value: str) -> Path:
    """An argument naming a file, with ~ expanded."""
    return Path(value).expanduser()
