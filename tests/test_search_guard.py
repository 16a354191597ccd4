"""The search index is checked: a build (or ``mpchub index``) fails when a language's index holds far fewer pages
than were marked for it, which means a selector or a page's language is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO, run_cli
from mpchub.content.project import Project
from mpchub.search import pagefind

LANGUAGES = Project(REPO).registry.languages


def test_an_index_far_smaller_than_the_marked_pages_fails() -> None:
    with pytest.raises(pagefind.PagefindFailed, match="holds 2 'tr' pages but 40 were marked"):
        pagefind.check({"tr": 2, "en": 40}, {"tr": 40, "en": 40})
    pagefind.check({"tr": 40, "en": 39}, {"tr": 40, "en": 40})  # within the share: passes


def _page(site: Path, path: str, lang: str, body: str) -> None:
    (site / path).parent.mkdir(parents=True, exist_ok=True)
    (site / path).write_text(
        f'<!doctype html><html lang="{lang}"><head><title>x</title></head><body>{body}</body></html>'
    )


def test_indexing_after_the_build_counts_the_marked_pages_in_the_html(tmp_path: Path) -> None:
    """``mpchub index`` (publish.yml runs it after ``mkdocs build``) has no count from the build: it reads the
    marks in the built pages, another language's under its folder, runs Pagefind for real and fails the same
    way. A contributor's escaped text is no mark; a mark inside a comment is one Pagefind cannot see."""
    marked = "<div data-pagefind-body><p>göçmen danışma merkezi</p></div>"
    for path, lang in (("index.html", "tr"), ("practices/a/index.html", "tr"), ("en/practices/a/index.html", "en")):
        _page(tmp_path, path, lang, marked)
    _page(tmp_path, "themes/index.html", "tr", "<p>&lt;div data-pagefind-body&gt; written by a contributor</p>")
    assert pagefind.marked_pages(tmp_path, LANGUAGES) == {"tr": 2, "en": 1}
    indexed = run_cli("--root", str(REPO), "index", str(tmp_path))
    assert indexed.exit_code == 0, indexed.err
    assert indexed.out == "search index: en 1 pages, tr 2 pages\n"
    assert (tmp_path / "pagefind" / "pagefind.js").is_file() and (
        tmp_path / "en" / "pagefind" / "pagefind.js"
    ).is_file()
    for n in range(3):  # marked in a way Pagefind does not index: the guard sees the gap
        _page(tmp_path, f"en/hidden-{n}/index.html", "en", "<!-- <div data-pagefind-body> --><p>x</p>")
    failed = run_cli("--root", str(REPO), "index", str(tmp_path))
    assert failed.exit_code == 1 and "holds 1 'en' pages but 4 were marked" in failed.err
    assert run_cli("--root", str(REPO), "index", str(tmp_path / "nowhere")).exit_code == 2
