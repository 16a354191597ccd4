"""The catalog in a real browser: filters combine, the URL carries them, a reload restores them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page

from hubs import REPO
from mpchub.content.project import Project
from mpchub.search.pagefind import bundle_dir
from mpchub_tools.relevance_command import search_box
from sites import TURKISH_ORDER

REGISTRY = Project(REPO).registry

pytestmark = pytest.mark.browser


def visible_titles(page: Page) -> list[str]:
    return page.locator("li.mpc-card:not([hidden]) .mpc-card__title").all_inner_texts()


def test_theme_and_province_show_exactly_the_matching_cards(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/")
    assert len(visible_titles(page)) == 6
    theme = page.locator("fieldset[data-facet=theme]")
    theme.get_by_role("checkbox", name="Türkçe ve Dil Öğrenimi").check()
    assert sorted(visible_titles(page)) == ["Dil Kursu"]
    theme.get_by_role("checkbox", name="Türkçe ve Dil Öğrenimi").uncheck()
    theme.locator("input[value=education]").check()
    page.locator("fieldset[data-facet=province] input[value=istanbul]").check()
    assert sorted(visible_titles(page)) == ["Dil Kursu", "Çağrı Merkezi"]
    query = parse_qs(urlparse(page.url).query)
    assert query == {"theme": ["education"], "province": ["istanbul"]}
    assert page.locator("[data-mpc-status]").inner_text() == "2 uygulama gösteriliyor"
    bursa = page.locator("fieldset[data-facet=province] label", has=page.locator("input[value=bursa]"))
    assert bursa.locator("[data-count]").inner_text() == "1"  # education practices in Bursa


def test_reloading_the_url_restores_the_filter(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/?theme=education&province=istanbul")
    assert sorted(visible_titles(page)) == ["Dil Kursu", "Çağrı Merkezi"]
    assert page.locator("fieldset[data-facet=theme] input[value=education]").is_checked()
    page.reload()
    assert sorted(visible_titles(page)) == ["Dil Kursu", "Çağrı Merkezi"]
    assert page.locator("fieldset[data-facet=province] input[value=istanbul]").is_checked()


def test_filters_work_by_keyboard(page: Page, site_url: str) -> None:
    page.goto(site_url + "en/practices/")
    box = page.locator("fieldset[data-facet=province] input[value=bursa]")
    box.focus()
    page.keyboard.press("Space")
    assert sorted(visible_titles(page)) == ["Ilgaz Club", "Mosque Garden Meetings"]
    assert parse_qs(urlparse(page.url).query) == {"province": ["bursa"]}


def test_sort_by_title_uses_turkish_order(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/?sort=title")
    assert visible_titles(page) == TURKISH_ORDER


LISTED = "(q) => document.querySelector('[data-mpc-list]').getAttribute('data-query') === q"


def catalog_search(page: Page, query: str) -> list[str]:
    """Type into the catalog's text field; the absolute addresses of the cards shown, in their order."""
    page.locator("input[name=q]").fill(query)
    page.wait_for_function(LISTED, arg=query.strip())
    return page.eval_on_selector_all("li.mpc-card:not([hidden]) a.mpc-card__title", "links => links.map(a => a.href)")


def header_search(page: Page, query: str) -> list[str]:
    """The header search's results for ``query``, every page of them, as absolute addresses in their order."""
    search_box(page, query)
    more = page.locator(".mpc-search__more")
    while more.is_visible():
        count = page.locator(".mpc-search__results a").count()
        more.click()
        page.wait_for_function("(n) => document.querySelectorAll('.mpc-search__results a').length > n", arg=count)
    # the header's results carry the words searched (?highlight=), for the page they open
    links = page.eval_on_selector_all(
        ".mpc-search__results a", "links => links.map(a => a.href.split('?highlight=')[0])"
    )
    page.keyboard.press("Escape")
    return links


