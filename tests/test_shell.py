"""Material's repeated work done once (mpchub_mkdocs.once) and generated pages written into shells
(mpchub_mkdocs.shells, mpchub.site.shell) change nothing a visitor or a search engine gets: every page of the
shared fixture site, of every type and in both languages, and its sitemap are byte for byte those of the same hub
built with ``MPCHUB_UNCACHED=1``, where MkDocs renders every page itself, with nothing cached.

The open data, which the shelled build writes before its pages, is compared too. Differences allowed, by name:
``ALLOWED`` (none for pages); the search bundles are left out: they are Pagefind's binary files, and the
reference build makes none.

Both rest on reading Material's templates (which partials depend only on the page's folder, how a page's title,
description and address are printed): ``MATERIAL_TEMPLATES`` pins them, so that a new Material release fails here
until that reading is checked again.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import material
import pytest

from sites import REPO_URL, SITE_URL, BuiltSite

pytestmark = pytest.mark.site

# The sha256 of Material's templates/ (every file, by path): update it after checking the comparison below passes
# with the new release and that mpchub_mkdocs/once.py and shells.py still say what the templates do.
MATERIAL_TEMPLATES = "0cf6cd610e8df394a294b5513f07e2dbe183ca444c6ae0c2fd24ce5a9684aa39"
# Named differences between the two builds' files (page or file pattern: reason). None for pages.
ALLOWED: dict[str, str] = {
    "data/*.xlsx": "a spreadsheet holds the time it was written (openpyxl's core properties)",
    "data/datapackage.json": "it lists each file's size and hash, the spreadsheets' included",
}
LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")  # the build date (two builds may straddle midnight)


def material_templates_digest() -> str:
    root = Path(material.__file__).parent / "templates"
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".yml")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_material_templates_are_the_ones_the_shells_were_checked_against() -> None:
    assert material_templates_digest() == MATERIAL_TEMPLATES, (
        "Material's templates changed: check that tests/test_shell.py's comparison still passes and that "
        "mpchub_mkdocs/once.py and shells.py still describe them, then update MATERIAL_TEMPLATES"
    )


@pytest.fixture(scope="module")
def reference(fixture_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture hub built again with every page rendered by MkDocs and nothing cached (no search index)."""
    site = tmp_path_factory.mktemp("uncached") / "site"
    root = fixture_site.root
    env = {
        **os.environ,
        "SITE_URL": SITE_URL,
        "REPO_URL": REPO_URL,
        "NO_MKDOCS_2_WARNING": "1",
        "MPCHUB_UNCACHED": "1",
        "MPCHUB_SEARCH": "false",
    }
    env.pop("MPCHUB_INDEX_FEED", None)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(root / "mkdocs.yml"), "-d"]
    process = subprocess.run([*command, str(site)], capture_output=True, text=True, env=env, cwd=root, timeout=600)
    assert process.returncode == 0, process.stdout + process.stderr
    return site


def test_the_shells_wrote_pages(fixture_site: BuiltSite) -> None:
    """The comparison below compares something: the shared site's record and browse pages were written into
    shells, in both languages."""
    written = {
        lang: int(n)
        for n, lang in re.findall(r"mpchub: (\d+) '(\w+)' pages written into their shells", fixture_site.log)
    }
    assert set(written) == {"tr", "en"} and min(written.values()) >= 20, fixture_site.log[-2000:]
    # and the English pages were made in a forked child, so the comparison below covers that path too
    assert "mpchub: pages of en made in a forked child" in fixture_site.log, fixture_site.log[-2000:]


def test_every_page_is_the_one_mkdocs_renders(fixture_site: BuiltSite, reference: Path) -> None:
    built = {p.relative_to(fixture_site.site).as_posix() for p in fixture_site.site.rglob("*.html")}
    expected = {p.relative_to(reference).as_posix() for p in reference.rglob("*.html")}
    assert built == expected, (
        f"only shelled: {sorted(built - expected)[:5]}; only in the reference: {sorted(expected - built)[:5]}"
    )
    kinds = {path.split("/")[-3] if path.count("/") >= 2 else path for path in built}
    assert {"practices", "recommendations", "publications", "themes", "municipalities"} <= kinds
    differ = [
        path
        for path in sorted(built)
        if path not in ALLOWED and (fixture_site.site / path).read_bytes() != (reference / path).read_bytes()
    ]
    assert not differ, f"{len(differ)} pages differ from MkDocs' rendering, first: {differ[:5]}"
    others = {p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file()} - expected
    assert {p.relative_to(fixture_site.site).as_posix() for p in fixture_site.site.rglob("*") if p.is_file()} >= others
    differ = [
        path
        for path in sorted(others)
        if path != "sitemap.xml"
        and not path.endswith(".gz")
        and not any(fnmatch(path, pattern) for pattern in ALLOWED)
        and (fixture_site.site / path).read_bytes() != (reference / path).read_bytes()
    ]
    assert not differ, f"{len(differ)} files differ from the reference build's: {differ[:5]}"
    sitemap = [
        LASTMOD.sub("", (site / "sitemap.xml").read_text(encoding="utf-8")) for site in (fixture_site.site, reference)
    ]
    assert sitemap[0] == sitemap[1]
    # every page but the 404 page and the web editor's (/admin/, which the engine never sees), with its alternates
    assert sitemap[0].count("<url>") == len([p for p in built if p != "404.html" and not p.startswith("admin/")])
