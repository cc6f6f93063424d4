"""A Danish and a Norwegian instructor: each picks their language at the top of a dashboard, in a
real headless Chromium, and the dashboard comes back in that language with their own dialogues."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
from playwright.sync_api import expect

from mi_widgets.engine.catalogue import catalogue

from .test_widgets_voila import ARTIFACTS, serious

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LOCALE = Path(__file__).resolve().parents[2] / "mi_widgets" / "locale"
PICKER = "Language · Sprog · Språk"


def tr(lang: str, message: str) -> str:
    """The catalogue's translation; the tests that catalogues are complete make sure there is one."""
    found = gettext.translation("mi_workbook", localedir=LOCALE, languages=[lang]).gettext(message)
    assert found != message, f"no {lang} translation for {message!r}"
    return found


def test_a_danish_instructor_presents_a_danish_dialogue(open_dashboard):
    page = open_dashboard("presenter.ipynb", "Presenter", 1280, 720)
    page.get_by_label(PICKER).select_option(label="Dansk")
    expect(page.get_by_role("heading", name=tr("da", "Presenter"), exact=True)).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name=tr("da", "Code along with the room"))).to_be_visible()
    picker = page.get_by_label(tr("da", "Dialogue to present"))
    expect(picker).to_be_visible()
    chosen = picker.locator("option:checked").inner_text().replace("\xa0", " ")
    danish = [e.title for e in catalogue().entries if e.language == "da"]
    assert len(danish) >= 3 and any(chosen.startswith(t) for t in danish), chosen  # a Danish dialogue first
    page.get_by_role("button", name=tr("da", "Next")).click()
    page.get_by_role("button", name=tr("da", "Reveal code")).click()
    said = tr("da", "The expert's code: {code}.").split("{code}")[0].strip()
    expect(page.locator(".miw-pr").get_by_text(said, exact=False).first).to_be_visible()
    assert "Code along with the room" not in page.inner_text("body")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-presenter-da.png"))
    assert serious(page) == []


def test_a_norwegian_instructor_browses_the_library_in_norwegian(open_dashboard):
    page = open_dashboard("library.ipynb", "Dialogue library", 1366, 768)
    page.get_by_label(PICKER).select_option(label="Norsk bokmål")
    expect(page.get_by_role("heading", name=tr("nb", "Dialogue library"), exact=True)).to_be_visible(timeout=30_000)
    count = gettext.translation("mi_workbook", localedir=LOCALE, languages=["nb"]).ngettext("{n} of {total} dialogue", "{n} of {total} dialogues", 24)
    expect(page.get_by_text(count.format(n=4, total=24)).first).to_be_visible()  # the Norwegian dialogues first
    page.get_by_label(tr("nb", "Dialogue to open")).select_option(index=0)
    card = page.get_by_role("region", name=tr("nb", "The chosen dialogue"))
    expect(card).to_be_visible()
    page.get_by_role("button", name=tr("nb", "Open as a coding exercise")).click()
    expect(page.get_by_role("button", name=tr("nb", "Check")).first).to_be_visible(timeout=30_000)
    body = page.inner_text("body")
    assert "Browse the dialogue library" not in body and "Open as a coding exercise" not in body
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-library-nb.png"))
    assert serious(page) == []


@pytest.mark.parametrize("page_name, heading, presenter_link", [
    ("00-start-her-dansk.ipynb", "Undervisernes instrumentbrætter: start her", "Præsentation"),
    ("00-start-her-norsk.ipynb", "Kursholdernes dashbord: start her", "Presentasjon"),
])
def test_the_danish_and_norwegian_start_pages_render_and_lead_to_the_dashboards(page, dashboards, page_name, heading, presenter_link):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(dashboards[0] + "voila/render/00-start-here.ipynb", timeout=120_000)
    page.get_by_role("link", name="Start her (dansk)" if "dansk" in page_name else "Start her (norsk)").click()
    page.get_by_role("heading", name=heading).wait_for(timeout=120_000)
    assert page.url.endswith(page_name)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{page_name.removesuffix('.ipynb')}.png"))
    assert serious(page) == []
    page.get_by_role("link", name=presenter_link, exact=True).first.click()
    page.get_by_role("heading", name="Presenter").first.wait_for(timeout=120_000)  # it opens; the language is picked there
    assert page.url.endswith("presenter.ipynb")
