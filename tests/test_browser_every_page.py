"""Every page type, in both languages, visited once per screen with every check that must hold on every page.

On the fixture site built as publish.yml builds it (SITE_URL and REPO_URL set) and served under a sub-path:

* desktop (1280 px) and phone (360 px, touch), light: axe-core finds no serious or critical violation (its
  WCAG 2.0-2.2 A and AA rules, its best practices and Label in Name; issue "Phone-first and accessible");
* the same in dark, with axe's colour rules (the scheme changes colours and nothing else: the page switches
  as it does when the system's setting changes, without loading again): on the phone for every page, on the
  desktop for the pages that show what only the desktop shows (tabs, both sidebars, the catalog's facets);
* no sideways scroll at 360 and 320 px (the phone's screen narrowed), also with the language menu open;
* on the desktop, no Content-Security-Policy violation and no payload run (tests/test_security_browser.py's
  watch: it covers the pages the hostile records do not change);
* on the phone, no request to another host (KVKK: REPO_URL made Material ask the forge's API for stars) and
  none that fails, also once the header search has loaded Pagefind;
* on the phone, nothing the keyboard reaches is out of sight (the closed menu drawer's links took 14 Tab
  presses off screen: WCAG 2.4.7, 2.4.11).

Each page is one test, so pytest-xdist spreads the pages over its workers and a failure names the page and
the check; each page is loaded twice (desktop and phone), not once per check: the suite is CPU-bound on two
cores, and Chromium's page loads and axe's runs are most of it. axe-core comes from
axe-playwright-python (PyPI), which ships axe.min.js inside the wheel: nothing is fetched from a CDN.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from browser import AXE_ALL, AXE_COLOUR, WATCH, RequestWatch, off_screen_focus, overflow, serious_violations
from mpchub_tools.relevance_command import SHOWN
from visitor_view import PAGE_TYPES

pytestmark = pytest.mark.browser

# Every page type of the visitor-view record, and the hand-written and generated pages it leaves out.
MORE_PAGES = [
    "about/", "contribute/", "contribute/fields/", "open-data/", "provinces/", "statistics/", "sdgs/", "sdgs/10/",
    "target-groups/", "offline/",
]  # fmt: skip
PAGES = [prefix + url for url in [*PAGE_TYPES.values(), *MORE_PAGES] for prefix in ("", "en/")] + ["404.html"]
PHONE = {"is_mobile": True, "has_touch": True}
# In dark, and with every rule on a phone, the Turkish pages and the English home and practice pages: the
# languages share templates and styles, and the English words are checked by every rule on the desktop.
ENGLISH_EVERYWHERE = {"en/", "en/practices/cagri-merkezi/"}
# In dark on the desktop: what the desktop shows and the phone does not (the tabs, the navigation and contents
# sidebars, the catalog's facet column) is the same on every page, so these pages show all of it.
DESKTOP_DARK = {"", "en/", "practices/", "practices/cagri-merkezi/", "about/"}
# The field reference (25 long tables, 8-10 s an axe run even on their first rows) on the desktop in light.
DESKTOP_ONLY = {"contribute/fields/", "en/contribute/fields/"}
# The header search loads the same files from every page, addressed from the site's root: what can differ is
# the page's depth and language, so it is typed on a page of each depth in each language, and on the 404 page.
SEARCHED = {
    "",
    "en/",
    "practices/",
    "en/practices/",
    "practices/cagri-merkezi/",
    "en/practices/cagri-merkezi/",
    "404.html",
}
SCHEME = """(s) => document.body.getAttribute('data-md-color-scheme') === s
  && !document.body.hasAttribute('data-md-color-switching')"""


@pytest.fixture(scope="session")
def desktop(browser: Browser) -> Iterator[Page]:
    """One tab on a desktop, reused from page to page as a visitor's is."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    context.add_init_script(WATCH)  # Content-Security-Policy violations, and any payload that runs
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def phone(browser: Browser) -> Iterator[tuple[Page, RequestWatch]]:
    """One tab on a touch phone, with every request it makes watched."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, color_scheme="light", **PHONE)
    page = context.new_page()
    yield page, RequestWatch(page)
    context.close()


def colours_in_dark(page: Page, url: str) -> list[str]:
    """axe's colour rules with the system set to dark (Material's palette follows it), then back to light."""
    page.emulate_media(color_scheme="dark")
    page.wait_for_function(SCHEME, arg="slate", polling=50)
    found = serious_violations(page, AXE_COLOUR, url)
    page.emulate_media(color_scheme="light")
    page.wait_for_function(SCHEME, arg="default", polling=50)
    return found


def sideways(page: Page) -> list[str]:
    """What scrolls sideways, as the page is and with the language menu open (menus must fit too)."""
    found = overflow(page)
    page.locator(".md-select button").first.focus()
    found += [f"language menu open: {line}" for line in overflow(page)]
    page.keyboard.press("Escape")
    return found


@pytest.mark.parametrize("url", PAGES)
def test_every_check_holds_on_every_page(
    desktop: Page, phone: tuple[Page, RequestWatch], site_url: str, url: str
) -> None:
    problems: dict[str, list[str]] = {}

    def note(check: str, found: list[str]) -> None:
        if found:
            problems[check] = found

    everywhere = (not url.startswith("en/") or url in ENGLISH_EVERYWHERE) and url not in DESKTOP_ONLY
    desktop.goto(site_url + url)
    note("Content-Security-Policy", desktop.evaluate("window.__violations.concat(window.__ran)"))
    note("axe, 1280 px, light", serious_violations(desktop, AXE_ALL, url))
    if url in DESKTOP_DARK:
        note("axe, 1280 px, dark", colours_in_dark(desktop, url))

    page, watch = phone
    watch.foreign.clear()
    watch.failed.clear()
    page.goto(site_url + url, wait_until="networkidle")
    if everywhere:
        note("axe, 360 px, light", serious_violations(page, AXE_ALL, url))
        note("axe, 360 px, dark", colours_in_dark(page, url))
    note("focus out of sight, 360 px", off_screen_focus(page))
    note("sideways scroll, 360 px", sideways(page))
    page.set_viewport_size({"width": 320, "height": 800})
    note("sideways scroll, 320 px", sideways(page))
    page.set_viewport_size({"width": 360, "height": 800})
    if url in SEARCHED:  # what a visitor does first loads what is loaded on demand (Pagefind)
        page.keyboard.press("/")
        page.keyboard.type("göç")
        page.wait_for_function(SHOWN, arg="göç", polling=50)
    page.wait_for_load_state("networkidle")
    note("requests to another host", watch.foreign)
    note("requests that failed", watch.failed)
    assert problems == {}


CATALOGS = [("practices/?theme=education", "Filtreler"), ("en/practices/?province=istanbul", "Filters")]


@pytest.mark.parametrize("width", [1280, 360, 320])
def test_the_catalog_with_a_filter_chosen(browser: Browser, site_url: str, width: int) -> None:
    """Chips, counts and the clear button are shown then; on a phone, also with the filters dialog open."""
    extra = PHONE if width < 960 else {}
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme="light", **extra)
    page = context.new_page()
    problems: dict[str, list[str]] = {}
    for url, button in CATALOGS:
        page.goto(site_url + url)
        problems[url] = serious_violations(page, AXE_ALL) + colours_in_dark(page, url)
        if width < 960:
            page.get_by_role("button", name=button).click()
            found = serious_violations(page, AXE_ALL) + colours_in_dark(page, url) + overflow(page)
            problems[url + " (filters dialog)"] = found
    context.close()
    assert {where: found for where, found in problems.items() if found} == {}
