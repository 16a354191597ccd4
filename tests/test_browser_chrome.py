"""Chrome and print (issue 22): the active search result's indicator, the 404 page, landmark names, the
permalink tooltip and the footer in the page's language, the citations' copy button, and a practice that
prints as a handout (a fixture practice on at most two A4 pages, the longest of the repository on three) with
the site's name, its address, the date and a QR code of the address.
(That no focusable element is out of sight at 360 px is checked on every page: test_browser_every_page.py.)"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from mpchub.render.strings import STRINGS
from mpchub_tools.relevance_command import search_box
from sites import SITE_URL, BuiltSite


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rgba(css: str) -> tuple[float, ...]:
    parts = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def over(top: tuple[float, ...], bottom: tuple[float, ...]) -> tuple[float, ...]:
    alpha = top[3]
    return (*(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], bottom[:3], strict=True)), 1.0)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_active_search_result_stands_out_at_three_to_one(browser: Browser, site_url: str, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 780}, color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + "about/")
    search_box(page, "sentetik")
    page.locator(".mpc-search__input").press("ArrowDown")
    active = page.locator(".mpc-search__result.is-active")
    expect(active).to_have_count(1)
    colours = active.evaluate(
        """a => ({bar: getComputedStyle(a).borderLeftColor, width: getComputedStyle(a).borderLeftWidth,
                  own: getComputedStyle(a).backgroundColor,
                  panel: getComputedStyle(a.closest('.mpc-search__panel')).backgroundColor,
                  idle: getComputedStyle(a.closest('li').nextElementSibling.querySelector('a')).borderLeftColor})"""
    )
    panel = rgba(colours["panel"])
    bar = over(rgba(colours["bar"]), panel)
    assert float(colours["width"].removesuffix("px")) >= 2
    assert contrast(bar, panel) >= 3, colours  # against the panel around the result
    assert contrast(bar, over(rgba(colours["own"]), panel)) >= 3, colours  # and against its own tint
    assert rgba(colours["idle"])[3] == 0  # the other results have no bar
    context.close()


def test_the_404_page_speaks_both_languages_turkish_first(fixture_site: BuiltSite) -> None:
    page = fixture_site.page("404.html")
    assert page.html["lang"] == "tr"
    assert [s["lang"] for s in page.select(".mpc-404 section")] == ["tr", "en"]
    labels = {tag["aria-label"] for tag in page.select("[aria-label]")}
    assert {"Header", "Navigation", "Tabs", "Table of contents"}.isdisjoint(labels), labels  # Material's English
    assert "Başlık" in labels
    assert STRINGS["tr"]["made_with"].split(" ")[-1] in page.select_one(".md-copyright").get_text()


@pytest.mark.parametrize(
    ("url", "lang"),
    [("about/", "tr"), ("en/about/", "en"), ("practices/cagri-merkezi/", "tr"), ("en/practices/dil-kursu/", "en")],
)
def test_permalinks_and_footer_speak_the_pages_language(fixture_site: BuiltSite, url: str, lang: str) -> None:
    page = fixture_site.page(url)
    titles = {a.get("title") for a in page.select("a.headerlink")}
    assert titles == {STRINGS[lang]["permalink"]} or (titles == set() and "practices" in url)
    footer = " ".join(page.select_one(".md-copyright").get_text().split())
    words = STRINGS[lang]["made_with"].replace("{material}", STRINGS[lang]["made_with_name"])
    assert words in footer


def test_landmarks_are_named_in_the_pages_language(fixture_site: BuiltSite) -> None:
    for url, lang in (("practices/cagri-merkezi/", "tr"), ("en/practices/cagri-merkezi/", "en")):
        page = fixture_site.page(url)
        names = [tag["aria-label"] for tag in page.select("nav[aria-label], header[aria-label], [role=dialog]")]
        english = {"Header", "Navigation", "Tabs", "Breadcrumbs", "Footer", "Table of contents"}
        assert names and (english.isdisjoint(names) if lang == "tr" else not english.isdisjoint(names)), names


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["tr", "en"])
def test_a_citation_is_copied_with_its_button(browser: Browser, site_url: str, lang: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + ("en/" if lang == "en" else "") + "practices/cagri-merkezi/")
    button = page.get_by_role("button", name=STRINGS[lang]["cite_copy"])
    button.click()
    citation = page.locator(".mpc-citation p").inner_text()
    page.wait_for_function("(text) => navigator.clipboard.readText().then(t => t === text)", arg=citation, polling=50)
    assert "Çağrı Merkezi" in citation or "Call Centre" in citation
    context.close()


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


@pytest.mark.browser
def test_a_practice_prints_with_its_address_date_and_qr_code(page: Page, site_url: str) -> None:
    page.goto(site_url + "practices/cagri-merkezi/")
    address = SITE_URL + "practices/cagri-merkezi/"  # the published address, as the build wrote it
    page.wait_for_function("() => document.querySelector('.mpc-print-head__qr svg path') !== null", polling=50)
    head = page.locator(".mpc-print-head")
    expect(head).to_be_hidden()  # on screen
    page.emulate_media(media="print")
    expect(head).to_be_visible()
    expect(head).to_contain_text(STRINGS["tr"]["hub_name"])
    expect(head).to_contain_text(address)
    expect(page.locator(".mpc-print-head__date")).to_have_text(re.compile(r"^Yazdırma tarihi: \d{1,2} \S+ \d{4}$"))
    assert page.locator(".mpc-print-head__qr").get_attribute("data-for") == address
    assert page.locator(".mpc-print-head__qr svg").bounding_box()["width"] > 50
    assert pdf_pages(page.pdf(format="A4")) <= 2


@pytest.mark.browser
def test_the_longest_practice_prints_on_at_most_three_a4_pages(
    browser: Browser, repo_site: BuiltSite, repo_site_url: str
) -> None:
    longest = max(repo_site.site.glob("practices/*/index.html"), key=lambda p: len(p.read_bytes()))
    page = browser.new_page()
    page.goto(repo_site_url + longest.parent.relative_to(repo_site.site).as_posix() + "/")
    page.wait_for_function("() => document.querySelector('.mpc-print-head__qr svg') !== null", polling=50)
    pages = pdf_pages(page.pdf(format="A4"))
    page.close()
    # The richest practices (a dozen sources written out, long activity lists) take three pages; half take two.
    assert pages <= 3, f"{longest.parent.name} prints on {pages} A4 pages"
