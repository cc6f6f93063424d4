"""Global ratings: rate a whole dialogue on the MITI 4.2.1 globals (all four, or those asked for),
then compare with the expert."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import ipywidgets as w

from ..engine.i18n import N_, _, ngettext
from ..engine.library import get_dialogue
from ..engine.miti import THRESHOLDS
from ..engine.model import Dialogue
from ..engine.ratingrun import (
    GLOBAL_NAMES, LEVEL_WORDS, SCALE, SCALE_REMINDERS, START, SUMMARIES, VERDICT_WORDS, RatingResult, RatingRun,
)
from ._base import ICONS, Exercise, Status, button, esc, paragraph, scale

_VERDICT_STATUS: dict[str, Status] = {"exact": "ok", "close": "part", "off": "bad"}
#: Shown with the instructions: the manual's globals are meant for a longer stretch of talk.
SEGMENT_NOTE = N_("The manual rates a 20-minute segment; on a short excerpt, treat global ratings as practice estimates.")


def dialogue_html(dialogue: Dialogue) -> str:
    """The whole dialogue, escaped, each turn headed by its speaker in words."""
    names = {"counselor": _("Counsellor:"), "client": _("Client:")}
    turns = [
        f'<p class="miw-utt miw-utt-{esc(u.speaker)}"><span class="miw-speaker">{esc(names.get(u.speaker, u.speaker))}</span>{esc(u.text)}</p>'
        for u in dialogue.utterances
    ]
    label = _("Dialogue")
    return f'<div class="miw" role="region" aria-label="{esc(label)}">{"".join(turns)}</div>'


class GlobalRatingExercise(Exercise):
    """Rate a whole dialogue 1-5 on Cultivating Change Talk, Softening Sustain Talk, Partnership and
    Empathy (or only some of them), then see the expert's ratings, the differences and the expert's
    reasons.

    Parameters
    ----------
    dialogue_id:
        A dialogue of the library by id, a path to a dialogue file, or a :class:`~.model.Dialogue`.
        It must carry an expert rating for every global asked for (UsageError otherwise).
    globals:
        The globals to rate, as a sequence of keys (``cct``, ``sst``, ``partnership``, ``empathy``);
        None (the default) asks for all four. Only these scales are shown, compared and counted
        (the score is out of how many were asked for), and they appear in the usual order. The
        Technical summary (CCT, SST) and the Relational summary (Partnership, Empathy) are shown
        only when both of their globals are asked for. An unknown key or an empty sequence is a
        :class:`~.errors.UsageError` naming the valid keys.

    Driven from Python: ``rate(key, value)`` moves a slider (one of the keys asked for), ``check()``
    compares with the expert and saves. Public results: ``feedback.value`` (the HTML shown),
    ``result`` (the last :class:`~.ratingrun.RatingResult`, or None), ``sliders`` (the scale of each
    global asked for, by key) and ``globals`` (the keys asked for).
    Saved progress holds the ratings given; a record made with another choice of globals puts back
    only the scales asked for here.
    """

    kind = "rating"

    def __init__(self, dialogue_id: str | Path | Dialogue, globals: Sequence[str] | None = None) -> None:  # noqa: A002 - the public parameter name
        dialogue = dialogue_id if isinstance(dialogue_id, Dialogue) else get_dialogue(dialogue_id)
        # UsageError for an unknown or empty choice of globals, or an expert global missing
        self.run = RatingRun(dialogue, globals)
        self.globals: tuple[str, ...] = self.run.asked
        self.dialogue: Dialogue = dialogue
        self.result: RatingResult | None = None
        super().__init__(_("Global ratings: {title}").format(title=dialogue.title))
        intro = []
        if dialogue.setting:
            setting = _("Setting:")
            intro.append(f"<p><strong>{esc(setting)}</strong> {esc(dialogue.setting)}</p>")
        if dialogue.change_goal:
            goal = _("Change goal:")
            intro.append(f"<p><strong>{esc(goal)}</strong> {esc(dialogue.change_goal)}</p>")
        if len(self.globals) == len(GLOBAL_NAMES):
            how = _(
                "Read the whole conversation, then rate the counsellor on each of the four MITI global scales "
                "from 1 (low) to 5 (high). Start every scale at 3 and move it up or down as the evidence demands."
            )
        else:
            how = ngettext(
                "Read the whole conversation, then rate the counsellor on one MITI global scale, {names}, "
                "from 1 (low) to 5 (high). Start at 3 and move up or down as the evidence demands.",
                "Read the whole conversation, then rate the counsellor on {n} MITI global scales ({names}), "
                "each from 1 (low) to 5 (high). Start every scale at 3 and move it up or down as the evidence demands.",
                len(self.globals),
            ).format(n=len(self.globals), names=", ".join(_(GLOBAL_NAMES[k]) for k in self.globals))
        intro.append("<p>" + esc(how) + "</p>")
        intro.append("<p><small>" + esc(_(SEGMENT_NOTE)) + "</small></p>")
        self.transcript = w.HTML(dialogue_html(dialogue))
        self.sliders: dict[str, w.RadioButtons] = {}
        rows: list[w.Widget] = []
        for key in self.globals:
            name = _(GLOBAL_NAMES[key])
            rows.append(paragraph(f"<p><strong>{esc(name)}</strong>: {esc(_(SCALE_REMINDERS[key]))}</p>"))
            slider = scale(_("{name} rating").format(name=name), SCALE[0], SCALE[1], START)
            slider.observe(lambda change, key=key: self._moved(key, change["new"]), names="value")
            self.sliders[key] = slider
            rows.append(slider)
        self.check_button = button(_("Check my ratings"), self.check, style="primary")
        self.set_body(paragraph("".join(intro)), self.transcript, *rows, self.check_button)
        rec = self.restore(dialogue.id)
        if rec and rec.data:  # ratings saved earlier come back, only for the scales asked for here
            loaded = self.run.load(rec.data)
            for key, value in self.run.ratings.items():
                self.sliders[key].value = value
            if loaded == list(self.globals):  # every scale asked for was rated: show the comparison
                self.result = self.run.check()
                self._explain(self.result)
            elif loaded:  # a record made with fewer globals: the rest still needs rating
                self.show("info", _("Your earlier ratings of {done} are back. Rate {rest} too, then press Check my ratings.").format(
                    done=", ".join(_(GLOBAL_NAMES[k]) for k in loaded), rest=", ".join(_(GLOBAL_NAMES[k]) for k in self.run.untouched)))

    # ----------------------------------------------------------------------------- the clicks
    def rate(self, key: str, value: int) -> None:
        """Set the rating of global ``key`` (one of those asked for) to ``value`` (1-5), as moving its
        slider would. UsageError (a ValueError) for an unknown key, a global not asked for, or a
        value outside 1-5."""
        self.run.rate(key, value)
        self.sliders[key].value = value

    def check(self) -> RatingResult:
        """Compare the ratings with the expert's, show the comparison and save it."""
        result = self.run.check()
        self.result = result
        self.record(self.dialogue.id, score=result.score, max=result.max, data=dict(result.ratings), title=self.dialogue.title[:200])
        self._explain(result)
        return result

    @property
    def ratings(self) -> dict[str, int]:
        """The learner's current rating of each global asked for, by key."""
        return dict(self.run.ratings)

    # ------------------------------------------------------------------------------- showing
    def _moved(self, key: str, value: int) -> None:
        """A slider moved: keep the engine in step and drop a comparison that no longer matches."""
        self.run.rate(key, value)
        if self.result is not None and self.result.ratings.get(key) != value:
            self.result = None
            self.clear()

    def _explain(self, result: RatingResult) -> None:
        n, total = result.score, result.max
        status: Status = "ok" if n == total else "part" if n >= total / 2 else "bad"
        title = ngettext("{n} of {total} global within one point of the expert's.",
                         "{n} of {total} globals within one point of the expert's.", total).format(n=n, total=total)
        self.show(status, title, self._globals_table(result) + self._summary_table(result) + self._notes(result))

    def _globals_table(self, result: RatingResult) -> str:
        head = [_("Global"), _("Your rating"), _("Expert rating"), _("Difference"), _("Verdict"), _("Why the expert rated it so")]
        rows = []
        for g in result.globals:
            status = _VERDICT_STATUS[g.verdict]
            diff = f"{g.difference:+d}" if g.difference else "0"
            verdict = f'<span aria-hidden="true">{ICONS[status]}</span> {esc(_(VERDICT_WORDS[g.verdict]))}'
            cells = [esc(_(GLOBAL_NAMES[g.key])), str(g.learner), str(g.expert), esc(diff), verdict, esc(g.rationale)]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        header = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
        caption = _("Your ratings and the expert ratings")
        return f'<table class="miw-table"><caption>{esc(caption)}</caption><tr>{header}</tr>{"".join(rows)}</table>'

    def _summary_table(self, result: RatingResult) -> str:
        """The Technical and Relational scores whose two globals were both rated ("" for none)."""
        if not result.summaries:
            return ""
        head = [_("Summary score"), _("From your ratings"), _("From the expert ratings"), _("MITI thresholds")]
        rows = []
        for s in result.summaries:
            (a, b), name = SUMMARIES[s.key]
            fair, good = THRESHOLDS[s.key]
            label = _("{name} ({a} + {b}) / 2").format(name=_(name), a=_(GLOBAL_NAMES[a]), b=_(GLOBAL_NAMES[b]))
            cells = [
                esc(label),
                esc(_("{value:.1f}: {level}").format(value=s.learner, level=_(LEVEL_WORDS[s.learner_level or "below_fair"]))),
                esc(_("{value:.1f}: {level}").format(value=s.expert, level=_(LEVEL_WORDS[s.expert_level or "below_fair"]))),
                esc(_("fair from {fair:.1f}, good from {good:.1f}").format(fair=fair, good=good)),
            ]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        header = "".join(f'<th scope="col">{esc(h)}</th>' for h in head)
        caption = _("Summary scores (MITI 4.2.1)")
        return f'<table class="miw-table"><caption>{esc(caption)}</caption><tr>{header}</tr>{"".join(rows)}</table>'

    def _notes(self, result: RatingResult) -> str:
        notes = []
        for s in result.summaries:
            if not s.same_level:
                (_pair, name) = SUMMARIES[s.key]
                notes.append(_("Your {name} score lands in a different band from the expert's ({yours} against {theirs}).").format(
                    name=_(name), yours=_(LEVEL_WORDS[s.learner_level or "below_fair"]), theirs=_(LEVEL_WORDS[s.expert_level or "below_fair"])))
        if self.run.untouched:
            names = ", ".join(_(GLOBAL_NAMES[k]) for k in self.run.untouched)
            notes.append(_("You left {names} at the starting value of {start}: fine if that was your judgement.").format(names=names, start=START))
        notes.append(_("Global ratings are judgements, so this exercise counts a rating within one point of the expert's as close agreement. The thresholds are expert opinion from the MITI 4.2.1 manual, not norms."))
        out = "".join(f"<p>{esc(n)}</p>" for n in notes)
        if result.rationale:
            summary = _("The expert rationale in full")
            out += f'<details><summary>{esc(summary)}</summary><p>{esc(result.rationale)}</p></details>'
        return out
