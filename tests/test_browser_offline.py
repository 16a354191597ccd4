"""Weak data and offline (issue 22), in Chromium on the shared fixture site served under a sub-path.

After the home page and one practice were opened online, the catalog, that practice and the search in that
language work offline, and a page never opened shows the offline page of its language at its own address,
never the browser's error. The service worker never shows a kept page over a fresh one, a new version of it
deletes the caches of older ones, and no request leaves the site. Times are the bench's (``bench --weak``).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser import CachingPagesHandler, RequestWatch, serve, serve_as_pages
from mpchub.render.strings import STRINGS
from mpchub_tools.relevance_command import search_box
from sites import BuiltSite

pytestmark = pytest.mark.browser
PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True}
READY = "(lang) => document.documentElement.getAttribute('data-mpc-offline') === lang"
SAVE_DATA = "Object.defineProperty(navigator, 'connection', { value: { saveData: true } })"


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(**PHONE)
    yield context
    context.close()


def heading(page: Page) -> str:
    return page.locator("h1").first.inner_text().rstrip("¶ ").strip()


def visit_online(page: Page, base: str, lang: str = "tr") -> None:
    """The home page, until the worker has kept this language's search bundle and catalog, then a practice."""
    prefix = "" if lang == "tr" else "en/"
    page.goto(base + prefix)
    page.wait_for_function(READY, arg=lang, timeout=30_000, polling=50)
    page.goto(base + prefix + "practices/cagri-merkezi/")


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_offline_after_the_home_page_and_a_practice(phone: BrowserContext, site_url: str, lang: str) -> None:
    page = phone.new_page()
    watch = RequestWatch(page)
    prefix = "" if lang == "tr" else "en/"
    visit_online(page, site_url, lang)
    practice = heading(page)
    phone.set_offline(True)

    page.goto(site_url + prefix + "practices/?theme=education")  # the catalog, never opened: kept by the worker
    expect(page.locator(".mpc-card").first).to_be_visible()
    assert heading(page) == STRINGS[lang]["practices"]
    page.goto(site_url + prefix + "practices/cagri-merkezi/")
    assert heading(page) == practice
    found = search_box(page, "çağrı" if lang == "tr" else "call centre")
    assert prefix + "practices/cagri-merkezi/" in found

    # never opened: the offline page of the page's language, at the address asked for, its links working
    response = page.goto(site_url + prefix + "about/")
    assert response.ok and page.url == site_url + prefix + "about/"
    assert page.locator("html").get_attribute("lang") == lang
    assert heading(page) == ("Çevrimdışısınız" if lang == "tr" else "You are offline")
    home = page.locator(".md-content a", has_text="ana sayfa" if lang == "tr" else "home page")
    assert home.evaluate("a => a.href") == site_url + prefix
    catalog = page.locator(".md-content a[href*='practices']").first
    assert catalog.evaluate("a => a.href") == site_url + prefix + "practices/"
    catalog.click()
    expect(page.locator(".mpc-card").first).to_be_visible()
    assert watch.foreign == []


def test_offline_search_without_a_kept_index_says_so_truthfully(browser: Browser, site_url: str) -> None:
    """No worker (blocked here, as in a browser that has none): offline, the search says why it cannot run
    and does not tell the visitor to reload."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    page.add_init_script(SAVE_DATA)  # nothing of the index loaded before going offline
    page.goto(site_url + "about/")
    context.set_offline(True)
    page.locator(".mpc-search-open").click()
    page.locator(".mpc-search__input").fill("göç")
    status = page.locator(".mpc-search__status")
    expect(status).to_have_text(STRINGS["tr"]["search_offline"])
    assert "yükle" not in status.inner_text()  # no "reload"
    context.close()


def test_the_search_index_is_not_loaded_when_the_visitor_saves_data(browser: Browser, site_url: str) -> None:
    """Save-Data: nothing of the search is fetched until the visitor turns to the search box."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.add_init_script(SAVE_DATA)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "about/", wait_until="networkidle")
    page.wait_for_timeout(1500)
    # only the bundle's manifest (under 1 KB, asked for with every page: search_bundle.py)
    loaded = [url for url in asked if "/pagefind/" in url or "mpc-text" in url]
    assert [url.rsplit("/", 1)[-1] for url in loaded] == ["mpc-search.json"]
    page.locator(".mpc-search-open").focus()
    page.wait_for_function("() => window.mpcText !== undefined", polling=50)
    assert [url for url in asked if url.endswith("pagefind.js")]
    assert page.evaluate("() => document.documentElement.hasAttribute('data-mpc-offline')") is False
    context.close()


