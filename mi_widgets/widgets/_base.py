"""What every widget shares: the look (one style sheet), feedback that never relies on colour,
escaping, the progress store, and a download link that works in JupyterLab and in Voila.

A widget here is a thin view: it builds controls, calls the engine, and shows the result. The
methods named after what a click does (``check()``, ``reveal()``, ``answer(i)`` ...) are public so
tests and instructors can drive a widget from Python without a browser.
"""

from __future__ import annotations

import base64
import html
import weakref
from typing import Any, Literal

import ipywidgets as w

from ..engine.i18n import _
from ..engine.progress import ProgressStore, Record

Status = Literal["ok", "bad", "info", "warn", "part"]

# Colours meet WCAG AA (4.5:1 or better) for text on their own background; meaning is also carried
# by an icon and a word, so nothing depends on colour alone.
STYLE = """<style>
.miw{font-size:1rem;line-height:1.45;max-width:62rem;color:#1b1b1b}
.miw-title{font-size:1.25rem;margin:.2rem 0 .4rem;font-weight:600}
.miw-lead{margin:.2rem 0 .6rem}
.miw-fb{border-left:.35rem solid;padding:.45rem .7rem;margin:.35rem 0;border-radius:.2rem}
.miw-fb .miw-icon{font-weight:700;margin-right:.35rem}
.miw-ok{background:#e7f4ea;border-color:#1e6b34;color:#124821}
.miw-bad{background:#fcebea;border-color:#a3261b;color:#7a1a12}
.miw-part{background:#fff4df;border-color:#8a5a00;color:#5c3c00}
.miw-info{background:#e9eff9;border-color:#2b4f86;color:#1c3560}
.miw-warn{background:#fff4df;border-color:#8a5a00;color:#5c3c00}
.miw-utt{padding:.3rem .5rem;margin:.15rem 0;border-radius:.2rem}
.miw-utt-counselor{background:#f2f4f7}
.miw-utt-client{background:#fbf7ee}
.miw-speaker{font-weight:600;margin-right:.4rem}
.miw-table{border-collapse:collapse;margin:.3rem 0}
.miw-table th,.miw-table td{border:1px solid #8a8f98;padding:.2rem .5rem;text-align:left;vertical-align:top}
.miw-big button,.miw-big.widget-button{font-size:1.15rem;min-height:3.2rem}
.miw-clock{font-size:2.6rem;font-variant-numeric:tabular-nums;font-weight:700}
.miw a{color:#1a4fa0}
.miw-scale .widget-radio-box{flex-direction:row;flex-wrap:wrap;gap:.1rem 1.1rem}
.miw-scale .widget-radio-box label{font-size:1rem}
</style>"""

ICONS: dict[str, str] = {"ok": "✓", "bad": "✗", "part": "◐", "info": "ℹ", "warn": "⚠"}


def esc(text: object) -> str:
    """Text from a file or a learner, made safe to put inside HTML."""
    return html.escape("" if text is None else str(text), quote=True)


def feedback_html(status: Status, title: str, body: str = "") -> str:
    """A feedback box: icon and a word or phrase (``title``) first, colour only as a third cue.

    ``title`` is escaped here; ``body`` is HTML the caller has already escaped.
    """
    return (
        f'<div class="miw-fb miw-{status}" role="status">'
        f'<span class="miw-icon" aria-hidden="true">{ICONS[status]}</span>'
        f"<strong>{esc(title)}</strong>{' ' + body if body else ''}</div>"
    )


def verdict(correct: bool) -> tuple[Status, str]:
    """The status and the words for a right or wrong answer."""
    return ("ok", _("Correct.")) if correct else ("bad", _("Not quite."))


def heading(text: str) -> w.HTML:
    """The widget's title (escaped), with the shared style sheet attached."""
    return w.HTML(f'{STYLE}<div class="miw"><h3 class="miw-title">{esc(text)}</h3></div>')


def paragraph(text_html: str) -> w.HTML:
    """A block of already-escaped HTML in the widget's style."""
    return w.HTML(f'<div class="miw">{text_html}</div>')


def table_html(caption: str, headers: list[str] | tuple[str, ...], rows: list[str]) -> str:
    """A captioned table in the widget style; ``caption`` and ``headers`` are escaped here, each of
    ``rows`` is the already-escaped inside of one <tr>."""
    head = "".join(f'<th scope="col">{esc(h)}</th>' for h in headers)
    body = "".join(f"<tr>{r}</tr>" for r in rows)
    return f'<div class="miw"><table class="miw-table"><caption>{esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def button(label: str, on_click, *, style: str = "", tooltip: str = "") -> w.Button:
    """A labelled button (never an icon alone) calling ``on_click()`` without arguments."""
    b = w.Button(description=label, button_style=style, tooltip=tooltip or label, layout=w.Layout(width="auto"))
    b.on_click(lambda _b: on_click())
    return b


