"""No page talks to another host: what the built pages say (a plain repository link, link previews from the
site's own image).

That no page requests another host or anything that fails is checked in Chromium on every page, in both
languages, by tests/test_browser_every_page.py, on the fixture site built as publish.yml builds it
(SITE_URL and REPO_URL set: REPO_URL is what made Material's repository widget ask the forge's API for
stars). A request to another host would tell it who reads what (KVKK); a request that fails is a broken
page or a wasted round trip on a phone.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


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
