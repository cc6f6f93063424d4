"""Every label a learner sees on a control goes through the translation function.

A pseudo-language wraps each translated string in ⟦ ⟧. Any control label, button, placeholder or
widget title without the brackets was written in English past the translation function, and
would stay English in Danish and Norwegian.
"""

import re

import ipywidgets as w
import pytest

import mi_widgets as mi


BUILD = {
    "CodingExercise": lambda: mi.CodingExercise("er-alcohol-mi", target="both", mode="step"),
    "Quiz": lambda: mi.Quiz("oars"),
    "GlobalRatingExercise": lambda: mi.GlobalRatingExercise("er-alcohol-mi"),
    "ReflectionPractice": lambda: mi.ReflectionPractice("alcohol-01"),
    "ReadinessRuler": lambda: mi.ReadinessRuler(topic="walking"),
    "DecisionalBalance": lambda: mi.DecisionalBalance("balance-drinking"),
    "RealplayTimer": lambda: mi.RealplayTimer(),
    "ObserverTally": lambda: mi.ObserverTally(),
    "Journal": lambda: mi.Journal(),
    "ProgressPanel": lambda: mi.ProgressPanel(),
    # the instructor dashboards
    "Presenter": lambda: mi.Presenter("er-alcohol-mi"),
    "ClassResults": lambda: mi.ClassResults(),
    "SessionReport": lambda: mi.SessionReport(),
    "LibraryBrowser": lambda: mi.LibraryBrowser(),
    "Dashboard": lambda: mi.Dashboard("realplay"),
}
#: Named in all three languages on purpose, so a reader finds their own whatever is in force.
MULTILINGUAL = {"Language · Sprog · Språk"}


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _labels(widget) -> list[tuple[str, str]]:
    """(where, text) for every piece of interface text on a control."""
    found = []
    for x in _walk(widget):
        for trait in ("description", "placeholder", "tooltip"):
            value = getattr(x, trait, None)
            if isinstance(value, str) and value.strip("\u200b ") and not re.fullmatch(r"[\d\s.:–-]+", value):
                found.append((f"{type(x).__name__}.{trait}", value))
        if isinstance(x, w.Accordion):
            found += [("Accordion.title", t) for t in x.titles if t]
    return found


@pytest.mark.parametrize("name", list(BUILD))
def test_every_control_label_is_translated(pseudo_language, name):
    widget = BUILD[name]()
    labels = _labels(widget)
    assert labels, "no labelled controls found"
    untranslated = [(where, text) for where, text in labels if "⟦" not in text and text not in MULTILINGUAL]
    assert untranslated == []
    header = widget.title if name == "Dashboard" else widget.header
    title = re.search(r"<h[13][^>]*>(.*?)</h[13]>", header.value).group(1)
    if name != "DecisionalBalance":  # its title is the set's own, from the (per-language) YAML file
        assert title.startswith("⟦"), title
