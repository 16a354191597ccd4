"""No input can crash the checker: arbitrary bytes and mangled records give exit 1 and messages."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import REPO, VALID_PRACTICE, VALID_TWIN, run_cli
from mpchub.corpus import load_corpus
from mpchub.project import Project
from mpchub.schemas import SchemaSet

FUZZ_ROOT = Path("/tmp") / f"mpchub-fuzz-{id(object())}"


def _project() -> tuple[Project, SchemaSet]:
    if not FUZZ_ROOT.exists():
        for folder in ("schemas", "vocabularies"):
            shutil.copytree(REPO / folder, FUZZ_ROOT / folder)
        (FUZZ_ROOT / "practices").mkdir()
    project = Project(FUZZ_ROOT)
    return project, SchemaSet(project)


PROJECT, SCHEMAS = _project()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(master: bytes, twin: bytes | None = None) -> list:
    folder = FUZZ_ROOT / "practices"
    for old in folder.iterdir():
        old.unlink()
    (folder / "ornek-uygulama.md").write_bytes(master)
    if twin is not None:
        (folder / "ornek-uygulama.en.md").write_bytes(twin)
    return load_corpus(PROJECT, SCHEMAS).problems


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    problems = _check(data)
    assert problems, "arbitrary bytes are not a valid record"
    assert all(p.line >= 1 and p.column >= 1 and p.message for p in problems)


@SETTINGS
@given(st.text(max_size=1500))
def test_arbitrary_text_after_fence_never_crashes(text: str) -> None:
    problems = _check(("---\n" + text + "\n---\n\nGövde.\n").encode("utf-8", "surrogatepass"))
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
def test_mangled_records_never_crash(data: st.DataObject) -> None:
    master = _mangle(VALID_PRACTICE, data)
    twin = _mangle(VALID_TWIN, data) if data.draw(st.booleans()) else None
    problems = _check(master.encode("utf-8", "surrogatepass"), twin and twin.encode("utf-8", "surrogatepass"))
    assert all(p.message and p.line >= 1 for p in problems)


def test_cli_on_garbage_exits_1_with_messages(tmp_path: Path) -> None:
    root = tmp_path / "hub"
    for folder in ("schemas", "vocabularies"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "practices").mkdir()
    (root / "practices" / "cop.md").write_bytes(b"\x00\xff---\n\x1b[31m: : :\n")
    (root / "practices" / "bos.md").write_bytes(b"")
    (root / "practices" / "yarim.md").write_bytes(b"---\nid: yarim\ntitle: [\n")
    result = run_cli("--root", str(root), "check")
    assert result.exit_code == 1
    assert len(result.lines) >= 3
    assert "Traceback" not in result.out + result.err
