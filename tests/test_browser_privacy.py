"""No page talks to another host, and no page asks for something that is not there.

The fixture site is built as publish.yml builds it (SITE_URL and REPO_URL set: REPO_URL is what made
Material's repository widget ask the forge's API for stars) and served under a sub-path as GitHub Pages
serves a project site. A request to another host would tell it who reads what (KVKK); a request that
fails is a broken page or a wasted round trip on a phone.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser

from visitor_view import PAGE_TYPES

pytestmark = pytest.mark.browser

# Every page type in both languages, the 404 page, and the pages visitor_view leaves out.
EXTRA_PAGES = ["about/", "contribute/", "contribute/fields/", "sdgs/10/", "target-groups/", "sdgs/"]
PAGES = [prefix + url for url in [*PAGE_TYPES.values(), *EXTRA_PAGES] for prefix in ("", "en/")] + ["404.html"]


def test_no_page_requests_another_host_or_fails(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    foreign: list[str] = []
    failed: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if urlparse(r.url).hostname != "127.0.0.1" else None)
    # ERR_ABORTED is a request the page itself cancelled (a newer keystroke, or leaving the page), not a failure.
    page.on(
        "requestfailed", lambda r: failed.append(f"{r.url} ({r.failure})") if "ABORTED" not in str(r.failure) else None
    )
    page.on("response", lambda r: failed.append(f"{r.url} ({r.status})") if r.status >= 400 else None)
    for url in PAGES:
        page.goto(site_url + url, wait_until="networkidle")
        # What a visitor does first on a page loads what is loaded on demand (the header search's Pagefind).
        page.keyboard.press("/")
        page.keyboard.type("göç")
        page.wait_for_load_state("networkidle")
        page.keyboard.press("Escape")
    context.close()
    assert foreign == [], "requests to another host"
    assert failed == [], "requests that failed"


def test_the_repository_link_is_a_plain_link(fixture_site) -> None:
    """The link to the repository stays; Material's facts widget (its API call) does not."""
    for url in ("", "en/practices/"):
        page = fixture_site.page(url)
        links = page.select("a.md-source")
        assert links and all(a["href"] == "https://github.com/example/hub" for a in links)
        assert not page.select('[data-md-component="source"]')


def test_link_previews_use_the_site_own_image(fixture_site) -> None:
    """Open Graph and Twitter cards (a link shared in a messenger shows a preview), from this site only."""
    page = fixture_site.page("en/practices/cagri-merkezi/")
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.select("meta[content]")}
    assert meta["og:title"] == "Call Centre"
    assert meta["og:url"] == "http://127.0.0.1:8000/hub/en/practices/cagri-merkezi/"
    assert (meta["og:locale"], meta["og:locale:alternate"]) == ("en_GB", "tr_TR")
    assert meta["og:image"] == meta["twitter:image"] == "http://127.0.0.1:8000/hub/assets/images/social.png"
    assert (fixture_site.site / "assets" / "images" / "social.png").stat().st_size > 10_000
    assert meta["twitter:card"] == "summary_large_image" and meta["og:description"]
    hostile = fixture_site.page("practices/xss-deneme/")
    assert hostile.select_one("meta[property='og:title']")["content"] == "<img src=x onerror=alert(1)>"
