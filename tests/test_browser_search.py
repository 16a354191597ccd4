"""Search in a real browser, on a site served under a sub-path as GitHub Pages does."""

from __future__ import annotations

import itertools
import json

import pytest
from playwright.sync_api import Page, expect

from hubs import REPO
from mpchub.content.project import Project
from mpchub.content.text import fold
from mpchub.render.strings import t
from mpchub.search.pagefind import bundle_dir
from mpchub.search.words import search_key
from mpchub_tools.relevance_command import SHOWN, search_box
from sites import BuiltSite

REGISTRY = Project(REPO).registry

pytestmark = pytest.mark.browser


def search(page: Page, query: str) -> list[str]:
    """Type into the header search and return the result paths, sorted, once results are rendered."""
    return sorted("/hub/" + path for path in search_box(page, query))


# Spellings of one word that must find the same pages: dotted and dotless I, Turkish letters typed without
# them, capitals, suffixes after an apostrophe (straight or curly) or without one.
SPELLINGS = [
    ["İstanbul", "istanbul", "ISTANBUL", "İSTANBUL"],
    ["göçmen", "gocmen", "GÖÇMEN"],
    ["Işık", "ışık", "isik", "IŞIK"],
    ["Çağrı", "cagri"],
    ["İstanbul'da", "istanbul", "istanbulda", "İSTANBULDAKİ", "istanbul’daki"],
    ["Kursu", "kurs", "kursları", "KURSLAR", "kurslari"],
]


def test_turkish_spellings_return_the_same_results(page: Page, site_url: str) -> None:
    """Every group typed in one tab, as a visitor retypes a word (one page load and one search engine)."""
    page.goto(site_url + "practices/cagri-merkezi/")
    differing = {}
    for group in SPELLINGS:
        results = [search(page, query) for query in group]
        if not results[0] or any(r != results[0] for r in results):
            differing[group[0]] = dict(zip(group, results, strict=True))
    assert differing == {}


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
    for language in ("tr", "en"):  # a bundle per language, each holding its language only
        entry = json.loads(
            (fixture_site.site / bundle_dir(REGISTRY.language(language)) / "pagefind-entry.json").read_text()
        )
        assert set(entry["languages"]) == {language}


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
    # the results of the whole word: a partial word's list, replaced under the arrow keys, resets the choice
    page.wait_for_function(SHOWN, arg="sentetik", polling=50)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = page.locator(".mpc-search__results a").nth(1)
    expect(second).to_have_class("mpc-search__result is-active")
    target = second.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + target)


