"""What keeps the pages fast on a phone's CPU (what Lighthouse calls total blocking time): no script blocks the
first paint, and our scripts do no work at load that can wait for the visitor. Speed itself is measured by
``./dev.sh bench --weak`` (PERFORMANCE.md), not here."""

from __future__ import annotations

from playwright.sync_api import Page

from sites import BuiltSite

# Counts every change the scripts make to the catalog's list while the page loads: from the end of parsing
# ("interactive"), which comes before deferred scripts run.
WATCH_THE_LIST = """
window.__mpcListChanges = 0;
document.addEventListener("readystatechange", () => {
  const list = document.querySelector("[data-mpc-list]");
  if (document.readyState === "interactive" && list) {
    // data-query and aria-busy say which query the list shows (for tests); they move no card.
    const moved = (r) => !(r.target === list && ["data-query", "aria-busy"].includes(r.attributeName));
    new MutationObserver((records) => { window.__mpcListChanges += records.filter(moved).length; })
      .observe(list, { childList: true, attributes: true, subtree: true });
  }
});
"""


def test_every_script_is_deferred(fixture_site: BuiltSite) -> None:
    """An external script without defer in the body blocks the first paint until it has run (Material's
    bundle was 0.9 s of Lighthouse's render-blocking estimate on a throttled phone)."""
    blocking = {}
    for url in ("", "practices/", "practices/cagri-merkezi/", "en/about/", "404.html"):
        scripts = fixture_site.page(url).select("script[src]")
        assert scripts, url
        left = [s["src"] for s in scripts if not s.has_attr("defer") and not s.has_attr("async")]
        if left:
            blocking[url] = left
    assert not blocking, blocking


# Resolves when the page's main thread is next idle: after load, whatever the scripts do at load is done.
IDLE = "() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))"


def test_the_catalog_is_left_as_built_when_nothing_is_chosen(page: Page, site_url: str) -> None:
    """No filter or query in the URL: the list is as the build wrote it (order and counts), so facets.js
    touches no card at load; and the search dialog is built only when it is first opened."""
    page.add_init_script(WATCH_THE_LIST)
    page.goto(site_url + "practices/")
    page.wait_for_load_state("load")
    page.evaluate(IDLE)  # the scripts have run what they run at load
    assert page.evaluate("() => window.__mpcListChanges") == 0
    assert page.locator(".mpc-search").count() == 0
    page.locator(".mpc-search-open").click()
    assert page.locator(".mpc-search__input").is_visible()
    # With a filter in the URL the list is filtered at load, as before.
    page.goto(site_url + "practices/?province=bursa")
    page.wait_for_load_state("load")
    assert page.evaluate("() => window.__mpcListChanges") > 0
