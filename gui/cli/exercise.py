"""The exercise command: make an exercise, collect what trainees hand back, list the returns.

`exercise create` packs articles of the library into a file for trainees (the answer key, if
named, stays in the library); `exercise collect` reads returned files as untrusted input and
adds each trainee's work as a layer; `exercise returns` lists every return with its answers
and scores; `exercise answer-sheet` writes the key as a page to hand out afterwards.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gui.cli import common
from gui.cli.arguments import add_library_option, path_argument
from gui.cli.errors import CommandError

SUMMARY = "make exercises for trainees, collect their returns, list the scores"
DESCRIPTION = (
    "Trainer mode on the command line.\n\n"
    "  create        pack articles into an exercise file for trainees; the answer key\n"
    "                (--key LAYER) stays in this library, the file holds nothing of it\n"
    "  collect       import returned exercise files, each trainee's work as a layer\n"
    "  returns       list each exercise's returns: trainee, when, answers, scores\n"
    "  answer-sheet  write an exercise's answer key as a page for the trainees\n\n"
    "Returned files are read without trusting them: a file that is not a plain exercise\n"
    "file, or holds anything unsafe or out of bounds, is refused on stderr (exit code 1)\n"
    "and nothing of it is kept."
)
CHECKLIST_BYTES = 64 * 1024


def add_parser(commands: argparse._SubParsersAction, add_command: Callable[..., Any]) -> None:
    """Add the exercise command and its actions through gui.cli.main's add_command."""
    parser = add_command(commands, "exercise", SUMMARY, DESCRIPTION)
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    _add_create(_action(actions, "create", "pack articles into an exercise file"))
    collect = _action(actions, "collect", "import returned exercise files as layers")
    collect.add_argument("files", nargs="+", type=path_argument, metavar="FILE")
    returns = _action(actions, "returns", "list the returns of every exercise, with scores")
    returns.add_argument("--json", action="store_true", help="print the returns as JSON")
    returns.add_argument("--exercise", metavar="ID", help="only this exercise")
    sheet = _action(actions, "answer-sheet", "write an exercise's answer key as a web page")
    sheet.add_argument("--exercise", metavar="ID", help="which exercise (default: the last)")
    sheet.add_argument("--output", type=path_argument, required=True, metavar="FILE")


def _action(actions: Any, name: str, summary: str) -> argparse.ArgumentParser:
    """One action's parser, taking --library too."""
    parser = actions.add_parser(name, help=summary, description=summary, allow_abbrev=False)
    add_library_option(parser, default=argparse.SUPPRESS)
    return parser


def _add_create(parser: argparse.ArgumentParser) -> None:
    """The arguments of exercise create."""
    parser.add_argument("--articles", required=True, metavar="IDS", type=_ids,
                        help="the articles, by id: 3,5,8")  # fmt: skip
    parser.add_argument("--title", required=True, metavar="T")
    parser.add_argument("--output", required=True, type=path_argument, metavar="FILE")
    parser.add_argument("--key", default="", metavar="LAYER",
                        help="the layer kept (in this library only) as the answer key")  # fmt: skip
    parser.add_argument("--hide-findings", action="store_true",
                        help="trainees see no entities or sourcing findings")  # fmt: skip
    parser.add_argument("--keep-entities", action="store_true",
                        help="with --hide-findings: the entities (only) stay")  # fmt: skip
    parser.add_argument("--checklist", metavar="sift|craap|FILE",
                        help="SIFT, CRAAP, or a text file of questions, one per line")  # fmt: skip
    parser.add_argument("--instructions", default="", metavar="TEXT")
    parser.add_argument("--trainer", default="", metavar="NAME", help="default: your user name")


def exercise_command(ns: argparse.Namespace) -> int:
    """Run the exercise action that ns names."""
    writes = ns.action in ("create", "collect")  # the others only read the library
    with common.opened(ns, common.WRITE if writes else common.READ) as library:
        return _ACTIONS[ns.action](library, ns)


def _create(library: Any, ns: argparse.Namespace) -> int:
    """exercise create: write the file, record the exercise and its key."""
    from gui.core.trainer.exercises import ExerciseOptions
    from gui.core.trainer.packing import create_exercise

    options = ExerciseOptions(
        ns.title, ns.instructions, _checklist(ns.checklist), ns.hide_findings,
        ns.keep_entities, ns.key, ns.trainer,
    )  # fmt: skip
    info = create_exercise(library, ns.articles, ns.output, options)
    key = f"; answer key “{ns.key}” kept in {library.name}" if ns.key else "; no answer key"
    print(f"exercise “{info.title}” ({info.exercise_id}) written to {ns.output}:"
          f" {len(info.articles)} article(s){key}")  # fmt: skip
    return 0


