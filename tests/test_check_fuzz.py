"""No input can crash the checker: arbitrary bytes and mangled records give exit 1 and messages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import VALID_PRACTICE, VALID_TWIN, run_cli
from hubs import make_hub
from mpchub.content.body import render
from mpchub.content.corpus import load_corpus
from mpchub.content.problems import Problem
from mpchub.content.project import Project
from mpchub.content.rules import UNKNOWN
from mpchub.content.schemas import SchemaSet
from test_security_body import BODIES, assert_inert

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass
class FuzzHub:
    """A scratch hub made once per module (inside pytest's temporary folder, never at import time)."""

    project: Project
    schemas: SchemaSet

    def check(self, master: bytes, twin: bytes | None = None) -> list[Problem]:
        folder = self.project.root / "practices"
        for old in folder.iterdir():
            old.unlink()
        (folder / "ornek-uygulama.md").write_bytes(master)
        if twin is not None:
            (folder / "ornek-uygulama.en.md").write_bytes(twin)
        problems = load_corpus(self.project, self.schemas).problems
        assert all(p.rule_id != UNKNOWN for p in problems), [p.rule for p in problems]  # every rule has an id
        return problems


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory: pytest.TempPathFactory) -> FuzzHub:
    project = Project(make_hub(tmp_path_factory.mktemp("fuzz") / "hub"))
    return FuzzHub(project, SchemaSet(project))


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(fuzz: FuzzHub, data: bytes) -> None:
    problems = fuzz.check(data)
    assert problems, "arbitrary bytes are not a valid record"
    assert all(p.line >= 1 and p.column >= 1 and p.message for p in problems)


@SETTINGS
@given(st.text(max_size=1500))
def test_arbitrary_text_after_fence_never_crashes(fuzz: FuzzHub, text: str) -> None:
    problems = fuzz.check(("---\n" + text + "\n---\n\nGövde.\n").encode("utf-8", "surrogatepass"))
    assert all(p.message for p in problems)


def _mangle(text: str, data: st.DataObject) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        action = data.draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "indent"]))
        index = data.draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            break
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = data.draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "insert":
            lines.insert(index, data.draw(st.text(max_size=40)) + "\n")
        elif action == "truncate":
            lines[index] = lines[index][: data.draw(st.integers(0, len(lines[index])))]
        else:
            lines[index] = data.draw(st.sampled_from(["\t", "  ", " ", "- "])) + lines[index]
    return "".join(lines)


@SETTINGS
@given(st.data())
def test_mangled_records_never_crash(fuzz: FuzzHub, data: st.DataObject) -> None:
    master = _mangle(VALID_PRACTICE, data)
    twin = _mangle(VALID_TWIN, data) if data.draw(st.booleans()) else None
    problems = fuzz.check(master.encode("utf-8", "surrogatepass"), twin and twin.encode("utf-8", "surrogatepass"))
    assert all(p.message and p.line >= 1 for p in problems)


def test_cli_on_garbage_exits_1_with_messages(tmp_path: Path) -> None:
    root = make_hub(tmp_path / "hub")
    (root / "practices" / "cop.md").write_bytes(b"\x00\xff---\n\x1b[31m: : :\n")
    (root / "practices" / "bos.md").write_bytes(b"")
    (root / "practices" / "yarim.md").write_bytes(b"---\nid: yarim\ntitle: [\n")
    result = run_cli("--root", str(root), "check")
    assert result.exit_code == 1
    assert len(result.lines) >= 3
    assert "Traceback" not in result.out + result.err


@SETTINGS
@given(BODIES)
def test_arbitrary_bodies_through_the_loader(fuzz: FuzzHub, text: str) -> None:
    """Bodies with HTML, entities, control characters and nesting: located problems, or a body that renders inert."""
    front = VALID_PRACTICE.split("\n---\n", 1)[0] + "\n---\n\n"
    problems = fuzz.check((front + text).encode("utf-8", "surrogatepass"))
    assert all(p.line >= 1 and p.column >= 1 and p.message for p in problems)
    if not any(p.is_error for p in problems):
        assert_inert(render(text).html)
