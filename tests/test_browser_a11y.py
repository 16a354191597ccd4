"""WCAG 2.2 AA in a real browser: axe-core on every page type, both languages, phone and desktop widths,
light and dark; a skip link first on every page; a visible focus ring; an accessible colour-scheme toggle.

axe-core comes from axe-playwright-python (PyPI), which ships axe.min.js inside the wheel: nothing is
fetched from a CDN at run time. Only serious and critical violations fail, as the issue asks; the others
are printed so they are seen.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from visitor_view import PAGE_TYPES

pytestmark = pytest.mark.browser

PAGES = [prefix + url for url in PAGE_TYPES.values() for prefix in ("", "en/")] + ["404.html"]
# axe's WCAG 2.0-2.2 A and AA rules plus its best practices (region, landmarks, headings).
AXE_OPTIONS = {"resultTypes": ["violations"]}


def serious_violations(axe: Axe, page: Page) -> list[str]:
    results = axe.run(page, options=AXE_OPTIONS).response
    found = []
    for violation in results["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        line = f"{violation['id']} ({violation['impact']}): {targets}"
        if violation["impact"] in ("serious", "critical"):
            found.append(line)
        else:
            print("minor:", page.url, line)
    return found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_nothing_serious(browser: Browser, site_url: str, width: int, scheme: str) -> None:
    axe = Axe()
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    for url in PAGES:
        page.goto(site_url + url)
        found = serious_violations(axe, page)
        if found:
            problems[url] = found
    # The catalog with a filter chosen (chips, counts and the clear button are shown then).
    page.goto(site_url + "practices/?theme=education")
    if found := serious_violations(axe, page):
        problems["practices/?theme=education"] = found
    if width < 960:  # on a phone, with the filters dialog open
        page.get_by_role("button", name="Filtreler").click()
        if found := serious_violations(axe, page):
            problems["practices/?theme=education (filters dialog)"] = found
    context.close()
    assert problems == {}


def test_the_first_tab_reaches_a_skip_link_that_leads_to_the_content(page: Page, site_url: str) -> None:
    for url, name in (("practices/cagri-merkezi/", "Ana içeriğe geç"), ("en/themes/education/", "Skip to content")):
        page.goto(site_url + url)
        page.keyboard.press("Tab")
        focused = page.evaluate("[document.activeElement.textContent.trim(), document.activeElement.className]")
        assert focused == [name, "mpc-skip focus-visible"] or focused[0] == name
        assert page.locator(".mpc-skip").bounding_box()["y"] >= 0  # shown when focused
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        # The next stop is inside the article, past the header, the tabs and the navigation.
        assert page.evaluate("!!document.activeElement.closest('article')"), url


def test_every_control_shows_where_the_focus_is(page: Page, site_url: str) -> None:
    """A focus indicator on the controls Material leaves bare: filter checkboxes, fields, the toggle."""
    page.goto(site_url + "practices/")
    for selector in ("fieldset[data-facet=province] input[value=istanbul]", "input[name=q]", "select[name=sort]"):
        page.locator(selector).focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", ""), selector


def test_the_colour_scheme_toggle_is_named_and_works_by_keyboard(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme="light")
    page = context.new_page()
    page.goto(site_url + "en/")
    names = [i.get_attribute("aria-label") for i in page.locator("input.md-option").all()]
    assert names == ["Switch to light mode", "Switch to dark mode", "Switch to the system's colour setting"]
    assert page.locator("[aria-hidden=true] input, input[aria-hidden=true]").count() == 0
    page.locator("#__palette_0").focus()
    page.keyboard.press("Enter")  # system → light
    page.keyboard.press("Enter")  # light → dark
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == names[2]  # says what comes next
    context.close()
