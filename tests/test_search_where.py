"""Search that says where (issue 22): results show the record's type, municipality and province; excerpts
keep labels apart from values; contributor pages are out of the visitor's index; synonyms; a query that no
record answers in full says so; the words searched are marked on the page opened from a result."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from hubs import REPO
from mpchub.content import synonyms
from mpchub.content.project import Project
from mpchub.render.strings import STRINGS
from mpchub.search.pagefind import FRAGMENT_MARK, bundle_dir, marked_pages
from mpchub_tools.relevance_command import SHOWN, search_box
from sites import BuiltSite

CODES = Project(REPO).registry.codes


def fragments(site: Path, lang: str) -> dict[str, dict]:
    """Each indexed page's fragment (what Pagefind stored for it), by its address."""
    out = {}
    for path in (site / bundle_dir(Project(REPO).registry.language(lang)) / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(FRAGMENT_MARK))
        out[data["url"].lstrip("/")] = data
    return out


def test_record_pages_carry_type_municipality_and_province(fixture_site: BuiltSite) -> None:
    found = fragments(fixture_site.site, "tr")
    practice = found["practices/cagri-merkezi/"]["meta"]
    assert practice["type"] == "İyi uygulama"
    assert practice["municipality"] == "Sentetik Şişli Belediyesi" and practice["province"] == "İstanbul"
    assert found["publications/ornek-rapor/"]["meta"]["type"] == "Yayın"
    english = fragments(fixture_site.site, "en")["en/practices/cagri-merkezi/"]["meta"]
    assert english["type"] == "Good practice" and english["province"] == "Istanbul"


def test_excerpts_keep_labels_apart_from_values(fixture_site: BuiltSite) -> None:
    content = fragments(fixture_site.site, "tr")["practices/cagri-merkezi/"]["content"]
    assert "Uygulayıcılar Sentetik Şişli Belediyesi" in content
    assert "UygulayıcılarSentetik" not in content and "DurumDevam" not in content


def test_contributor_pages_are_out_of_the_visitors_index(fixture_site: BuiltSite) -> None:
    for lang, prefix in (("tr", ""), ("en", "en/")):
        indexed = set(fragments(fixture_site.site, lang))
        assert f"{prefix}about/" in indexed  # hand-written pages for visitors stay
        assert not [url for url in indexed if url.startswith(f"{prefix}contribute") or "offline" in url]
        for url in ("contribute/", "contribute/fields/", "contribute/translations/", "offline/"):
            assert not fixture_site.page(prefix + url).select("[data-pagefind-body]"), url
    # the guard counts what is marked: the index holds every marked page of each language
    marked = marked_pages(fixture_site.site, Project(REPO).registry.languages)
    assert marked == {lang: len(fragments(fixture_site.site, lang)) for lang in ("tr", "en")}
    # still reached from the Contribute page
    links = [a["href"] for a in fixture_site.page("contribute/").select("a[href]")]
    assert any("fields/" in href for href in links)


def test_a_broken_synonyms_file_names_its_line(tmp_path: Path) -> None:
    broken = "tr:\n  - [dil kursu, türkçe kursu]\n  - [yalnız]\nfr: []\n"
    (tmp_path / "synonyms.yml").write_text(broken, encoding="utf-8")
    with pytest.raises(synonyms.SynonymsError, match=r"tr: a group is a list of at least two") as raised:
        synonyms.load(tmp_path, CODES)
    assert (raised.value.line, raised.value.column) == (3, 5)
    (tmp_path / "synonyms.yml").write_text("de:\n  - [a, b]\n", encoding="utf-8")
    [problem] = synonyms.problems(tmp_path, CODES)
    assert problem.as_text().startswith("synonyms.yml:1:1: error: 'de' is not a language of the hub; allowed: tr, en")
    (tmp_path / "synonyms.yml").unlink()
    assert synonyms.load(tmp_path, CODES) == {"tr": [], "en": []}


def test_check_and_build_refuse_a_broken_synonyms_file(tmp_path: Path) -> None:
    from conftest import Hub

    hub = Hub(tmp_path / "hub")
    hub.write("synonyms.yml", "tr: [göç birimi]\n")
    result = hub.check()
    assert result.exit_code == 1 and "synonyms.yml:1:6: error: tr: a group is a list" in result.out


@pytest.mark.browser
def test_results_show_type_municipality_and_province(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    search_box(page, "çağrı merkezi")
    first = page.locator(".mpc-search__result").first
    expect(first.locator(".mpc-search__type")).to_have_text("İyi uygulama")
    expect(first.locator(".mpc-search__where")).to_have_text("Sentetik Şişli Belediyesi · İstanbul")


@pytest.mark.browser
def test_synonyms_search_the_other_phrases_of_a_group(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    found = page.evaluate("() => window.mpcSearch.variants('Göç birimleri nerede')")
    assert "göç müdürlüğü nerede" in found and "göç uyum hizmetleri nerede" in found  # "ve": a stop word
    assert page.evaluate("() => window.mpcSearch.variants('dil')") == []
    # "dil eğitimi" is "dil kursu" too: the Dil Kursu practice answers every word of a version of the query
    hits = page.evaluate(
        """() => window.mpcSearch.rank('dil eğitimi').then(async r => Promise.all(r.hits.slice(0, 5).map(
             async h => [(await h.data()).url, h.matched === h.words])))"""
    )
    assert ["/hub/practices/dil-kursu/", True] in hits


@pytest.mark.browser
def test_a_query_no_record_answers_in_full_says_so_and_shows_the_closest(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    found = search_box(page, "çağrı merkezi zzzq")
    assert found[0] == "practices/cagri-merkezi/"
    status = page.locator(".mpc-search__status").inner_text()
    assert status == STRINGS["tr"]["search_no_full"].replace("{n}", str(len(found)))
    missing = page.locator(".mpc-search__result").first.locator(".mpc-search__missing")
    expect(missing).to_have_text(STRINGS["tr"]["search_missing"].replace("{words}", "zzzq"))
    search_box(page, "çağrı merkezi")  # every word in a record: no such note
    assert page.locator(".mpc-search__status").inner_text() != status
    assert page.locator(".mpc-search__result").first.locator(".mpc-search__missing").count() == 0


@pytest.mark.browser
def test_the_page_opened_from_a_result_marks_the_words_searched(page: Page, site_url: str) -> None:
    page.goto(site_url + "about/")
    page.keyboard.press("/")
    page.keyboard.type("kursları")
    page.wait_for_function(SHOWN, arg="kursları", polling=50)
    page.locator(".mpc-search__result", has_text="Dil Kursu").first.click()
    page.wait_for_url("**/practices/dil-kursu/?highlight=*")
    marks = page.locator(".md-content__inner mark.mpc-highlight")
    expect(marks.first).to_be_visible()
    assert {m.strip().lower() for m in marks.all_inner_texts()} == {"kursu"}  # 'kursları' → kurs → "Kursu"
    assert page.locator("textarea mark, .mpc-correct mark, .mpc-cite mark").count() == 0  # nothing to copy changes
    assert page.locator(".mpc-breadcrumbs mark, .md-header mark").count() == 0  # only in the content
