"""The statistics charts and the province map in Chromium: every province link is reachable by keyboard
and leads to its browse page. (axe, other hosts and sideways scroll are checked on the site's own statistics
and open-data pages, with the theme, by tests/test_browser_every_page.py.)

The fragments are placed in a bare page here (the site's own pages are wired by the site generator), with
the exports written beside it, and served under a sub-path as GitHub Pages serves a project site.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mpchub.content.corpus import load_corpus
from mpchub.exports import citation_html, jsonld_html, open_data_html, statistics_page_html, write_site_exports
from mpchub.site import csp
from test_exports import SITE_URL, fixture_project

pytestmark = pytest.mark.browser

SHELL = """<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{title}</title></head>
<body><main>{body}</main></body></html>
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    from browser import serve

    base = tmp_path_factory.mktemp("exports-browser")
    corpus = load_corpus(fixture_project(base / "hub"))
    site = base / "site"
    write_site_exports(corpus, site, SITE_URL)
    for lang, prefix, title in (("tr", "", "İstatistikler"), ("en", "en/", "Statistics")):
        page = site / prefix / "statistics" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(SHELL.format(lang=lang, title=title, body=statistics_page_html(corpus, lang)), encoding="utf-8")
        page = site / prefix / "open-data" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        body = f"<h1>{title}</h1>{open_data_html(corpus, lang)}"
        page.write_text(SHELL.format(lang=lang, title=title, body=body), encoding="utf-8")
    record = corpus.records["publication"]["ornek-rapor"]
    page = site / "en" / "publications" / "ornek-rapor" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    body = "<h1>Example</h1>" + citation_html(corpus, record, "en") + jsonld_html(corpus, record, "en", SITE_URL)
    page.write_text(csp.apply(SHELL.format(lang="en", title="Example", body=body)), encoding="utf-8")
    with serve(site, "/hub/") as url:
        yield url


def test_every_province_link_is_reached_by_keyboard_and_leads_to_its_browse_page(page, served):
    page.goto(served + "en/statistics/")
    links = page.locator("svg.mpc-map__svg a")
    expected = links.count()
    assert expected > 0
    # Every element the keyboard reaches inside the map, recorded by the page (one round trip, not 200).
    page.evaluate("""() => {
      window.__reached = [];
      document.addEventListener('focusin', (e) => {
        if (e.target.closest('svg.mpc-map__svg')) window.__reached.push(e.target.getAttribute('aria-label'));
      });
    }""")
    for _ in range(200):
        page.keyboard.press("Tab")
    reached = [label for label in page.evaluate("window.__reached") if label]
    assert len(set(reached)) == expected
    first = links.first
    assert first.get_attribute("href").startswith("../provinces/")
    resolved = page.evaluate(
        "(a) => new URL(a.getAttribute('href'), document.baseURI).pathname", first.element_handle()
    )
    assert resolved.startswith("/hub/en/provinces/")


def test_charts_and_map_are_drawn(page, served):
    page.goto(served + "statistics/")
    box = page.locator("svg.mpc-map__svg").bounding_box()
    assert box and box["width"] > 600 and box["height"] > 200
    bars = page.locator("#practices-themes rect")
    assert bars.count() >= 1 and bars.first.bounding_box()["width"] > 10


def test_citation_downloads_work_under_the_sites_content_security_policy(browser, served):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security" in message.text else None)
    page.goto(served + "en/publications/ornek-rapor/")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    found = {}
    for name in ("BibTeX", "RIS", "CSL-JSON"):
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        found[download.value.suggested_filename] = Path(download.value.path()).read_text(encoding="utf-8")
    context.close()
    assert set(found) == {"ornek-rapor.en.bib", "ornek-rapor.en.ris", "ornek-rapor.en.csl.json"}
    assert json.loads(found["ornek-rapor.en.csl.json"])[0]["title"] == "Example report"  # APA sentence case
    assert "TI  - Example report" in found["ornek-rapor.en.ris"]
    assert refused == []