def test_labels_in_the_page_language(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/about/")
    expect(page.locator(".mpc-search-open")).to_have_accessible_name("Search practices, municipalities, topics")
    page.goto(site_url + "about/")
    expect(page.locator(".mpc-search-open")).to_have_accessible_name("Uygulama, belediye, konu arayın")


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


def test_browser_keys_words_exactly_as_the_index_does(fixture_site: BuiltSite, page: Page, site_url: str) -> None:
    """mpc-text.js (generated) against mpchub.search.words in Chromium, on every word of the fixture pages."""
    text = " ".join(
        fixture_site.page(url).get_text(" ") for url in ("practices/cagri-merkezi/", "practices/dil-kursu/")
    )
    words = sorted({w for w in text.split() if w.isalpha()} | {"İstanbul'daki", "Küçükçekmece’deki", "IŞIKLARI"})
    page.goto(site_url + "about/")
    page.evaluate("() => window.mpcSearch.ready()")
    browser_side = page.evaluate("(ws) => ws.map(w => [window.mpcText.fold(w), window.mpcText.key(w)])", words)
    assert browser_side == [[fold(w), search_key(w)] for w in words]


def test_several_words_rank_full_matches_first_and_keep_partial_ones(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    results = page.evaluate("() => window.mpcSearch.query('istanbul dil kursu')")
    assert results[0]["url"] == "/hub/practices/dil-kursu/"  # İstanbul, and the title "Dil Kursu"
    assert results[0]["matched"] == results[0]["words"] == 3
    assert all(a["matched"] >= b["matched"] for a, b in itertools.pairwise(results))
    assert all(r["matched"] >= 2 for r in results)  # at least most of the words
    # a word that is nowhere does not empty the list: "dil kursu" still answers "dil kursu zzzq"
    found = search(page, "dil kursu zzzq")
    assert "/hub/practices/dil-kursu/" in found


def test_metadata_labels_find_records(page: Page, site_url: str) -> None:
    """'Öğrenimi' is only in the theme label "Türkçe ve Dil Öğrenimi" of the Dil Kursu record."""
    page.goto(site_url + "about/")
    assert "/hub/practices/dil-kursu/" in search(page, "öğrenimi")
    assert "/hub/practices/dil-kursu/" in search(page, "ogrenim")


def test_related_lists_are_not_indexed(fixture_site: BuiltSite, page: Page, site_url: str) -> None:
    """A record's related list names its neighbours; a search for a neighbour's title must not find it."""
    related = fixture_site.page("practices/ilgaz-kulubu/").select(".mpc-related a")
    assert related, "the fixture page should list related practices"
    neighbour = related[0].get_text()
    page.goto(site_url + "about/")
    word = max(neighbour.split(), key=len)
    found = search(page, word)
    assert "/hub/practices/ilgaz-kulubu/" not in found, (word, found)


def test_no_result_suggests_browse_pages_and_the_catalog(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    suggestions = page.evaluate("() => window.mpcSearch.suggest('dil')")
    assert {"label": "Türkçe ve Dil Öğrenimi", "kind": "themes", "url": "/hub/themes/language-learning/"} in suggestions
    assert search(page, "dil zzzq qqqq") == []  # only one word of three matches: too few
    box = page.locator(".mpc-search__suggestions")
    expect(box).to_be_visible()
    links = {a.inner_text(): a.get_attribute("href") for a in box.locator("a").all()}
    assert links["Tüm iyi uygulamalar (katalog)"] == "/hub/practices/"
    assert links.get("Türkçe ve Dil Öğrenimi") == "/hub/themes/language-learning/"
    page.goto(site_url + "en/about/")
    assert search(page, "language zzzq qqqq") == []
    english = page.locator(".mpc-search__suggestions a").all_inner_texts()
    assert "All good practices (catalogue)" in english and any("Language" in label for label in english)


def test_one_engine_for_every_box(page: Page, site_url: str) -> None:
    """The home page's box opens the header search with its query: the same results, the same order."""
    page.goto(site_url + "about/")
    header = ["/hub/" + path for path in search_box(page, "sentetik istanbul")]
    page.goto(site_url)
    home = page.locator("form.mpc-home-search")
    home.locator("input").fill("sentetik istanbul")
    home.locator("input").press("Enter")
    expect(page.locator(".mpc-search")).to_be_visible()
    page.wait_for_function(SHOWN, arg="sentetik istanbul")
    links = page.eval_on_selector_all(".mpc-search__results a", "links => links.map(a => a.getAttribute('href'))")
    assert [link.split("?highlight=")[0] for link in links] == header  # results mark the words on the page opened
    api = page.evaluate("() => window.mpcSearch.query('sentetik istanbul').then(r => r.map(x => x.url))")
    assert api == header
    page.goto(site_url + "about/?search=sentetik%20istanbul")
    page.wait_for_function(SHOWN, arg="sentetik istanbul")


def test_a_missing_index_is_said_not_spun(browser, site_url: str) -> None:
    # no service worker: its requests would not pass through the page's route (a broken deployment is the case)
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.route("**/pagefind/**", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + "about/")
    page.keyboard.press("/")
    page.keyboard.type("istanbul")
    expect(page.locator(".mpc-search__status")).to_have_text(t("tr", "search_failed"))
    context.close()
