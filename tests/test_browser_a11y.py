"""WCAG 2.2 AA in a real browser, beyond what axe sees: a skip link first on every page; a visible focus ring;
an accessible colour-scheme toggle; the 404 page; breadcrumbs; print. axe-core itself runs on every page
type, both languages, phone and desktop, light and dark, in tests/test_browser_every_page.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from browser import serve
from sites import REPO_URL, build_shared, make_fixture_hub

pytestmark = pytest.mark.browser


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


# --- the 404 page, as GitHub Pages serves it: at any missing address, at any depth --------------------------


@pytest.fixture(scope="module")
def site_without_site_url(shared_root: Path) -> Path:
    """The fixture site built as a contributor builds it locally: no SITE_URL (mkdocs.yml's default)."""
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | {"REPO_URL": REPO_URL, "NO_MKDOCS_2_WARNING": "1"}
    return build_shared(shared_root, "no-site-url", make_fixture_hub, env).site


@pytest.mark.parametrize("built", ["with SITE_URL", "without SITE_URL"])
def test_the_404_page_is_styled_bilingual_and_its_links_work_at_any_depth(
    browser: Browser, fixture_site, site_without_site_url: Path, built: str
) -> None:
    site = fixture_site.site if built == "with SITE_URL" else site_without_site_url
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    failed: list[str] = []
    page.on(
        "response",
        lambda r: (
            failed.append(f"{r.url} {r.status}") if r.status >= 400 and r.request.resource_type != "document" else None
        ),
    )
    with serve(site, "/hub/") as url:
        # "nope" says nothing of where the site's root is; without SITE_URL the 404 page learns it from a
        # page of the site seen earlier in the tab (a broken link followed from the site itself).
        for missing in ("practices/gone/", "en/practices/x/y/z", "", "nope"):
            response = page.goto(url + missing)
            if not missing:
                continue
            assert response and response.status == 404
            assert page.locator("section[lang=tr] h1").inner_text() == "Sayfa bulunamadı"
            assert page.locator("section[lang=en]").get_by_text("Page not found").is_visible()
            # Styled: Material's stylesheet and ours applied (the header is coloured, the skip link is off screen).
            assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
            assert page.evaluate("document.querySelector('.mpc-skip').getBoundingClientRect().bottom") <= 0
            assert page.locator("a", has_text="iyi uygulamalara göz atın").evaluate("a => a.href") == url + "practices/"
            assert page.locator("a", has_text="Go to the home page").evaluate("a => a.href") == url + "en/"
            switcher = {
                a.get_attribute("hreflang"): a.evaluate("a => a.href") for a in page.locator("a.md-select__link").all()
            }
            assert switcher == {"tr": url, "en": url + "en/"}
        page.locator("a", has_text="browse the good practices").click()
        page.wait_for_url(url + "en/practices/")
        assert page.locator("h1").inner_text() == "Good Practices"
    context.close()
    assert failed == []


# --- record pages: where they sit, and on paper -------------------------------------------------------------


def test_record_pages_have_breadcrumbs(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/practices/cagri-merkezi/")
    trail = page.get_by_role("navigation", name="You are here")
    assert [a.inner_text() for a in trail.get_by_role("link").all()] == ["Good Practices", "Istanbul"]
    assert trail.locator("[aria-current=page]").inner_text() == "Call Centre"
    trail.get_by_role("link", name="Istanbul").click()
    page.wait_for_url("**/en/provinces/istanbul/")


def test_a_practice_prints_as_a_handout_with_its_sources_written_out(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/cagri-merkezi/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".mpc-feedback", ".mpc-breadcrumbs"):
        assert not page.locator(chrome).first.is_visible(), chrome
    source = page.locator(".mpc-sources a[href^='https://example.org']").first
    written = source.evaluate("a => getComputedStyle(a, '::after').content")
    assert source.get_attribute("href") in written
