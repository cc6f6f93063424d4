"""A dialogue beside its contrast twin."""

import pytest

from mi_widgets import compare_pair
from mi_widgets.engine.errors import UsageError


def test_the_mi_consistent_twin_comes_first_and_the_figures_differ_the_right_way():
    table = compare_pair("gp-diabetes-advice")  # asked by the inconsistent twin: still MI first
    mi, advice = table.columns
    assert mi.startswith("gp-diabetes-mi (MI-consistent") and advice.startswith("gp-diabetes-advice (MI-inconsistent")
    non_adherent = table.loc["MI non-adherent total (PERS + CONF)"]
    assert int(non_adherent[mi]) < int(non_adherent[advice])
    ct = table.loc["Change talk (CT), utterances"]
    assert int(ct[mi]) > int(ct[advice])


def test_a_dialogue_without_a_twin_names_those_that_have_one():
    with pytest.raises(UsageError) as err:
        compare_pair("quitline-smoking")
    assert "no contrast twin" in str(err.value) and "er-alcohol-mi" in str(err.value)
