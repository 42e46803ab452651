"""The command line: parse the arguments, and run one of the commands (COMMANDS) without Qt.

Without a command, the arguments name a library and files for the window to open; gui.app
decides what to do with those. Nothing on this path imports Qt, and only the commands that
detect entities import spaCy.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import metadata

from gui.cli import claim_links as cli_claim_links
from gui.cli import compare as cli_compare
from gui.cli import desktop as cli_desktop
from gui.cli import exercise as cli_exercise
from gui.cli import library_file as cli_library_file
from gui.cli import metadata as cli_metadata
from gui.cli import report as cli_report
from gui.cli import tracing as cli_tracing
from gui.cli.arguments import (
    COMMANDS,
    PROG,
    USAGE,
    add_library_option,
    is_window_call,
    path_argument,
    window_parser,
)
from gui.cli.errors import CommandError
from gui.core.entities.models import installed_pipelines
from gui.core.storage import LibraryError, default_library_path

EXIT_USAGE = 2
EXPORT_FORMATS = ("json", "csv", "w3c", "claimreview", "qdc", "qdpx", "jsonl", "spacy")
EXIT_INTERRUPTED = 130

_DESCRIPTION = (
    "Offline reader and annotator for news articles.\n\n"
    "Without a command, opens the window and imports the FILEs given (if any).\n"
    "With a command, works on the library from the command line and exits."
)
# Each runs cli_commands.<name>_command, with "-" in the name read as "_".
_Commands = argparse._SubParsersAction
_Parser = argparse.ArgumentParser


def build_parser() -> argparse.ArgumentParser:
    """The parser for every command; its help names the commands and the default library."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=USAGE,
        description=_DESCRIPTION,
        epilog=f"{_library_note()}\nRun '{PROG} COMMAND --help' for the arguments of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    add_library_option(parser, default=None)
    parser.set_defaults(files=[])
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands", prog=PROG)
    _add_import_parser(commands)
    _add_list_parser(commands)
    _add_analyze_parser(commands)
    _add_export_parser(commands)
    _add_import_annotations_parser(commands)
    cli_report.add_parser(commands, _add_command)
    cli_compare.add_parser(commands, _add_command)
    cli_desktop.add_parser(commands, _add_command)
    cli_exercise.add_parser(commands, _add_command)
    cli_library_file.add_parsers(commands, _add_command)
    cli_metadata.add_parser(commands, _add_command)
    cli_tracing.add_parsers(commands, _add_command)
    cli_claim_links.add_parser(commands, _add_command)
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse argv; ns.command is None when the window should open with ns.library and ns.files."""
    if is_window_call(argv):
        namespace = window_parser().parse_args(argv)
        namespace.command = None
        return namespace
    return build_parser().parse_args(argv)


def run(ns: argparse.Namespace) -> int:
    """Run the command in ns and return the exit code; library problems never show a traceback."""
    _use_utf8_output()
    if ns.command is None:
        return _usage_error("a command is needed: " + ", ".join(COMMANDS))
    # Imported here so that the window's start-up does not load every importer.
    from gui.cli import commands as cli_commands

    try:
        return getattr(cli_commands, f"{ns.command.replace('-', '_')}_command")(ns)
    except (CommandError, LibraryError) as error:
        print(f"error: {error}", file=sys.stderr)
        return getattr(error, "exit_code", 1)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()  # the reader (e.g. `head`) has gone: stop quietly
        return 1


def main(argv: list[str] | None = None) -> int:
    """Parse argv (default sys.argv[1:]) and run its command; without a command, exit 2."""
    try:
        ns = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:
        return _exit_code(exit_)
    return run(ns)


def _add_command(commands: _Commands, name: str, summary: str, description: str) -> _Parser:
    """A command's parser, with --library also accepted after the command name."""
    parser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=_library_note(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    # SUPPRESS: a command without --library keeps the value given before the command.
    add_library_option(parser, default=argparse.SUPPRESS)
    return parser


def _add_import_parser(commands: _Commands) -> None:
    """The import command."""
    parser = _add_command(
        commands,
        "import",
        "import files and folders into the library",
        "Import files (txt, md, html, docx, pdf) and folders into the library.",
    )
    parser.add_argument(
        "paths", nargs="+", type=path_argument, metavar="PATH", help="files or folders"
    )


def _add_list_parser(commands: _Commands) -> None:
    """The list command."""
    parser = _add_command(
        commands,
        "list",
        "list the articles in the library",
        "List the articles in the library, newest import first.",
    )
    parser.add_argument("--search", default="", metavar="TEXT", help="only articles matching TEXT")
    parser.add_argument("--json", action="store_true", help="print a JSON array")


def _add_analyze_parser(commands: _Commands) -> None:
    """The analyze command."""
    parser = _add_command(
        commands,
        "analyze",
        "detect the entities in files, or analyse the whole library",
        "Read each file (folders: every supported file inside) without storing it, and\n"
        "detect its entities. With --json, also its quotes and attributions, hedges and\n"
        "numeric claims; one JSON object per line (JSON Lines), in the order given.\n"
        "Without files, --library FILE: find the entities and sourcing of every article\n"
        "the library lacks and store them, on --jobs cores; progress on stderr. A run\n"
        "stopped midway is taken up by the next one where it stopped.",
    )
    parser.add_argument(
        "paths", nargs="*", type=path_argument, metavar="PATH", help="files or folders"
    )
    parser.add_argument(
        "--jobs", type=int, default=0, metavar="N", help="worker processes (default: every core)"
    )
    parser.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print one JSON object per file")
    installed = ", ".join(p.label for p in installed_pipelines()) or "none"
    parser.add_argument(
        "--model",
        metavar="NAME",
        help=f"the English spaCy pipeline to use (installed here: {installed}; "
        "default: the small one)",
    )


def _add_export_parser(commands: _Commands) -> None:
    """The export command."""
    parser = _add_command(
        commands,
        "export",
        "export an article with its annotations (json, csv, w3c, claimreview, qdc, qdpx, "
        "jsonl, spacy)",
        "Export an article and its annotations.\n\n"
        "  json  Sourcelight's own JSON, lossless: the article, its metadata and entities,\n"
        "        its annotations, the codebook, the entity corrections, and the sourcing\n"
        "        findings with the claim verdicts and corrections. Entities (and with them\n"
        "        the findings) are detected and saved first if the library has none for\n"
        "        the current pipeline; that needs the spaCy model.\n"
        "  csv   one row per annotation: article, label, start, end, text, note,\n"
        "        annotator, created, orphaned (UTF-8 with a byte order mark; cells that a\n"
        "        spreadsheet would run as formulas start with an apostrophe).\n"
        "  w3c   W3C Web Annotation JSON-LD: an AnnotationCollection of Annotations.\n"
        "  claimreview\n"
        "        schema.org ClaimReview JSON-LD: one review per numeric claim with a\n"
        "        verdict (needs the spaCy model unless the findings are saved).\n"
        "  qdc   the codebook as a REFI-QDA codebook (no --article needed).\n"
        "  qdpx  a REFI-QDA project (QualCoder, MAXQDA, NVivo, ATLAS.ti): the article (or\n"
        "        with --all every article) as a text source, its annotations as codings,\n"
        "        notes as notes, annotators as users. Orphans are left out (listed).\n"
        "  jsonl training data, one {text, spans: [{start, end, label}]} per article\n"
        "        (Prodigy's shape): the corrected entities, or with --spans quotes what\n"
        "        each quote says (QUOTE) and who says it (SOURCE).\n"
        "  spacy the same as a spaCy DocBin (.spacy): entities as doc.ents, quotes and\n"
        "        sources in doc.spans['sc'].",
    )
    parser.add_argument("--article", type=int, metavar="ID", help="article id")
    parser.add_argument(
        "--all", action="store_true", help="qdpx, jsonl, spacy: every article of the library"
    )
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="json", help="output format")
    parser.add_argument(
        "--spans",
        choices=["entities", "quotes"],
        default="entities",
        help="jsonl, spacy: the corrected entities (default), or quotes and their sources",
    )
    parser.add_argument(
        "--output", type=path_argument, metavar="FILE", help="write here, not stdout"
    )
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        help="claimreview: the reviewer of verdicts that do not name one",
    )


