"""The evidence chart for notebook 06: the meta-analyses' effect sizes, with the same figures as a table."""

from __future__ import annotations

import ipywidgets as w

from ..engine.evidence import evidence_svg, evidence_table
from ..engine.i18n import _
from ._base import STYLE, esc


def evidence_chart() -> w.HTML:
    """An accessible chart of the effect sizes of MI (inline SVG), its table, and how to read it."""
    note = esc(_("Dashed lines mark the usual rough guide for d: 0.2 small, 0.5 medium, 0.8 large (Cohen 1988). "
                 "Light bars are ranges; dark bars single figures. The measures differ a little between studies (d, g, SMD), "
                 "so compare sizes roughly, not to the second decimal."))
    return w.HTML(f'{STYLE}<div class="miw">{evidence_svg()}<p><small>{note}</small></p>{evidence_table()}</div>')
