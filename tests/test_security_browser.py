"""Hostile records in a real build, in Chromium: no script runs, nothing loads from another host, and the
Content-Security-Policy is never violated, while the visitor hovers, focuses and clicks every element.

The site is the fixture hub plus ``tests/fixtures/hostile`` (records that pass `mpchub check` but put
script-looking text, template syntax and attribute breakers into every contributor field and the body),
built with the real configuration and served under a sub-path as GitHub Pages serves it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser import WATCH
from conftest import REPO

HOSTILE = REPO / "tests" / "fixtures" / "hostile"

# Every element: the events that inline handlers and autofocus payloads listen for, then a click.
INTERACT = """
() => {
  const kinds = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup',
                 'focus', 'focusin', 'blur', 'focusout', 'keydown', 'keyup', 'input', 'change', 'toggle',
                 'animationstart', 'transitionend', 'load', 'error'];
  let count = 0;
  for (const element of Array.from(document.querySelectorAll('body *'))) {
    for (const kind of kinds) element.dispatchEvent(new Event(kind, { bubbles: true }));
    if (typeof element.focus === 'function') element.focus();
    if (typeof element.click === 'function' && !element.closest('.md-header, .mpc-search')) element.click();
    count += 1;
  }
  return count;
}
"""

PAGES = [
    "practices/zararli-icerik/",
    "en/practices/zararli-icerik/",
    "practices/xss-deneme/",
    "en/practices/xss-deneme/",
    "practices/",
    "en/practices/",
    "municipalities/",
    "municipalities/kotu-script-alert-name-script-belediyesi/",
    "themes/education/",
    "",
    "en/",
    "404.html",
]


# Every page where the hostile records show (filled by the fixture): the pages that differ from the same site
# built without them. The others are the fixture site's pages, whose every type tests/test_browser_every_page.py
# loads with the same watch.
HOSTILE_PAGES: list[str] = []


def _hostile_hub(target: Path) -> Path:
    from sites import make_fixture_hub

    hub = make_fixture_hub(target)
    for record in sorted((HOSTILE / "practices").glob("*.md")):
        shutil.copy(record, hub / "practices" / record.name)
    return hub


@pytest.fixture(scope="module")
def hostile_site(shared_root: Path, fixture_site) -> Iterator[str]:
    from browser import serve
    from sites import build_shared

    built = build_shared(shared_root, "hostile-site", _hostile_hub)
    shown = [path for path in built.html_files() if _differs(path, built.site, fixture_site.site)]
    HOSTILE_PAGES[:] = [built.url_of(path) for path in shown]
    with serve(built.site, "/hub/") as url:
        yield url


def _differs(page: Path, site: Path, without_hostile: Path) -> bool:
    twin = without_hostile / page.relative_to(site)
    return "pagefind" not in page.parts and (not twin.exists() or twin.read_bytes() != page.read_bytes())


def _visit(browser, url: str, width: int = 1280) -> tuple[list[str], list[str], list[str], int]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_init_script(WATCH)
    page = context.new_page()
    origin = url.split("/hub/")[0]
    foreign: list[str] = []
    console: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((origin, "data:")) else None)
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("dialog", lambda d: (console.append("dialog: " + d.message), d.dismiss()))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    count = page.evaluate(INTERACT)
    page.mouse.move(5, 5)
    page.keyboard.press("Tab")
    page.evaluate("() => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }))")
    ran = page.evaluate("window.__ran") if page.url.startswith(origin) else ["navigated away: " + page.url]
    violations = page.evaluate("window.__violations") if page.url.startswith(origin) else []
    context.close()
    return ran + console, violations, foreign, count


@pytest.mark.parametrize("path", PAGES)
def test_hostile_records_run_nothing_and_load_nothing(browser, hostile_site: str, path: str) -> None:
    ran, violations, foreign, count = _visit(browser, hostile_site + path)
    assert count > 20  # the page rendered and every element was exercised
    assert ran == [], ran
    assert violations == [], violations
    assert foreign == [], foreign


@pytest.mark.parametrize("path", ["practices/zararli-icerik/", "en/practices/"])
def test_on_a_phone_too(browser, hostile_site: str, path: str) -> None:
    """Material builds the navigation drawer and tabs differently at 360 px: the policy must hold there too."""
    ran, violations, foreign, count = _visit(browser, hostile_site + path, width=360)
    assert count > 20  # the page rendered and every element was exercised
    assert ran == [], ran
    assert violations == [], violations
    assert foreign == [], foreign


PARTS = 3  # the pages in parts that pytest-xdist spreads over its workers


@pytest.mark.parametrize("part", range(PARTS))
def test_every_page_loads_without_a_csp_violation_or_another_host(browser, hostile_site: str, part: int) -> None:
    """Every page where the hostile records show (listings, browse pages, their own pages), loaded as a visitor
    loads it."""
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    origin = hostile_site.split("/hub/")[0]
    console: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith((origin, "data:")) else None)
    failures = {}
    assert len(HOSTILE_PAGES) > 30
    for path in HOSTILE_PAGES[part::PARTS]:
        page.goto(hostile_site + path)
        page.wait_for_load_state("load")
        found = page.evaluate("window.__violations") + page.evaluate("window.__ran") + console + foreign
        if found:
            failures[path] = list(found)
        console.clear()
        foreign.clear()
    context.close()
    assert failures == {}


def test_template_syntax_in_fields_is_text(browser, hostile_site: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(hostile_site + "practices/zararli-icerik/")
    heading = page.locator("h1").first.inner_text()
    assert "{{ 7*7 }}" in heading and "<svg onload=alert('title')>" in heading
    executable = 'article script:not([type="application/ld+json"])'  # JSON-LD is data; the CSP runs none
    assert page.locator(f"article svg[onload], article img[onerror], {executable}").count() == 0
    context.close()


def test_search_results_show_hostile_titles_as_text(browser, hostile_site: str) -> None:
    from mpchub_tools.relevance_command import search_box

    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    page.goto(hostile_site + "about/")
    found = search_box(page, "Sentetik")
    assert any("zararli-icerik" in url for url in found), found
    page.evaluate(INTERACT)
    assert page.evaluate("window.__ran") == []
    assert page.evaluate("window.__violations") == []
    context.close()


def test_fixture_records_are_accepted_by_the_check(tmp_path: Path) -> None:
    """The hostile fixtures must reach the build: if the check refused them, this test would prove nothing."""
    from conftest import run_cli
    from sites import make_fixture_hub

    hub = make_fixture_hub(tmp_path / "hub")
    for record in sorted((HOSTILE / "practices").glob("*.md")):
        shutil.copy(record, hub / "practices" / record.name)
    result = run_cli("--root", str(hub), "check")
    assert result.exit_code == 0, result.out


def test_the_watch_sees_a_payload_that_runs(browser, tmp_path: Path) -> None:
    """Without the policy an injected handler runs and is recorded; with it, the violation is recorded."""
    from browser import serve
    from mpchub.site import csp

    page_html = (
        "<!doctype html><html><head><meta charset='utf-8'><title>t</title></head><body>"
        + "<p onmouseover=\"alert('ran')\">x</p>" * 30
        + "</body></html>"
    )
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "index.html").write_text(page_html, encoding="utf-8")
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "index.html").write_text(csp.apply(page_html), encoding="utf-8")
    with serve(tmp_path, "/hub/") as url:
        ran, violations, _, _ = _visit(browser, url + "plain/")
        assert "alert:ran" in ran
        ran, violations, _, _ = _visit(browser, url + "policy/")
        assert not [r for r in ran if r.startswith("alert:")]
        assert violations and violations[0].startswith("script-src")
