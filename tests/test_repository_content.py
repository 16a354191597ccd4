"""The repository's own content, held to exactly what every valid pull request satisfies.

What a record must be is the checker's (rules with ids and severities, `mpchub check`); this file only asks
that the check passes with no error and that nothing synthetic is published. It runs on the repository as it
is and on the repository with a fresh proposal in it, as `mpchub new` and `mpchub from-issue` write one,
so that a proposal's pull request is green without a maintainer's edit (a proposal has no English
translation yet and says `verification: mpc-reviewed`: both are warnings for the reviewer, never errors).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, fill_new_practice, run_cli
from hubs import make_hub
from mpchub.content.corpus import load_corpus
from mpchub.content.project import Project

ISSUE = REPO / "tests" / "fixtures" / "issues" / "valid.json"


def _copy_of_the_repository(target: Path) -> Path:
    return make_hub(target, content=True)


MUNICIPALITY = ("--municipality", "Deneme Belediyesi", "--province", "bursa")


def _with_new_record(root: Path) -> None:
    """`mpchub new`, then the contributor answers each required placeholder and writes nothing else."""
    result = run_cli("--root", str(root), "new", "practice", "--title", "Deneme Danışma Masası", *MUNICIPALITY)
    assert result.exit_code == 0, result.out + result.err
    fill_new_practice(
        root / "practices" / "deneme-danisma-masasi.md", root / "practices" / "deneme-danisma-masasi.en.md"
    )


def _with_proposal(root: Path) -> None:
    """The proposal workflow's step: the accepted issue form, through `mpchub from-issue`."""
    result = run_cli("--root", str(root), "from-issue", "--event", str(ISSUE))
    assert result.exit_code == 0, result.out + result.err


CONTENT = {"as it is": lambda root: None, "with a new record": _with_new_record, "with a proposal": _with_proposal}


@pytest.fixture(scope="module", params=sorted(CONTENT))
def content(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Project:
    if request.param == "as it is":
        return Project(REPO)
    root = _copy_of_the_repository(tmp_path_factory.mktemp("repository") / "hub")
    CONTENT[request.param](root)
    return Project(root)


def test_the_check_passes(content: Project) -> None:
    result = run_cli("--root", str(content.root), "check", "--format", "json")
    problems = json.loads(result.out)
    assert result.exit_code == 0, [p for p in problems if p["severity"] == "error"]
    assert not [p for p in problems if p["severity"] == "error"]


def test_a_proposal_is_held_only_by_warnings(content: Project) -> None:
    """What a fresh record lacks (an editor's review, a translation) is for the reviewer to see, not to fail."""
    records = load_corpus(content)
    fresh = [r for r in records.files if r.data and r.data.get("verification") == "submitted"]
    for record in fresh:
        assert {p.severity for p in record.problems} <= {"warning"}, [p.as_text() for p in record.problems]


def test_no_synthetic_record_is_published() -> None:
    """Synthetic records (tests, benchmarks) say so in their slug and cite example.org; none is in the repository."""
    for record_file in load_corpus(Project(REPO)).files:
        assert "sentetik" not in record_file.slug
        assert "example.org" not in record_file.path.read_text("utf-8"), record_file.relpath
