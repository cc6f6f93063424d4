"""The evidence chart widget."""

from mi_widgets import evidence_chart


def test_the_chart_is_a_labelled_image_with_the_same_figures_in_a_table():
    html = evidence_chart().value
    assert 'role="img"' in html and "<title" in html and "<caption>" in html
