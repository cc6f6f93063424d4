"""`mi-workbook`: the command line for instructors, thin over the engine.

Exit status: 0 done; 2 bad input or bad arguments (one clear line on stderr, never a traceback);
1 an internal error (set MI_WORKBOOK_DEBUG=1 to see its traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import NoReturn, Sequence

from . import __version__
from .engine.i18n import LANGUAGES

PROG = "mi-workbook"


class UsageError(Exception):
    """A bad argument: reported as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line instead of usage + message
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _rating(name: str):
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = None
        if n is None or not 1 <= n <= 5:
            raise argparse.ArgumentTypeError(f"a global rating must be a whole number from 1 to 5, got '{value}'")
        return n

    parse.__name__ = name  # argparse names it in messages
    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="MI Workbook: MITI 4.2.1 reports, dialogue checks and the dialogue library.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    lang_help = "language of messages and reports: en, da or nb (default: $MI_WORKBOOK_LANG or en)"
    parser.add_argument("--lang", choices=LANGUAGES, help=lang_help)
    # The same option after the command ("report --lang da"); given there, it wins.
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    rep = sub.add_parser("report", parents=[lang], help="MITI 4.2.1 report for a coded transcript (.csv) or dialogue (.yaml)",
                         description="Tally a coded conversation by the MITI 4.2.1 rules and report summary scores against the manual's thresholds.")
    rep.add_argument("file", metavar="FILE", help="a coded transcript (.csv: speaker,text,code[,subcode]), a dialogue (.yaml), or the id of a library dialogue")
    for flag, name in (("--cct", "Cultivating Change Talk"), ("--sst", "Softening Sustain Talk"), ("--partnership", "Partnership"), ("--empathy", "Empathy")):
        rep.add_argument(flag, type=_rating(flag), metavar="N", help=f"global rating for {name}, 1-5 (default: the dialogue's expert rating, if any)")
    rep.add_argument("--format", choices=["text", "json", "html"], default="text", help="output format (default: text)")
    rep.add_argument("--output", "-o", metavar="PATH", help="write to PATH instead of standard output")
    rep.add_argument("--force", action="store_true", help="replace PATH if it already exists")
    rep.add_argument("--auto", action="store_true", help="fill missing counsellor codes with the classifier; the report is marked provisional")

    cls = sub.add_parser("classify", parents=[lang], help="suggest a MITI code for counsellor utterances, with reasons",
                         description="Suggest the MITI 4.2.1 code of each counsellor utterance (open/closed for questions) and say why. A practice aid, not a coder.")
    cls.add_argument("texts", metavar="TEXT", nargs="*", help="an utterance (quote it); give several for several")
    cls.add_argument("--file", "-f", metavar="F", help="one utterance per line, or a CSV with a 'text' column (and optionally 'context', the client's line before); '-' reads standard input")
    cls.add_argument("--context", metavar="CLIENT", help="the client's line before the TEXT utterances (helps tell simple from complex reflections)")
    cls.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")

    val = sub.add_parser("validate", parents=[lang], help="check library files and folders", description="Check dialogues, quizzes and practice prompts (.yaml), coded transcripts (.csv), and folders of them.")
    val.add_argument("paths", metavar="PATH", nargs="+", help="a file or a folder")

    lst = sub.add_parser("list", parents=[lang], help="list the dialogues in a folder (default: the bundled library)")
    lst.add_argument("folder", metavar="DIR", nargs="?", help="folder of dialogue files (default: the bundled library)")
    lst.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    _add_import_parser(sub)
    return parser


def _dialogue_id(value: str) -> str:
    from .engine.importers import ID_PATTERN

    if not ID_PATTERN.match(value):
        raise argparse.ArgumentTypeError(f"an id uses only lowercase letters, digits and single hyphens, got '{value}'")
    return value


