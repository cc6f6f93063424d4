"""MI Workbook: a Jupyter teaching workbook for Motivational Interviewing.

The public surface is small and imported lazily, so ``import mi_widgets`` stays fast: pandas,
YAML and the widgets load only when something that needs them is used.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

# public name -> module that defines it
_LAZY: dict[str, str] = {
    "InputError": "mi_widgets.engine.errors",
    "Dialogue": "mi_widgets.engine.model",
    "Utterance": "mi_widgets.engine.model",
    "GlobalRatings": "mi_widgets.engine.model",
    "CODES": "mi_widgets.engine.codes",
    "resolve_code": "mi_widgets.engine.codes",
    "load": "mi_widgets.engine.loaders",
    "load_dialogue": "mi_widgets.engine.loaders",
    "load_transcript": "mi_widgets.engine.loaders",
    "load_folder": "mi_widgets.engine.loaders",
    "read_annomi": "mi_widgets.engine.importers",
    "read_plain_csv": "mi_widgets.engine.importers",
    "write_dialogues": "mi_widgets.engine.importers",
    "classify": "mi_widgets.engine.classifier",
    "precode": "mi_widgets.engine.classifier",
    "score_dialogue": "mi_widgets.engine.miti",
    "score_answers": "mi_widgets.engine.agreement",
    "cohen_kappa": "mi_widgets.engine.agreement",
    "build_report": "mi_widgets.engine.report",
    "data_dir": "mi_widgets.engine.library",
    "get_dialogue": "mi_widgets.engine.library",
    "library_table": "mi_widgets.engine.library",
    "quiz_items": "mi_widgets.engine.library",
    "get_quiz_item": "mi_widgets.engine.library",
    "practice_prompts": "mi_widgets.engine.library",
    "get_prompt": "mi_widgets.engine.library",
    "check_paths": "mi_widgets.engine.checks",
    "report_text": "mi_widgets.engine.report",
    "set_language": "mi_widgets.engine.i18n",
    "get_language": "mi_widgets.engine.i18n",
    "ProgressStore": "mi_widgets.engine.progress",
    "compare_pair": "mi_widgets.engine.pairs",
    "evidence_chart": "mi_widgets.widgets.evidence",
    # the widget kit (ipywidgets is imported only when one of these is used)
    "CodingExercise": "mi_widgets.widgets.coding",
    "Quiz": "mi_widgets.widgets.quiz",
    "GlobalRatingExercise": "mi_widgets.widgets.ratings",
    "ReflectionPractice": "mi_widgets.widgets.practice",
    "ReadinessRuler": "mi_widgets.widgets.ambivalence",
    "DecisionalBalance": "mi_widgets.widgets.ambivalence",
    "RealplayTimer": "mi_widgets.widgets.realplay",
    "ObserverTally": "mi_widgets.widgets.realplay",
    "Journal": "mi_widgets.widgets.journal",
    "ProgressPanel": "mi_widgets.widgets.progress",
    "RealplayBoard": "mi_widgets.widgets.boards",
    "LanguagePicker": "mi_widgets.widgets.language",
    # the instructor dashboards (notebooks/dashboards/), each in a Dashboard frame
    "Dashboard": "mi_widgets.widgets.language",
    "Presenter": "mi_widgets.widgets.presenter",
    "ClassResults": "mi_widgets.widgets.classresults",
    "SessionReport": "mi_widgets.widgets.sessionreport",
    "LibraryBrowser": "mi_widgets.widgets.librarybrowser",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mi_widgets' has no attribute '{name}'")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
