"""The search index is checked: a build (or ``mpchub index``) fails when a language's index holds far fewer pages
than were marked for it, which means a selector or a page's language is wrong."""

from __future__ import annotations

import json
import sys
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


# A stand-in for the site's build under `mpchub index SITE --build`: writes the pages given as arguments
# (path:lang:marked) into SITE, reports the marked ones on the feed as it goes, then how many it marked; exits
# with the code given last.
FAKE_BUILD = """
import os, sys
from pathlib import Path
site, *pages, code = sys.argv[1:]
feed = os.fdopen(int(os.environ["MPCHUB_INDEX_FEED"]), "w")
counts = {}
for spec in pages:
    path, lang, marked = spec.split(":")
    body = "<div data-pagefind-body><p>göçmen danışma merkezi</p></div>" if marked == "1" else "<p>liste</p>"
    target = Path(site, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'<!doctype html><html lang="{lang}"><head><title>x</title></head><body>{body}</body></html>')
    if marked == "1":
        feed.write(f"page\\t{lang}\\t{path}\\n")  # relative to the site, as Feed.page writes it
    counts[lang] = counts.get(lang, 0) + int(marked)
counts["en"] = counts.get("en", 0) + int(os.environ.get("EXTRA_MARKED", "0"))
for lang, n in counts.items():
    feed.write(f"marked\\t{lang}\\t{n}\\n")
feed.close()
sys.exit(int(code))
"""


def _built_with(site: Path, *pages: str, code: int = 0) -> list[str]:
    return ["--build", sys.executable, "-c", FAKE_BUILD, str(site), *pages, str(code)]


def test_indexing_while_the_build_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``mpchub index SITE --build COMMAND`` (publish.yml) indexes what the build reports as it writes it, writes a
    bundle per language once the build has exited, and fails like the checks above when the build marked more
    pages than it gave; a failed build's exit code is passed on and no index is written."""
    pages = (
        "index.html:tr:0",
        "practices/a/index.html:tr:1",
        "about/index.html:tr:1",
        "en/practices/a/index.html:en:1",
    )
    indexed = run_cli("--root", str(REPO), "index", str(tmp_path), *_built_with(tmp_path, *pages))
    assert indexed.exit_code == 0, indexed.err
    assert indexed.out == "search index: en 1 pages, tr 2 pages\n"
    for bundle in ("pagefind", "en/pagefind"):
        assert (tmp_path / bundle / "pagefind.js").is_file()
    addresses = json.loads((tmp_path / "pagefind" / "mpc-addresses.tr.json").read_text(encoding="utf-8"))
    assert sorted(addresses.values()) == ["about/", "practices/a/"]
    monkeypatch.setenv("EXTRA_MARKED", "3")
    short = run_cli("--root", str(REPO), "index", str(tmp_path / "b"), *_built_with(tmp_path / "b", *pages))
    assert short.exit_code == 1 and "holds 1 'en' pages but 4 were marked" in short.err
    monkeypatch.delenv("EXTRA_MARKED")
    failed = run_cli("--root", str(REPO), "index", str(tmp_path / "c"), *_built_with(tmp_path / "c", *pages, code=3))
    assert failed.exit_code == 3 and not (tmp_path / "c" / "pagefind").exists()