def _add_import_parser(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser("import", help="turn AnnoMI or plain CSV transcripts into dialogue files (.yaml)",
                         description="Import transcripts as dialogue files (DIR/<id>.yaml), which list, validate and report can read.")
    kinds = imp.add_subparsers(dest="kind", metavar="FORMAT", parser_class=_Parser)
    kinds.required = True
    annomi = kinds.add_parser("annomi", help="the AnnoMI data set (AnnoMI-simple.csv or AnnoMI-full.csv), one dialogue per transcript",
                              description="Import AnnoMI (Wu et al. 2022), which you download yourself, mapping its labels onto MITI 4.2.1 codes.")
    annomi.add_argument("file", metavar="SRC.csv", help="AnnoMI-full.csv (with reflection and question subtypes) or AnnoMI-simple.csv")
    plain = kinds.add_parser("csv", help="a plain transcript: speaker,text and optionally code,subcode",
                             description="Import a transcript CSV (speaker,text; code and subcode optional) as one dialogue.")
    plain.add_argument("file", metavar="SRC.csv", help="a transcript with the columns speaker and text (code and subcode optional)")
    plain.add_argument("--id", type=_dialogue_id, help="dialogue id and file name (default: from the file name)")
    plain.add_argument("--title", help="title (default: from the file name)")
    plain.add_argument("--topic", help="short topic, e.g. smoking (default: unspecified)")
    plain.add_argument("--change-goal", metavar="GOAL", help="the target behaviour, named before coding (default: not stated)")
    plain.add_argument("--language", choices=LANGUAGES, default="en", help="language of the transcript (default: en)")
    for p in (annomi, plain):
        p.add_argument("--out", required=True, metavar="DIR", help="folder for the dialogue files (created if its parent exists)")
        p.add_argument("--force", action="store_true", help="replace dialogue files that already exist")


# ------------------------------------------------------------------------------------- commands
def _cmd_report(args: argparse.Namespace) -> int:
    from .engine.library import get_dialogue
    from .engine.loaders import load
    from .engine.report import build_report, render

    ref = Path(args.file)
    # a bare name without a suffix is a library id (`report gp-diabetes-mi`); anything else a file
    if args.auto and ref.suffix.lower() in (".csv", ".tsv", ".txt"):
        from .engine.loaders import parse_transcript
        from .engine.textio import read_text

        dialogue = parse_transcript(read_text(ref), ref, require_code=False)  # codes may be missing
    else:
        dialogue = load(ref) if ref.suffix or len(ref.parts) > 1 else get_dialogue(args.file)
    filled = 0
    if args.auto:
        from .engine.classifier import precode

        dialogue, filled = precode(dialogue)
        print(f"{args.file}: the classifier filled {filled} counsellor code{'s' if filled != 1 else ''}; the report is provisional", file=sys.stderr)
    ratings = dialogue.globals.merged(cct=args.cct, sst=args.sst, partnership=args.partnership, empathy=args.empathy)
    report = build_report(dialogue, ratings, provisional=args.auto)
    text = render(report, args.format, dialogue)
    if args.output:
        _write_output(Path(args.output), text, Path(args.file), args.force)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _write_output(out: Path, text: str, source: Path, force: bool) -> None:
    """Write atomically; never over the input, never over an existing file without --force."""
    from .engine.errors import InputError

    if out.exists() and out.resolve() == source.resolve():
        raise InputError.one(out, "is the input file; choose another --output")
    if out.is_dir():
        raise InputError.one(out, "is a folder; give a file name for --output")
    if out.exists() and not force:
        raise InputError.one(out, "already exists; use --force to replace it")
    if not out.parent.exists():
        raise InputError.one(out, f"cannot be written: folder {out.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _cmd_classify(args: argparse.Namespace) -> int:
    from .engine.classifier import classify, read_utterances

    items: list[tuple[str, str | None]] = [(t, args.context) for t in args.texts if t.strip()]
    if args.file:
        stdin = args.file == "-"
        rows = read_utterances("<stdin>" if stdin else args.file, sys.stdin.read() if stdin else None)
        items += [(text, context) for text, context, _line in rows]
    if not items:
        raise UsageError(f"{PROG} classify: give an utterance to classify, or --file F (see '{PROG} classify --help')")
    results = [classify(text, context) for text, context in items]
    if args.format == "json":
        sys.stdout.write(json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False) + "\n")
        return 0
    out = []
    for r in results:
        label = "uncoded" if r.code is None else r.code + (f" ({r.question_type})" if r.question_type else "")
        out.append(f"{label:<12} {r.text}")
        out.extend(f"{'':12}   - {reason}" for reason in r.reasons)
    sys.stdout.write("\n".join(out) + "\n")
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from .engine.checks import check_paths

    checked = check_paths(args.paths)
    n = checked.n_files
    files = f"{n} file{'s' if n != 1 else ''} checked"
    for problem in checked.problems:
        print(problem, file=sys.stderr)
    if checked.problems:
        bad = len({p.path for p in checked.problems})
        print(f"{files}: {bad} with problems ({len(checked.problems)} in all)", file=sys.stderr)
        return 2
    print(f"{files}: all valid ({checked.summary()})")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from .engine.errors import InputError
    from .engine.loaders import load_folder

    folder = Path(args.folder) if args.folder else None
    if folder is not None and not folder.is_dir():
        raise InputError.one(folder, "no such folder" if not folder.exists() else "is not a folder")
    dialogues, problems = load_folder(folder)
    problems = [p for p in problems if "holds no .yaml" not in p.message]
    rows = [d.summary_row() for d in sorted(dialogues, key=lambda d: (d.language, d.topic, d.id))]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    elif rows:
        cols = [("id", "id"), ("language", "lang"), ("topic", "topic"), ("style", "style"), ("pair", "pair"), ("n_utterances", "utt"), ("title", "title")]
        table = [[str(r[k]) if r[k] is not None else "" for k, _ in cols] for r in rows]
        widths = [max(len(h), *(len(row[i]) for row in table)) for i, (_, h) in enumerate(cols)]
        print("  ".join(h.ljust(w) for (_, h), w in zip(cols, widths)).rstrip())
        for row in table:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
    else:
        print("no dialogues found", file=sys.stderr)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 2 if problems else 0


def _cmd_import(args: argparse.Namespace) -> int:
    from .engine.importers import read_annomi, read_plain_csv, write_dialogues

    notes: list[str] = []
    if args.kind == "annomi":
        dialogues = read_annomi(args.file, notes)
    else:
        dialogues = [read_plain_csv(args.file, dialogue_id=args.id, title=args.title, topic=args.topic,
                                    change_goal=args.change_goal, language=args.language, notes=notes)]
    write_dialogues(dialogues, args.out, force=args.force)
    n, n_utt = len(dialogues), sum(len(d.utterances) for d in dialogues)
    print(f"imported {n} transcript{'s' * (n != 1)} ({n_utt} utterance{'s' * (n_utt != 1)}) into {args.out}")
    for note in notes:
        print(f"warning: {note}", file=sys.stderr)
    return 0


COMMANDS = {"report": _cmd_report, "classify": _cmd_classify, "validate": _cmd_validate, "list": _cmd_list, "import": _cmd_import}


def main(argv: Sequence[str] | None = None) -> int:
    from .engine.errors import InputError

    try:
        args = build_parser().parse_args(argv)
        if args.lang:
            from .engine.i18n import set_language

            set_language(args.lang)
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except InputError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # output piped into `head`: not an error
        return 0
    except Exception as exc:  # a bug: say so in one line unless debugging
        if os.environ.get("MI_WORKBOOK_DEBUG"):
            raise
        print(f"{PROG}: internal error: {type(exc).__name__}: {exc} (set MI_WORKBOOK_DEBUG=1 for details, and please report it)", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
