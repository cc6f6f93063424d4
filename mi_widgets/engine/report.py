"""The MITI report for a coded conversation: as data (JSON), as text for a trainee, as one HTML page.

The HTML page is self-contained (inline CSS and an inline SVG chart, no scripts, nothing loaded
from the network) and every piece of text from the transcript is escaped by Jinja2's autoescape.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .codes import CLIENT_KEYS, CODES, COUNSELOR_KEYS
from .i18n import N_, _, get_language
from .miti import THRESHOLDS, MitiResult, score_dialogue
from .model import GLOBAL_KEYS, Dialogue, GlobalRatings

SCORE_NAMES: dict[str, str] = {
    "reflection_to_question": N_("Reflection-to-question ratio (R:Q)"),
    "percent_complex_reflections": N_("% complex reflections (%CR)"),
    "total_mi_adherent": N_("Total MI-adherent (SEEK + AF + EMPH)"),
    "total_mi_non_adherent": N_("Total MI non-adherent (PERS + CONF)"),
    "technical": N_("Technical (summary score), (CCT + SST) / 2"),
    "relational": N_("Relational (summary score), (Partnership + Empathy) / 2"),
}
#: % change talk is client language (MISC), not a MITI 4.2.1 summary score: the report shows it with
#: the client's CT / ST / N counts, never under "Summary scores". The data keeps it in
#: ``report["summary"]["percent_change_talk"]``.
CLIENT_SCORE: str = "percent_change_talk"
CLIENT_SCORE_NAME: str = N_("% change talk, CT / (CT + ST)")
CLIENT_SCORE_NOTE: str = N_("client language, not part of MITI 4.2.1; no published cut-off")
GLOBAL_NAMES: dict[str, str] = {
    "cct": N_("Cultivating Change Talk"),
    "sst": N_("Softening Sustain Talk"),
    "partnership": N_("Partnership"),
    "empathy": N_("Empathy"),
}
LEVEL_WORDS: dict[str, str] = {"good": N_("good"), "fair": N_("fair"), "below_fair": N_("below fair")}
LEVEL_ICONS: dict[str, str] = {"good": "✔", "fair": "◐", "below_fair": "✘"}
TIPS: dict[str, str] = {
    "reflection_to_question": N_("Reflect more: after the client answers, offer a reflection before the next question."),
    "percent_complex_reflections": N_("Add meaning to reflections: name the feeling, the value, or both sides of the ambivalence."),
    "technical": N_("Listen for change talk and answer it (ask for more, reflect it); reflect sustain talk without arguing."),
    "relational": N_("Work as a partner: draw on the client's ideas, and show that you understand their point of view."),
    "persuade": N_("Persuading without permission appeared: ask first, then offer (elicit-provide-elicit)."),
    "confront": N_("Confronting (arguing, correcting, labelling) appeared: reflect the client's view instead."),
}


def build_report(dialogue: Dialogue, ratings: GlobalRatings | None = None, provisional: bool = False) -> dict[str, Any]:
    """The report as plain data (the JSON format of ``mi-workbook report --format json``).

    ``ratings`` default to the dialogue's own expert globals.
    """
    result = score_dialogue(dialogue, ratings)
    return _as_dict(dialogue, result, provisional)


def _as_dict(dialogue: Dialogue, r: MitiResult, provisional: bool) -> dict[str, Any]:
    return {
        "source": dialogue.source,
        "title": dialogue.title,
        "utterances": {"counselor": r.n_counselor, "client": r.n_client},
        "n_volleys": len(r.volleys),
        "counts": r.counts,
        "raw_counts": r.raw_counts,
        "client_counts": r.client_counts,
        "globals": r.globals.as_dict(),
        "summary": r.summary,
        "levels": r.levels,
        "warnings": r.warnings,
        "provisional": provisional,
    }


# ------------------------------------------------------------------------------------ formatting
def format_score(key: str, value: float | int | None) -> str:
    """How a summary score is shown to a person."""
    if value is None:
        return "—"
    if key.startswith("percent"):
        return f"{value:.0f} %"
    if key == "reflection_to_question":
        return f"{value:.2f} : 1"
    if key in ("technical", "relational"):
        return f"{value:.1f}"
    return str(value)


def threshold_text(key: str) -> str:
    if key not in THRESHOLDS:
        return ""
    fair, good = THRESHOLDS[key]
    if key.startswith("percent"):
        return _("fair ≥ {fair:.0f} %, good ≥ {good:.0f} %").format(fair=fair, good=good)
    if key == "reflection_to_question":
        return _("fair ≥ {fair:.0f} : 1, good ≥ {good:.0f} : 1").format(fair=fair, good=good)
    return _("fair ≥ {fair:g}, good ≥ {good:g}").format(fair=fair, good=good)


def _missing_reason(key: str) -> str:
    if key == "reflection_to_question":
        return _("no questions")
    if key == "percent_complex_reflections":
        return _("no reflections")
    if key == "percent_change_talk":
        return _("no change or sustain talk coded")
    if key == "technical":
        return _("give CCT and SST to compute")
    return _("give Partnership and Empathy to compute")


def _tips(report: dict[str, Any]) -> list[str]:
    tips = [_(TIPS[k]) for k, lv in report["levels"].items() if lv == "below_fair" and k in TIPS]
    # Asking permission turns Persuade into Persuade with Permission; nothing makes Confront acceptable.
    if report["counts"].get("PERS"):
        tips.append(_(TIPS["persuade"]))
    if report["counts"].get("CONF"):
        tips.append(_(TIPS["confront"]))
    return tips


def _rows(report: dict[str, Any]) -> list[dict[str, str]]:
    """One row per MITI 4.2.1 summary score, ready to show (% change talk is not one: see
    :func:`_client_score`)."""
    rows = []
    for key in SCORE_NAMES:
        value = report["summary"][key]
        lv = report["levels"].get(key)
        rows.append(
            {
                "key": key,
                "name": _(SCORE_NAMES[key]),
                "value": format_score(key, value) if value is not None else "—",
                "note": _missing_reason(key) if value is None else "",
                "level": lv or "",
                "level_text": f"{LEVEL_ICONS[lv]} {_(LEVEL_WORDS[lv])}" if lv else "",
                "threshold": threshold_text(key),
            }
        )
    return rows


def _client_score(report: dict[str, Any]) -> dict[str, str]:
    """% change talk, shown with the client language: name, value, and why there is none."""
    value = report["summary"].get(CLIENT_SCORE)
    note = _(CLIENT_SCORE_NOTE)
    if value is None:
        note = _("{reason}; {note}").format(reason=_missing_reason(CLIENT_SCORE), note=note)
    return {"name": _(CLIENT_SCORE_NAME), "value": format_score(CLIENT_SCORE, value), "note": note}


# ------------------------------------------------------------------------------------------ text
def render_text(report: dict[str, Any]) -> str:
    """A readable report for a trainee (plain text)."""
    out: list[str] = []
    title = _("MITI 4.2.1 report")
    out += [f"{title}: {report['title']}", "=" * (len(title) + 2 + len(report["title"]))]
    if report.get("provisional"):
        out.append(_("PROVISIONAL: some codes were filled in automatically; check them before relying on the figures."))
    u = report["utterances"]
    out.append(_("{c} counsellor and {k} client utterances; {v} counsellor volleys.").format(c=u["counselor"], k=u["client"], v=report["n_volleys"]))
    out += ["", _("Counsellor behaviour"), ""]
    out.append(f"  {'':34} {_('tallied'):>8} {_('per row'):>8}")
    for key in COUNSELOR_KEYS:
        out.append(f"  {_(CODES[key].name) + ' (' + key + ')':34} {report['counts'][key]:>8} {report['raw_counts'][key]:>8}")
    out.append("  " + _("'tallied' applies the volley rules: each code at most once per volley, one reflection code and one Q per volley."))
    cc = report["client_counts"]
    out += ["", _("Client language: {ct} change talk, {st} sustain talk, {n} neutral.").format(ct=cc["CT"], st=cc["ST"], n=cc["N"])]
    pct = _client_score(report)
    out.append("  " + _("{name}: {value} ({note})").format(**pct))
    g = report["globals"]
    out += ["", _("Global ratings (1-5)"), ""]
    for key in GLOBAL_KEYS:
        out.append(f"  {_(GLOBAL_NAMES[key]):34} {g[key] if g[key] is not None else '—':>8}")
    out += ["", _("Summary scores"), ""]
    rows = _rows(report)
    width = max(48, *(len(row["name"]) for row in rows))
    for row in rows:
        detail = row["level_text"] + (f"  ({row['threshold']})" if row["threshold"] else "")
        if row["note"]:
            detail = f"({row['note']})"
        out.append(f"  {row['name']:{width}} {row['value']:>9}  {detail}".rstrip())
    out += ["", "  " + _("Thresholds are the MITI 4.2.1 manual's expert opinion, not norms; a value equal to a threshold reaches it.")]
    tips = _tips(report)
    if tips:
        out += ["", _("What to try next"), ""] + [f"  - {t}" for t in tips]
    if report["warnings"]:
        out += ["", _("Notes on the coding"), ""] + [f"  - {w}" for w in report["warnings"]]
    return "\n".join(out) + "\n"


def render_json(report: dict[str, Any]) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


# ------------------------------------------------------------------------------------------ HTML
def _bars(report: dict[str, Any]) -> dict[str, Any]:
    """Geometry of the inline SVG bar chart of tallied counts."""
    counts = report["counts"]
    top = max([1, *counts.values()])
    bar_h, gap, label_w, width = 22, 8, 250, 620
    span = width - label_w - 50
    bars = []
    for i, key in enumerate(COUNSELOR_KEYS):
        n = counts[key]
        bars.append(
            {
                "y": i * (bar_h + gap),
                "w": round(span * n / top, 1),
                "n": n,
                "label": f"{_(CODES[key].name)} ({key})",
                "kind": CODES[key].group,
            }
        )
    return {"bars": bars, "bar_h": bar_h, "label_w": label_w, "width": width, "height": len(bars) * (bar_h + gap)}


def _template(name: str):
    """A template from ./templates with autoescape on: every text from a transcript is escaped."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(Path(__file__).with_name("templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(name)


