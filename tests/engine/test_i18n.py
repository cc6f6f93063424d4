"""The translation machinery: catalogues complete and current, language chosen three ways, English as fallback."""

from __future__ import annotations

import gettext
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from mi_widgets.engine import i18n
from mi_widgets.engine.i18n import _, get_language, ngettext, set_language

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "mi_widgets" / "locale"


def _tool():
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "tools" / "catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogues = _tool()


def test_the_template_holds_every_message_in_the_code():
    """A string marked in the code but missing from the template was never extracted: run
    ``python tools/catalogues.py extract``."""
    with (LOCALE / "mi_workbook.pot").open("rb") as f:
        shipped = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogues.template() if m.id}
    assert wanted - shipped == set(), "run: python tools/catalogues.py extract"
    assert len(wanted) > 900


def test_messages_inside_f_strings_and_templates_are_extracted():
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogues.template() if m.id}
    assert "tallied" in ids and "per row" in ids  # _() inside an f-string (engine/report.py)
    assert "Counsellor behaviour" in ids  # the HTML report template
    assert "below_fair" not in ids  # _(LEVEL_WORDS[key]) is a lookup, not a message


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_every_message_is_translated_with_the_same_placeholders(lang):
    assert catalogues.problems(lang) == []


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_the_compiled_catalogue_matches_its_po_file(lang):
    """The .mo gettext reads is made from the .po at install (hatch_build.py) or by
    ``make catalogues``; a stale one would show old or missing translations."""
    po_path = LOCALE / lang / "LC_MESSAGES" / "mi_workbook.po"
    def plain(value):
        return tuple(value) if isinstance(value, (list, tuple)) else value

    def done(string):
        return all(string) if isinstance(string, tuple) else bool(string)

    with po_path.open("rb") as f:
        po = {plain(m.id): plain(m.string) for m in read_po(f) if m.id and not m.fuzzy and done(plain(m.string))}
    with po_path.with_suffix(".mo").open("rb") as f:
        mo = {plain(m.id): plain(m.string) for m in read_mo(f) if m.id}
    mo = {k: v for k, v in mo.items() if not (isinstance(k, tuple) and v == k)}  # babel writes an untranslated plural as its English
    assert mo == po, "run: make catalogues"


def test_a_missing_po_translation_is_reported_by_the_check(tmp_path, monkeypatch):
    """The completeness test can fail: blank one translation and the check names it."""
    po = (LOCALE / "da" / "LC_MESSAGES" / "mi_workbook.po").read_text(encoding="utf-8")
    blanked = po.replace('msgstr "Tjek"', 'msgstr ""', 1)
    assert blanked != po
    fake = tmp_path / "da" / "LC_MESSAGES"
    fake.mkdir(parents=True)
    (fake / "mi_workbook.po").write_text(blanked, encoding="utf-8")
    monkeypatch.setattr(catalogues, "po_file", lambda lang: tmp_path / lang / "LC_MESSAGES" / "mi_workbook.po")
    assert "da: untranslated: 'Check'" in catalogues.problems("da")
    monkeypatch.undo()
    assert "da: untranslated: 'Check'" not in catalogues.problems("da")


def test_the_build_hook_compiles_every_catalogue(tmp_path):
    sys.path.insert(0, str(ROOT))
    try:
        from hatch_build import compile_catalogues
    finally:
        sys.path.remove(str(ROOT))
    for lang in ("da", "nb"):
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        (target / "mi_workbook.po").write_bytes((LOCALE / lang / "LC_MESSAGES" / "mi_workbook.po").read_bytes())
    written = compile_catalogues(tmp_path)
    assert [p.parent.parent.name for p in written] == ["da", "nb"]
    danish = gettext.GNUTranslations(written[0].open("rb"))
    assert danish.gettext("Check") == "Tjek"


def test_the_language_comes_from_the_call_then_the_environment_then_english(monkeypatch):
    monkeypatch.delenv(i18n.ENV_VAR, raising=False)
    assert get_language() == "en" and _("Check") == "Check"
    monkeypatch.setenv(i18n.ENV_VAR, "nb")
    assert get_language() == "nb" and _("Check") != "Check"
    set_language("da")
    assert get_language() == "da" and _("Check") == "Tjek"
    set_language(None)
    assert get_language() == "nb"
    monkeypatch.setenv(i18n.ENV_VAR, "klingon")
    assert get_language() == "en"  # an unknown value is not an error: English
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        set_language("xx")


def test_a_string_without_a_translation_falls_back_to_english(danish):
    assert _("A sentence no catalogue has.") == "A sentence no catalogue has."
    assert ngettext("{n} apple", "{n} apples", 2) == "{n} apples"


def test_plural_forms_follow_the_catalogue(danish):
    one = ngettext("{n} file could not be read and is left out.", "{n} files could not be read and are left out.", 1)
    many = ngettext("{n} file could not be read and is left out.", "{n} files could not be read and are left out.", 3)
    assert one != many and "{n}" in one and "{n}" in many and "files" not in many


def test_code_names_and_definitions_are_translated():
    from mi_widgets.engine.codes import CODES

    set_language("da")
    assert _(CODES["CT"].name) == "Forandringsudsagn" and _(CODES["ST"].name) == "Status quo-udsagn"
    assert _(CODES["CR"].name) == "Kompleks refleksion"
    set_language("nb")
    assert _(CODES["CT"].name) == "Forandringsutsagn" and _(CODES["ST"].name) == "Status quo-utsagn"
    assert _(CODES["SR"].name) == "Enkel refleksjon"
    assert _(CODES["GI"].definition) != CODES["GI"].definition


def test_an_upload_error_is_said_in_the_learners_language(danish):
    from mi_widgets.engine.errors import InputError
    from mi_widgets.engine.textio import decode_bytes

    with pytest.raises(InputError) as err:
        decode_bytes(b"\x00\x01binary", "noter.csv")
    assert str(err.value).startswith("noter.csv: ") and "binary" not in str(err.value)


def test_a_fresh_process_reads_the_language_from_the_environment():
    code = "from mi_widgets.engine.i18n import _; print(_('Check'))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"MI_WORKBOOK_LANG": "da", "PATH": "/usr/bin:/bin"}, cwd=ROOT)
    assert out.stdout.strip() == "Tjek"
