"""Building real sites for the tests: the repository itself, and a hub with the fixture records."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "hub"
SITE_URL = "http://127.0.0.1:8000/hub/"
REPO_URL = "https://github.com/example/hub"
# The fixture practices in Turkish alphabetical order; byte order would put "<img…" first and "Çağrı" late.
TURKISH_ORDER = [
    "Cami Bahçesi Buluşmaları",
    "Çağrı Merkezi",
    "Dil Kursu",
    "Ilgaz Kulübü",
    "<img src=x onerror=alert(1)>",
    "İzmit Örnek Uygulaması",
]


@dataclass
class BuiltSite:
    root: Path  # the hub the site was built from
    site: Path  # the built site
    log: str

    def page(self, url: str) -> BeautifulSoup:
        """The parsed HTML of a page, by its site-relative URL ('' for the home page)."""
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")  # lxml: ten times faster than html.parser

    def html_files(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.site).as_posix()
        return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def make_fixture_hub(target: Path) -> Path:
    for folder in ("schemas", "vocabularies", "docs", "overrides"):
        shutil.copytree(REPO / folder, target / folder)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("practices", "publications", "recommendations"):
        shutil.copytree(FIXTURES / folder, target / folder)
    return target


def build(root: Path, site: Path) -> BuiltSite:
    env = {**os.environ, "SITE_URL": SITE_URL, "REPO_URL": REPO_URL, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=600,
    )
    log = process.stdout + process.stderr
    assert process.returncode == 0, log
    return BuiltSite(root, site, log)