@pytest.mark.parametrize(
    "query",
    [
        "İSTANBULDAKİ",  # a suffix without apostrophe: no card's title or summary has the word
        "istanbuldaki kurslari",  # two words, no Turkish letters, both suffixed
        "ogrenimi",  # only in the theme label "Türkçe ve Dil Öğrenimi" (metadata)
        "şişli",  # a district and a municipality's name
        "sentetik istanbul",  # every record matches one word, two match both: rank decides the order
        "CAGRI",
    ],
)
def test_the_catalog_field_finds_what_the_header_search_finds(page: Page, site_url: str, query: str) -> None:
    """One engine: the same records, in the same order, in the header search and the catalog's field."""
    page.goto(site_url + "practices/")
    catalog = site_url.split("/hub/")[0] + "/hub/practices/"
    header = [url for url in header_search(page, query) if url.startswith(catalog) and url != catalog]
    assert header, f"the header search found no practice for {query!r}"
    assert catalog_search(page, query) == header
    assert parse_qs(urlparse(page.url).query) == {"q": [query]}
    count = len(header)
    assert page.locator("[data-mpc-status]").inner_text() == (
        f"{count} uygulama gösteriliyor" if count > 1 else "1 uygulama gösteriliyor"
    )


# The addresses of a query's results, from their fragments and from the build's address list (the path a
# broad query at thousands of records takes), as the catalog asks for them.
BOTH_WAYS = """async (q) => {
  const ranked = await window.mpcSearch.rank(q);
  return [await window.mpcSearch.addresses(ranked.hits, Infinity), await window.mpcSearch.addresses(ranked.hits, 0)];
}"""


@pytest.mark.parametrize(("url", "query"), [("practices/", "belediye"), ("en/practices/", "municipality")])
def test_a_broad_query_finds_addresses_in_one_list(page: Page, site_url: str, url: str, query: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + url)
    page.wait_for_function("() => window.mpcSearch")
    from_fragments, from_list = page.evaluate(BOTH_WAYS, query)
    assert len(from_fragments) > 5 and from_list == from_fragments
    language = "en" if url.startswith("en/") else "tr"
    assert (
        sum(
            r.endswith(f"/hub/{bundle_dir(REGISTRY.language(language))}/mpc-addresses.{language}.json")
            for r in requested
        )
        == 1
    )


def test_the_address_lists_hold_every_indexed_page(fixture_site) -> None:
    import gzip
    import json

    for language in ("tr", "en"):
        index = fixture_site.site / bundle_dir(REGISTRY.language(language))  # one bundle per language
        assert sorted(p.name for p in index.glob("mpc-addresses.*.json")) == [f"mpc-addresses.{language}.json"]
        listed = json.loads((index / f"mpc-addresses.{language}.json").read_text(encoding="utf-8"))
        fragments = sorted(index.glob(f"fragment/{language}_*.pf_fragment"))
        assert sorted(listed) == [f.stem for f in fragments]
        for fragment in fragments:
            url = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
            assert listed[fragment.stem] == url.lstrip("/") and (fixture_site.site / listed[fragment.stem]).is_dir()


