"""The utterance classifier in Danish and Norwegian Bokmål: word order, cues, reasons, models.

The sentences in the parametrised cases were written for these tests; they are not taken from the
development sets (tests/fixtures/classifier/dev-da.csv, dev-nb.csv) or any held-out set.
"""

from __future__ import annotations

import gettext
import json
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from mi_widgets.engine import classifier, i18n
from mi_widgets.engine.classifier import classify
from mi_widgets.engine.evaluation import Evaluation, evaluate, read_examples
from mi_widgets.engine.i18n import set_language

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "classifier"
LOCALE = ROOT / "mi_widgets" / "locale"

# (language, utterance, expected label, words one of the reasons must show)
QUESTIONS = [
    # hv-questions are open ...
    ("da", "Hvad tænker du selv om det, din søster sagde?", "Q:open", "hvad"),
    ("da", "hvordan er det at være tilbage på arbejdet", "Q:open", "hvordan"),
    ("da", "Hvilke fordele ser du ved at stoppe?", "Q:open", "hvilke"),
    ("da", "På hvilken måde hjælper hashen dig med at sove?", "Q:open", "på hvilken måde"),
    ("da", "Hvis du nu vågnede i morgen, og det var lykkedes, hvad ville du så lægge mærke til?", "Q:open", "hvad"),
    # ... unless they ask for a fact
    ("da", "Hvor mange genstande bliver det til på en fredag?", "Q:closed", "hvor mange"),
    ("da", "Hvornår røg du din sidste joint?", "Q:closed", "hvornår"),
    ("da", "Hvilken dag passer dig bedst?", "Q:closed", "hvilken dag"),
    ("da", "På en skala fra 0 til 10, hvor vigtigt er det for dig at stoppe?", "Q:closed", "på en skala"),
    # inverted word order asks for a yes or no, with or without a question mark
    ("da", "Drikker du også, når du er alene?", "Q:closed", "drikker du"),
    ("da", "har du snakket med din kæreste om det", "Q:closed", "har du"),
    ("da", "Kunne du forestille dig at prøve en uge uden?", "Q:closed", "kunne du"),
    # tags
    ("da", "Du har været stoffri siden jul, ikke?", "Q:closed", "ikke"),
    ("da", "Det er mest om aftenen, ik'?", "Q:closed", "ik"),
    ("da", "Du tager vel stadig medicinen?", "Q:closed", "vel"),
    # asking for an account
    ("da", "Kan du fortælle lidt om, hvordan en almindelig hverdag ser ud?", "Q:open", "kan du fortælle"),
    ("da", "Fortæl mig om sidste weekend.", "Q:open", "fortæl"),
    ("nb", "Hva tenker du selv om det søsteren din sa?", "Q:open", "hva"),
    ("nb", "hvordan er det å være tilbake på jobb", "Q:open", "hvordan"),
    ("nb", "Hvilke fordeler ser du ved å slutte?", "Q:open", "hvilke"),
    ("nb", "På hvilken måte hjelper hasjen deg å sove?", "Q:open", "på hvilken måte"),
    ("nb", "Når suget kommer om kvelden, hva gjør du da?", "Q:open", "hva"),
    ("nb", "Hvor mange enheter blir det på en fredag?", "Q:closed", "hvor mange"),
    ("nb", "Når tok du den siste jointen?", "Q:closed", "når"),
    ("nb", "Hvilken dag passer best for deg?", "Q:closed", "hvilken dag"),
    ("nb", "På en skala fra 0 til 10, hvor viktig er det for deg å slutte?", "Q:closed", "på en skala"),
    ("nb", "Drikker du også når du er alene?", "Q:closed", "drikker du"),
    ("nb", "har du snakket med kjæresten din om det", "Q:closed", "har du"),
    ("nb", "Du har vært rusfri siden jul, ikke sant?", "Q:closed", "ikke sant"),
    ("nb", "Det er mest om kvelden, eller hva?", "Q:closed", "eller hva"),
    ("nb", "Kan du fortelle litt om hvordan en vanlig hverdag ser ut?", "Q:open", "kan du fortelle"),
    ("nb", "Fortell meg om forrige helg.", "Q:open", "fortell"),
]