def _context(report: dict[str, Any], dialogue: Dialogue | None) -> dict[str, Any]:
    """What the report body (templates/report_body.html.j2) shows."""
    transcript = []
    if dialogue is not None:
        for i, u in enumerate(dialogue.utterances, start=1):
            transcript.append({"n": i, "speaker": _("Counsellor") if u.speaker == "counselor" else _("Client"), "who": u.speaker, "text": u.text, "code": u.label or ""})
    return {
        "r": report,
        "_": _,
        "lang": get_language(),
        "rows": _rows(report),
        "pct": _client_score(report),
        "tips": _tips(report),
        "chart": _bars(report),
        "codes": [(k, _(CODES[k].name), report["counts"][k], report["raw_counts"][k]) for k in COUNSELOR_KEYS],
        "client": [(k, _(CODES[k].name), report["client_counts"][k]) for k in CLIENT_KEYS],
        "globals_": [(_(GLOBAL_NAMES[k]), report["globals"][k]) for k in GLOBAL_KEYS],
        "transcript": transcript,
    }


def render_html(report: dict[str, Any], dialogue: Dialogue | None = None) -> str:
    """A self-contained HTML page a trainer can hand to a trainee."""
    return _template("report.html.j2").render(**_context(report, dialogue), h=1, idp="", fold=False)


