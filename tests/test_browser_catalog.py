"""The catalog in a real browser: filters combine, the URL carries them, a reload restores them."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page

from sites import TURKISH_ORDER

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


def test_text_search_folds_turkish_letters(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/?q=CAGRI")
    assert visible_titles(page) == ["Çağrı Merkezi"]
    page.goto(site_url + "practices/?q=ilgaz")
    assert visible_titles(page) == ["Ilgaz Kulübü"]


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
    phone.wait_for_timeout(100)
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
    page.get_by_role("button", name="İstanbul: filtreyi kaldırın").click()
    assert parse_qs(urlparse(page.url).query) == {"theme": ["education"]}
    assert len(visible_titles(page)) == 4
    assert page.get_by_role("button", name="Eğitim: filtreyi kaldırın").is_visible()


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
    """Home → the theme "Türkçe ve Dil Öğrenimi" → its "İstanbul" link → the first result, keys only.

    Bound: 35 key presses, from the path measured on the fixture site (33): the skip link (Tab, Enter);
    the home page's content in reading order up to the theme (24 Tabs: the edit link, four heading
    permalinks, the search box and button, five figures, six newest practices and their "see all", the
    newest publication and its "see all", then the third theme), Enter; on the theme page the skip link
    (Tab, Enter) and the second province link (Tab), Enter; the link leads past the filters to the
    results, so one Tab reaches the first result, Enter. Two presses of slack for one more heading or
    figure on the home page, not for a new stop in every list. Before this work the catalog alone took 17
    Tabs to the first filter and 34 more to "İstanbul" (the issue)."""
    page.goto(site_url)
    presses = tab_until(page, "Ana içeriğe geç", 2)
    page.keyboard.press("Enter")
    presses += 1 + tab_until(page, "Türkçe ve Dil Öğrenimi", 30)
    page.keyboard.press("Enter")
    page.wait_for_url("**/themes/language-learning/")
    presses += 1 + tab_until(page, "Ana içeriğe geç", 2)
    page.keyboard.press("Enter")
    presses += 1 + tab_until(page, "İstanbul", 10)
    page.keyboard.press("Enter")
    page.wait_for_url("**/practices/?theme=language-learning&province=istanbul#mpc-results")
    presses += 1 + tab_until(page, "Dil Kursu", 1)  # the link led to the results, past the filters
    page.keyboard.press("Enter")
    presses += 1
    page.wait_for_url("**/practices/dil-kursu/")
    print("key presses:", presses)
    assert presses <= 35