def scale(description: str, low: int, high: int, value: int | None) -> w.RadioButtons:
    """A labelled row of numbers to pick one from (a rating or a ruler).

    Radio buttons rather than a slider: ipywidgets' slider handle has no accessible name, while
    each radio button is a real, labelled, keyboard-operable input (arrow keys move the choice).
    """
    choice = w.RadioButtons(options=list(range(low, high + 1)), value=value, description=description,
                            style={"description_width": "initial"}, layout=w.Layout(width="auto", max_width="100%"))
    choice.add_class("miw-scale")
    return choice


def download_link(data: bytes, filename: str, label: str, mime: str = "application/json") -> str:
    """An <a download> link holding ``data`` itself, so the browser saves it without a server
    round-trip: this works the same in JupyterLab, Voila and Binder."""
    payload = base64.b64encode(data).decode("ascii")
    return (
        f'<a class="miw-download" download="{esc(filename)}" href="data:{mime};base64,{payload}">'
        f"{esc(label)}</a>"
    )


def store() -> ProgressStore:
    """The progress store in force ($MI_WORKBOOK_PROGRESS or ~/.mi-workbook/progress.json).

    A new object each time is cheap (it holds only a path) and follows the environment, which
    tests and instructors change.
    """
    return ProgressStore()


#: Views that show the progress file (ProgressPanel) and redraw after every save in this kernel.
watchers: "weakref.WeakSet[Any]" = weakref.WeakSet()


def save(kind: str, ref: str, **fields: Any) -> tuple[Record | None, str | None]:
    """Save progress; ``(record, None)``, or ``(None, message)`` where the file cannot be written
    (a read-only home, a full disk): the exercise goes on, the learner is told."""
    progress = store()
    try:
        record = progress.save(kind, ref, **fields)
    except OSError as exc:
        return None, _("Your progress could not be saved to {path}: {problem}.").format(path=progress.path, problem=exc.strerror or exc)
    views = [v for v in list(watchers) if v.comm is not None]  # closed widgets are left alone
    if views:
        current = progress.current  # as the save just wrote it: no second read of the file
        for view in views:
            view.redraw(current)
    return record, progress.notice


def saved_record(kind: str, ref: str) -> tuple[Record | None, str | None]:
    """The saved record of one exercise, for a widget restoring itself; plus a notice if any."""
    progress = store()
    try:
        return progress.get(kind, ref), progress.notice
    except OSError as exc:
        return None, _("Your progress could not be read from {path}: {problem}.").format(path=progress.path, problem=exc.strerror or exc)


class Exercise(w.VBox):
    """The frame every widget shares: a heading, its controls, and a feedback area below.

    Subclasses fill ``body`` and call :meth:`show` with feedback. ``feedback.value`` is the HTML a
    learner sees, which is what tests assert on.
    """

    kind: str = ""

    def __init__(self, title: str, **kwargs: Any) -> None:
        self.header = heading(title)
        self.feedback = w.HTML(layout=w.Layout(width="100%"))
        self.notice = w.HTML()
        super().__init__(children=[self.header, self.notice], **kwargs)
        self.add_class("miw")

    def set_body(self, *children: w.Widget) -> None:
        self.children = (self.header, self.notice, *children, self.feedback)

    def show(self, status: Status, title: str, body: str = "") -> None:
        """Replace the feedback area's content."""
        self.feedback.value = f'<div class="miw">{feedback_html(status, title, body)}</div>'

    def clear(self) -> None:
        self.feedback.value = ""

    def tell(self, message: str | None) -> None:
        """Show a one-line notice about the progress file (a damaged file set aside, a failed save)."""
        self.notice.value = f'<div class="miw">{feedback_html("warn", message)}</div>' if message else ""

    def record(self, ref: str, **fields: Any) -> Record | None:
        """Save this exercise's progress and show any notice that comes with it."""
        rec, message = save(self.kind, ref, **fields)
        self.tell(message)
        return rec

    def restore(self, ref: str) -> Record | None:
        """The saved record of this exercise (``ref``), to show the learner's earlier work again."""
        rec, message = saved_record(self.kind, ref)
        self.tell(message)
        return rec

    def restore_all(self) -> dict[str, Record]:
        """Every saved record of this widget's kind, by ref: one read for a widget with many items."""
        progress = store()
        try:
            found = {r.ref: r for r in progress.records(self.kind)}
        except OSError as exc:
            found = {}
            self.tell(_("Your progress could not be read from {path}: {problem}.").format(path=progress.path, problem=exc.strerror or exc))
        else:
            self.tell(progress.notice)
        return found
