"""The built site, read from its HTML: pages, languages, listings, order, safety and links."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlparse

import lxml.html
import pytest

from sites import REPO, SITE_URL, TURKISH_ORDER, BuiltSite


def card_titles(soup) -> list[str]:
    return [a.get_text() for a in soup.select("li.mpc-card .mpc-card__title")]


def test_strict_build_has_no_warnings(fixture_site: BuiltSite, repo_site: BuiltSite) -> None:
    for built in (fixture_site, repo_site):
        assert "WARNING" not in built.log, built.log


def test_every_page_exists_in_both_languages_with_its_lang(fixture_site: BuiltSite) -> None:
    pages = [p for p in fixture_site.html_files() if p.name == "index.html"]
    turkish = [p for p in pages if not fixture_site.url_of(p).startswith("en/")]
    assert len(turkish) > 20
    for page in turkish:
        url = fixture_site.url_of(page)
        assert fixture_site.page(url).html["lang"] == "tr", url
        assert fixture_site.page("en/" + url).html["lang"] == "en", url
    for url in (
        "",
        "practices/",
        "practices/cagri-merkezi/",
        "themes/",
        "themes/education/",
        "provinces/",
        "provinces/istanbul/",
        "target-groups/women/",
        "sdgs/10/",
        "municipalities/",
        "recommendations/",
        "recommendations/ornek-oneri/",
        "publications/",
        "publications/ornek-rapor/",
        "browse/",
        "about/",
        "contribute/",
        "contribute/fields/",
    ):
        assert (fixture_site.site / url / "index.html").is_file(), url
        assert (fixture_site.site / "en" / url / "index.html").is_file(), url


def test_metadata_panel_is_in_the_page_language(fixture_site: BuiltSite) -> None:
    tr = fixture_site.page("practices/cagri-merkezi/")
    en = fixture_site.page("en/practices/cagri-merkezi/")
    tr_terms = [dt.get_text() for dt in tr.select(".mpc-panel dt")]
    en_terms = [dt.get_text() for dt in en.select(".mpc-panel dt")]
    assert "Uygulayıcılar" in tr_terms and "Temalar" in tr_terms
    assert "Implementers" in en_terms and "Themes" in en_terms
    # the sources are a section of their own on a practice page, under a heading in the page's language
    assert tr.select_one("h2#mpc-sources").get_text() == "Kaynaklar"
    assert en.select_one("h2#mpc-sources").get_text() == "Sources"
    assert "Sosyal Uyum ve Birlikte Yaşam" in tr.select_one(".mpc-panel").get_text()
    assert "Social Cohesion & Living Together" in en.select_one(".mpc-panel").get_text()
    assert "Mart 2021" in tr.select_one(".mpc-panel").get_text()
    assert "March 2021" in en.select_one(".mpc-panel").get_text()
    assert en.select_one(".mpc-panel a[href='../../themes/education/']")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("practices/", 6),
        ("themes/education/", 4),
        ("themes/social-cohesion/", 3),
        ("provinces/istanbul/", 2),
        ("provinces/kocaeli/", 2),
        ("target-groups/children/", 3),
        ("sdgs/4/", 3),
        ("municipalities/sentetik-sisli-belediyesi/", 2),
    ],
)
def test_listing_counts_equal_matching_records(fixture_site: BuiltSite, url: str, expected: int) -> None:
    for lang_prefix in ("", "en/"):
        cards = fixture_site.page(lang_prefix + url).select("ul[data-kind=practice] > li.mpc-card")
        assert len(cards) == expected, lang_prefix + url


def test_facet_counts_in_the_catalog(fixture_site: BuiltSite) -> None:
    catalog = fixture_site.page("practices/")
    counts = {
        (fs["data-facet"], label.input["value"]): int(label.select_one("[data-count]").get_text())
        for fs in catalog.select("fieldset[data-facet]")
        for label in fs.select("label")
    }
    assert counts[("theme", "education")] == 4
    assert counts[("province", "istanbul")] == 2
    assert counts[("year", "2021")] == 1
    assert counts[("status", "ongoing")] == 3


def test_index_pages_list_every_province_with_counts(fixture_site: BuiltSite) -> None:
    provinces = fixture_site.page("provinces/")
    rows = provinces.select("ul.mpc-index > li")
    assert len(rows) == 81
    linked = {a.get_text() for a in provinces.select("ul.mpc-index a")}
    assert linked == {"İstanbul", "Bursa", "Kocaeli"}
    data_research = fixture_site.page("themes/data-research/")  # no practice: a publication and a recommendation
    assert [h.get_text() for h in data_research.select("h2")] == ["Politika Önerileri", "Yayınlar"]


def test_turkish_alphabetical_order(fixture_site: BuiltSite) -> None:
    catalog = fixture_site.page("practices/")
    by_rank = sorted(catalog.select("li.mpc-card"), key=lambda li: int(li["data-rank"]))
    titles = [li.select_one(".mpc-card__title").get_text() for li in by_rank]
    assert titles == TURKISH_ORDER
    assert card_titles(fixture_site.page("themes/social-cohesion/")) == [
        "Cami Bahçesi Buluşmaları",
        "Çağrı Merkezi",
        "İzmit Örnek Uygulaması",
    ]


def test_untranslated_practice_on_the_english_site(fixture_site: BuiltSite) -> None:
    page = fixture_site.page("en/practices/dil-kursu/")
    assert page.html["lang"] == "en"
    notice = page.select_one(".mpc-notice")
    assert notice and "not been translated" in notice.get_text()
    assert page.select_one(".mpc-record")["lang"] == "tr"
    assert page.select_one(".mpc-body")["lang"] == "tr"
    assert page.select_one("link[rel=canonical]")["href"] == SITE_URL + "practices/dil-kursu/"
    catalog = fixture_site.page("en/practices/")
    card = next(li for li in catalog.select("li.mpc-card") if "dil-kursu" in li.a["href"])
    assert card.select_one(".mpc-badge").get_text() == "Turkish only"
    assert card.h3["lang"] == "tr"
    translated = fixture_site.page("en/practices/cagri-merkezi/")
    assert translated.select_one(".mpc-notice") is None
    assert translated.select_one("link[rel=canonical]")["href"] == SITE_URL + "en/practices/cagri-merkezi/"


def test_language_switcher_leads_to_the_same_page(fixture_site: BuiltSite) -> None:
    for path in fixture_site.html_files():
        url = fixture_site.url_of(path)
        if url == "404.html":
            continue
        soup = fixture_site.page(url)
        links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
        base = SITE_URL + url
        neutral = url[3:] if url.startswith("en/") else url
        assert urljoin(base, links["tr"]) == SITE_URL + neutral, url
        assert urljoin(base, links["en"]) == SITE_URL + "en/" + neutral, url


def test_every_internal_link_resolves(fixture_site: BuiltSite, repo_site: BuiltSite) -> None:
    root = urlparse(SITE_URL).path
    for built in (fixture_site, repo_site):
        missing = []
        exists: dict[str, bool] = {}  # every page links the same navigation: look each address up once
        for path in built.html_files():
            url = built.url_of(path)
            # lxml's XPath over every href and src: bs4's select took 25 s over the two sites
            for address in lxml.html.parse(str(path)).xpath("//a/@href | //link/@href | //*/@src"):
                target = urljoin(SITE_URL + url, address)
                if not target.startswith(SITE_URL):
                    continue
                rel = urlparse(target).path[len(root) :]
                if rel not in exists:
                    file = built.site / rel
                    exists[rel] = (file / "index.html" if rel == "" or rel.endswith("/") else file).exists()
                if not exists[rel]:
                    missing.append(f"{url} -> {address}")
        assert not missing, "\n".join(missing[:20])


def test_hostile_front_matter_shows_as_text(fixture_site: BuiltSite) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    for url in ("practices/xss-deneme/", "en/practices/xss-deneme/"):
        page = fixture_site.page(url)
        assert page.title.get_text().startswith(hostile)
        assert page.h1.get_text() == hostile
        assert "alert(" in page.select_one("meta[name=description]")["content"]
    for path in fixture_site.html_files():
        soup = fixture_site.page(fixture_site.url_of(path))
        for tag in soup.find_all(True):
            assert not any(a.startswith("on") for a in tag.attrs), (path, tag)
        for script in soup.find_all("script"):
            if script.get("type") == "application/ld+json":  # data: contributor text, with < > & escaped
                assert not {"<", ">", "&"} & set(script.get_text()), path
            else:
                assert "alert(" not in script.get_text(), path
    catalog = fixture_site.page("practices/")
    assert hostile in card_titles(catalog)
    assert "<b onmouseover=alert(3)>Kötü</b> Belediyesi" in catalog.get_text()


def test_no_request_to_another_host(fixture_site: BuiltSite) -> None:
    for path in fixture_site.html_files():
        soup = fixture_site.page(fixture_site.url_of(path))
        for tag in soup.select(
            "script[src], link[rel=stylesheet], link[rel=preconnect], img[src], iframe, link[rel=icon], source[src]"
        ):
            address = tag.get("src") or tag.get("href")
            assert not re.match(r"^(https?:)?//", address), (path, address)
    css = "".join(p.read_text(encoding="utf-8") for p in fixture_site.site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_404_speaks_both_languages(fixture_site: BuiltSite) -> None:
    page = fixture_site.page("404.html")
    assert page.select_one("section[lang=tr] h1").get_text() == "Sayfa bulunamadı"
    assert page.select_one("section[lang=en] h1").get_text() == "Page not found"
    switcher = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert urljoin(SITE_URL, switcher["en"]) == SITE_URL + "en/"


def test_heading_anchors_keep_turkish_letters(fixture_site: BuiltSite) -> None:
    assert fixture_site.page("practices/cagri-merkezi/").select_one("h2#isik-ve-cagri")


def test_no_edit_button_on_public_pages(fixture_site: BuiltSite) -> None:
    """GitHub's editor needs an account: editing is explained on the Contribute page, not offered on every page
    (tests/test_contribute_mail.py checks every page for links to GitHub's forms and editor)."""
    for url in ("practices/cagri-merkezi/", "en/practices/dil-kursu/", "about/", "practices/"):
        assert not fixture_site.page(url).select(".md-content__button"), url


def test_publication_and_recommendation_pages(fixture_site: BuiltSite) -> None:
    publication = fixture_site.page("en/publications/ornek-rapor/")
    assert publication.h1.get_text() == "Example Report"
    text = publication.select_one(".mpc-panel").get_text()
    assert "ISBN 978-605-83293-4-8" in text and "ISBN 978-605-83293-8-6" in text
    assert "Yazar, A. Ö. (2021). Example report (M. Sentetik, ed.). Synthetic Press." in text  # APA sentence case
    recommendation = fixture_site.page("recommendations/ornek-oneri/")
    assert recommendation.select_one(".mpc-panel a[href='../../publications/ornek-rapor/']")
    assert [a.get_text() for a in recommendation.select(".mpc-linked--practices a")] == ["Çağrı Merkezi", "Dil Kursu"]


def test_repository_practices_have_pages_in_both_languages(repo_site: BuiltSite) -> None:
    for record in (REPO / "practices").glob("*.md"):
        if record.name.endswith(".en.md"):
            continue
        slug = record.stem
        assert (repo_site.site / "practices" / slug / "index.html").is_file()
        assert (repo_site.site / "en" / "practices" / slug / "index.html").is_file()


def test_nothing_generated_is_in_the_repository(fixture_site: BuiltSite) -> None:
    import subprocess

    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    tracked_files = set(tracked.splitlines())
    assert not [f for f in tracked_files if f.startswith(("site/", ".cache/"))]
    # No generated page is committed under docs/: every page the build generates has no source in docs/.
    generated = {
        p.relative_to(fixture_site.root / ".cache/mpchub/docs").as_posix()
        for p in (fixture_site.root / ".cache/mpchub/docs").rglob("*.md")
    }
    hand_written = {f.removeprefix("docs/") for f in tracked_files if f.startswith("docs/") and f.endswith(".md")}
    assert len(generated) > len(hand_written) > 5
    assert all(f"docs/{name}" not in tracked_files for name in generated - hand_written)


def test_field_reference_page_lists_the_check_rules_with_their_ids(fixture_site: BuiltSite) -> None:
    from mpchub.content.rules import RULES

    for url, heading in (("contribute/fields/", "Denetim kuralları"), ("en/contribute/fields/", "Check rules")):
        page = fixture_site.page(url)
        assert heading in [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")], url
        ids = {code.get_text() for code in page.select("article table code")}
        assert {rule.id for rule in RULES.values()} <= ids, url
