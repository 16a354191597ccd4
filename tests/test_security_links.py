"""The weekly dead-link report is written into a GitHub issue: nothing a contributor or a server wrote may
mention someone, link an issue, inject HTML or break the table (issue 8, "the link report escapes")."""

from __future__ import annotations

import re

import pytest

from mpchub.content.links import MAX_REPORT_CHARACTERS, LinkResult, markdown_code, markdown_url, report

HOSTILE_URL = "https://e.org/a|b@maintainer #12 <img src=x onerror=alert(1)>`x`[y](z)"


def cells(row: str) -> list[str]:
    """Split a table row as GitHub does: on '|' not preceded by a backslash."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def test_hostile_url_detail_and_path_stay_inside_their_cells() -> None:
    dead = [LinkResult(HOSTILE_URL, False, "HTTP 404 | @admin <b>x</b>\n| forged | row |")]
    text = report(dead, {HOSTILE_URL: ["practices/a`|@b.md"]}, 3)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 2  # header and one row: the line break in the detail did not forge a row
    link, detail, cited = cells(rows[1])
    assert link == "<https://e.org/a%7Cb@maintainer%20#12%20%3Cimg%20src=x%20onerror=alert(1)%3E%60x%60[y](z)>"
    assert detail.startswith("`") and detail.endswith("`") and "@admin" in detail
    assert cited == "``practices/a`\\|@b.md``"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "//evil.example", "@maintainer"])
def test_non_http_urls_are_code_not_links(url: str) -> None:
    assert markdown_url(url).startswith("`")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain", "`plain`"), ("a`b", "``a`b``"), ("`x`", "`` `x` ``"), ("a|b", "`a\\|b`"), ("a\nb", "`a b`")],
)
def test_code_spans(text: str, expected: str) -> None:
    assert markdown_code(text) == expected


def test_report_stays_under_the_issue_size_limit() -> None:
    dead = [LinkResult(f"https://example.org/{i:05d}/" + "x" * 200, False, "HTTP 404") for i in range(2000)]
    text = report(dead, {r.url: ["practices/a.md"] for r in dead}, 2000)
    assert len(text) <= MAX_REPORT_CHARACTERS + 200
    assert text.rstrip().endswith("the workflow run's summary lists them all.")
