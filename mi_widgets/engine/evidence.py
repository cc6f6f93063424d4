"""The effect sizes of MI from the meta-analyses taught in the workbook, as data and as an
accessible chart (inline SVG with a table of the same figures; no plotting library needed).

Figures from the project's reference (``shared/reference/mi-coding.md``), each with its study.
Benchmarks for d: 0.2 small, 0.5 medium, 0.8 large (Cohen 1988), a rough guide only. Where the
reference does not name the measure (Hettema, Vasilaki), the figure is shown without a letter.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from .i18n import N_, _


@dataclass(frozen=True)
class Effect:
    """One effect size (or range) of one study, against one kind of comparison."""

    study: str
    scope: str  #: what was pooled
    comparison: str  #: N_ text: against what, or when
    low: float
    high: float | None = None  #: for a range
    measure: str = ""  #: d, g or SMD where the source names it

    @property
    def label(self) -> str:
        value = f"{self.low:.2f}" if self.high is None else f"{self.low:.2f}–{self.high:.2f}"
        return f"{self.measure} {value}".strip()


EFFECTS: tuple[Effect, ...] = (
    Effect("Burke, Arkowitz & Menchola 2003", N_("30 controlled trials"), N_("vs no treatment or placebo"), 0.25, 0.57, measure="d"),
    Effect("Hettema, Steele & Miller 2005", N_("72 trials"), N_("short term"), 0.77),
    Effect("Hettema, Steele & Miller 2005", N_("72 trials"), N_("by one year"), 0.30),
    Effect("Vasilaki, Hosier & Cox 2006", N_("alcohol, 22 studies"), N_("vs no treatment, up to 3 months"), 0.60),
    Effect("Vasilaki, Hosier & Cox 2006", N_("alcohol, 22 studies"), N_("vs no treatment, overall"), 0.18),
    Effect("Vasilaki, Hosier & Cox 2006", N_("alcohol, 22 studies"), N_("vs other treatments"), 0.43),
    Effect("Lundahl et al. 2010", N_("119 studies"), N_("vs weak comparison"), 0.28, measure="g"),
    Effect("Lundahl et al. 2010", N_("119 studies"), N_("vs specific other treatments"), 0.09, measure="g"),
    Effect("Smedslund et al. 2011 (Cochrane)", N_("59 studies, 13,342 people"), N_("just after treatment"), 0.79, measure="SMD"),
    Effect(N_("Workshop slides"), N_("summary of the meta-analyses"), N_("vs weak comparison (waitlist, nothing)"), 0.27, 0.40, measure="d"),
    Effect(N_("Workshop slides"), N_("summary of the meta-analyses"), N_("vs other accepted treatments"), 0.04, 0.32, measure="d"),
)

BENCHMARKS: tuple[tuple[float, str], ...] = ((0.2, N_("small")), (0.5, N_("medium")), (0.8, N_("large")))


def evidence_svg(effects: tuple[Effect, ...] = EFFECTS) -> str:
    """A horizontal bar chart: a bar from 0 to each effect, a range drawn from its low to its high
    end; dashed lines at the small, medium and large benchmarks. Text is escaped."""
    left, width, row, top = 470, 380, 30, 34
    scale = width / 1.0  # effect sizes 0-1
    height = top + row * len(effects) + 30
    title = _("Effect sizes of MI in meta-analyses (bars; a range where the study gives one)")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="miw-ev-title" '
        f'viewBox="0 0 {left + width + 90} {height}" style="max-width:100%;height:auto;font:13px sans-serif">',
        f'<title id="miw-ev-title">{escape(title)}. {escape(_("The same figures are in the table below."))}</title>',
    ]
    for value, name in BENCHMARKS:
        x = left + value * scale
        parts.append(f'<line x1="{x:.0f}" y1="{top - 8}" x2="{x:.0f}" y2="{height - 26}" stroke="#5a5f66" stroke-dasharray="4 3"/>')
        parts.append(f'<text x="{x:.0f}" y="{top - 14}" text-anchor="middle" fill="#1b1b1b">{escape(_(name))} {value}</text>')
    for i, e in enumerate(effects):
        y = top + i * row
        start = e.low if e.high is not None else 0.0
        end = e.high if e.high is not None else e.low
        name = f"{_(e.study)}: {_(e.comparison)}"
        parts.append(f'<text x="{left - 8}" y="{y + 18}" text-anchor="end" fill="#1b1b1b">{escape(name)}</text>')
        fill = "#8fb3e0" if e.high is not None else "#2b4f86"
        parts.append(f'<rect x="{left + start * scale:.1f}" y="{y + 6}" width="{max((end - start) * scale, 2):.1f}" height="16" fill="{fill}" stroke="#1c3560"/>')
        halo = 'paint-order="stroke" stroke="#fff" stroke-width="4"'  # readable over the dashed lines
        parts.append(f'<text x="{left + end * scale + 6:.1f}" y="{y + 18}" fill="#1b1b1b" {halo}>{escape(e.label)}</text>')
    axis_y = height - 26
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{left + width}" y2="{axis_y}" stroke="#1b1b1b"/>')
    for tick in (0.0, 0.25, 0.5, 0.75, 1.0):
        x = left + tick * scale
        parts.append(f'<text x="{x:.0f}" y="{axis_y + 16}" text-anchor="middle" fill="#1b1b1b">{tick:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


def evidence_table(effects: tuple[Effect, ...] = EFFECTS) -> str:
    """The chart's figures as an HTML table (for screen readers and for reading exact values)."""
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in (_("Study"), _("What was pooled"), _("Compared with / when"), _("Effect size")))
    rows = "".join(
        f"<tr><td>{escape(_(e.study))}</td><td>{escape(_(e.scope))}</td><td>{escape(_(e.comparison))}</td><td>{escape(e.label)}</td></tr>"
        for e in effects
    )
    caption = escape(_("Effect sizes in the chart (d = Cohen's d; g = Hedges' g; SMD = standardised mean difference)"))
    return f'<table class="miw-table"><caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


__all__ = ["BENCHMARKS", "EFFECTS", "Effect", "evidence_svg", "evidence_table"]
