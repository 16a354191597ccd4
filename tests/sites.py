"""Building real sites for the tests: the repository itself, and a hub with the fixture records."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from filelock import FileLock

from hubs import FIXTURES, make_hub

REPO = Path(__file__).resolve().parents[1]
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
        """The visitor pages: every HTML file but the web editor's page (admin/, tested in test_cms.py)."""
        return sorted(p for p in self.site.rglob("*.html") if p.relative_to(self.site).parts[0] != "admin")

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.site).as_posix()
        return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def make_fixture_hub(target: Path) -> Path:
    return make_hub(target, site=True, records=FIXTURES)


def build(root: Path, site: Path, env: dict[str, str] | None = None) -> BuiltSite:
    """The hub at ``root`` built as publish.yml builds it (or with ``env`` instead): ``mpchub index SITE --build
    mkdocs build --strict``, which indexes the pages as the build writes them and writes the index once it has
    exited."""
    if env is None:
        env = {**os.environ, "SITE_URL": SITE_URL, "REPO_URL": REPO_URL, "NO_MKDOCS_2_WARNING": "1"}
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    process = subprocess.run(
        [sys.executable, "-m", "mpchub", "--root", str(root), "index", str(site), "--build", *build],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=600,
    )
    log = process.stdout + process.stderr
    assert process.returncode == 0, log
    return BuiltSite(root, site, log)


def build_shared(
    shared_root: Path, name: str, make_hub: Callable[[Path], Path], env: dict[str, str] | None = None
) -> BuiltSite:
    """The site of ``make_hub``, built once for the whole run by whichever pytest-xdist worker asks first.

    Builds are the suite's most expensive setup and every worker needs the same few, read-only sites: the
    first worker builds under a lock (the pattern pytest-xdist documents, with filelock) and the others wait
    and share the result. ``shared_root`` is a folder all workers see (see conftest.shared_root).
    """
    base = shared_root / name
    with FileLock(str(shared_root / f"{name}.lock")):
        done = shared_root / f"{name}.json"
        if done.exists():
            facts = json.loads(done.read_text(encoding="utf-8"))
            return BuiltSite(Path(facts["root"]), base / "site", facts["log"])
        shutil.rmtree(base, ignore_errors=True)  # a build that failed earlier in this run
        built = build(make_hub(base / "hub"), base / "site", env)
        done.write_text(json.dumps({"root": str(built.root), "log": built.log}), encoding="utf-8")
        return built