@pytest.mark.parametrize("lang, text, label, shown", QUESTIONS, ids=[f"{q[0]}-{q[1][:28]}" for q in QUESTIONS])
def test_question_forms(lang, text, label, shown):
    got = classify(text, language=lang)
    assert got.label == label, got
    assert any(f"'{shown}" in r for r in got.reasons), got.reasons


@pytest.mark.parametrize("lang, text", [
    ("da", "Så drikker du mest i weekenden."),  # verb second after "så": a statement
    ("da", "Nu har du været uden i tre uger."),
    ("da", "Hvad du gør med det, er op til dig."),  # a question word opening a clause
    ("nb", "Nå har du vært uten i tre uker."),
    ("nb", "Brevet du fikk fra NAV, har gnagd i deg."),  # a noun, not a fronted verb
    ("nb", "Når suget kommer, tar du en snus."),
])
def test_verb_second_statements_and_clauses_do_not_ask(lang, text):
    assert classify(text, language=lang).code != "Q"


# (language, client's line or None, utterance, expected code or codes, words one of the reasons must contain)
CODES = [
    ("da", "Jeg vil bare gerne have lidt mere energi om morgenen.", "Du vil gerne have mere energi om morgenen.", ("SR",), ""),
    ("da", "Jeg vil gerne stoppe, men det er min måde at slappe af på.",
     "På den ene side vil du gerne stoppe, og på den anden side er smøgen dit pusterum.", ("CR",), "på den ene side"),
    ("da", None, "Det krævede virkelig mod at fortælle din kone om gælden.", ("AF",), "det krævede virkelig mod"),
    ("da", None, "Sundhedsstyrelsen anbefaler højst ti genstande om ugen.", ("GI",), "sundhedsstyrelsen"),
    ("da", None, "Du bør stoppe med at ryge inden operationen.", ("PERS",), "du bør"),
    ("da", None, "Hvorfor prøver du ikke bare plastre?", ("PERS",), "hvorfor prøver du ikke"),
    ("da", None, "Hvis du bliver ved på den måde, ender du med at miste kørekortet.", ("PERS",), "hvis du bliver ved"),
    ("da", None, "Det er helt op til dig, om du vil skære ned.", ("EMPH",), "op til dig"),
    ("da", None, "Er det i orden, at jeg fortæller lidt om abstinenser?", ("SEEK",), "er det i orden, at jeg"),
    ("da", None, "Nogle synes, at en fast spillefri dag hjælper, men det er ikke sikkert, det passer til dig.", ("PWP",), "ikke sikkert"),
    ("da", None, "Det der er bare bortforklaringer.", ("CONF",), "bortforklaringer"),
    ("nb", "Jeg vil bare ha litt mer energi om morgenen.", "Du vil gjerne ha mer energi om morgenen.", ("SR",), ""),
    ("nb", "Jeg vil slutte, men det er måten jeg slapper av på.",
     "På den ene siden vil du slutte, og på den andre siden er røyken pusterommet ditt.", ("CR",), "på den ene siden"),
    ("nb", None, "Det krevde virkelig mot å fortelle kona om gjelda.", ("AF",), "det krevde virkelig mot"),
    ("nb", None, "Helsedirektoratet anbefaler ikke mer enn ti enheter i uka.", ("GI",), "helsedirektoratet"),
    ("nb", None, "Du bør slutte å røyke før operasjonen.", ("PERS",), "du bør"),
    ("nb", None, "Hvorfor prøver du ikke bare plaster?", ("PERS",), "hvorfor prøver du ikke"),
    ("nb", None, "Hvis du fortsetter sånn, ender du opp med å miste førerkortet.", ("PERS",), "hvis du fortsetter"),
    ("nb", None, "Det er helt opp til deg om du vil kutte ned.", ("EMPH",), "opp til deg"),
    ("nb", None, "Er det greit at jeg forteller litt om abstinenser?", ("SEEK",), "er det greit at jeg"),
    ("nb", None, "Noen synes at en fast spillefri dag hjelper, men det er ikke sikkert det passer for deg.", ("PWP",), "ikke sikkert"),
    ("nb", None, "Det der er bare bortforklaringer.", ("CONF",), "bortforklaringer"),
]


