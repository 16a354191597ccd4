"""The git history of the record files, from ONE ``git log`` pass for all of them.

Two features need it: translation status (which commits touched a master and its twin, in log order) and
the feeds (when a record was first published and last updated). Asking git once per file costs a process
per record (seconds at 1,000 records); one log over the collection folders gives every file at once.
Without git (a tarball, a shallow export) ``available`` is False and callers fall back to the records'
own dates.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class FileDates:
    first: dt.datetime  # the commit that added the file
    last: dt.datetime  # the newest commit that changed it


@dataclass
class History:
    """Commits touching each file, newest first, their times, and the order of all commits in the log."""

    commits: dict[str, list[str]] = field(default_factory=dict)  # relpath → commit hashes, newest first
    order: dict[str, int] = field(default_factory=dict)  # 0 = newest; exact even within one second
    times: dict[str, dt.datetime] = field(default_factory=dict)  # commit hash → commit time
    available: bool = True

    def last(self, relpath: str) -> str | None:
        found = self.commits.get(relpath)
        return found[0] if found else None

    def of(self, relpath: str) -> FileDates | None:
        """When the file was added and last changed; None for a file git does not know."""
        found = self.commits.get(relpath)
        if not found:
            return None
        return FileDates(first=self.times[found[-1]], last=self.times[found[0]])


def read_history(root: Path, folders: list[str]) -> History:
    """Every commit that touched a file under ``folders`` (paths relative to ``root``)."""
    if not folders:
        return History(available=False)
    command = ["git", "-C", str(root), "log", "--relative", "--format=%x00%H %cI", "--name-only", "--", *folders]
    try:
        process = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return History(available=False)
    if process.returncode != 0:
        return History(available=False)
    history = History()
    for block in process.stdout.split("\x00")[1:]:
        header, *names = block.strip("\n").split("\n")
        commit, _, stamp = header.partition(" ")
        try:
            history.times[commit] = dt.datetime.fromisoformat(stamp.strip())
        except ValueError:
            continue
        history.order[commit] = len(history.order)
        for name in names:
            if name:
                history.commits.setdefault(name, []).append(commit)
    return history
