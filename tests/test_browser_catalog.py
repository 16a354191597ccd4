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
