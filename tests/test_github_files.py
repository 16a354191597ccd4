"""Workflows, issue forms and Dependabot: linted, schema-checked, and held to the hardening rules."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is missing: it is in requirements-dev.txt"
    return found


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key "on" as true
        data["on"] = data.pop(True)
    return data


def test_there_are_workflows_and_forms() -> None:
    assert {p.name for p in WORKFLOWS} >= {"checks.yml", "publish.yml", "links.yml", "proposal.yml"}
    assert {p.name for p in FORMS} >= {"propose-practice.yml", "report-problem.yml", "suggest-correction.yml"}


def test_zizmor_finds_nothing() -> None:
    process = subprocess.run(
        [tool("zizmor"), "--offline", "--no-progress", str(GITHUB / "workflows")], capture_output=True, text=True
    )
    assert process.returncode == 0, process.stdout + process.stderr


@pytest.mark.parametrize(
    ("schema", "files"),
    [
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.github-issue-forms", FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ],
)
def test_schema_check(schema: str, files: list[Path]) -> None:
    process = subprocess.run(
        [tool("check-jsonschema"), "--builtin-schema", schema, *map(str, files)], capture_output=True, text=True
    )
    assert process.returncode == 0, process.stdout + process.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_hardening(path: Path) -> None:
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}, "default permissions must be contents: read"
    assert "pull_request_target" not in (workflow["on"] or {})
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {k for k, v in granted.items() if v == "write"}
        if path.name == "publish.yml" and name == "deploy":
            assert writes == {"pages", "id-token"}
        elif path.name == "links.yml":
            assert writes <= {"issues"}
        elif path.name == "proposal.yml":
            assert writes == {"contents", "pull-requests", "issues"}
        else:
            assert not writes, f"{name} must not write"
        for step in job.get("steps", []):
            uses = step.get("uses")
            if uses and not uses.startswith("./"):
                assert PINNED.match(uses), f"{uses} is not pinned to a full commit SHA"
            if uses and uses.startswith("actions/checkout@"):
                assert step.get("with", {}).get("persist-credentials") is False
            if "run" in step:
                assert "${{" not in step["run"], f"expression inside run: in {name}: pass it through env"
    text = path.read_text(encoding="utf-8")
    for line in text.splitlines():
        if re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}", line):
            assert re.search(r"# v\d", line), f"pinned action without its version in a comment: {line.strip()}"


def test_publish_only_deploys_with_pages_permissions_and_concurrency() -> None:
    workflow = load(GITHUB / "workflows" / "publish.yml")
    assert list(workflow["on"]["push"]["branches"]) == ["main"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert deploy["environment"]["name"] == "github-pages"
    build = workflow["jobs"]["build"]
    steps = " ".join(str(s.get("uses", "")) for s in build["steps"])
    assert "actions/configure-pages@" in steps and "actions/upload-pages-artifact@" in steps
    env = next(s.get("env", {}) for s in build["steps"] if "mkdocs" in str(s.get("run", "")))
    assert "steps.pages.outputs.base_url" in str(env.get("SITE_URL", ""))


def test_checks_run_on_pull_requests_and_upload_the_site() -> None:
    workflow = load(GITHUB / "workflows" / "checks.yml")
    assert "pull_request" in workflow["on"] and "push" in workflow["on"]
    runs = " ".join(str(s.get("run", "")) for job in workflow["jobs"].values() for s in job["steps"])
    assert "mpchub check --format github" in runs and "pytest" in runs and "mkdocs build --strict" in runs
    uses = " ".join(str(s.get("uses", "")) for job in workflow["jobs"].values() for s in job["steps"])
    assert "actions/upload-artifact@" in uses


def test_proposal_runs_only_on_the_accepted_label_with_the_body_as_data() -> None:
    workflow = load(GITHUB / "workflows" / "proposal.yml")
    assert workflow["on"] == {"issues": {"types": ["labeled"]}}
    (job,) = workflow["jobs"].values()
    assert job["if"] == "github.event.label.name == 'accepted-proposal'"
    text = (GITHUB / "workflows" / "proposal.yml").read_text(encoding="utf-8")
    assert "github.event.issue.body" not in text and "github.event.issue.title" not in text
    runs = " ".join(str(s.get("run", "")) for s in job["steps"])
    assert 'mpchub from-issue --event "$GITHUB_EVENT_PATH"' in runs
    opened = next(s for s in job["steps"] if str(s.get("uses", "")).startswith("peter-evans/create-pull-request@"))
    assert opened["with"]["draft"] == "always-true" and "steps.proposal.outputs.ok == 'true'" in opened["if"]


def test_checks_run_when_a_draft_proposal_becomes_ready() -> None:
    workflow = load(GITHUB / "workflows" / "checks.yml")
    assert "ready_for_review" in workflow["on"]["pull_request"]["types"]


def test_dependabot_watches_pip_and_actions() -> None:
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} >= {"pip", "github-actions"}


def test_codeowners_cover_schemas_vocabularies_and_workflows() -> None:
    owners = (GITHUB / "CODEOWNERS").read_text(encoding="utf-8")
    for path in ("/schemas/", "/vocabularies/", "/.github/"):
        assert re.search(rf"^{re.escape(path)}\s+@", owners, re.M), path