def _add_import_annotations_parser(commands: _Commands) -> None:
    """The import-annotations command."""
    parser = _add_command(
        commands,
        "import-annotations",
        "import annotations (Sourcelight JSON, W3C, Hypothesis, REFI-QDA) into an article",
        "Import annotations from Sourcelight's JSON or W3C Web Annotation JSON (one\n"
        "Annotation, a list, an AnnotationCollection or an AnnotationPage; Hypothesis's\n"
        "export and API files too) into an article, anchoring each by its selectors.\n"
        "Annotations whose text is not found are kept as orphans; items that are not\n"
        "annotations are listed on stderr (exit code 1).\n\n"
        "Without --article: a Sourcelight JSON export brings its article along (added to\n"
        "the library unless its text is there already); a W3C file goes to the article its\n"
        "targets name (urn:sourcelight:article:<hash>).\n\n"
        "A REFI-QDA project (.qdpx) brings its texts as articles (those the library has\n"
        "are used as they are), its codes as labels and its codings as annotations, each\n"
        "user a layer; a REFI-QDA codebook (.qdc) adds the codes the codebook lacks.",
    )
    parser.add_argument("--article", type=int, metavar="ID", help="article id")
    parser.add_argument(
        "--annotator",
        metavar="NAME",
        help="who made the annotations the file does not attribute (default: imported)",
    )
    parser.add_argument(
        "file", type=path_argument, metavar="FILE", help="the file to read ('-': stdin)"
    )


def _library_note() -> str:
    """The line of help that names the default library (not wrapped: it may be copied)."""
    return f"Default library: {default_library_path()}"


def _version() -> str:
    """The installed version of Sourcelight."""
    try:
        return metadata.version("sourcelight")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _use_utf8_output() -> None:
    """Write UTF-8 whatever the locale says, so titles and entities print as they are."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _usage_error(message: str) -> int:
    """Print the usage and message to stderr; return the usage exit code."""
    build_parser().print_usage(sys.stderr)
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _exit_code(exit_: SystemExit) -> int:
    """The int exit code of an argparse exit (--help: 0, bad arguments: 2)."""
    code = exit_.code
    if code is None or isinstance(code, int):
        return code or 0
    print(code, file=sys.stderr)
    return 1


def _silence_stdout() -> None:
    """Point stdout at devnull so that the final flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


if __name__ == "__main__":
    raise SystemExit(main())