def test_the_search_files_cross_the_network_once(browser: Browser, fixture_site: BuiltSite) -> None:
    """Before the first query the page asks for Pagefind's files at once (mpchub/search_bundle.py); Pagefind's
    own requests for them are then answered by the browser's cache (served as GitHub Pages serves: a
    10-minute cache), so nothing is sent twice, and the entry's address has no per-load cache-buster."""
    context = browser.new_context(service_workers="block", **PHONE)
    page = context.new_page()
    CachingPagesHandler.transferred.clear()
    with serve_as_pages(fixture_site.site, "/hub/") as url:
        page.goto(url + "practices/cagri-merkezi/")
        search_box(page, "çağrı merkezi")
        page.wait_for_load_state("networkidle")
        sent = [path for path, _ in CachingPagesHandler.transferred if "/pagefind/" in path]
    context.close()
    assert sent and len(sent) == len(set(sent)), sorted(sent)
    entry = [path for path in sent if "pagefind-entry.json" in path]
    assert len(entry) == 1 and re.search(r"\?ts=[0-9a-f]{8}$", entry[0])  # the index's tag, not the time


@pytest.fixture
def own_copy(fixture_site: BuiltSite, tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the fixture site that a test may change, served under a sub-path."""
    site = tmp_path / "site"
    shutil.copytree(fixture_site.site, site)
    with serve(site, "/hub/") as url:
        yield site, url


def test_a_kept_page_is_never_shown_over_a_fresh_one(browser: Browser, own_copy: tuple[Path, str]) -> None:
    site, url = own_copy
    context = browser.new_context(**PHONE)
    page = context.new_page()
    visit_online(page, url)
    assert page.evaluate("() => navigator.serviceWorker.controller !== null")
    file = site / "practices/cagri-merkezi/index.html"
    file.write_text(file.read_text(encoding="utf-8").replace("<h1>Çağrı Merkezi", "<h1>Yeni Başlık"), encoding="utf-8")
    page.goto(url + "practices/cagri-merkezi/")
    assert heading(page) == "Yeni Başlık"  # the network's page, not the kept one
    context.set_offline(True)
    page.goto(url + "practices/cagri-merkezi/")
    assert heading(page) == "Yeni Başlık"  # and the kept copy is the fresh one
    context.close()


def test_a_new_worker_deletes_the_caches_of_older_ones(browser: Browser, own_copy: tuple[Path, str]) -> None:
    site, url = own_copy
    context = browser.new_context(**PHONE)
    page = context.new_page()
    visit_online(page, url)
    page.evaluate("() => Promise.all([caches.open('mpc-v0-pages'), caches.open('mpc-v1-search-tr-00000000')])")
    worker = site / "sw.js"
    worker.write_text(worker.read_text(encoding="utf-8").replace('"version": "', '"version": "new'), encoding="utf-8")
    page.evaluate(
        """() => navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => new Promise(done => {
             navigator.serviceWorker.addEventListener('controllerchange', done); setTimeout(done, 10000); }))"""
    )
    # the new worker keeps this language's bundle again, deleting the older copy (page.js asks the worker in charge:
    # asking the outgoing one restarted it and held the new one back, and with DevTools attached the navigation
    # stalled)
    page.goto(url)
    page.wait_for_function(READY, arg="tr", timeout=30_000, polling=50)
    names = page.evaluate("() => caches.keys()")
    assert "mpc-v0-pages" not in names and "mpc-v1-search-tr-00000000" not in names
    assert [n for n in names if n.startswith("mpc-v1-search-tr-")] and "mpc-v1-pages" in names
    context.close()
