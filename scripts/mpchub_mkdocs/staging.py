"""The staged docs folder that MkDocs builds from: ``docs/`` plus the generated pages.

mkdocs-static-i18n re-reads every page from disk under ``docs_dir`` (in-memory generated files are
dropped), so generated pages are written to a staging folder next to copies of the hand-written ones.
The folder is in ``.cache/`` (git-ignored): generated pages are never committed. Only files whose
content changed are written, so `mkdocs serve` does not rebuild in a loop.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mpchub.site.pages import Page
from mpchub.site.urls import source_path


class StagingConflict(Exception):
    """A hand-written page and a generated page would have the same path."""


def stage(source: Path, pages: list[Page], target: Path, fill: Callable[[str, str], str]) -> int:
    """Make ``target`` hold exactly the hand-written files and the generated pages. Returns files written.

    ``fill(markdown, relpath)`` fills a hand-written page's markers.
    """
    wanted: dict[str, bytes] = {}
    for directory, _subfolders, names in os.walk(source):
        for name in names:
            path = Path(directory, name)
            rel = path.relative_to(source).as_posix()
            data = path.read_bytes()
            if name.endswith(".md"):
                data = fill(data.decode("utf-8"), rel).encode("utf-8")
            wanted[rel] = data
    for page in pages:
        rel = source_path(page.path, page.lang)
        if rel in wanted:
            raise StagingConflict(f"docs/{rel} is also generated from the records: rename or delete docs/{rel}")
        wanted[rel] = page.content.encode("utf-8")
    written = 0
    for rel, data in wanted.items():
        path = target / rel
        try:
            if path.read_bytes() == data:
                continue
        except OSError:
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    for directory, _subfolders, names in os.walk(target, topdown=False):
        for name in names:
            path = Path(directory, name)
            if path.relative_to(target).as_posix() not in wanted:
                path.unlink()
        if directory != str(target) and not os.listdir(directory):
            os.rmdir(directory)
    return written
