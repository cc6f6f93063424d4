"""The dialogue library as a catalogue to browse: one entry per dialogue, the values to filter by
(with counts), and a search over the words that describe each dialogue.

The library is read once and kept until a file in its folder is added, removed or edited, so a new
browser picks up a changed file without the cost of reading every file each time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .checks import library_files
from .errors import InputError, InputProblem, UnknownId
from .i18n import N_, _
from .model import Dialogue

#: The styles in the order a list shows them, with their names in words (translated where shown).
STYLE_NAMES: dict[str, str] = {
    "mi_consistent": N_("MI-consistent"),
    "mi_inconsistent": N_("MI-inconsistent"),
    "mixed": N_("mixed"),
}
NO_STYLE = N_("not given")  #: what a dialogue without a ``style`` shows
LANGUAGE_NAMES: dict[str, str] = {"en": N_("English"), "da": N_("Danish"), "nb": N_("Norwegian")}
#: Where a bundled dialogue has no ``source_note``: every one of them was written for the project.
BUNDLED_SOURCE = N_("Written and coded for this workbook: a teaching dialogue, not a recording of a real session.")
NO_SOURCE = N_("The file says nothing about who wrote or coded it.")
SHORT = 140  #: characters in a short description
#: The library's topics in words. A topic is a key in the files (``topic: alcohol``), shared by
#: every language, so it is translated where shown; a topic not listed here shows as it is.
TOPIC_NAMES: dict[str, str] = {
    "alcohol": N_("alcohol"), "dental hygiene": N_("dental hygiene"), "diabetes": N_("diabetes"),
    "drugs": N_("drugs"), "dual diagnosis": N_("dual diagnosis"), "eating": N_("eating"),
    "gambling": N_("gambling"), "general": N_("general"), "physical activity": N_("physical activity"),
    "probation": N_("probation"), "safer sex": N_("safer sex"), "school": N_("school"),
    "smoking": N_("smoking"), "tobacco": N_("tobacco"), "work": N_("work"),
}


def style_name(style: str | None) -> str:
    """A style key (``mi_consistent`` ...) in words, translated: "MI-consistent"."""
    return _(STYLE_NAMES[style]) if style in STYLE_NAMES else (style or _(NO_STYLE))


def topic_name(topic: str) -> str:
    """A topic key in words, translated: "alkohol" in Danish; an unknown topic as it is."""
    return _(TOPIC_NAMES[topic]) if topic in TOPIC_NAMES else topic


def language_name(code: str) -> str:
    """A language code in words, translated: "English"; an unknown code as it is."""
    return _(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code


def shorten(text: str, limit: int = SHORT) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…" where cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.-—")
    return cut + "…"


@dataclass(frozen=True)
class Entry:
    """One dialogue as the catalogue lists it (plain values; the view escapes every text)."""

    id: str
    title: str
    topic: str
    setting: str
    language: str
    style: str | None  #: ``mi_consistent``, ``mi_inconsistent``, ``mixed`` or None
    pair: str | None  #: id of the twin dialogue (same client, other style), if any
    pair_title: str | None  #: the twin's title, if it is in the library
    n_counselor: int  #: counsellor utterances
    n_client: int  #: client utterances
    has_globals: bool  #: the expert's global ratings (CCT, SST, Partnership, Empathy) are given
    description: str
    change_goal: str
    source_note: str  #: the file's ``source_note``, else :data:`BUNDLED_SOURCE` or :data:`NO_SOURCE` (untranslated)
    dialogue: Dialogue = field(repr=False, compare=False)  #: the loaded dialogue, to open

    @property
    def n_utterances(self) -> int:
        return self.n_counselor + self.n_client

    @property
    def style_name(self) -> str:
        """The style in words ("MI-consistent"), translated."""
        return style_name(self.style)

    @property
    def source_text(self) -> str:
        """Who wrote or coded it, to show: the file's own note, or the workbook's words translated
        now (entries are cached across languages, so nothing translated is stored in them)."""
        return _(self.source_note) if self.source_note in (BUNDLED_SOURCE, NO_SOURCE) else self.source_note

    @property
    def short_description(self) -> str:
        """The description cut to about a line (:data:`SHORT` characters)."""
        return shorten(self.description)

    def haystack(self) -> str:
        """The words a search looks in: title, description, topic, setting and change goal."""
        return " ".join((self.title, self.description, self.topic, self.setting, self.change_goal)).casefold()


def entry_for(d: Dialogue, titles: dict[str, str], bundled: bool = True) -> Entry:
    """The catalogue entry of ``d``; ``titles`` maps every dialogue id in the library to its title."""
    note = d.source_note.strip() or (BUNDLED_SOURCE if bundled else NO_SOURCE)
    return Entry(
        id=d.id, title=d.title, topic=d.topic, setting=d.setting, language=d.language, style=d.style,
        pair=d.pair, pair_title=titles.get(d.pair) if d.pair else None,
        n_counselor=len(d.counselor_utterances), n_client=len(d.client_utterances),
        has_globals=any(v is not None for v in d.globals.as_dict().values()),
        description=d.description, change_goal=d.change_goal, source_note=note, dialogue=d,
    )


def sort_key(e: Entry) -> tuple:
    """Language, topic, then twins side by side (MI-consistent first), then title."""
    group = min(e.id, e.pair) if e.pair else e.id
    rank = list(STYLE_NAMES).index(e.style) if e.style in STYLE_NAMES else len(STYLE_NAMES)
    return (e.language, e.topic.casefold(), group, rank, e.title.casefold())


def build(dialogues: Iterable[Dialogue], bundled: bool = True) -> list[Entry]:
    """Entries for ``dialogues``, sorted by :func:`sort_key`."""
    found = list(dialogues)
    titles = {d.id: d.title for d in found}
    return sorted((entry_for(d, titles, bundled) for d in found), key=sort_key)


@dataclass(frozen=True)
class Catalogue:
    """What :func:`catalogue` read: the entries, and the files it could not read (left out)."""

    entries: tuple[Entry, ...]
    problems: tuple[InputProblem, ...] = ()

    def get(self, dialogue_id: str) -> Entry:
        """The entry with this id; :class:`~.errors.UnknownId` if there is none."""
        for e in self.entries:
            if e.id == dialogue_id:
                return e
        raise UnknownId(_("There is no dialogue '{id}' in the library.").format(id=dialogue_id))


def stamp(folder: Path) -> tuple:
    """Names, sizes and modification times of a folder's YAML files (subfolders too): a cache key
    that changes when a file is added, removed or edited."""
    if not folder.is_dir():
        return ()
    out = []
    for f in library_files(folder):
        st = f.stat()
        out.append((str(f), st.st_mtime_ns, st.st_size))
    return tuple(out)


@lru_cache(maxsize=4)
def _read(folder: str, key: tuple, bundled: bool) -> Catalogue:
    """The catalogue of ``folder``, cached while ``key`` (its :func:`stamp`) is the same."""
    from .loaders import load_folder

    dialogues, problems = load_folder(folder)
    return Catalogue(tuple(build(dialogues, bundled)), tuple(problems))


def catalogue(folder: str | Path | None = None) -> Catalogue:
    """The dialogues of ``folder`` (default: the bundled library) as a :class:`Catalogue`.

    Read again only when a file in the folder has changed since the last call.
    """
    from .library import dialogues_dir

    bundled = folder is None
    path = Path(folder).expanduser() if folder is not None else dialogues_dir()
    if not path.is_dir():
        raise InputError.one(path, _("no such folder"))
    return _read(str(path.resolve()), stamp(path), bundled)


@dataclass(frozen=True)
class Facets:
    """The values to filter by, each with how many dialogues have it, in the order to list them."""

    topics: list[tuple[str, int]]
    settings: list[tuple[str, int]]
    styles: list[tuple[str, int]]  #: style keys (``mi_consistent`` ...); show them with :func:`style_name`
    languages: list[tuple[str, int]]  #: language codes; show them with :func:`language_name`
    total: int

    def get(self, name: str) -> list[tuple[str, int]]:
        """One facet by name: ``topic``, ``setting``, ``style`` or ``language``."""
        return {"topic": self.topics, "setting": self.settings, "style": self.styles, "language": self.languages}[name]


def facets(entries: Sequence[Entry]) -> Facets:
    """Distinct topics, settings, styles and languages of ``entries`` with their counts: topics and
    settings alphabetically, styles in :data:`STYLE_NAMES` order, languages by code. A dialogue
    without a style or setting is counted under no value."""

    def counted(values: Iterable[str | None], order=lambda v: v.casefold()) -> list[tuple[str, int]]:
        c = Counter(v for v in values if v)
        return sorted(c.items(), key=lambda kv: order(kv[0]))

    style_rank = {k: i for i, k in enumerate(STYLE_NAMES)}
    return Facets(
        topics=counted(e.topic for e in entries),
        settings=counted(e.setting for e in entries),
        styles=counted((e.style for e in entries), order=lambda s: (style_rank.get(s, len(style_rank)), s)),
        languages=counted(e.language for e in entries),
        total=len(entries),
    )


def words(text: str) -> list[str]:
    """The search words in ``text``, case folded."""
    return text.casefold().split()


def find(entries: Sequence[Entry], text: str = "", topic: str | None = None, style: str | None = None,
         language: str | None = None, setting: str | None = None) -> list[Entry]:
    """The entries that match, in the order given (the catalogue's order).

    ``text``: every word must occur (case-insensitive, as part of a word too) in the title,
    description, topic, setting or change goal. ``topic``, ``style`` (a key such as
    ``mi_consistent``), ``language`` (a code) and ``setting`` must equal the entry's; None or ""
    leaves that filter off.
    """
    wanted = words(text or "")
    out = []
    for e in entries:
        if topic and e.topic != topic or style and e.style != style or language and e.language != language or setting and e.setting != setting:
            continue
        if wanted:
            hay = e.haystack()
            if not all(w in hay for w in wanted):
                continue
        out.append(e)
    return out