def test_text_and_facets_combine_and_back_undoes_them(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/?q=sentetik+istanbul")
    page.wait_for_function(LISTED, arg="sentetik istanbul")
    ranked = visible_titles(page)
    assert ranked[:2] == ["Dil Kursu", "Çağrı Merkezi"] and len(ranked) == 6  # both words first, by the engine
    page.locator("fieldset[data-facet=theme] input[value=education]").check()
    page.wait_for_function(LISTED, arg="sentetik istanbul")
    education = set(page.locator("li.mpc-card[data-f-theme~=education] .mpc-card__title").all_inner_texts())
    assert len(education) == 4
    assert visible_titles(page) == [t for t in ranked if t in education]  # the engine's order, narrowed
    assert page.locator("[data-mpc-chips] button").all_inner_texts() == ["“sentetik istanbul”", "Eğitim"]
    page.get_by_role("button", name="“sentetik istanbul”: filtreyi kaldır").click()
    page.wait_for_function(LISTED, arg="")
    assert parse_qs(urlparse(page.url).query) == {"theme": ["education"]}
    assert len(visible_titles(page)) == 4
    page.go_back()
    page.wait_for_function(LISTED, arg="sentetik istanbul")
    assert page.locator("input[name=q]").input_value() == "sentetik istanbul"
    assert len(visible_titles(page)) == 4
    page.go_back()
    page.wait_for_function(LISTED, arg="sentetik istanbul")
    assert visible_titles(page) == ranked


def test_a_query_without_results_suggests_browse_pages(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/")
    assert catalog_search(page, "dil zzzq qqqq") == []
    assert page.locator("[data-mpc-status]").inner_text() == "Bu filtrelere uyan kayıt yok."
    help_ = page.locator("[data-mpc-help]")
    help_.get_by_role("link", name="Türkçe ve Dil Öğrenimi").wait_for()
    assert help_.get_by_role("link", name="Türkçe ve Dil Öğrenimi").get_attribute("href") == (
        "/hub/themes/language-learning/"
    )
    catalog_search(page, "dil")
    assert help_.is_hidden()


def test_without_the_search_engine_the_facets_still_work(page: Page, site_url: str) -> None:
    page.route("**/pagefind/**", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(site_url + "practices/?q=istanbul&province=bursa")
    page.wait_for_function(LISTED, arg="istanbul")
    assert sorted(visible_titles(page)) == ["Cami Bahçesi Buluşmaları", "Ilgaz Kulübü"]
    assert page.locator("[data-mpc-search-note]").is_visible()
    page.locator("fieldset[data-facet=province] input[value=bursa]").uncheck()
    assert len(visible_titles(page)) == 6


def test_the_build_writes_the_default_order_and_counts(page: Page, site_url: str) -> None:
    """With nothing in the URL the script leaves the list as built (no work at load): that must be what
    the filters would show with nothing chosen."""
    page.goto(site_url + "practices/")
    built = visible_titles(page)
    counts = page.locator("[data-count]").all_inner_texts()
    box = page.locator("fieldset[data-facet=province] input[value=bursa]")
    box.check()
    box.uncheck()
    assert visible_titles(page) == built
    assert page.locator("[data-count]").all_inner_texts() == counts


def test_without_javascript_the_full_list_shows(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "practices/?theme=education")
    assert page.locator("li.mpc-card").count() == 6
    assert page.locator("li.mpc-card").first.is_visible()
    assert not page.locator("form[data-mpc-facets]").is_visible()
    context.close()


def test_no_script_from_the_hostile_title_runs(page: Page, site_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in ("practices/", "practices/xss-deneme/", "en/practices/xss-deneme/", "themes/education/"):
        page.goto(site_url + url)
        page.mouse.move(10, 10)
    assert dialogs == []


# --- phone first: the filters dialog, chips, the count in view ---------------------------------------------


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def in_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return bool(box) and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


def test_on_a_phone_the_filters_open_as_a_dialog_and_show_the_results(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "practices/")
    opener = phone.get_by_role("button", name="Filtreler")
    assert opener.is_visible() and not phone.locator("#mpc-filters").is_visible()
    opener.click()
    dialog = phone.get_by_role("dialog", name="Filtreler")
    assert dialog.is_visible() and dialog.get_attribute("aria-modal") == "true"
    assert phone.evaluate("document.querySelector('.md-header').inert")  # the page behind cannot be reached
    dialog.get_by_role("checkbox", name="İstanbul").check()
    show = dialog.get_by_role("button", name="2 uygulamayı göster")
    assert in_viewport(phone, "[data-mpc-apply]")  # sticky at the bottom of the full-height panel
    assert dialog.bounding_box()["height"] == 740
    show.click()
    assert not dialog.is_visible()
    assert phone.evaluate("document.activeElement.id") == "mpc-results"
    assert phone.locator("[data-mpc-status]").inner_text() == "2 uygulama gösteriliyor"
    assert opener.inner_text() == "Filtreler (1)"
    assert sorted(visible_titles(phone)) == ["Dil Kursu", "Çağrı Merkezi"]
    # The count stays in view while the results scroll.
    phone.mouse.wheel(0, 600)
    phone.wait_for_function("() => window.scrollY > 0")
    assert in_viewport(phone, "[data-mpc-status]")


def test_escape_closes_the_dialog_and_returns_to_the_button(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "en/practices/")
    phone.get_by_role("button", name="Filters").click()
    phone.keyboard.press("Escape")
    assert not phone.locator("#mpc-filters").is_visible()
    assert phone.evaluate("document.activeElement.hasAttribute('data-mpc-open')")
    assert not phone.evaluate("document.querySelector('.md-header').inert")


def test_chosen_filters_are_chips_that_remove_them(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/?theme=education&province=istanbul")
    chips = page.locator("[data-mpc-chips] button")
    assert chips.all_inner_texts() == ["Eğitim", "İstanbul"]
    page.get_by_role("button", name="İstanbul: filtreyi kaldır").click()
    assert parse_qs(urlparse(page.url).query) == {"theme": ["education"]}
    assert len(visible_titles(page)) == 4
    assert page.get_by_role("button", name="Eğitim: filtreyi kaldır").is_visible()


def test_values_with_no_result_go_last(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/?province=istanbul")
    groups = page.locator("fieldset[data-facet=group] label")
    zero = [label.is_visible() and "mpc-zero" in (label.get_attribute("class") or "") for label in groups.all()]
    assert zero == sorted(zero) and any(zero)  # every empty value after every non-empty one


def test_back_undoes_a_filter_instead_of_leaving(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/")
    page.locator("fieldset[data-facet=province] input[value=istanbul]").check()
    page.locator("fieldset[data-facet=theme] input[value=language-learning]").check()
    assert visible_titles(page) == ["Dil Kursu"]
    page.go_back()
    assert parse_qs(urlparse(page.url).query) == {"province": ["istanbul"]}
    assert sorted(visible_titles(page)) == ["Dil Kursu", "Çağrı Merkezi"]
    assert not page.locator("fieldset[data-facet=theme] input[value=language-learning]").is_checked()


def test_the_language_switch_keeps_the_filters(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/?theme=education&province=istanbul#top")
    english = page.locator("a.md-select__link[hreflang=en]")
    assert english.get_attribute("href").endswith("en/practices/?theme=education&province=istanbul#top")
    page.locator("fieldset[data-facet=province] input[value=istanbul]").uncheck()
    assert english.get_attribute("href").endswith("en/practices/?theme=education#top")


def test_browse_pages_link_into_the_catalog_with_a_second_filter(page: Page, site_url: str) -> None:
    page.goto(site_url + "themes/language-learning/")
    page.get_by_role("navigation", name="İllere göre").get_by_role("link", name="İstanbul").click()
    page.wait_for_url("**#mpc-results")
    assert parse_qs(urlparse(page.url).query) == {"theme": ["language-learning"], "province": ["istanbul"]}
    assert visible_titles(page) == ["Dil Kursu"]
    page.goto(site_url + "en/provinces/istanbul/")
    page.get_by_role("navigation", name="By theme").get_by_role("link", name="Education").click()
    page.wait_for_url("**#mpc-results")
    assert parse_qs(urlparse(page.url).query) == {"province": ["istanbul"], "theme": ["education"]}


def tab_until(page: Page, wanted: str, limit: int) -> int:
    """Press Tab until the focused element's text is ``wanted``; return how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText || ''").split("\n")[0].strip() == wanted:
            return presses
    raise AssertionError(f"{wanted!r} not reached in {limit} Tabs")


def test_by_keyboard_from_home_to_language_courses_in_istanbul(page: Page, site_url: str) -> None:
    """Home → "Temalar" → the theme "Türkçe ve Dil Öğrenimi" → its "İstanbul" link → the first result, keys only.

    Bound: 35 key presses. The path: the skip link (Tab, Enter); the home page's ways in come first, after the
    edit link, the heading's permalink and the search box and button, so "Temalar" is a few Tabs away, Enter; on
    the themes index the skip link (Tab, Enter) and the theme in the list (its position in Turkish order),
    Enter; on the theme page the skip link (Tab, Enter) and the second province link (Tab), Enter; the link
    leads past the filters to the results, where "download these N" sits beside the count, so two Tabs reach
    the first result, Enter. Before the ways in (issue 22) the path went down the home page (33 presses: its
    stats, newest practices and publications); before the browse pages the catalog alone took 17 Tabs to the
    first filter and 34 more to "İstanbul"."""
    page.goto(site_url)
    presses = tab_until(page, "Ana içeriğe geç", 2)
    page.keyboard.press("Enter")
    presses += 1 + tab_until(page, "Temalar", 10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/themes/")
    presses += 1 + tab_until(page, "Ana içeriğe geç", 2)
    page.keyboard.press("Enter")
    presses += 1 + tab_until(page, "Türkçe ve Dil Öğrenimi", 10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/themes/language-learning/")
    presses += 1 + tab_until(page, "Ana içeriğe geç", 2)
    page.keyboard.press("Enter")
    presses += 1 + tab_until(page, "İstanbul", 10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/practices/?theme=language-learning&province=istanbul#mpc-results")
    presses += 1 + tab_until(page, "Dil Kursu", 2)
    page.keyboard.press("Enter")
    presses += 1
    page.wait_for_url("**/practices/dil-kursu/")
    print("key presses:", presses)
    assert presses <= 35
