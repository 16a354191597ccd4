"""The officer's paths (issue 22): a practice page built for replication, no dead ends, downloads that match the
screen, citations as APA and Turkish readers expect. Built-page checks read the shared sites; the phone goals are
measured in Chromium at 360×780 with touch, in Turkish, counting taps and the scrolling needed to reach each one.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Browser, Page

from conftest import REVIEWED, VALID_PRACTICE
from hubs import REPO
from mpchub.content.corpus import load_corpus
from mpchub.content.project import Project
from mpchub.exports import citations, sheets
from mpchub.hub import Hub as CoreHub
from sites import SITE_URL, BuiltSite

REGISTRY = Project(REPO).registry
PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True, "locale": "tr-TR"}
SULTANBEYLI = {  # every practice in Sultanbeyli: two the municipality implements, two an association runs there
    "sultanbeyli-multeci-koordinasyon-ve-saglik-merkezi",
    "reslog-goc-master-planlari",
    "dezavantajli-etnik-multeci-gruplari-sosyal-uyum",
    "sultanbeyli-multeci-meclisleri",
}


# --- built pages ---------------------------------------------------------------------------------------------


def test_the_catalog_has_district_and_implementer_facets_and_hides_unknown_status(repo_site: BuiltSite) -> None:
    catalog = repo_site.page("practices/")
    facets = [fs["data-facet"] for fs in catalog.select("fieldset[data-facet]")]
    assert {"district", "implementer"} <= set(facets)
    status = [i["value"] for i in catalog.select("fieldset[data-facet=status] input")]
    assert status and "unknown" not in status
    cards = catalog.select("li.mpc-card")

    def count(param: str, value: str) -> int:
        label = catalog.select_one(f"fieldset[data-facet={param}] input[value='{value}']").parent
        return int(label.select_one("[data-count]").get_text())

    def carrying(param: str, value: str) -> int:
        found = 0
        for card in cards:
            raw = card.get(f"data-f-{param}", "")
            found += value in (json.loads(raw) if raw.startswith("[") else raw.split(" "))
        return found

    # a name with spaces stays one value on the card (a JSON list), and the count is the cards carrying it
    assert count("implementer", "Mülteciler Derneği") == carrying("implementer", "Mülteciler Derneği") == 3
    assert count("district", "Sultanbeyli") == carrying("district", "Sultanbeyli") == 3
    districts = [label.get_text() for label in catalog.select("fieldset[data-facet=district] [data-label]")]
    assert (
        districts.index("Çiğli") < districts.index("Esenyurt") < districts.index("Şahinbey") < districts.index("Şişli")
    )
    assert districts[-1] == "Zeytinburnu"  # Turkish order: Ş after S, before Z


def test_a_practice_page_puts_key_facts_first_and_a_heading_per_section(repo_site: BuiltSite) -> None:
    page = repo_site.page("practices/sultanbeyli-multeci-koordinasyon-ve-saglik-merkezi/")
    article = page.select_one("article")
    ids = [h["id"] for h in article.select("h2[id^=mpc-]")]
    assert ids[:5] == ["mpc-key-facts", "mpc-lessons", "mpc-transferability", "mpc-context", "mpc-objectives"]
    assert ids.index("mpc-sources") < ids.index("mpc-citation")
    facts = article.select_one(".mpc-facts").get_text(" ")
    assert "Sultanbeyli Belediyesi" in facts and "Mülteciler Derneği" in facts and "İletişim" in facts
    assert "Bilinmiyor" not in article.get_text(" ")  # its status is unknown: not shown as a fact
    dated = repo_site.page("practices/cigli-multeci-danisma-ofisi/").select_one(".mpc-facts").get_text(" ")
    assert re.search(r"Sürüyor\s+\(Ağustos 2022 itibarıyla\)", dated)
    english = repo_site.page("en/practices/cigli-multeci-danisma-ofisi/").select_one(".mpc-facts").get_text(" ")
    assert re.search(r"Ongoing\s+\(as of August 2022\)", english)


def test_cards_are_one_tap_target_with_theme_links(fixture_site: BuiltSite) -> None:
    for url in ("practices/", "themes/education/", "en/provinces/istanbul/"):
        cards = fixture_site.page(url).select("li.mpc-card")
        assert cards, url
        assert all(card.select(".mpc-terms a") for card in cards), url  # every theme label is a link
        for card in cards:
            assert card.select_one("a.mpc-card__title")
            for link in card.select(".mpc-terms a"):
                target = (fixture_site.site / url / link["href"]).resolve()
                assert (target / "index.html").is_file() and "themes" in target.parts, link["href"]


def test_a_municipality_page_lists_what_it_implements_and_what_others_run_there(repo_site: BuiltSite) -> None:
    page = repo_site.page("municipalities/sultanbeyli-belediyesi/")
    article = page.select_one("article")
    headings = [h.get_text(" ", strip=True) for h in article.select("h2")]
    assert headings[:2] == [
        "Belediyenin uygulayıcısı olduğu uygulamalar",
        "İlçede başka kuruluşların yürüttüğü uygulamalar",
    ]
    lists = article.select("ul.mpc-cards")
    own = {a["href"].split("/")[-2] for a in lists[0].select("a.mpc-card__title")}
    others = {a["href"].split("/")[-2] for a in lists[1].select("a.mpc-card__title")}
    assert own == {"sultanbeyli-multeci-koordinasyon-ve-saglik-merkezi", "reslog-goc-master-planlari"}
    assert own | others == SULTANBEYLI and not own & others
    assert "4 uygulama" in article.get_text(" ")
    # a metropolitan municipality covers its province: İstanbul's practices of other implementers are listed
    metropolitan = repo_site.page("municipalities/istanbul-buyuksehir-belediyesi/").select("ul.mpc-cards")
    assert len(metropolitan) == 2 and len(metropolitan[1].select("li")) > 10


def test_every_recommendation_links_a_practice_or_says_why(repo_site: BuiltSite) -> None:
    pages = sorted((repo_site.site / "recommendations").glob("*/index.html"))
    assert len(pages) >= 12
    for path in pages:
        url = repo_site.url_of(path)
        section = repo_site.page(url).select_one("section.mpc-linked--practices")
        links = [a["href"] for a in section.select("a[href]")]
        text = section.get_text(" ")
        assert links, f"{url}: every recommendation of the repository links at least one practice"
        assert all("/practices/" in href for href in links)
        assert "editörleri" in text, url  # who set the links


def test_the_home_page_offers_the_ways_in(fixture_site: BuiltSite) -> None:
    for prefix in ("", "en/"):
        ways = [a["href"] for a in fixture_site.page(prefix).select("nav.mpc-ways-nav a")]
        assert ways[:1] == ["practices/"]
        assert {"themes/", "provinces/", "municipalities/", "recommendations/"} <= set(ways)


def test_source_titles_in_another_language_carry_lang(tmp_path: Path) -> None:
    from conftest import Hub

    scratch = Hub(tmp_path / "hub")
    sources = (
        "sources:\n  - title: Örnek kaynak\n    url: https://example.org/kaynak\n    kind: web\n"
        "  - title: An English report\n    url: https://example.org/en\n    language: en\n"
    )
    text = VALID_PRACTICE.replace(
        "sources:\n  - title: Örnek kaynak\n    url: https://example.org/kaynak\n    kind: web\n", sources
    )
    assert REVIEWED in text
    scratch.write("practices/ornek-uygulama.md", text)
    core = CoreHub.load(scratch.root)
    assert not core.errors, core.errors
    record = core.corpus.records["practice"]["ornek-uygulama"]
    html = core.site.records.page(record, "tr").html or ""
    assert '<a href="https://example.org/en" rel="noopener nofollow" lang="en" hreflang="en">' in html
    assert '<a href="https://example.org/kaynak" rel="noopener nofollow">' in html  # no language: no attribute
    bad = text.replace("language: en", "language: english")
    scratch.write("practices/ornek-uygulama.md", bad)
    result = scratch.check()
    assert result.exit_code == 1 and "sources[1].language" in result.out


# --- exports -------------------------------------------------------------------------------------------------


def test_excel_files_read_back_with_turkish_letters_and_headers_by_language(fixture_site: BuiltSite) -> None:
    data = fixture_site.site / "data"
    book = openpyxl.load_workbook(data / "practices.tr.xlsx", read_only=True)
    (sheet,) = book.worksheets
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Kimlik", "Başlık", "Özet") and rows[0][-2:] == ("Metin", "Sayfa adresi")
    titles = {row[1] for row in rows[1:]}
    assert "Çağrı Merkezi" in titles and "İzmit Örnek Uygulaması" in titles
    body = {row[0]: row[-2] for row in rows[1:]}
    assert "Işık Sokağı" in body["cagri-merkezi"]  # the record's text is in every export
    english = openpyxl.load_workbook(data / "practices.en.xlsx", read_only=True).worksheets[0]
    assert next(english.iter_rows(values_only=True))[:3] == ("Identifier", "Title", "Summary")
    every = openpyxl.load_workbook(data / "hub.tr.xlsx", read_only=True)
    assert every.sheetnames == ["İyi Uygulamalar", "Politika Önerileri", "Yayınlar"]
    for name in ("practices", "recommendations", "publications"):
        entries = json.loads((data / f"{name}.tr.json").read_text(encoding="utf-8"))["records"]
        assert all(isinstance(e["body"], str) and e["body"] for e in entries)
        neutral = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))["records"]
        assert all(set(e["body"]) == set(e["languages"]) for e in neutral)


def test_an_excel_cell_never_runs_a_formula() -> None:
    table = sheets.Table("Sayfa", ["Başlık"], [['=HYPERLINK("https://example.org")'], [12]], ["x/"])
    sheet = openpyxl.load_workbook(io.BytesIO(sheets.workbook([table]))).active
    assert sheet["A2"].data_type == "s" and sheet["A2"].value.startswith("=HYPERLINK")
    assert sheet["A3"].value == 12


def test_jsonld_term_sets_are_absolute_addresses(fixture_site: BuiltSite) -> None:
    script = fixture_site.page("practices/cagri-merkezi/").select_one("script[type='application/ld+json']")
    data = json.loads(script.string)
    sets = {term["inDefinedTermSet"] for term in data["about"]}
    assert sets and all(s.startswith(SITE_URL) for s in sets), sets


def test_citations_use_sentence_case_for_publications_and_turkish_date_order() -> None:
    corpus = load_corpus(Project(REPO))
    tr = REGISTRY.language("tr")
    report = corpus.records["publication"]["marmaranin-kent-multecileri"]
    text = citations.render(citations.csl_item(corpus, report, "tr", None), tr)
    assert "Marmara'nın kent mültecileri: Belediyelerin süreç yönetimi." in text
    english = citations.render(citations.csl_item(corpus, report, "en", None), REGISTRY.language("en"))
    assert "Urban refugees of Marmara: Process management of municipalities." in english
    practice = corpus.records["practice"]["sisli-acik-ev"]  # a practice keeps its name, a proper noun
    item = citations.csl_item(corpus, practice, "tr", None)
    assert item["title"] == practice.fields("tr")["title"]
    assert re.search(r"\(\d{4}, \d{1,2} [A-ZÇĞİÖŞÜ][a-zçğıöşü]+\)", citations.render(item, tr))
    assert re.search(
        r"\(\d{4}, [A-Z][a-z]+ \d{1,2}\)",
        citations.render(citations.csl_item(corpus, practice, "en", None), REGISTRY.language("en")),
    )
    assert citations.local_dates("A. (2026, Aralık 7). B.", tr) == "A. (2026, 7 Aralık). B."


# --- phone goals, in Chromium ----------------------------------------------------------------------------------


@pytest.fixture
def phone(browser: Browser):
    context = browser.new_context(**PHONE, accept_downloads=True)
    yield context.new_page()
    context.close()


class Walk:
    """Taps as a visitor makes them, adding up the scrolling needed to bring each target into view (the number of
    taps is the test's own script: each path is written out tap by tap)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.scrolled = 0.0

    def tap(self, locator) -> None:
        box = locator.evaluate("e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom]; }")
        height = self.page.viewport_size["height"]
        self.scrolled += max(0.0, box[1] - height) + max(0.0, -box[0])
        locator.scroll_into_view_if_needed()
        locator.tap()


def shown_titles(page: Page) -> list[str]:
    return page.locator("li.mpc-card:not([hidden]) .mpc-card__title").all_inner_texts()


def test_language_courses_in_istanbul_from_the_home_page(phone: Page, site_url: str) -> None:
    phone.goto(site_url)
    walk = Walk(phone)
    walk.tap(phone.locator("nav.mpc-ways-nav a", has_text="Temalar"))
    walk.tap(phone.locator("ul.mpc-index a", has_text="Türkçe ve Dil Öğrenimi"))
    walk.tap(phone.locator(".mpc-refine__list a", has_text="İstanbul"))
    phone.wait_for_url("**/practices/?*")
    phone.wait_for_function("document.querySelector('[data-mpc-list]').getAttribute('data-query') !== null")
    assert shown_titles(phone) == ["Dil Kursu"]
    assert walk.scrolled <= 780, walk.scrolled


def test_all_practices_in_sultanbeyli_in_two_taps(phone: Page, repo_site_url: str) -> None:
    phone.goto(repo_site_url)
    walk = Walk(phone)
    walk.tap(phone.locator("nav.mpc-ways-nav a", has_text="Uygulayıcı belediyeler"))
    walk.tap(phone.locator("ul.mpc-index a", has_text="Sultanbeyli Belediyesi"))
    phone.wait_for_url("**/municipalities/sultanbeyli-belediyesi/")
    hrefs = phone.locator("li.mpc-card a.mpc-card__title").evaluate_all("links => links.map(a => a.href)")
    assert {h.rstrip("/").rsplit("/", 1)[-1] for h in hrefs} == SULTANBEYLI
    # the catalog's facets find them too: a district and an implementer with a space in its name
    phone.goto(repo_site_url + "practices/?district=Sultanbeyli")
    phone.wait_for_function("document.querySelector('[data-mpc-list]').getAttribute('data-query') !== null")
    assert len(shown_titles(phone)) == 3
    phone.goto(repo_site_url + "practices/?implementer=M%C3%BClteciler+Derne%C4%9Fi")
    phone.wait_for_function("document.querySelector('[data-mpc-list]').getAttribute('data-query') !== null")
    assert len(shown_titles(phone)) == 3


def test_a_recommendation_is_one_tap_from_its_practices(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "recommendations/ornek-oneri/")
    walk = Walk(phone)
    first = phone.locator("section.mpc-linked--practices a").first
    title = first.inner_text()
    walk.tap(first)
    phone.wait_for_url("**/practices/**")
    assert phone.locator("h1").inner_text() == title
    assert walk.scrolled <= 780


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")  # write-excel-file writes none; harmless
def test_a_filtered_download_holds_only_the_shown_records(phone: Page, site_url: str) -> None:
    phone.goto(site_url + "practices/?province=istanbul")
    phone.wait_for_function("document.querySelector('[data-mpc-list]').getAttribute('data-query') !== null")
    shown = shown_titles(phone)
    assert sorted(shown) == ["Dil Kursu", "Çağrı Merkezi"]
    label = phone.locator("[data-mpc-download-label]")
    assert label.inner_text() == "Bu 2 kaydı indir"
    walk = Walk(phone)
    walk.tap(label)
    with phone.expect_download() as download:
        walk.tap(phone.locator("button[data-format=xlsx]"))
    assert download.value.suggested_filename == "iyi-uygulamalar_province-istanbul.tr.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "Başlık" and [r[1] for r in rows[1:]] == shown  # Turkish letters intact, screen order
    walk.tap(label)
    with phone.expect_download() as download:
        walk.tap(phone.locator("button[data-format=csv]"))
    raw = Path(download.value.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert table[0][1] == "Başlık" and [r[1] for r in table[1:]] == shown
    phone.locator("fieldset[data-facet=theme] input[value=language-learning]").evaluate(
        "box => { box.checked = true; box.dispatchEvent(new Event('change', {bubbles: true})); }"
    )
    assert label.inner_text() == "Bu kaydı indir"  # the count follows the filters


PRIMARY = {  # page → selectors of its primary tap targets
    "": ["nav.mpc-ways-nav a", "#mpc-home-q", ".mpc-home-search button", "li.mpc-card"],
    "practices/?province=istanbul": [
        ".mpc-filters-open",
        ".mpc-download summary",
        "li.mpc-card:not([hidden])",
        ".mpc-chip",
    ],
    "themes/education/": [".mpc-refine__list a", "li.mpc-card"],
    "municipalities/": ["ul.mpc-index a"],
}


def test_primary_tap_targets_are_44_px_and_the_name_fits_the_header(phone: Page, site_url: str) -> None:
    small = []
    for url, selectors in PRIMARY.items():
        phone.goto(site_url + url)
        for selector in selectors:
            heights = phone.locator(selector).evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
            assert heights, (url, selector)
            small += [f"{url} {selector}: {h:.0f} px" for h in heights if h < 43.5]
    phone.goto(site_url + "practices/")
    phone.locator(".mpc-filters-open").tap()
    heights = phone.locator(".mpc-filters label, .mpc-filters__foot .md-button").evaluate_all(
        "els => els.map(e => e.getBoundingClientRect().height)"
    )
    small += [f"filters: {h:.0f} px" for h in heights if h < 43.5]
    assert not small, small
    for url in ("", "en/"):
        phone.goto(site_url + url)
        name = phone.locator(".md-header__topic .md-ellipsis").first
        assert name.evaluate("e => e.scrollWidth <= e.clientWidth"), name.inner_text()
    # a whole card is one tap target: a tap on its place and dates opens the record
    phone.goto(site_url + "practices/")
    card = phone.locator("li.mpc-card").first
    href = card.locator("a.mpc-card__title").get_attribute("href")
    box = card.locator(".mpc-card__meta").bounding_box()  # the title's link covers it: tap where a finger would
    phone.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    phone.wait_for_url("**/practices/" + href)
