"""The reflective journal: prompts about the helper's inner experience, and the Markdown export.

Pure Python (no widgets). The prompts follow the reflection exercises of the workshop slides the
project started from (seed 001): the inner experience of conveying the MI spirit and its effect on
the client; of conveying autonomy support (a gift? helplessness? respect? irritation?); the cost
of staying actively empathic with a strong righting reflex, and empathy fatigue; and the helper's
inner state when MI works and when it does not (feelings, self-talk, inner coping). The wording is
this project's own.

Each prompt has a stable ``id``: it is the ``ref`` of the learner's saved entry (kind
``"journal"``, data ``{"text": ...}``), so never change an id once released; add a new prompt
instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from .errors import UnknownId, UsageError
from .i18n import N_, _

THEMES: tuple[str, ...] = ("spirit", "autonomy", "empathy", "inner_state")

THEME_TITLES: dict[str, str] = {
    "spirit": N_("The spirit of MI"),
    "autonomy": N_("Autonomy"),
    "empathy": N_("Empathy and its cost"),
    "inner_state": N_("Your inner state"),
}


@dataclass(frozen=True)
class JournalPrompt:
    """One reflective prompt. ``label`` and ``text`` are marked for translation (translate with
    ``_()`` where shown)."""

    id: str  #: stable: the progress reference of the learner's entry
    theme: str  #: one of :data:`THEMES`
    label: str  #: a short name, the label of the text area
    text: str  #: the prompt itself


PROMPTS: tuple[JournalPrompt, ...] = (
    JournalPrompt("spirit-inner", "spirit", N_("Spirit: what it is like for you"), N_(
        "Think of a recent conversation in which you tried to work in the spirit of MI: as a partner "
        "rather than an expert, accepting, compassionate, and drawing out the person's own ideas "
        "rather than supplying yours. What was it like on the inside to hold that stance? What did "
        "you notice in your body, your feelings and your thoughts?")),
    JournalPrompt("spirit-effect", "spirit", N_("Spirit: its effect on the other person"), N_(
        "What effect do you think that stance had on the person you were talking with? What did you "
        "see or hear that makes you think so?")),
    JournalPrompt("autonomy-inner", "autonomy", N_("Autonomy: what it is like to hand over the choice"), N_(
        "When you make it clear, in words or in your manner, that the choice is the other person's, "
        "what happens inside you? Does it feel like giving a gift, like respect, like helplessness, "
        "like irritation, or like something else? Describe one moment.")),
    JournalPrompt("autonomy-avoidance", "autonomy", N_("Autonomy: a wish to avoid the subject"), N_(
        "Recall someone who seemed to want to get away from the subject: not to think about it, not "
        "to feel guilty, to be out of the room. How did you respond? What would it take for you to "
        "respect that wish as their choice, for now?")),
    JournalPrompt("empathy-cost", "empathy", N_("Empathy: what it costs you"), N_(
        "Staying actively empathic while you hold back the urge to fix, advise or argue (the "
        "righting reflex) takes effort. When does it cost you the most, and what does it cost?")),
    JournalPrompt("empathy-fatigue", "empathy", N_("Empathy fatigue"), N_(
        "Have you noticed signs of empathy fatigue in yourself, such as listening on autopilot, "
        "dreading certain conversations, or feeling numb or short-tempered? What helps you recover?")),
    JournalPrompt("inner-works", "inner_state", N_("When MI works well"), N_(
        "Describe your inner state in a conversation where MI worked well. Name the specific "
        "feelings, and the thoughts or self-talk, you noticed.")),
    JournalPrompt("inner-struggles", "inner_state", N_("When MI does not work"), N_(
        "Describe your inner state in a conversation where MI did not work. Name the specific "
        "feelings, and the thoughts or self-talk, you noticed.")),
    JournalPrompt("inner-coping", "inner_state", N_("Coping on the inside"), N_(
        "When a conversation goes badly, what do you do inside yourself to stay steady? Leave "
        "conversation technique aside: how do you handle your own thoughts and feelings, and what "
        "helps or does not?")),
)

#: The one line that tells the learner where the entries go.
PRIVACY_NOTE = N_(
    "Private: your entries are stored only in your progress file on this machine. A progress "
    "export leaves them out unless you tick 'Include my journal entries'; the Markdown export is "
    "for you alone."
)


def journal_prompt(prompt_id: str) -> JournalPrompt:
    """One prompt by id; KeyError naming the known ids if there is none."""
    for prompt in PROMPTS:
        if prompt.id == prompt_id:
            return prompt
    raise UnknownId(f"no journal prompt '{prompt_id}' (known: {', '.join(p.id for p in PROMPTS)})")


def select_prompts(ids: Iterable[str] | None = None) -> list[JournalPrompt]:
    """The prompts to show: all (``None``), or those named by id or by theme, in the order given,
    each once. KeyError for a name that is neither."""
    if ids is None:
        return list(PROMPTS)
    if isinstance(ids, str):
        ids = [ids]
    chosen: list[JournalPrompt] = []
    for name in ids:
        found = [p for p in PROMPTS if p.theme == name] if name in THEMES else [journal_prompt(name)]
        chosen += [p for p in found if p not in chosen]
    if not chosen:
        raise UsageError("no journal prompts chosen")
    return chosen


def by_theme(prompts: Sequence[JournalPrompt]) -> list[tuple[str, list[JournalPrompt]]]:
    """The prompts grouped by theme, themes in the order they first appear."""
    groups: dict[str, list[JournalPrompt]] = {}
    for p in prompts:
        groups.setdefault(p.theme, []).append(p)
    return list(groups.items())


def local_time(when: datetime | str) -> datetime:
    """A time (a datetime, or an ISO string as the progress file stores it) in local time.
    A naive datetime is taken to be local already."""
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    return when.astimezone() if when.tzinfo is not None else when


def saved_label(when: datetime | str | None = None) -> str:
    """"Saved at HH:MM" in local time (now, if ``when`` is None)."""
    stamp = local_time(when) if when is not None else datetime.now()
    return _("Saved at {time}").format(time=stamp.strftime("%H:%M"))


def export_filename(when: datetime | None = None) -> str:
    """The download's name: ``mi-journal-YYYY-MM-DD.md``."""
    return f"mi-journal-{(when or datetime.now()):%Y-%m-%d}.md"


def to_markdown(prompts: Sequence[JournalPrompt], texts: Mapping[str, str], when: datetime | None = None) -> str:
    """The whole journal as Markdown: a heading per theme, each prompt quoted, the learner's text
    below it exactly as written (nothing is escaped: this is a file for the learner, not HTML)."""
    when = when or datetime.now(timezone.utc).astimezone()
    lines = [f"# {_('My MI journal')}", "", _("Exported {time}.").format(time=f"{when:%Y-%m-%d %H:%M}"), "", _(PRIVACY_NOTE), ""]
    for theme, group in by_theme(prompts):
        lines += [f"## {_(THEME_TITLES[theme])}", ""]
        for p in group:
            text = (texts.get(p.id) or "").strip("\n")
            lines += [f"### {_(p.label)}", "", f"> {_(p.text)}", ""]
            lines += [text if text.strip() else f"_{_('No entry yet.')}_", ""]
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = [
    "JournalPrompt", "PRIVACY_NOTE", "PROMPTS", "THEMES", "THEME_TITLES", "by_theme", "export_filename",
    "journal_prompt", "local_time", "saved_label", "select_prompts", "to_markdown",
]