def _collect(library: Any, ns: argparse.Namespace) -> int:
    """exercise collect: read every file, keep the work of those that belong here, one step."""
    from gui.core.changes import Batch
    from gui.core.storage.commands_store import carry_out
    from gui.core.trainer.exercises import ExerciseError
    from gui.core.trainer.returns import CollectReturn, Refused, check_belongs, read_returns

    works, refused = [], 0
    for item in read_returns(ns.files):
        try:
            if isinstance(item, Refused):
                raise ExerciseError(item.message)
            check_belongs(library, item)
            works.append(item)
        except ExerciseError as error:
            print(f"error: {error}", file=sys.stderr)
            refused += 1
    if works:
        batch = Batch("Import returned exercises", tuple(map(CollectReturn, works)))
        for work, report in zip(works, carry_out(library, batch).reports, strict=True):
            print(_line(work.path, report))
    return 1 if refused else 0


def _returns(library: Any, ns: argparse.Namespace) -> int:
    """exercise returns: every return with its answers and scores, as text or JSON."""
    from gui.core.trainer.results import all_results

    found = [r for r in all_results(library) if ns.exercise in (None, r.exercise.exercise_id)]
    if ns.exercise and not found:
        raise CommandError(f"there is no exercise {ns.exercise} in {library.name}")
    if ns.json:
        print(common.as_json([r.to_json() for r in found], indent=2))
    else:
        print("\n\n".join(_exercise_text(r) for r in found) or "no exercises made yet")
    return 0


def _answer_sheet(library: Any, ns: argparse.Namespace) -> int:
    """exercise answer-sheet: the key of an exercise as one web page."""
    from gui.core.reports.answer_sheet import answer_sheet_html
    from gui.core.trainer.packing import exercises_made

    made = exercises_made(library)
    exercise_id = ns.exercise or (made[-1].exercise_id if made else "")
    try:
        page = answer_sheet_html(library, exercise_id)
    except KeyError:
        raise CommandError(f"there is no exercise {exercise_id or ''} in {library.name}") from None
    except ValueError as error:
        raise CommandError(str(error)) from None
    common.write(page, ns.output)
    return 0


def _exercise_text(results: Any) -> str:
    """One exercise and its returns as readable lines."""
    e = results.exercise
    key = f"key: {e.key_layer} ({results.key_size})" if results.key_size else "no key"
    lines = [f"{e.title} [{e.exercise_id}] made {e.created[:10]}, {key}, {e.path}"]
    if not results.returns:
        lines.append("  nothing handed in yet")
    for result in results.returns:
        lines += _return_text(result)
    return "\n".join(lines)


def _return_text(result: Any) -> list[str]:
    """One return: who and when, the figures per label, the answers."""
    r = result.record
    when = (r.handed_in or r.imported_at)[:16].replace("T", " ")
    done = ", ".join(result.annotated) or "no article"
    lines = [f"  {r.trainee} (layer {r.layer}), handed in {when}: {r.annotations} annotations"
             f" in {done}"]  # fmt: skip
    for exact, overlap in zip(result.exact, result.overlap, strict=True):
        lines.append(
            f"    {overlap.label:<20} exact F1 {exact.f1:.2f}   overlap F1 {overlap.f1:.2f}"
            f"   found {overlap.matches}, missed {overlap.misses}, extra {overlap.extras}"
        )
    lines += [f"    {a.question}\n      {a.answer or '(no answer)'}" for a in result.answers]
    return lines


def _line(path: Path, report: Any) -> str:
    """What importing one returned file did."""
    if report.duplicate:
        return f"{path}: already imported as layer “{report.layer}”; nothing added"
    line = f"{path}: {report.added} annotation(s) as layer “{report.layer}”"
    if report.orphaned:
        line += f" ({report.orphaned} orphaned)"
    if report.skipped:
        line += f"; {report.skipped} left out: " + "; ".join(report.reasons[:3])
    return line


def _ids(value: str) -> list[int]:
    """Article ids given as 3,5,8 (spaces allowed)."""
    try:
        ids = [int(part) for part in value.replace(" ", "").split(",") if part]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not article ids: {value!r} (e.g. 3,5,8)") from None
    if not ids:
        raise argparse.ArgumentTypeError("at least one article id is needed")
    return ids


def _checklist(choice: str | None) -> tuple[str, ...]:
    """SIFT's or CRAAP's questions, or those of a text file (one per line); () for none."""
    from gui.core.trainer.exercises import CHECKLISTS

    if not choice:
        return ()
    named = {name.casefold(): questions for name, questions in CHECKLISTS.items()}
    if choice.casefold() in named:
        return named[choice.casefold()]
    return _questions(Path(choice).expanduser())


def _questions(path: Path) -> tuple[str, ...]:
    """The questions in a plain UTF-8 text file, one per line; CommandError when unusable."""
    if not path.is_file():
        raise CommandError(f"cannot read the checklist {path}: it is not sift, craap or a file")
    try:
        with path.open("rb") as file:
            data = file.read(CHECKLIST_BYTES + 1)
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read the checklist {path}: {error}") from error
    if len(data) > CHECKLIST_BYTES:
        raise CommandError(f"the checklist {path} is longer than {CHECKLIST_BYTES // 1024} KB")
    questions = tuple(line.strip() for line in text.splitlines() if line.strip())
    if not questions:
        raise CommandError(f"the checklist {path} holds no questions")
    return questions


_ACTIONS: dict[str, Callable[[Any, argparse.Namespace], int]] = {
    "create": _create,
    "collect": _collect,
    "returns": _returns,
    "answer-sheet": _answer_sheet,
}
