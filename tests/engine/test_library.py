"""The bundled library is found from a checkout and from an installed wheel."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from mi_widgets.engine.library import data_dir, dialogues_dir
from mi_widgets.engine.checks import check_paths

ROOT = Path(__file__).resolve().parents[2]


def test_checkout_finds_data():
    assert data_dir() == ROOT / "data"
    assert any(dialogues_dir().glob("*.yaml"))


def test_environment_variable_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("MI_WORKBOOK_DATA", str(tmp_path))
    assert data_dir() == tmp_path


def test_bundled_library_validates():
    checked = check_paths([data_dir()])
    assert checked.problems == [], "\n".join(map(str, checked.problems))
    assert checked.dialogues and checked.n_files == len(checked.dialogues) + len(checked.quizzes) + len(checked.prompt_sets) + len(checked.balance_sets)


@pytest.mark.slow
def test_installed_wheel_carries_and_finds_the_library(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheel_dir), str(ROOT)], check=True)
    wheel = next(wheel_dir.glob("mi_workbook-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("mi_widgets/_data/dialogues/") and n.endswith(".yaml") for n in names)
    assert "mi_widgets/engine/dialogue.schema.json" in names
    assert "mi_widgets/engine/templates/report.html.j2" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target", str(target), str(wheel)], check=True)
    probe = (
        "import mi_widgets.engine.library as L, mi_widgets.engine.loaders as ld;"
        "print(L.data_dir()); ds, ps = ld.load_folder(); print(len(ds), len(ps))"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": ""},
                         capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == str(target / "mi_widgets" / "_data")
    n_dialogues, n_problems = map(int, out[1].split())
    assert n_dialogues >= 2 and n_problems == 0


def test_get_dialogue_by_id_or_path_and_the_library_table(tmp_path):
    from mi_widgets.engine.errors import InputError
    from mi_widgets.engine.library import get_dialogue, library_table

    assert get_dialogue("er-alcohol-mi").pair == "er-alcohol-righting"
    assert get_dialogue(ROOT / "data/dialogues/er-alcohol-righting.yaml").id == "er-alcohol-righting"
    with pytest.raises(InputError, match="no dialogue with this id"):
        get_dialogue("no-such-dialogue")
    table = library_table()
    assert {"er-alcohol-mi", "er-alcohol-righting"} <= set(table.index)
    assert table.loc["er-alcohol-mi", "n_utterances"] == 26
    assert "file" not in table.columns


def test_report_text_for_a_library_id():
    from mi_widgets import report_text

    text = report_text("er-alcohol-mi", cct=2)
    assert "Saturday night in the emergency room" in text and "Cultivating Change Talk" in text
    assert "2.33 : 1  ✔ good" in text


# --- languages: a translation keeps the English id; what is not translated comes in English ---------

def test_a_translated_quiz_keeps_the_ids_and_answers_of_the_english_one():
    from mi_widgets.engine.library import quiz_items

    english, danish = quiz_items("spirit", "en"), quiz_items("spirit", "da")
    assert [i.id for i in danish] == [i.id for i in english]
    assert [[o.correct for o in i.options] for i in danish] == [[o.correct for o in i.options] for i in english]
    assert danish[0].question != english[0].question


def test_the_language_in_force_chooses_and_a_missing_translation_falls_back_to_english(norwegian):
    from mi_widgets.engine.ambivalence import get_balance_set
    from mi_widgets.engine.library import get_prompt, get_quiz_item, quizzes

    by_topic = {q.topic: q.language for q in quizzes()}
    assert by_topic["oars"] == "nb" and by_topic["miti"] == "en"  # MITI is not translated yet
    assert get_quiz_item("oars-01").question != get_quiz_item("oars-01", "en").question
    assert get_prompt("alcohol-01").language == "nb" and get_balance_set("balance-drinking").language == "nb"
    assert get_quiz_item("miti-01").id == "miti-01"


def test_validate_names_a_translation_by_its_id_and_language(tmp_path):
    from mi_widgets.engine.checks import check_paths

    english = (data_dir() / "quizzes" / "oars.yaml").read_text(encoding="utf-8")
    (tmp_path / "oars.nb.yaml").write_text(english.replace("language: en", "language: nb", 1), encoding="utf-8")
    (tmp_path / "oars.da.yaml").write_text(english.replace("language: en", "language: nb", 1), encoding="utf-8")
    problems = check_paths([tmp_path]).problems
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("oars.da.yaml", "id 'oars' does not match the file name (name the file oars.yaml or oars.nb.yaml)")]
    (tmp_path / "oars.da.yaml").unlink()
    (tmp_path / "oars.yaml").write_text(english, encoding="utf-8")  # the English one beside its translation
    assert check_paths([tmp_path]).problems == []
