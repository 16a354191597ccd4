"""Every page type, in both languages, visited once per screen with every check that must hold on every page.

On the fixture site built as publish.yml builds it (SITE_URL and REPO_URL set) and served under a sub-path:

* desktop (1280 px) and phone (360 px, touch), light: axe-core finds no serious or critical violation (its
  WCAG 2.0-2.2 A and AA rules and best practices; issue "Phone-first and accessible");
* the same in dark, with axe's colour rules (the scheme changes colours and nothing else);
* no sideways scroll at 360 and 320 px, also with the language menu open;
* on the phone, no request to another host (KVKK: REPO_URL made Material ask the forge's API for stars) and
  none that fails, also once the header search has loaded Pagefind.

Each page is one test, so pytest-xdist spreads the pages over its workers and a failure names the page and
the check; each page is loaded once per screen, not once per check. axe-core comes from
axe-playwright-python (PyPI), which ships axe.min.js inside the wheel: nothing is fetched from a CDN.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from browser import AXE_ALL, AXE_COLOUR, RequestWatch, overflow, serious_violations
from visitor_view import PAGE_TYPES

pytestmark = pytest.mark.browser

# Every page type of the visitor-view record, and the hand-written and generated pages it leaves out.
MORE_PAGES = [
    "about/", "contribute/", "contribute/fields/", "open-data/", "provinces/", "statistics/", "sdgs/", "sdgs/10/",
    "target-groups/",
]  # fmt: skip
PAGES = [prefix + url for url in [*PAGE_TYPES.values(), *MORE_PAGES] for prefix in ("", "en/")] + ["404.html"]
PHONE = {"is_mobile": True, "has_touch": True}
SCREENS = [(1280, "light"), (1280, "dark"), (360, "light"), (360, "dark"), (320, "light")]
# In dark, and with every rule on a phone, the Turkish pages and the English home and practice pages: the
# languages share templates and styles, and the English words are checked by every rule on the desktop.
ENGLISH_EVERYWHERE = {"en/", "en/practices/cagri-merkezi/"}
SHOWN = "(q) => document.querySelector('.mpc-search__results')?.getAttribute('data-query') === q"
Screens = dict[tuple[int, str], Page]


@pytest.fixture(scope="session")
def screens(browser: Browser) -> Iterator[Screens]:
    """One tab per screen (width, colour scheme), reused from page to page as a visitor's is: a new browser
    context for every page and screen cost more than the checks."""
    opened: Screens = {}
    for width, scheme in SCREENS:
        extra = PHONE if width < 960 else {}
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme, **extra)
        opened[width, scheme] = context.new_page()
    yield opened
    for page in opened.values():
        page.context.close()


@pytest.fixture(scope="session")
def phone_requests(screens: Screens) -> RequestWatch:
    return RequestWatch(screens[360, "light"])


@pytest.mark.parametrize("url", PAGES)
def test_every_check_holds_on_every_page(
    screens: Screens, phone_requests: RequestWatch, site_url: str, url: str
) -> None:
    problems: dict[str, list[str]] = {}

    def note(check: str, found: list[str]) -> None:
        if found:
            problems[check] = found

    axe = Axe()
    everywhere = not url.startswith("en/") or url in ENGLISH_EVERYWHERE
    for width, scheme in ((1280, "light"), (1280, "dark"), (360, "dark")):
        if scheme == "light" or everywhere:
            page = screens[width, scheme]
            page.goto(site_url + url)
            rules = AXE_ALL if scheme == "light" else AXE_COLOUR
            note(f"axe, {width} px, {scheme}", serious_violations(axe, page, rules, url))

    page, watch = screens[360, "light"], phone_requests
    watch.foreign.clear()
    watch.failed.clear()
    page.goto(site_url + url, wait_until="networkidle")
    if everywhere:
        note("axe, 360 px, light", serious_violations(axe, page, AXE_ALL, url))
    note("sideways scroll, 360 px", overflow(page))
    page.locator(".md-select button").first.focus()  # menus must fit too
    note("sideways scroll, 360 px, language menu open", overflow(page))
    # What a visitor does first on a page loads what is loaded on demand (the header search's Pagefind).
    page.keyboard.press("Escape")
    page.keyboard.press("/")
    page.keyboard.type("göç")
    page.wait_for_function(SHOWN, arg="göç", polling=50)
    page.wait_for_load_state("networkidle")
    note("requests to another host", watch.foreign)
    note("requests that failed", watch.failed)

    page = screens[320, "light"]
    page.goto(site_url + url)
    note("sideways scroll, 320 px", overflow(page))
    page.locator(".md-select button").first.focus()
    note("sideways scroll, 320 px, language menu open", overflow(page))
    assert problems == {}


CATALOGS = [("practices/?theme=education", "Filtreler"), ("en/practices/?province=istanbul", "Filters")]


@pytest.mark.parametrize(("width", "scheme"), SCREENS)
def test_the_catalog_with_a_filter_chosen(screens: Screens, site_url: str, width: int, scheme: str) -> None:
    """Chips, counts and the clear button are shown then; on a phone, also with the filters dialog open."""
    rules = AXE_ALL if scheme == "light" else AXE_COLOUR
    problems: dict[str, list[str]] = {}
    axe = Axe()
    page = screens[width, scheme]
    for url, button in CATALOGS:
        page.goto(site_url + url)
        problems[url] = serious_violations(axe, page, rules)
        if width < 960:
            page.get_by_role("button", name=button).click()
            problems[url + " (filters dialog)"] = serious_violations(axe, page, rules) + overflow(page)
    assert {where: found for where, found in problems.items() if found} == {}
