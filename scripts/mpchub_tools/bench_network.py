"""``mpchub bench --weak``: the site on a phone on weak mobile data, and offline, in Chromium.

The repository's site (or ``--site-dir``, a site already built with its search index) is served under a
sub-path as GitHub Pages serves it: text gzipped, ``Cache-Control: max-age=600``, ``ETag``, and ``404.html``
for a missing address. A phone (360 × 780, touch, Turkish) with a cold cache opens the home page on a
throttled line (Chromium's DevTools protocol: latency and throughput per profile, the CPU slowed 4×), taps
the search button once the page has loaded and types the query key by key; the figure is the time from the
first key to the results of the whole query on screen (and to the first result shown), the median of
``--repeat`` runs. Then, offline: after the home page and one practice were opened online, are the catalog,
that practice and the search there, and does a page never opened show the offline page.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mpchub.content.project import Project
from mpchub_tools.browser import CachingPagesHandler, launch, serve_as_pages

MOUNT = "/hub/"
# DevTools' presets as the issue states them: Slow 3G 400 kbit/s and 2 s round trips; Fast 3G 1.44 Mbit/s
# (1.6 × 0.9) and 562.5 ms. Throughput in bytes per second.
PROFILES = {
    "Slow 3G": {"latency": 2000, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8},
    "Fast 3G": {"latency": 562.5, "downloadThroughput": 1_440_000 / 8, "uploadThroughput": 675_000 / 8},
}
CPU_SLOWDOWN = 4
PHONE = {"viewport": {"width": 360, "height": 780}, "is_mobile": True, "has_touch": True, "locale": "tr-TR"}
QUERY = "dil kursu"
KEY_DELAY_MS = 120  # a quick thumb

# Times in the page: the first key pressed in the search field, the first result shown, the whole query's
# results shown (search.js sets data-query last). Installed before any page script.
TIMER = """
window.__mpcTiming = { key: 0, first: 0, done: 0 };
document.addEventListener('keydown', (e) => {
  if (!window.__mpcTiming.key && e.target.classList && e.target.classList.contains('mpc-search__input')) {
    window.__mpcTiming.key = performance.now();
  }
}, true);
new MutationObserver(() => {
  const t = window.__mpcTiming, list = document.querySelector('.mpc-search__results');
  if (!list || !t.key) return;
  if (!t.first && list.querySelector('li')) t.first = performance.now();
  if (!t.done && list.getAttribute('data-query') === %s && list.querySelector('li')) t.done = performance.now();
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
"""


def first_search(browser: Any, base: str, profile: dict[str, float], transferred: list) -> dict[str, float]:
    """One cold visit: the home page, then the search typed once it has loaded. Times in seconds.

    Without the service worker: the DevTools protocol throttles the page's requests, not the worker's, which
    would make its fetches look fast (on a first visit it would only just be installing anyway)."""
    context = browser.new_context(service_workers="block", **PHONE)
    context.add_init_script(TIMER % repr(QUERY))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
    cdp.send("Network.emulateNetworkConditions", {"offline": False, **profile})
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    transferred.clear()
    page.goto(base, wait_until="load", timeout=120_000)
    loaded = sum(size for _, size in transferred)
    page.locator(".mpc-search-open").tap()
    page.locator(".mpc-search__input").type(QUERY, delay=KEY_DELAY_MS)
    page.wait_for_function("() => window.__mpcTiming.done > 0", timeout=120_000, polling=50)
    timing = page.evaluate("() => window.__mpcTiming")
    after = sum(size for _, size in transferred) - loaded
    context.close()
    return {
        "first": (timing["first"] - timing["key"]) / 1000,
        "done": (timing["done"] - timing["key"]) / 1000,
        "page_kb": loaded / 1024,
        "search_kb": after / 1024,
    }


def offline_visit(browser: Any, base: str) -> list[tuple[str, bool, str]]:
    """Open the home page and a practice online, then go offline: what still works."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base, wait_until="load")
    with contextlib.suppress(Exception):  # a site without a service worker: the checks below say what fails
        page.wait_for_function("() => document.documentElement.hasAttribute('data-mpc-offline')", timeout=30_000)
    practice = page.evaluate(
        "() => [...document.querySelectorAll('a[href*=\"practices/\"]')].map(a => a.href)"
        ".find(h => /practices\\/[^/]+\\/$/.test(h))"
    )
    page.goto(practice, wait_until="load")
    context.set_offline(True)
    checks: list[tuple[str, bool, str]] = []
    for name, url in (("catalog", base + "practices/"), ("the practice opened", practice)):
        try:
            page.goto(url, wait_until="load")
            ok = page.locator(".mpc-card, h1").count() > 0 and "offline" not in page.url
            checks.append((name, ok and page.locator("h1").first.inner_text() != "Çevrimdışısınız", page.title()))
        except Exception as exc:
            checks.append((name, False, str(exc).splitlines()[0]))
    try:
        page.locator(".mpc-search-open").click(timeout=5_000)
        page.locator(".mpc-search__input").fill(QUERY)
        page.wait_for_function(
            "(q) => document.querySelector('.mpc-search__results').getAttribute('data-query') === q",
            arg=QUERY,
            timeout=30_000,
            polling=50,
        )
        found = page.locator(".mpc-search__results li").count()
        checks.append(("search", found > 0, f"{found} results for {QUERY!r}"))
    except Exception as exc:
        status = page.locator(".mpc-search__status")
        checks.append(("search", False, status.inner_text() if status.count() else str(exc).splitlines()[0]))
    unvisited = base + "about/"
    try:
        page.goto(unvisited, wait_until="load")
        heading = page.locator("h1").first.inner_text().rstrip("¶ ")
        checks.append(("a page never opened shows the offline page", heading == "Çevrimdışısınız", heading))
    except Exception as exc:
        checks.append(("a page never opened shows the offline page", False, str(exc).splitlines()[0]))
    context.close()
    return checks


def run(project: Project, args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="mpchub-bench-weak-") as scratch:
        site = Path(args.site_dir) if args.site_dir else build_site(project, Path(scratch) / "site")
        if site is None:
            return 1
        with serve_as_pages(site, MOUNT) as base, sync_playwright() as playwright:
            browser = launch(playwright)
            for name, profile in PROFILES.items():
                sent = CachingPagesHandler.transferred
                runs = [first_search(browser, base, profile, sent) for _ in range(max(args.repeat, 1))]
                done = statistics.median(r["done"] for r in runs)
                first = statistics.median(r["first"] for r in runs)
                spread = ", ".join(f"{r['done']:.1f}" for r in runs)
                print(
                    f"{name} ({CPU_SLOWDOWN}x CPU), cold cache, {QUERY!r} typed after the home page loaded: "
                    f"results {done:.1f} s after the first key (median of {len(runs)}: {spread}), first result "
                    f"{first:.1f} s; home page {runs[0]['page_kb']:.0f} KB, then {runs[0]['search_kb']:.0f} KB"
                )
            for name, ok, detail in offline_visit(browser, base):
                print(f"offline after the home page and a practice: {name}: {'yes' if ok else 'NO'} ({detail})")
            browser.close()
    return 0


def build_site(project: Project, site: Path) -> Path | None:
    """The project's site as published (``mkdocs build``, then ``mpchub index``), for the bench's address."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPCHUB_SEARCH": "false", "SITE_URL": "http://127.0.0.1/hub/"}
    root = str(project.root)
    for command in (
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", f"{root}/mkdocs.yml", "-d", str(site)],
        [sys.executable, "-m", "mpchub", "--root", root, "index", str(site)],
    ):
        process = subprocess.run(command, env=env, cwd=root, capture_output=True, text=True, timeout=900)
        if process.returncode != 0:
            print(process.stdout + process.stderr, file=sys.stderr)
            return None
    return site
