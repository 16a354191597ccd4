"""The relevance set (tests/relevance/queries.yml) through the real search box, on the repository's site.

Every query must have all its records in the first five results, in its language (issue 11's goal).
`./dev.sh relevance` runs the same queries and reports recall@5, ranks and timings.
"""

from __future__ import annotations

import pytest

from mpchub.content.project import Project
from mpchub_tools.relevance import Outcome, load, report
from mpchub_tools.relevance_command import START, search_box
from sites import REPO

pytestmark = [pytest.mark.browser, pytest.mark.site]


PARTS = 3  # the set runs in parts that pytest-xdist can spread over its workers (a query waits on the browser)


@pytest.mark.parametrize("part", range(PARTS))
def test_every_query_has_its_records_in_the_first_five(browser, repo_site_url: str, part: int) -> None:
    everything = load(Project(REPO))
    assert len(everything) >= 40
    queries = everything[part::PARTS]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages = {}
    for lang, path in START.items():
        pages[lang] = context.new_page()
        pages[lang].goto(repo_site_url + path)
    outcomes = [Outcome(q, search_box(pages[q.lang], q.text)) for q in queries]
    context.close()
    misses = [o for o in outcomes if o.recall < 1.0]
    assert not misses, "\n" + report(outcomes)


def test_english_results_hold_no_turkish_only_page(browser, repo_site_url: str) -> None:
    """A Turkish-only record has an English page (a notice and the Turkish text) that is never indexed."""
    page = browser.new_page()
    page.goto(repo_site_url + "en/about/")
    for query in ("istanbul", "belediye", "mülteci", "refugee"):
        for path in search_box(page, query):
            assert path.startswith("en/"), (query, path)
            html = page.request.get(repo_site_url + path).text()
            assert 'class="mpc-notice"' not in html or "mpc-notice--outdated" in html, (query, path)
    page.close()
