"""The engine is pure Python and `import mi_widgets` is light."""

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[2] / "mi_widgets" / "engine"
WIDGET_MODULES = {"ipywidgets", "IPython", "traitlets", "anywidget", "voila"}


def test_engine_modules_never_import_widget_libraries():
    for path in ENGINE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                assert name.split(".")[0] not in WIDGET_MODULES, f"{path.name} imports {name}"


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sorted(sys.modules)))"
    return set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())


def test_import_mi_widgets_loads_no_heavy_modules():
    loaded = _loaded_after("import mi_widgets")
    heavy = {"pandas", "numpy", "yaml", "jsonschema", "fastjsonschema", "jinja2", "ipywidgets", "IPython", "typing"}
    assert not heavy & loaded, heavy & loaded


def test_scoring_a_transcript_needs_no_pandas_or_widgets():
    loaded = _loaded_after("from mi_widgets.engine import loaders, miti; miti.score_dialogue(loaders.parse_transcript('speaker,text,code\\nclient,hi,N\\n'))")
    assert not {"pandas", "ipywidgets", "IPython"} & loaded


def test_loading_a_dialogue_does_not_pull_in_jsonschema():
    """jsonschema's eager format checkers cost seconds at import; the engine uses fastjsonschema."""
    loaded = _loaded_after("import mi_widgets; mi_widgets.get_dialogue('er-alcohol-mi')")
    assert "jsonschema" not in loaded and "fastjsonschema" in loaded


def test_classifying_needs_no_numpy_pandas_or_yaml():
    """numpy trains the classifier's model (tools/); the engine reads it with plain Python."""
    loaded = _loaded_after("from mi_widgets.engine.classifier import classify; classify('Do you smoke?')")
    assert not {"numpy", "pandas", "yaml", "ipywidgets"} & loaded
