"""When each record file was first and last committed, from ONE ``git log`` pass for all records.

Feeds need a "published" and an "updated" time per record. Asking git once per file costs a process per
record (seconds at 1,000 records); one log over the collection folders gives every file's dates at once.
Without git (a tarball, a shallow export), records fall back to their own dates (``last_reviewed``).
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
    files: dict[str, FileDates] = field(default_factory=dict)  # relpath → dates
    available: bool = True

    def of(self, relpath: str) -> FileDates | None:
        return self.files.get(relpath)


def read_history(root: Path, folders: list[str]) -> History:
    """Every file's first and last commit time under ``folders``; ``available`` is False without git."""
    if not folders:
        return History(available=False)
    try:
        process = subprocess.run(
            ["git", "-C", str(root), "log", "--relative", "--format=%x00%cI", "--name-only", "--", *folders],
            capture_output=True,
            text=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return History(available=False)
    if process.returncode != 0:
        return History(available=False)
    history = History()
    for block in process.stdout.split("\x00")[1:]:
        stamp, *names = block.strip("\n").split("\n")
        try:
            when = dt.datetime.fromisoformat(stamp.strip())
        except ValueError:
            continue
        for name in names:
            if not name:
                continue
            found = history.files.get(name)
            if found is None:  # the log runs newest first: the first sighting is the last change
                history.files[name] = FileDates(first=when, last=when)
            else:
                found.first = when
    return history