@pytest.mark.parametrize("lang, context, text, codes, shown", CODES, ids=[f"{c[0]}-{c[3][0]}-{c[2][:24]}" for c in CODES])
def test_codes_and_their_reasons(lang, context, text, codes, shown):
    got = classify(text, context, lang)
    assert got.code in codes, got
    assert got.reasons, "every result says why"
    assert any(shown in r for r in got.reasons), got.reasons


@pytest.mark.parametrize("lang, text", [
    ("da", "Hej Mette, kom bare ind og sæt dig."), ("da", "Mm."), ("da", "Vi ses på onsdag."), ("da", "Lad mig lige finde din journal."),
    ("nb", "Hei Ola, kom inn og sett deg."), ("nb", "Mhm."), ("nb", "Vi ses på onsdag."), ("nb", "Vent litt, jeg skal bare finne journalen din."),
])
def test_greetings_listening_and_arranging_are_not_coded(lang, text):
    got = classify(text, language=lang)
    assert got.code is None and got.reasons, got


def test_advice_words_inside_the_clients_own_view_are_a_reflection():
    got = classify("Du tænker, at du burde gå mere.", "Jeg tænker, at jeg burde gå mere.", "da")
    assert got.code in ("SR", "CR"), got
    got = classify("Du tenker at du burde gå mer.", "Jeg tenker at jeg burde gå mer.", "nb")
    assert got.code in ("SR", "CR"), got


# ------------------------------------------------------------------ reasons in the learner's language
@lru_cache(maxsize=None)
def _po(lang: str) -> dict[str, str]:
    """msgid -> msgstr of the .po being translated (only finished, non-fuzzy entries)."""
    from babel.messages.pofile import read_po

    with (LOCALE / lang / "LC_MESSAGES" / "mi_workbook.po").open("rb") as f:
        return {m.id: m.string for m in read_po(f) if isinstance(m.id, str) and m.id and m.string and not m.fuzzy}


#: (language, utterance, the reasons' msgids in order, the words each shows)
ASKED = {
    "da": ("Hvad tænker du selv om det?", ["starts with '{m}', which invites a free answer: open question", "ends with a question mark: a question"], "hvad"),
    "nb": ("Hva tenker du selv om det?", ["starts with '{m}', which invites a free answer: open question", "ends with a question mark: a question"], "hva"),
}


@pytest.fixture
def language_set_then_reset():
    """Yields set_language; the language and the translation cache go back to default after the test."""
    try:
        yield set_language
    finally:
        set_language(None)
        i18n._translations.cache_clear()


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_reasons_come_in_the_learners_language_from_the_shipped_catalogue(lang, language_set_then_reset):
    """The compiled catalogue (.mo) as a learner gets it. While the translators are still at work
    (their .po compiled later by ``make catalogues``), a reason without a compiled translation
    skips this test rather than passing it: the next test checks the same on the .po itself."""
    text, msgids, shown = ASKED[lang]
    shipped = gettext.translation(i18n.DOMAIN, localedir=LOCALE, languages=[lang], fallback=True)
    translated = [shipped.gettext(msgid) for msgid in msgids]
    if all(t == msgid for t, msgid in zip(translated, msgids)):
        pytest.skip(f"{lang}: the compiled catalogue has no translation of these reasons yet (run: make catalogues)")
    language_set_then_reset(lang)
    got = classify(text, language=lang)
    assert got.label == "Q:open"
    assert list(got.reasons) == [t.format(m=shown) for t in translated]
    language_set_then_reset(None)
    assert list(classify(text, language=lang).reasons) == [m.format(m=shown) for m in msgids], "English again"


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_reasons_are_translated_through_the_catalogue(lang, tmp_path, monkeypatch, language_set_then_reset):
    """The same mechanism on the .po being translated, compiled here into a temporary catalogue."""
    text, msgids, shown = ASKED[lang]
    po = _po(lang)
    missing = [m for m in msgids if m not in po]
    if missing:
        pytest.skip(f"{lang}: no translation yet in the .po for {missing}")
    sys.path.insert(0, str(ROOT))
    try:
        from hatch_build import compile_catalogues
    finally:
        sys.path.remove(str(ROOT))
    target = tmp_path / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    (target / "mi_workbook.po").write_bytes((LOCALE / lang / "LC_MESSAGES" / "mi_workbook.po").read_bytes())
    compile_catalogues(tmp_path)
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n._translations.cache_clear()
    language_set_then_reset(lang)
    got = classify(text, language=lang)
    assert list(got.reasons) == [po[m].format(m=shown) for m in msgids]
    assert all(r not in msgids for r in got.reasons), "not the English"


