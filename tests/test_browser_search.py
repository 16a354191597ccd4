"""Search in a real browser, on a site served under a sub-path as GitHub Pages does."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from sites import BuiltSite

pytestmark = pytest.mark.browser


DONE = re.compile(r"^(\d+ (sonuç|results)|Sonuç bulunamadı|No results)$")


def search(page: Page, query: str) -> list[str]:
    """Type into the header search and return the result paths, once results are rendered."""
    field = page.locator(".mpc-search__input")
    if not field.is_visible():
        page.locator(".mpc-search-open").click()
    field.fill("")
    field.type(query)
    status = page.locator(".mpc-search__status")
    expect(status).to_have_text(DONE)
    expect(status).to_have_text(DONE)  # a later keystroke may restart the search: wait for the last one
    found = status.inner_text()
    if not found[0].isdigit():
        return []
    expect(page.locator(".mpc-search__results li")).to_have_count(min(int(found.split()[0]), 10))
    return sorted(a.get_attribute("href") for a in page.locator(".mpc-search__results a").all())


@pytest.mark.parametrize(
    "group",
    [
        ["İstanbul", "istanbul", "ISTANBUL", "İSTANBUL"],
        ["göçmen", "gocmen", "GÖÇMEN"],
        ["Işık", "ışık", "isik", "IŞIK"],
        ["Çağrı", "cagri"],
        ["İstanbul'da", "istanbul"],
    ],
)
def test_turkish_spellings_return_the_same_results(page: Page, site_url: str, group: list[str]) -> None:
    page.goto(site_url + "practices/cagri-merkezi/")
    results = [search(page, query) for query in group]
    assert results[0], f"{group[0]} found nothing"
    assert all(r == results[0] for r in results), dict(zip(group, results, strict=True))


def test_plural_finds_singular(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    found = search(page, "belediyeler")
    assert "/hub/practices/cagri-merkezi/" in found  # the page says only "Belediye ekipleri"


def test_english_stemming(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/about/")
    assert "/hub/en/practices/cagri-merkezi/" in search(page, "refugees")  # the page says "refugee women"


def test_results_are_in_the_page_language_and_highlighted(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/about/")
    found = search(page, "synthetic")
    assert found and all(url.startswith("/hub/en/") for url in found)
    assert page.locator(".mpc-search__excerpt mark").first.is_visible()
    page.goto(site_url + "about/")
    assert all(not url.startswith("/hub/en/") for url in search(page, "sentetik"))


def test_english_index_has_no_turkish_only_page(fixture_site: BuiltSite, page: Page, site_url: str) -> None:
    page.goto(site_url + "en/about/")
    assert "/hub/en/practices/dil-kursu/" not in search(page, "synthetic")
    assert "/hub/en/practices/dil-kursu/" not in search(page, "kursu")
    entry = json.loads((fixture_site.site / "pagefind" / "pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"tr", "en"}


def test_no_page_appears_twice(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    found = search(page, "sentetik")
    assert len(found) == len(set(found)) >= 5


def test_two_facets_narrow_results_with_counts(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    everything = search(page, "sentetik")
    assert page.locator(".mpc-search__facets").is_hidden()  # facet indexes load only on request
    page.locator(".mpc-search__filter").click()
    page.locator(".mpc-search__facet[data-facet=theme] summary").click()
    theme = page.locator(".mpc-search__facet[data-facet=theme] label", has_text="Eğitim")
    assert theme.locator(".mpc-count").inner_text() == "4"
    theme.locator("input").check()
    expect(page.locator(".mpc-search__status")).to_have_text("4 sonuç")
    page.locator(".mpc-search__facet[data-facet=province] summary").click()
    labels = page.locator(".mpc-search__facet[data-facet=province] label").all_inner_texts()
    assert [" ".join(label.split()) for label in labels] == ["Bursa 1", "İstanbul 2", "Kocaeli 1"]  # Turkish order
    province = page.locator(".mpc-search__facet[data-facet=province] label", has_text="İstanbul")
    province.locator("input").check()
    expect(page.locator(".mpc-search__status")).to_have_text("2 sonuç")
    assert len(everything) > 4


def test_keyboard_shortcuts_and_result_navigation(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    page.keyboard.press("/")
    expect(page.locator(".mpc-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator(".mpc-search")).to_be_hidden()
    page.keyboard.press("s")
    expect(page.locator(".mpc-search__input")).to_be_focused()
    page.keyboard.type("sentetik")
    expect(page.locator(".mpc-search__results li").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator(".mpc-search__results a").nth(1)
    expect(second).to_have_class("mpc-search__result is-active")
    target = second.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)


def test_labels_in_the_page_language(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/about/")
    assert page.locator(".mpc-search-open").get_attribute("aria-label") == "Search"
    page.goto(site_url + "about/")
    assert page.locator(".mpc-search-open").get_attribute("aria-label") == "Ara"


def test_hostile_title_in_results_is_text(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + "about/")
    search(page, "onerror")
    titles = page.locator(".mpc-search__title").all_inner_texts()
    assert "<img src=x onerror=alert(1)>" in titles
    assert dialogs == []


def test_tab_stays_inside_the_open_dialog(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    page.keyboard.press("/")
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.mpc-search') !== null")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.closest('.mpc-search') !== null")


def test_excerpts_show_the_pages_own_words(page: Page, site_url: str) -> None:
    """'ışık' only meets the hidden folded copy ('isik'); the excerpt still shows and marks 'Işık'."""
    page.goto(site_url + "practices/cagri-merkezi/")
    for query in ("ışık", "Işık", "isik"):
        search(page, query)
        excerpt = page.locator(".mpc-search__excerpt").first
        assert excerpt.locator("mark").first.inner_text() == "Işık", query
        assert "\u2042" not in excerpt.inner_text() and "isik istanbul" not in excerpt.inner_text()
