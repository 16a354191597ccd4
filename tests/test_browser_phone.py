"""Phones: at 320 px (the narrowest phones in use, and WCAG 1.4.10 reflow) and 360 px (the most common
Android width) no page scrolls sideways, whatever is open, in both languages."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from visitor_view import PAGE_TYPES

pytestmark = pytest.mark.browser

# Every page type of the visitor-view record, and the hand-written and generated pages it leaves out.
MORE_PAGES = ["provinces/", "contribute/fields/", "open-data/", "statistics/"]
PAGES = [prefix + url for url in [*PAGE_TYPES.values(), *MORE_PAGES] for prefix in ("", "en/")] + ["404.html"]

# Every element whose box reaches past the viewport's right edge (hidden menus included: they still widen
# the page), named so that a failure says what to fix.
WIDER_THAN_SCREEN = """() => {
  const width = document.documentElement.clientWidth, found = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 0.5) {
      const name = `${element.tagName.toLowerCase()}.${String(element.className).split(" ")[0]}`;
      found.push(`${name} → ${Math.round(box.right)}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, found: found.slice(0, 5)};
}"""


def overflow(page: Page) -> dict | None:
    measured = page.evaluate(WIDER_THAN_SCREEN)
    return measured if measured["scroll"] > measured["width"] else None


@pytest.mark.parametrize("width", [320, 360])
def test_no_page_scrolls_sideways(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    wide = {}
    for url in PAGES:
        page.goto(site_url + url)
        if found := overflow(page):
            wide[url] = found
        # Open menus must fit too: the language menu, and on the catalog the filters.
        page.locator(".md-select button").first.focus()
        if found := overflow(page):
            wide[url + " (language menu open)"] = found
    page.goto(site_url + "en/practices/?province=istanbul")
    page.get_by_role("button", name="Filters").click()
    if found := overflow(page):
        wide["en/practices/ (filters dialog open)"] = found
    context.close()
    assert wide == {}


@pytest.mark.parametrize("url", ["", "en/"])
def test_the_header_buttons_are_whole_on_a_phone(browser: Browser, site_url: str, url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + url)
    for selector in (".mpc-search-open", ".md-select button", "label.md-header__button:visible"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, selector
    search = page.locator(".mpc-home-search button")
    box = search.bounding_box()
    assert box and box["x"] + box["width"] <= 360
    assert search.evaluate("b => b.scrollWidth <= b.clientWidth")  # its word is not cut
    context.close()
