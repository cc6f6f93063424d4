"""The evidence chart: the reference's figures, drawn and tabled."""

import re

from mi_widgets.engine.evidence import EFFECTS, evidence_svg, evidence_table


def test_every_effect_appears_as_a_bar_and_a_table_row_with_its_figure():
    svg, table = evidence_svg(), evidence_table()
    assert svg.count("<rect") == len(EFFECTS)
    assert table.count("<tr>") == len(EFFECTS) + 1
    for e in EFFECTS:
        assert e.label in svg and e.label in table


def test_bars_are_drawn_to_scale():
    svg = evidence_svg()
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    smedslund = next(i for i, e in enumerate(EFFECTS) if e.low == 0.79)
    lundahl_specific = next(i for i, e in enumerate(EFFECTS) if e.low == 0.09)
    assert abs(widths[smedslund] / widths[lundahl_specific] - 0.79 / 0.09) < 0.05

