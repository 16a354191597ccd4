"""Pagefind fed page by page (mpchub.search.service): pages given without Material's frame (``trimmed``) make the
same index as whole pages, and a frame that holds anything Pagefind reads keeps the page whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpchub.search import pagefind
from mpchub.search.service import Service, trimmed, url_of
from sites import BuiltSite

pytestmark = pytest.mark.site

PAGE = (
    '<!doctype html><html lang="tr"><head><title>T</title></head><body><header>{frame}</header><article>'
    "<div data-pagefind-body><h1>Başlık</h1><div><p>göçmen</p></div></div>"
    '<p class="mpc-feedback">x</p></article></body></html>'
)


def test_a_page_is_trimmed_to_its_head_and_indexed_element() -> None:
    page = PAGE.format(frame="<nav>menü</nav>")
    assert trimmed(page) == (
        '<!doctype html><html lang="tr"><head><title>T</title></head><body>'
        "<div data-pagefind-body><h1>Başlık</h1><div><p>göçmen</p></div></div></body></html>"
    )
    assert trimmed(PAGE.format(frame="<p data-pagefind-ignore>yazdırılır</p>")) == trimmed(page)  # nothing read
    for read in ('<span data-pagefind-meta="x:y"></span>', "<h1>Site</h1>", '<img src="a.png">'):
        assert trimmed(PAGE.format(frame=read)) == PAGE.format(frame=read)  # Pagefind reads these anywhere
    assert trimmed("<html><head></head><body><p>unmarked</p></body></html>").endswith("unmarked</p></body></html>")
    commented = "<!doctype html><html><head></head><body><div data-pagefind-body><!-- </div> --><p>a</p></div><p>b</p>"
    assert trimmed(commented) == commented  # a comment's "</div>" would end the element early: given whole


def _index(pages: list[tuple[str, str]], output: Path) -> tuple[list[str], list[str]]:
    service = Service(list(pagefind.EXCLUDED))
    for path, html in pages:
        service.add(url_of(path), html)
    service.write(output)
    return sorted(p.name for p in (output / "fragment").iterdir()), sorted(p.name for p in (output / "index").iterdir())


def test_trimmed_pages_make_the_same_index(fixture_site: BuiltSite, tmp_path: Path) -> None:
    """Fragment and index file names are hashes of their content (filter files are not compared: Pagefind writes
    their entries in a random order)."""
    pages = []
    for path in fixture_site.html_files():
        html = path.read_text(encoding="utf-8")
        if pagefind.MARK.decode() in html and '<html lang="tr"' in html:
            pages.append((path.relative_to(fixture_site.site).as_posix(), html))
    assert len(pages) > 8 and all(len(trimmed(html)) < len(html) - 20_000 for _path, html in pages)  # the frame
    whole = _index(pages, tmp_path / "whole")
    assert _index([(path, trimmed(html)) for path, html in pages], tmp_path / "trimmed") == whole
