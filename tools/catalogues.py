"""The translation catalogues: extract the English strings, update, check and compile.

    python tools/catalogues.py extract   # scan mi_widgets/ for _(), N_(), ngettext(): write the
                                         # template and add new strings to the da and nb catalogues
    python tools/catalogues.py check     # list untranslated or fuzzy strings and broken {placeholders}
    python tools/catalogues.py compile   # .po -> .mo (the build does this too, see hatch_build.py)

English is the source language; translators edit mi_widgets/locale/<lang>/LC_MESSAGES/mi_workbook.po.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hatch_build import DOMAIN, LOCALE, compile_catalogues  # noqa: E402

TEMPLATE = LOCALE / f"{DOMAIN}.pot"
LANGUAGES = ("da", "nb")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def po_file(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _python_messages(path: Path) -> list[tuple[int, str | tuple[str, str]]]:
    """Every ``_("...")``, ``N_("...")`` and ``ngettext("...", "...", n)`` in a module, with its line.

    Read from the syntax tree, so calls inside f-strings count too (Babel's tokenizer misses them
    before Python 3.12); a call on a variable (``_(label)``) is a lookup, not a message.
    """
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None for a in node.args]
        if node.func.id in ("_", "N_") and args and args[0]:
            found.append((node.lineno, args[0]))
        elif node.func.id == "ngettext" and len(args) >= 2 and args[0] and args[1]:
            found.append((node.lineno, (args[0], args[1])))
    return found


def template() -> Catalog:
    """The English messages of the package (Python modules and report templates), as a catalogue."""
    from babel.messages.extract import extract_from_file

    catalog = Catalog(project="MI Workbook", msgid_bugs_address="https://github.com/mi-workbook/mi-workbook/issues")
    package = ROOT / "mi_widgets"
    for path in sorted(package.rglob("*.py")):
        for line, message in _python_messages(path):
            catalog.add(message, locations=[(path.relative_to(ROOT).as_posix(), line)])
    for path in sorted((package / "engine" / "templates").glob("*.j2")):
        for line, message, _comments, _context in extract_from_file("jinja2", str(path), keywords={"_": None, "ngettext": (1, 2)}):
            catalog.add(message, locations=[(path.relative_to(ROOT).as_posix(), line)])
    return catalog


def extract() -> None:
    """Write the template and bring each language's catalogue in line with it: new messages come in
    untranslated, messages no longer used are dropped, translations of the others are kept."""
    from babel.messages.pofile import read_po, write_po

    catalog = template()
    with TEMPLATE.open("wb") as f:
        write_po(f, catalog, sort_by_file=True, width=100)
    for lang in LANGUAGES:
        with po_file(lang).open("rb") as f:
            translated = read_po(f, locale=lang)
        translated.update(catalog, no_fuzzy_matching=True)
        with po_file(lang).open("wb") as f:
            write_po(f, translated, sort_by_file=True, ignore_obsolete=True, width=100)
    print(f"{len(catalog)} messages in {TEMPLATE.relative_to(ROOT)}")


def problems(lang: str) -> list[str]:
    """Every message of the template without a usable translation in ``lang``, one line each."""
    from babel.messages.pofile import read_po

    with TEMPLATE.open("rb") as f:
        template = read_po(f)
    with po_file(lang).open("rb") as f:
        catalog = read_po(f, locale=lang)
    found = []
    for msg in template:
        if not msg.id:
            continue
        ids = msg.id if isinstance(msg.id, tuple) else (msg.id,)
        got = catalog.get(ids[0])
        strings = () if got is None else got.string if isinstance(got.string, tuple) else (got.string,)
        if not strings or not all(strings):
            found.append(f"{lang}: untranslated: {ids[0]!r}")
        elif got.fuzzy:
            found.append(f"{lang}: fuzzy: {ids[0]!r}")
        else:
            # a singular must keep exactly its placeholders; a plural form may drop {n} ("one file")
            wanted = set().union(*(PLACEHOLDER.findall(i) for i in ids))
            bad = [t for t in strings if (set(PLACEHOLDER.findall(t)) != wanted if len(ids) == 1 else set(PLACEHOLDER.findall(t)) - wanted)]
            if bad:
                found.append(f"{lang}: placeholders differ: {ids[0]!r} -> {bad[0]!r}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("extract", "check", "compile"))
    args = parser.parse_args(argv)
    if args.action == "extract":
        extract()
    elif args.action == "compile":
        for mo in compile_catalogues():
            print(mo.relative_to(ROOT))
    else:
        found = [p for lang in LANGUAGES for p in problems(lang)]
        print("\n".join(found) if found else "every message is translated in " + " and ".join(LANGUAGES))
        return 1 if found else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
