"""``./dev.sh bench --hostile``: the time the check takes on the repository and on hostile records (issue 20).

* the whole repository, as ``mpchub check`` checks it (in this process, best of ``--repeat``; and the command
  itself, Python's start-up included);
* records of about 1 MB (the largest file the check reads) of the shapes that were slow or large;
* bodies that were slow to render (refused now), and the slowest shapes the limits still accept, with the
  processor time their rendering takes against the budget the check and the build share.

Hostile records go to a scratch hub that is deleted afterwards; they are never published.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mpchub import hub
from mpchub.content import body, budget
from mpchub.content.project import Project
from mpchub_tools import hostile

DEFINITIONS = ("hub.yml", "termbase.yml", "schemas", "vocabularies", "docs")


def _best(repeat: int, work: object) -> tuple[float, object]:
    """The best wall-clock time of ``repeat`` runs of ``work()``, and its last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best, result


def _scratch_hub(project: Project, root: Path) -> Project:
    for name in DEFINITIONS:
        source = project.root / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        elif source.exists():
            shutil.copy(source, root / name)
    for collection in project.registry.collections:
        (root / collection.folder).mkdir()
    return Project(root)


def run(project: Project, repeat: int) -> int:
    repeat = max(repeat, 1)

    def cold_check(target: Project) -> object:
        body.rendered.cache_clear()  # every run renders every body, as a fresh `mpchub check` does
        return hub.check(target)

    seconds, corpus = _best(repeat, lambda: cold_check(project))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mpchub", "--root", str(project.root), "check", "--quiet"],
        capture_output=True,
        check=False,
    )
    command = time.perf_counter() - started
    files = len(corpus.files)  # type: ignore[attr-defined]
    print(
        f"the repository ({files} files): checked in {seconds:.2f} s (best of {repeat}); the command: {command:.2f} s"
    )
    with tempfile.TemporaryDirectory(prefix="mpchub-hostile-") as scratch:
        scratch_project = _scratch_hub(project, Path(scratch))
        target = scratch_project.root / "practices" / "sentetik-kayit.md"
        print("records of about 1 MB (checked alone, best of the runs; every one is refused):")
        for name, text in hostile.megabyte_records().items():
            target.write_text(text, encoding="utf-8")
            seconds, checked = _best(repeat, lambda: cold_check(scratch_project))
            rules = sorted({p.rule for p in checked.errors})  # type: ignore[attr-defined]
            print(f"  {name}: {seconds:.2f} s ({', '.join(rules) or 'accepted'})")
    print("bodies that were slow to render, 50,000 characters (refused; processor time of the check's rendering):")
    for name, unit in hostile.SLOW_BODIES.items():
        source = hostile.slow_body(unit)
        started = time.process_time()
        rules = sorted({p.rule.name for p in body.render(source).problems})
        print(f"  {name!r} lines: {time.process_time() - started:.2f} s ({', '.join(rules) or 'accepted'})")
    print(
        f"the slowest bodies the limits accept (processor time to render; the budget is {budget.RENDER_SECONDS:g} s):"
    )
    for name, source in hostile.ACCEPTED_NEAR_LIMITS.items():
        timings = []
        for _ in range(repeat):
            started = time.process_time()
            rendered = body.render(source)
            timings.append(time.process_time() - started)
        state = ", ".join(sorted({p.rule.name for p in rendered.problems})) or "accepted"
        print(f"  {name} ({len(source):,} characters): {min(timings):.2f} s ({state})")
    return 0
