"""Reflection practice: answer a client statement in your own words and get instant feedback."""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as w

from ..engine.catalogue import topic_name
from ..engine.classifier import classify
from ..engine.errors import UsageError
from ..engine.i18n import _
from ..engine.library import get_prompt, practice_prompts
from ..engine.practice import (
    AIM_NAMES, AIMS, CAUTION, TALK_WORDS, VERDICT_WORDS, Assessment, PracticeRun, assess, check_aim, check_talk, select_by_talk,
)
from ..engine.progress import Record
from ._base import Exercise, Status, button, esc, paragraph

if TYPE_CHECKING:
    from ..engine.bank import PracticePrompt

_STATUS: dict[str, Status] = {"match": "ok", "near": "part", "miss": "bad", "empty": "info"}


class ReflectionPractice(Exercise):
    """A client statement from the practice prompts; the learner says what they aim to write (an open
    question, a simple or a complex reflection), writes it, and the classifier says what it heard.

    Parameters
    ----------
    prompt_id:
        Start at this prompt (e.g. ``"alcohol-01"``); its topic is the default ``topic``.
    topic:
        Work through the prompts of this topic (alcohol, smoking, ...); all prompts when None.
    talk:
        Work only through prompts that carry this kind of client talk: ``"change"``, ``"sustain"``,
        ``"ambivalent"``, ``"neutral"`` or ``"discord"``; every kind when None. Alone it takes the
        prompts of every topic; with ``topic`` (or ``prompt_id``) only those of that topic.
    language:
        ``"en"``, ``"da"`` or ``"nb"``; None (default) uses the language in force. Prompts not
        translated into it come in English.

    Driven from Python: ``aim(kind)`` (``open_question``, ``simple_reflection``,
    ``complex_reflection``), ``write(text)``, ``check()``, ``show_models()``, ``next_prompt()``.
    Public results: ``feedback.value`` (the HTML shown), ``models.value`` (the model answers once
    shown) and ``result`` (the last :class:`~.practice.Assessment`, or None); ``topic`` and
    ``talk`` hold the filters in force, ``run.prompts`` the prompts they select.

    A wrong argument raises :class:`~.errors.UsageError`: an unknown topic or kind of client talk,
    a ``prompt_id`` outside the topic or the kind of talk asked for, or a topic with no prompt of
    that kind (the message names the kinds the topic has).
    """

    kind = "reflection"

    def __init__(self, prompt_id: str | None = None, topic: str | None = None, language: str | None = None,
                 talk: str | None = None) -> None:
        if talk is not None:
            check_talk(talk)
        start = get_prompt(prompt_id, language) if prompt_id else None
        if start is not None and topic is None:
            topic = start.topic
        elif start is not None and start.topic != topic:
            raise UsageError(_("practice prompt '{id}' is about {its}, not {topic}").format(id=start.id, its=start.topic, topic=topic))
        if start is not None and talk is not None and start.talk != talk:
            raise UsageError(_("practice prompt '{id}' carries client talk '{its}', not '{talk}'").format(
                id=start.id, its=start.talk or _("none"), talk=talk))
        prompts = practice_prompts(topic, language)
        if not prompts:
            topics = sorted({p.topic for p in practice_prompts(None, language)})
            raise UsageError(_("no practice prompts for topic '{topic}' (topics: {topics})").format(
                topic=topic, topics=", ".join(topics)))
        prompts = select_by_talk(prompts, talk, topic)
        super().__init__(_("Reflection practice"))
        self.topic: str | None = topic  #: the topic worked through (None: every topic)
        self.talk: str | None = talk  #: the kind of client talk worked through (None: every kind)
        self.run = PracticeRun(prompts)
        if start is not None:
            self.run.go_to(start.id)
        self.result: Assessment | None = None
        self.saved: dict[str, Record] = self.restore_all()
        self.position = w.HTML()
        self.statement = w.HTML()
        self.aim_choice = w.ToggleButtons(
            options=[(_(AIM_NAMES[a]), a) for a in AIMS], value=AIMS[0], description=_("I aim to write"),
            tooltips=[_(AIM_NAMES[a]) for a in AIMS], style={"description_width": "initial"},
        )
        self.text = w.Textarea(
            value="", description=_("Your response"), placeholder=_("What would you say to this client next?"),
            rows=3, layout=w.Layout(width="100%"), style={"description_width": "initial"},
        )
        self.models = w.HTML()
        buttons = w.HBox([
            button(_("Check"), self.check, style="primary"),
            button(_("Show model answers"), self.show_models),
            button(_("Next prompt"), self.next_prompt),
        ])
        self.set_body(self.position, self.statement, self.aim_choice, self.text, buttons, self.models)
        classify(self.prompt.open_questions[0] if self.prompt.open_questions else "How?", context=self.prompt.statement)  # load the classifier now: every check after this takes a millisecond or so
        self._show_prompt()

    @property
    def prompt(self) -> PracticePrompt:
        """The :class:`~.bank.PracticePrompt` being worked on."""
        return self.run.prompt

    # ----------------------------------------------------------------------------- the clicks
    def aim(self, kind: str) -> None:
        """Choose what to write: ``open_question``, ``simple_reflection`` or ``complex_reflection``."""
        self.aim_choice.value = check_aim(kind)

    def write(self, text: str) -> None:
        """Put ``text`` in the response box, as typing would."""
        self.text.value = text

    def check(self) -> Assessment:
        """Classify the response, show what was heard against the aim, and save the attempt."""
        result = self.run.attempt(self.aim_choice.value, self.text.value)
        self.result = result
        if result.verdict == "empty":
            self.show("info", result.explanation)
            return result
        p = self.prompt
        rec = self.record(p.id, score=1 if result.matched else 0, max=1, title=p.statement[:200], data={
            "aim": result.aim, "text": result.text, "heard": result.label, "matched": result.matched, "topic": p.topic,
        })
        if rec is not None:
            self.saved[p.id] = rec
        self._explain(result)
        return result

    def show_models(self) -> None:
        """Reveal the model answers for this prompt, and what to listen for."""
        p = self.prompt
        groups = [
            (_("Open questions"), p.open_questions),
            (_("Simple reflections"), p.simple_reflections),
            (_("Complex reflections"), p.complex_reflections),
        ]
        heading, listen = _("Model answers"), _("What to listen for:")
        parts = [f"<h4>{esc(heading)}</h4>"]
        for title, answers in groups:
            if answers:
                items = "".join(f"<li>{esc(a)}</li>" for a in answers)
                parts.append(f"<p><strong>{esc(title)}</strong></p><ul>{items}</ul>")
        if p.note:
            parts.append(f"<p><strong>{esc(listen)}</strong> {esc(p.note)}</p>")
        self.models.value = paragraph("".join(parts)).value

    def next_prompt(self) -> None:
        """Move to the next prompt of the topic and kind of talk (back to the first after the last)."""
        self.run.next()
        self._show_prompt()

    # ------------------------------------------------------------------------------- showing
    def _show_prompt(self) -> None:
        """Show the current prompt, with the last saved attempt at it if there is one."""
        p = self.prompt
        n, total = self.run.index + 1, len(self.run.prompts)
        if p.talk in TALK_WORDS:
            where = _("Prompt {n} of {total} (topic: {topic}; {talk})").format(n=n, total=total, topic=topic_name(p.topic), talk=_(TALK_WORDS[p.talk]))
        else:
            where = _("Prompt {n} of {total} (topic: {topic})").format(n=n, total=total, topic=topic_name(p.topic))
        self.position.value = paragraph(f"<p>{esc(where)}</p>").value
        parts = []
        if p.context:
            parts.append(f"<p><em>{esc(p.context)}</em></p>")
        client = _("Client:")
        parts.append(f'<p class="miw-utt miw-utt-client"><span class="miw-speaker">{esc(client)}</span>{esc(p.statement)}</p>')
        self.statement.value = paragraph("".join(parts)).value
        self.models.value = ""
        self.result = None
        self.clear()
        rec = self.saved.get(p.id)
        data = rec.data if rec else {}
        if data.get("aim") in AIMS and isinstance(data.get("text"), str):
            self.aim_choice.value = data["aim"]
            self.text.value = data["text"]
            self.result = assess(data["aim"], data["text"], context=p.statement)
            self._explain(self.result, restored=True)
        else:
            self.text.value = ""

    def _explain(self, result: Assessment, restored: bool = False) -> None:
        if result.verdict == "empty":
            self.show("info", result.explanation)
            return
        body = []
        if restored:
            earlier = _("Your last attempt at this prompt, saved earlier.")
            body.append(f"<p><em>{esc(earlier)}</em></p>")
        match = _(VERDICT_WORDS[result.verdict]).format(aim=_(AIM_NAMES[result.aim]).lower())
        wrote, noticed = _("You wrote:"), _("What the classifier noticed:")
        body.append(f"<p>{esc(match)}</p>")
        explanation = result.explanation
        if result.heard and explanation.startswith(result.heard):  # a tip that opens with the heading says it once
            explanation = explanation[len(result.heard):].lstrip()
        body.append(f"<p>{esc(explanation)}</p>")
        body.append(f"<p>{esc(wrote)} <q>{esc(result.text.strip())}</q></p>")
        if result.reasons:  # the classifier's reasons are translated already
            items = "".join(f"<li>{esc(r)}</li>" for r in result.reasons)
            body.append(f"<p>{esc(noticed)}</p><ul>{items}</ul>")
        body.extend(f"<p>{esc(n)}</p>" for n in result.notes)
        body.append(f"<p><small>{esc(_(CAUTION))}</small></p>")
        self.show(_STATUS[result.verdict], result.heard, "".join(body))