# ------------------------------------------------------------------------------------ the models
@pytest.mark.parametrize("lang", ["da", "nb"])
def test_a_language_uses_its_own_model_or_the_rules_alone_never_the_english_model(lang, tmp_path, monkeypatch):
    shipped = classifier._model(lang)
    assert shipped is not None and not any(f.startswith(("w:", "b:", "f:")) for f in shipped.weights), "evidence only, no English words"
    data = json.loads((classifier.MODEL_DIR / f"classifier_{lang}.json").read_text())
    assert data["language"] == lang and data["features"] == "evidence"
    monkeypatch.setattr(classifier, "MODEL_DIR", tmp_path)  # no model file: the rules alone
    classifier._model.cache_clear()
    try:
        assert classifier._model(lang) is None
        got = classify("Drikker du også i hverdagene?", language=lang)
        assert got.label == "Q:closed" and got.confidence == 0.5
    finally:
        monkeypatch.undo()
        classifier._model.cache_clear()


def test_a_language_without_a_cue_module_or_model_reads_english_by_the_rules_alone():
    assert classifier._model("sv") is None
    assert classify("Do you drink every day?", language="sv").label == "Q:closed"


# ----------------------------------------------------------------------------- accuracy on the dev sets
#: Floors on the development sets, a little under what was measured when they were set (exact
#: 0.971 da / 0.977 nb; question/reflection/other 0.997 / 0.991; open vs closed 1.000 / 1.000;
#: the lowest recall of a code, simple reflection, 0.76 / 0.89). The cues were written and the
#: models trained on these very sets, so the figures show fit and catch regressions; they do not
#: say how well the classifier does on new text (the held-out sets heldout-da.csv /
#: heldout-nb.csv, written blind by another writer, are for that).
DEV_FLOORS = {
    # set: (exact, question/reflection/other, its macro-F1, open vs closed, PERS recall, CONF recall)
    "dev-da.csv": (0.94, 0.97, 0.97, 0.97, 0.90, 0.90),
    "dev-nb.csv": (0.94, 0.97, 0.97, 0.97, 0.90, 0.90),
}


@lru_cache(maxsize=None)
def _dev(name: str) -> Evaluation:
    return evaluate(read_examples(FIXTURES / name), language=name.split("-")[1].split(".")[0])


@pytest.mark.parametrize("name", sorted(DEV_FLOORS))
def test_accuracy_on_the_development_sets(name):
    ev = _dev(name)
    exact, three_way, macro_f1, open_closed, pers, conf = DEV_FLOORS[name]
    assert ev.n >= 300 and sum(ev.open_closed.values()) >= 80
    assert ev.accuracy >= exact, f"{name}: {ev.accuracy:.3f}"
    assert ev.three_way_accuracy >= three_way, f"{name}: {ev.three_way_accuracy:.3f}"
    assert ev.three_way_macro_f1 >= macro_f1, f"{name}: {ev.three_way_macro_f1:.3f}"
    assert ev.open_closed_accuracy >= open_closed, f"{name}: {ev.open_closed_accuracy:.3f}"
    assert ev.recall("PERS") >= pers and ev.recall("CONF") >= conf, (ev.recall("PERS"), ev.recall("CONF"))
    per = ev.per_code()
    assert all(per[c]["recall"] >= 0.70 for c in classifier.CODES), {c: round(per[c]["recall"], 2) for c in classifier.CODES}


@pytest.mark.parametrize("lang", ["da", "nb"])
def test_the_dev_sets_cover_every_code_and_both_question_types(lang):
    rows = read_examples(FIXTURES / f"dev-{lang}.csv")
    codes = {r.code for r in rows}
    assert set(classifier.CODES) <= codes and None in codes
    assert {r.question_type for r in rows if r.code == "Q"} == {"open", "closed"}
    assert 0.25 <= sum(r.code == "Q" for r in rows) / len(rows) <= 0.4
