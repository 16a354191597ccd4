"""Every control is named by its visible label (WCAG 2.5.3 Label in Name), checked with axe-core's
``label-content-name-mismatch`` rule. axe marks that rule "experimental" and leaves it out of a normal run,
so it is enabled by name: on every page, and the catalog with a filter and its filters dialog, with the
other rules (tests/browser.py AXE_ALL, tests/test_browser_every_page.py); here alone (``runOnly``) on the
states that show more controls: the catalog with a query, the language menu on a phone and the header
search open with results."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from browser import axe_run
from mpchub_tools.relevance_command import search_box

pytestmark = pytest.mark.browser

RULE = {"runOnly": {"type": "rule", "values": ["label-content-name-mismatch"]}, "resultTypes": ["violations", "passes"]}


def mismatches(page: Page) -> tuple[list[str], int]:
    """axe's violations of the rule on the page as it is now, and how many elements passed it."""
    results = axe_run(page, RULE)
    found = [
        f"{page.url}: {node['target']} {node.get('failureSummary', '')}"
        for violation in results["violations"]
        for node in violation["nodes"]
    ]
    passed = sum(len(rule["nodes"]) for rule in results["passes"])
    return found, passed


@pytest.mark.parametrize("width", [360, 1280])
def test_controls_shown_on_demand_are_named_by_their_visible_label(browser: Browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    checked = 0

    def check() -> None:
        nonlocal checked
        found, passed = mismatches(page)
        problems.extend(found)
        checked += passed

    for prefix in ("", "en/"):
        page.goto(site_url + prefix + "practices/?theme=education&q=sentetik")
        page.wait_for_function(
            "(q) => document.querySelector('[data-mpc-list]').getAttribute('data-query') === q", arg="sentetik"
        )
        check()
        if width < 960:
            page.locator(".md-select button").first.click()
            check()
            page.keyboard.press("Escape")
        search_box(page, "sentetik")
        check()
    context.close()
    assert not problems, "\n".join(problems)
    assert checked > 0, "the rule checked nothing: is it still enabled by runOnly?"


def test_the_header_search_button_is_named_by_its_words(page: Page, site_url: str) -> None:
    """At 1280 px the button shows 'Uygulama, belediye, konu arayın'; its name is those words, in each language
    (it was 'Ara' / 'Search', which a voice-control user saying what they see could not reach)."""
    for url, words in (
        ("about/", "Uygulama, belediye, konu arayın"),
        ("en/about/", "Search practices, municipalities, topics"),
    ):
        page.goto(site_url + url)
        opener = page.get_by_role("button", name=words, exact=True)
        assert opener.is_visible()
        assert opener.inner_text().strip().startswith(words)
