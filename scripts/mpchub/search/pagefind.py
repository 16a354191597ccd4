"""Running Pagefind over the built site.

Pagefind comes from PyPI as ``pagefind[bin]`` (the binary is inside the wheel; nothing is downloaded).
It is run as a program because its index is a post-processing step over HTML: the same call works after
MkDocs, ProperDocs or any other generator, so it is part of the core (the MkDocs plugin calls it after the
build). The browser's search assets (``mpchub.search.assets``: the
folding and key tables, the browse labels) are written into the site by the plugin first.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

from mpchub.content.registry import Language
from mpchub.search import bundle as search_bundle
from mpchub.search import words as search


class PagefindFailed(Exception):
    """Pagefind could not index the site; the message says why (its own output, or a folder name)."""


SAFE_FOLDER = re.compile(r"^[A-Za-z0-9._-]+$")  # site folder names that cannot change what a glob means
MIN_SHARE = 0.9  # of the pages marked for a language, at least this share must be in its index
MARK = b"<div data-pagefind-body>"  # how overrides/main.html opens what is indexed (contributor text is escaped)
FRAGMENT_MARK = b"pagefind_dcd"  # what Pagefind writes before a fragment's JSON
EXCLUDED = (*(f".{name}" for name in search.IGNORED_CLASSES), *search.IGNORED_ELEMENTS)  # selectors left out
EXCLUDE = ", ".join(EXCLUDED)  # as Pagefind's command line takes them


def bundle_dir(language: Language) -> str:
    """The folder of a language's search bundle in the site: ``pagefind/``, ``en/pagefind/``."""
    return f"{language.url_prefix}pagefind"


def index_site(site_dir: Path, languages: tuple[Language, ...]) -> dict[str, int]:
    """Index ``site_dir`` and check the result: each language's bundle must hold at least ``MIN_SHARE`` of the
    pages marked for it in the site's HTML, or a selector or a page's language is wrong. Returns the pages
    indexed per language; raises ``PagefindFailed``."""
    counts = build_index(site_dir, languages)
    check(counts, marked_pages(site_dir, languages))
    return counts


def check(counts: dict[str, int], marked: dict[str, int]) -> None:
    """Raise ``PagefindFailed`` when a language's index holds fewer than ``MIN_SHARE`` of its marked pages."""
    for language, expected in sorted(marked.items()):
        indexed = counts.get(language, 0)
        if indexed < expected * MIN_SHARE:
            raise PagefindFailed(
                f"the search index holds {indexed} '{language}' pages but {expected} were marked for it: "
                "a selector or the page language is probably wrong"
            )


def marked_pages(site_dir: Path, languages: tuple[Language, ...]) -> dict[str, int]:
    """Pages whose content is marked for the index, per language (a second language's pages are under its
    folder), read from the built HTML: for indexing after the build, when the build's own count is gone."""
    master = next(language.code for language in languages if language.master)
    others = {language.code for language in languages if not language.master}
    found: dict[str, int] = {}
    for page in site_dir.rglob("*.html"):
        if MARK in page.read_bytes():
            folder = page.relative_to(site_dir).parts[0]
            language = folder if folder in others else master
            found[language] = found.get(language, 0) + 1
    return found


def build_index(site_dir: Path, languages: tuple[Language, ...]) -> dict[str, int]:
    """Index ``site_dir`` into one bundle per language; returns the number of pages per language.

    One Pagefind run per language, because Pagefind holds everything it indexes in memory until it writes:
    one run over the 10,513 pages of 5,000 bilingual records peaked at 1,241 MiB, one per language at 926
    MiB (Turkish) and 580 MiB (English) (ARCHITECTURE §Performance). A page searches only its own language
    (search.js loads the bundle of the page's language), so nothing is lost by keeping them apart; each run
    selects its pages with Pagefind's own ``--glob``, and result addresses stay relative to the site."""
    counts: dict[str, int] = {}
    for language in languages:
        output = bundle_dir(language)
        command = [
            *(sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", output),
            *("--glob", pages_of(language, languages, site_dir), "--quiet", "--exclude-selectors", EXCLUDE),
        ]
        process = subprocess.run(command, capture_output=True, text=True, timeout=900)
        if process.returncode != 0:
            raise PagefindFailed(f"Pagefind failed ({language.code}):\n{process.stdout}{process.stderr}")
        for found, pages in finish_bundle(site_dir / output).items():
            counts[found] = counts.get(found, 0) + pages
    return counts


def finish_bundle(bundle: Path) -> dict[str, int]:
    """What a bundle Pagefind has written gets from us (its address list, the manifest a page preloads and the
    service worker keeps); returns the pages it holds per language."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    write_addresses(bundle, list(entry["languages"]))
    search_bundle.write_manifest(bundle)
    return {found: data["page_count"] for found, data in entry["languages"].items()}


def pages_of(language: Language, languages: tuple[Language, ...], site_dir: Path) -> str:
    """Pagefind's ``--glob`` for the HTML pages of ``language``: static-i18n puts another language's pages
    under ``<code>/``, and the master's everywhere else (the glob has alternatives, not exclusions)."""
    if not language.master:
        return f"{language.url_prefix}**/*.html"
    others = {other.code for other in languages if not other.master}
    folders = sorted(p.name for p in site_dir.iterdir() if p.is_dir() and p.name not in others)
    unsafe = [name for name in folders if not SAFE_FOLDER.match(name)]
    if unsafe:  # a glob character in a folder name would change what the glob means
        raise PagefindFailed(f"site folders whose names Pagefind's --glob cannot hold: {', '.join(unsafe)}")
    return "{" + ",".join(["*.html", *(f"{name}/**/*.html" for name in folders)]) + "}"


def write_addresses(index_dir: Path, languages: list[str]) -> None:
    """Write ``mpc-addresses.<language>.json``: each indexed page's Pagefind id and its address (site-relative).

    The catalog's text field keeps the cards among a query's results. Pagefind tells a result's address only
    in its fragment (one request per result); for a broad query at thousands of records the browser loads
    this list instead (search.js ``addresses``). Pagefind has no option to write it: the ids are the
    fragments' file names and the addresses are inside them (gzip, after Pagefind's ``pagefind_dcd`` mark).
    """
    found: dict[str, dict[str, str]] = {language: {} for language in languages}
    for fragment in (index_dir / "fragment").glob("*.pf_fragment"):
        language = fragment.name.split("_", 1)[0]
        if language in found:
            data = gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_MARK)
            found[language][fragment.stem] = json.loads(data)["url"].lstrip("/")
    for language, addresses in found.items():
        text = json.dumps(dict(sorted(addresses.items())), ensure_ascii=False, separators=(",", ":"))
        (index_dir / f"mpc-addresses.{language}.json").write_text(text, encoding="utf-8")
