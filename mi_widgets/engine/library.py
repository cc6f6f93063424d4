"""Where the bundled library (data/) is, in a checkout and in an installed wheel alike."""

from __future__ import annotations

import os
from functools import lru_cache
from collections.abc import Callable, Iterable
from pathlib import Path

from .i18n import LANGUAGES, N_, _, get_language

ENV_VAR = "MI_WORKBOOK_DATA"
_PACKAGE = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The library folder: $MI_WORKBOOK_DATA, else the copy inside an installed wheel
    (``mi_widgets/_data``), else ``data/`` beside the package in a checkout."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    for candidate in (_PACKAGE / "_data", _PACKAGE.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"the MI Workbook library was not found (looked in {_PACKAGE / '_data'} and "
        f"{_PACKAGE.parent / 'data'}); set {ENV_VAR} to its folder"
    )


def dialogues_dir() -> Path:
    """The folder of the bundled dialogue files."""
    return data_dir() / "dialogues"


def get_dialogue(ref: str | Path):
    """A dialogue by id from the bundled library, or by path to a .yaml or .csv file."""
    from .errors import InputError
    from .loaders import load

    path = Path(ref)
    if path.suffix and path.exists():
        return load(path)
    candidate = dialogues_dir() / f"{ref}.yaml"
    if candidate.exists():
        return load(candidate)
    matches = sorted(dialogues_dir().rglob(f"{ref}.yaml"))
    if matches:
        return load(matches[0])
    raise InputError.one(str(ref), _("no dialogue with this id in the library, and no such file"))


def library_table(folder: str | Path | None = None):
    """The library as a pandas table, one row per dialogue (id as index)."""
    from .loaders import load_folder
    from .model import dialogues_dataframe

    dialogues, _problems = load_folder(folder)
    table = dialogues_dataframe(sorted(dialogues, key=lambda d: (d.language, d.topic, d.id)))
    return table.drop(columns=["file", "has_globals"], errors="ignore")  # learners need neither


def quizzes_dir() -> Path:
    """The folder of the question bank's quiz files."""
    return data_dir() / "quizzes"


def prompts_dir() -> Path:
    """The folder of the free-text practice prompts."""
    return data_dir() / "prompts"


def _stamp(folder: Path) -> tuple:
    """Names and modification times of a folder's YAML files: a cache key that notices edits."""
    if not folder.is_dir():
        return ()
    return tuple((str(f), f.stat().st_mtime_ns) for f in sorted(folder.glob("*.yaml")))


@lru_cache(maxsize=8)
def _load_all(stamp: tuple, load: Callable) -> tuple:
    """Every file named in ``stamp`` loaded with ``load``; cached until a file is added, removed or edited."""
    return tuple(load(f) for f, _mtime in stamp)


def _languages(language: str | None) -> tuple[str, ...]:
    """Where to look, in order: the language asked for (None: the language in force), then English.

    Translated quiz items and prompts keep the id of the English one they translate, so an id
    means the same exercise in every language, and a missing translation falls back to English.
    """
    lang = language or get_language()
    return (lang,) if lang == "en" else (lang, "en")


def _in_order(language: str | None) -> tuple[str, ...]:
    """The language asked for, then English, then the others: where an id is looked up."""
    first = _languages(language)
    return first + tuple(lang for lang in LANGUAGES if lang not in first)


def in_language(loaded: Iterable, language: str | None, key: Callable) -> list:
    """Of documents in several languages, one per ``key``: in ``language`` (None: the language in
    force) where there is one, else in English."""
    found: dict[object, object] = {}
    for lang in _languages(language):
        for doc in loaded:
            if doc.language == lang:
                found.setdefault(key(doc), doc)
    return list(found.values())


def quizzes(language: str | None = None) -> list:
    """The question bank's quizzes in one language, one per topic (None: the language in force).

    A topic with no quiz in that language comes in English.
    """
    from .bank import load_quiz

    return in_language(_load_all(_stamp(quizzes_dir()), load_quiz), language, lambda q: q.topic)


def quiz_items(topic: str | None = None, language: str | None = None) -> list:
    """Quiz items, all or of one topic (spirit, oars, ambivalence, change_talk, miti, evidence)."""
    return [item for q in quizzes(language) if topic in (None, q.topic) for item in q.items]


def _find(found: Iterable, wanted: str, what: str):
    """The entry whose ``id`` is ``wanted``, else one clear error naming ``what`` was looked for."""
    from .errors import InputError

    for entry in found:
        if entry.id == wanted:
            return entry
    raise InputError.one(wanted, _("no {what} with this id").format(what=_(what)))


def get_quiz_item(item_id: str, language: str | None = None):
    """One quiz item by id: in ``language`` (None: the language in force) if translated, else English."""
    from .bank import load_quiz

    loaded = _load_all(_stamp(quizzes_dir()), load_quiz)
    return _find((i for lang in _in_order(language) for q in loaded if q.language == lang for i in q.items),
                 item_id, N_("quiz item"))


def practice_prompts(topic: str | None = None, language: str | None = None) -> list:
    """Free-text practice prompts, all or of one topic (alcohol, smoking, ...), in one language.

    None means the language in force; prompts not translated into it come in English.
    """
    from .bank import load_prompts

    sets = _load_all(_stamp(prompts_dir()), load_prompts)
    found: dict[str, object] = {}
    for lang in _languages(language):
        for s in sets:
            if s.language == lang:
                for p in s.prompts:
                    if topic in (None, p.topic):
                        found.setdefault(p.id, p)
    return list(found.values())


def get_prompt(prompt_id: str, language: str | None = None):
    """One practice prompt by id: in ``language`` (None: the language in force) if translated, else English."""
    from .bank import load_prompts

    sets = _load_all(_stamp(prompts_dir()), load_prompts)
    return _find((p for lang in _in_order(language) for s in sets if s.language == lang for p in s.prompts),
                 prompt_id, N_("practice prompt"))
