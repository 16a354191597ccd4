"""Shared fixtures: the real repository, and scratch hubs that use its schemas and vocabularies."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from hubs import make_hub
from mpchub.cli import main
from mpchub.content.project import Project
from mpchub.render import strings

REPO = Path(__file__).resolve().parents[1]
strings.use(REPO)  # the interface words of the repository's hub (scratch hubs copy them)

REVIEWED = "verification: mpc-reviewed"  # VALID_PRACTICE's line: cases replace it to add fields

VALID_PRACTICE = """\
---
id: ornek-uygulama
title: Örnek Danışma Merkezi
summary: >-
  Test için yazılmış geçerli bir kayıt. Gerçek bir belediyeyi anlatmaz ve hiçbir yerde yayımlanmaz.
implementers:
  - name: Örnek Belediyesi
    kind: district-municipality
province: istanbul
district: Şişli
scale: district
start_date: 2019-05
end_date: 2021
status: completed
practice_type: service
themes: [social-cohesion, legal-counselling]
target_groups: [temporary-protection]
sdgs: [10, 16]
gcm_objectives: [16]
objectives:
  - Göçmenlere hukuki danışmanlık sunmak.
activities:
  - Haftalık danışma günleri.
sources:
  - title: Örnek kaynak
    url: https://example.org/kaynak
    kind: web
verification: mpc-reviewed
last_reviewed: 2026-01-15
---

Bu kayıt testler için yazıldı.
"""

VALID_TWIN = """\
---
title: Example Counselling Centre
summary: >-
  A valid record written for tests. It describes no real municipality and is never published.
objectives:
  - Offer legal counselling to migrants.
activities:
  - Weekly counselling days.
---

This record was written for tests.
"""


# What a contributor types over each placeholder that `mpchub new practice` leaves on a required line.
NEW_PRACTICE_ANSWERS = {
    'summary: "TODO: Özet"': "summary: Test için doldurulmuş, gerçek olmayan bir uygulama özeti.",
    "kind: TODO": "kind: district-municipality",
    "scale: TODO": "scale: district",
    "status: TODO": "status: ongoing",
    "practice_type: TODO": "practice_type: service",
    "themes: [TODO]": "themes: [education]",
    "target_groups: [TODO]": "target_groups: [children]",
    'objectives: ["TODO: Amaçlar"]': "objectives: [Bir amaç]",
    'activities: ["TODO: Temel faaliyetler"]': "activities: [Bir faaliyet]",
    'title: "TODO: Başlık"': "title: Kaynak",
    'url: "TODO: Adres"': "url: https://www.ornek.bel.tr/duyuru",
}
NEW_TWIN_ANSWERS = {
    'title: "TODO: English title"': "title: New practice",
    'summary: "TODO: Summary"': "summary: A summary written for a test, not a real practice.",
    'objectives: ["TODO: Objectives"]': "objectives: [An objective]",
    'activities: ["TODO: Main activities"]': "activities: [An activity]",
}


def fill_new_practice(master: Path, twin: Path) -> None:
    """Answer every required placeholder of a `mpchub new practice` pair, and nothing else, as a contributor would."""
    for path, answers, body in (
        (master, NEW_PRACTICE_ANSWERS, (r"TODO: Uygulamayı.*", "Gerçek olmayan test metni.")),
        (twin, NEW_TWIN_ANSWERS, (r"TODO: Describe.*", "Test text.")),
    ):
        text = path.read_text(encoding="utf-8")
        for old, value in answers.items():
            assert old in text, old  # the template changed: update the answers
            text = text.replace(old, value)
        path.write_text(re.sub(*body, text), encoding="utf-8")


@dataclass
class Result:
    exit_code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line.strip()]


def run_cli(*args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return Result(code, out.getvalue(), err.getvalue())


class Hub:
    """A scratch hub repository with the real schemas and vocabularies and only the records a test writes."""

    def __init__(self, root: Path) -> None:
        self.root = make_hub(root)

    @property
    def project(self) -> Project:
        return Project(self.root)

    def write(self, relpath: str, content: str | bytes) -> Path:
        path = self.root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def check(self, *args: str) -> Result:
        return run_cli("--root", str(self.root), "check", *args)


@pytest.fixture(autouse=True)
def _repository_words() -> Iterator[None]:
    """Each test starts with the repository's interface words: a command run here on a scratch hub points the
    catalogue at that hub (strings.use), and a later test on the same worker would read its words."""
    yield
    strings.use(REPO)


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    return Hub(tmp_path / "hub")


@pytest.fixture
def repo() -> Project:
    return Project(REPO)


# --- built sites and the browser, shared by the site and browser tests --------------------------------


@pytest.fixture(scope="session")
def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder every pytest-xdist worker of this run sees (each worker's basetemp is a child of it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def fixture_site(shared_root: Path):
    """The site built once from the fixture records (tests/fixtures/hub) and the real docs and config."""
    from sites import build_shared, make_fixture_hub

    return build_shared(shared_root, "fixture-site", make_fixture_hub)


@pytest.fixture(scope="session")
def repo_site(shared_root: Path):
    """The repository's own site (its real records), built once for the run and shared."""
    from sites import REPO as REPOSITORY
    from sites import build_shared

    return build_shared(shared_root, "repo-site", lambda _: REPOSITORY)


@pytest.fixture(scope="session")
def repo_site_url(repo_site):
    """The repository's own site, served as ``site_url`` serves the fixture site."""
    from browser import serve

    with serve(repo_site.site, "/hub/") as url:
        yield url


@pytest.fixture(scope="session")
def site_url(fixture_site):
    """The fixture site served on 127.0.0.1 under a sub-path, as GitHub Pages serves a project site."""
    from browser import serve

    with serve(fixture_site.site, "/hub/") as url:
        yield url


@pytest.fixture(scope="session")
def playwright():
    """Playwright's driver, one per worker (its sync API cannot be started twice in one process)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def browser(playwright):
    from browser import CHROMIUM, launch

    assert CHROMIUM.exists(), "Debian's Chromium is required for browser tests: apt-get install chromium"
    launched = launch(playwright)
    yield launched
    launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


# --- markers, from what a test uses, so `-m "not browser"` and `-m site` select what they say -------------

SITE_FIXTURES = {"fixture_site", "repo_site", "site_url", "repo_site_url"}
BROWSER_FIXTURES = {"playwright", "browser", "page"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & (SITE_FIXTURES | BROWSER_FIXTURES):
            item.add_marker(pytest.mark.site)
