"""Instructor dashboards built from the widget kit, for Voila (notebooks/dashboards/)."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as w

from ..engine.i18n import _
from ._base import STYLE, esc
from .realplay import ObserverTally, RealplayTimer


class RealplayBoard(w.VBox):
    """The three-person realplay on a projector: the timer and the observer's tally side by side
    (stacked on a narrow screen), with one line on how to run it.

    ``timer`` and ``tally`` are the two widgets, to drive from Python as usual.
    """

    def __init__(self, minutes: int = 8, pause_every: tuple[int, int] = (60, 90), names: Sequence[str] | None = None) -> None:
        self.timer = RealplayTimer(minutes=minutes, pause_every=pause_every, names=names)
        self.tally = ObserverTally()
        lead = esc(_("Type the three names, press Start, and let the clock call the observer's pauses. The observer counts on the right; after each round, Next round keeps the counts and starts afresh."))
        intro = w.HTML(f'{STYLE}<div class="miw"><p class="miw-lead">{lead}</p></div>')  # the page's own heading names it
        for part in (self.timer, self.tally):
            part.layout = w.Layout(flex="1 1 30rem", min_width="0", padding="0 .5rem")
        row = w.Box([self.timer, self.tally], layout=w.Layout(display="flex", flex_flow="row wrap", align_items="flex-start", width="100%"))
        super().__init__(children=[intro, row], layout=w.Layout(width="100%"))
