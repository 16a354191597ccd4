"""Phones: the header's buttons are whole at 360 px (the most common Android width).

That no page scrolls sideways at 320 px (the narrowest phones in use, and WCAG 1.4.10 reflow) and 360 px,
whatever is open, in both languages, is checked on every page by tests/test_browser_every_page.py."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


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
