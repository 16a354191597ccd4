"""Shared fixtures: the real repository, and scratch hubs that use its schemas and vocabularies."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from mpchub.cli import main
from mpchub.project import Project

REPO = Path(__file__).resolve().parents[1]

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
verification: submitted
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
        self.root = root
        for folder in ("schemas", "vocabularies"):
            shutil.copytree(REPO / folder, root / folder)
        for folder in ("practices", "publications", "recommendations"):
            (root / folder).mkdir()

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


@pytest.fixture
def hub(tmp_path: Path) -> Hub:
    return Hub(tmp_path / "hub")


@pytest.fixture
def repo() -> Project:
    return Project(REPO)