def render_html_fragment(report: dict[str, Any], dialogue: Dialogue | None = None, *, heading_level: int = 4,
                         id_prefix: str = "miti-", fold_transcript: bool = True) -> str:
    """The same report as a piece of a larger page (a dashboard): one ``<div class="miti-report">``
    with its style scoped to it, no ``<html>``, ``<head>`` or ``<title>``.

    ``heading_level``: the level of its top heading (1-4; sections one below, tips two below), to
    fit the headings of the page around it. ``id_prefix``: put before every id, so that the ids
    cannot clash with the page's. ``fold_transcript``: the transcript sits in a ``<details>``
    element that opens on demand.
    """
    if not 1 <= heading_level <= 4:
        raise ValueError(f"heading_level must be 1-4, not {heading_level}")
    return _template("report_fragment.html.j2").render(**_context(report, dialogue), h=heading_level, idp=id_prefix, fold=fold_transcript)


def report_text(ref: str | Path, **ratings: int | None) -> str:
    """The text report for a library dialogue id or a file, e.g. ``report_text("er-alcohol-mi")``.

    Keyword arguments cct, sst, partnership and empathy override the dialogue's expert ratings.
    """
    from .library import get_dialogue

    dialogue = get_dialogue(ref)
    return render_text(build_report(dialogue, dialogue.globals.merged(**ratings)))


def render(report: dict[str, Any], fmt: str, dialogue: Dialogue | None = None) -> str:
    """Render in 'text', 'json' or 'html'."""
    if fmt == "json":
        return render_json(report)
    if fmt == "html":
        return render_html(report, dialogue)
    return render_text(report)
