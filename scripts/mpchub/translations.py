"""Which records lack an English twin, and which twins are out of date.

A twin records the commit of the Turkish master it was translated from in ``source_commit`` (mdn's
``sourceCommit`` idea); the twin is outdated when the master changed in a later commit. Without a
``source_commit`` the twin is outdated when the master's last commit is newer than the twin's (FastAPI's
``list-outdated``, by position in the log rather than by time). History is read with one
``git log`` for all records, not one call per file.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from mpchub.corpus import Corpus, Record
from mpchub.history import History, read_history
from mpchub.problems import WARNING, Problem
from mpchub.records import FENCE_LINE

MISSING, OUTDATED, CURRENT, UNKNOWN = "missing", "outdated", "current", "unknown"


def _is_ancestor(root: Path, older: str, newer: str) -> bool:
    process = subprocess.run(
        ["git", "-C", str(root), "merge-base", "--is-ancestor", older, newer], capture_output=True, timeout=60
    )
    return process.returncode == 0


@dataclass
class Status:
    record: Record
    state: str
    detail: str = ""


def status_of(record: Record, history: History, root: Path) -> Status:
    if not record.has_language("en"):
        return Status(record, MISSING, "no English twin")
    assert record.twin is not None and record.twin.data is not None
    master, twin = record.master.relpath, record.twin.relpath
    master_commits = history.commits.get(master, [])
    if not history.available or not master_commits:
        return Status(record, UNKNOWN, "no git history for the master")
    source = record.twin.data.get("source_commit")
    if isinstance(source, str):
        newer = next((i for i, c in enumerate(master_commits) if c.startswith(source)), None)
        if newer == 0:
            return Status(record, CURRENT)
        if newer is not None:
            return Status(
                record,
                OUTDATED,
                f"the Turkish master changed in {newer} commit(s) since {source[:10]}, "
                "the source_commit of this translation",
            )
        if _is_ancestor(root, master_commits[0], source):
            return Status(record, CURRENT)
        return Status(
            record, OUTDATED, f"the Turkish master changed after {source[:10]}, the source_commit of this translation"
        )
    twin_commits = history.commits.get(twin, [])
    if not twin_commits:
        return Status(record, UNKNOWN, "the English twin is not committed yet")
    if history.order[master_commits[0]] < history.order[twin_commits[0]]:
        return Status(record, OUTDATED, "the Turkish master was committed after this translation (no source_commit)")
    return Status(record, CURRENT)


def statuses(corpus: Corpus) -> list[Status]:
    folders = sorted({r.collection.folder for c in corpus.records.values() for r in c.values()})
    history = read_history(corpus.project.root, folders) if folders else History(available=False)
    return [
        status_of(record, history, corpus.project.root)
        for collection in corpus.records.values()
        for record in collection.values()
    ]


SOURCE_COMMIT = re.compile(r"^source_commit:.*$", re.MULTILINE)


def stamp(record: Record, history: History) -> bool:
    """Write the master's last commit into the twin's ``source_commit``. False when there is nothing to do."""
    if record.twin is None:
        return False
    commit = history.last(record.master.relpath)
    if commit is None:
        return False
    text = record.twin.path.read_text(encoding="utf-8")
    line = f"source_commit: {commit}"
    if SOURCE_COMMIT.search(text):
        new = SOURCE_COMMIT.sub(line, text, count=1)
    else:
        new = text.replace(f"{FENCE_LINE}\n", f"{FENCE_LINE}\n{line}\n", 1)
    if new == text:
        return False
    record.twin.path.write_text(new, encoding="utf-8")
    return True


def translation_problems(corpus: Corpus) -> list[Problem]:
    """Warnings for ``mpchub translations``: masters without a twin, twins older than their master."""
    problems = []
    for status in statuses(corpus):
        if status.state == MISSING:
            twin = f"{status.record.collection.folder}/{status.record.slug}.en.md"
            problems.append(
                Problem(
                    status.record.master.relpath,
                    1,
                    1,
                    "",
                    f"untranslated: no English twin ({twin})",
                    WARNING,
                    "untranslated",
                )
            )
        elif status.state == OUTDATED and status.record.twin is not None:
            problems.append(
                Problem(
                    status.record.twin.relpath,
                    1,
                    1,
                    "source_commit",
                    f"outdated: {status.detail}",
                    WARNING,
                    "outdated-translation",
                )
            )
    return problems
