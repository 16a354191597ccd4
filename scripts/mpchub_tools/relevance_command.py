"""``python -m mpchub_tools.relevance_command``: run the relevance test set through the real search box in Chromium.

Builds the site (or takes ``--site DIR``), serves it under a sub-path as GitHub Pages does, types every
query of ``tests/relevance/queries.yml`` into the header search of a page in the query's language, and
reports recall@5, the rank of the first right answer and, with the index cached, the time from the last
key to the results on screen. Exit code 1 when a query misses one of its records.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mpchub.content.project import Project
from mpchub.search.pagefind import bundle_dir
from mpchub_tools.relevance import CUTOFF, Outcome, Query, RelevanceSetError, load, report, summarise

MOUNT = "/hub/"
RESULTS = ".mpc-search__results"
# True once every result of query q is on screen (search.js sets data-query last). A function, not an
# expression: the site's Content-Security-Policy forbids evaluating strings.
# The search box's results show the query ``q`` (the dialog is built on first use: until then, nothing shows).
SHOWN = "(q) => document.querySelector('.mpc-search__results')?.getAttribute('data-query') === q"
# A page to type on, per language: any page with the header search.
START = {"tr": "about/", "en": "en/about/"}
# Queries that match most records, timed too (not scored): the search's slowest case is a word on every page.
BROAD = {"tr": "belediyesi", "en": "municipality"}


def search_box(page: Any, text: str, timeout: float = 15_000, typed: bool = False) -> list[str]:
    """Put ``text`` into the header search of ``page`` and return the result paths (site-relative), best first.

    ``typed``: key by key, as a person types (for timing); otherwise the field is filled in one input event,
    which runs the same search once instead of once per partial word."""
    field = page.locator(".mpc-search__input")
    if not field.is_visible():
        page.locator(".mpc-search-open").click()
    field.fill("")
    # Polled every 50 ms: Playwright's default polls on animation frames, which Chromium throttles to about
    # one a second in a page that is not in front (the relevance run keeps one page per language).
    page.wait_for_function(SHOWN, arg="", timeout=timeout, polling=50)
    if typed:
        field.type(text)
    else:
        field.fill(text)
    page.wait_for_function(SHOWN, arg=text.strip(), timeout=timeout, polling=50)
    hrefs = page.eval_on_selector_all(f"{RESULTS} a", "links => links.map(a => a.getAttribute('href'))")
    # without the ?highlight= that marks the words on the page opened (search.js)
    return [href.split(MOUNT, 1)[-1].split("?", 1)[0] for href in hrefs]


# Times, in the page, the last key pressed in the search field and the last change of the result list.
TIMER = """() => {
  const timing = window.__mpcTiming = { key: 0, shown: 0 };
  const field = document.querySelector('.mpc-search__input');
  field.addEventListener('keydown', () => { timing.key = performance.now(); });
  const list = document.querySelector('.mpc-search__results');
  new MutationObserver(() => { timing.shown = performance.now(); }).observe(list, { childList: true });
}"""


def timed_search(page: Any, text: str) -> tuple[list[str], float]:
    """Search twice (the first run loads the index chunks), and time the second, cached run."""
    search_box(page, text, typed=True)
    found = search_box(page, text, typed=True)
    timing = page.evaluate("() => window.__mpcTiming")
    return found, max(0.0, timing["shown"] - timing["key"])


def run_queries(
    site: Path, queries: list[Query], timing: bool = True, broad: dict[str, float] | None = None
) -> list[Outcome]:
    """Type every query; with ``timing``, time each (index cached) and, into ``broad``, the ``BROAD`` queries."""
    from playwright.sync_api import sync_playwright

    from mpchub_tools.browser import launch, serve

    outcomes = []
    with serve(site, MOUNT) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        pages = {}
        for lang, path in START.items():
            page = browser.new_page()
            page.goto(base + path)
            page.keyboard.press("/")
            page.evaluate(TIMER)
            pages[lang] = page
        for query in queries:
            page = pages[query.lang]
            if timing:
                found, millis = timed_search(page, query.text)
                outcomes.append(Outcome(query, found, millis))
            else:
                outcomes.append(Outcome(query, search_box(page, query.text)))
        if timing and broad is not None:
            for lang, text in BROAD.items():
                found, millis = timed_search(pages[lang], text)
                broad[f"[{lang}] {text} ({len(found)} shown)"] = millis
        browser.close()
    return outcomes


def build_site(project: Project, target: Path) -> str | None:
    """Build the project's site into ``target``; returns the build log on failure."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1{MOUNT}"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.root / "mkdocs.yml"), "-d", str(target)]
    process = subprocess.run(command, env=env, capture_output=True, text=True, cwd=project.root, timeout=1800)
    return None if process.returncode == 0 else process.stdout + process.stderr


def run(project: Project, args: argparse.Namespace) -> int:
    try:
        queries = load(project, args.queries)
    except RelevanceSetError as exc:
        print(exc, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="mpchub-relevance-") as scratch:
        site = args.site
        if site is None:
            site = Path(scratch) / "site"
            failure = build_site(project, site)
            if failure:
                print(f"relevance: the site did not build:\n{failure}", file=sys.stderr)
                return 1
        elif missing := [
            b for b in map(bundle_dir, project.registry.languages) if not (site / b / "pagefind.js").is_file()
        ]:
            print(f"relevance: {site} has no search index ({', '.join(missing)})", file=sys.stderr)
            return 2
        broad: dict[str, float] = {}
        try:
            outcomes = run_queries(site, queries, timing=not args.no_timing, broad=broad)
        except Exception as exc:  # Playwright's errors: a missing browser, a search that never finished
            print(f"relevance: the browser run failed: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1
    print(report(outcomes, verbose=args.verbose))
    for intruder in args.intruder or ():
        print(intruder_report(outcomes, intruder))
    for query, millis in broad.items():
        print(f"a query matching most records, {query}: results on screen {millis:.0f} ms after the last key")
    return 0 if summarise(outcomes).complete == len(outcomes) else 1


def intruder_report(outcomes: list[Outcome], record_id: str) -> str:
    """How many queries a record (a keyword-stuffed one, say) reaches the first five results of, in either
    language: the stuffing-resistance figure of issue 20."""
    reached = [o for o in outcomes if any(path.rstrip("/").endswith("/" + record_id) for path in o.found[:CUTOFF])]
    lines = [f"{record_id}: in the first {CUTOFF} results of {len(reached)} of {len(outcomes)} queries"]
    lines += [f"  {o.query.lang} {o.query.text!r}: rank {_rank(o, record_id)}" for o in reached]
    return "\n".join(lines)


def _rank(outcome: Outcome, record_id: str) -> int:
    return next(i for i, path in enumerate(outcome.found, 1) if path.rstrip("/").endswith("/" + record_id))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m mpchub_tools.relevance_command", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--root", type=Path, help="repository root (default: found from the working directory)")
    parser.add_argument("--site", type=Path, metavar="DIR", help="a built site to search (default: build one)")
    parser.add_argument("--queries", type=Path, help="the test set (default: tests/relevance/queries.yml)")
    parser.add_argument("--verbose", action="store_true", help="a line for every query, not only misses")
    parser.add_argument("--no-timing", action="store_true", help="search each query once, without timing")
    parser.add_argument(
        "--intruder", action="append", metavar="ID", help="count the queries this record's page is in the top 5 of"
    )
    args = parser.parse_args(argv)
    return run(Project.find(args.root), args)


if __name__ == "__main__":
    raise SystemExit(main())
