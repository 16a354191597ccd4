"""The staged docs folder that MkDocs builds from: ``docs/`` plus a stub for every generated page.

mkdocs-static-i18n re-reads every page from disk under ``docs_dir`` (in-memory generated files are
dropped), so each generated page gets a file in a staging folder next to copies of the hand-written ones.
A stub holds only the front matter Material reads (title, description, hidden sidebars); the page's HTML
is spliced in after MkDocs' Markdown step (``MpcHubPlugin.on_page_content``). The folder is in ``.cache/``
(git-ignored): generated pages are never committed. Only files whose content changed are written, so
``mkdocs serve`` does not rebuild in a loop.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from markupsafe import escape

from mpchub import hub
from mpchub.hub import Page, Registry


class StagingConflict(Exception):
    """A hand-written page and a generated page would have the same path."""


def stub(page: Page) -> str:
    """Front matter for Material, then the page's Markdown (empty for pages spliced in as HTML).

    Material prints ``page.meta.title`` and ``description`` unescaped, so they are escaped here; JSON
    values are valid YAML.
    """
    meta: dict[str, object] = {"title": str(escape(page.title))}
    if page.description:
        meta["description"] = str(escape(page.description))
    if page.kind in hub.LIST_KINDS:  # no headings worth a table of contents: the width goes to the cards
        meta["hide"] = ["toc"]
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + page.markdown


def stage(
    source: Path, pages: list[Page], target: Path, touch: set[str] | None = None, virtual: Iterable[str] = ()
) -> int:
    """Make ``target`` hold exactly the hand-written files and the generated pages' stubs. Returns files written.

    ``touch`` names stubs (source paths) whose page changed although the stub did not (an edit of a record's
    body changes only the HTML spliced in): their time is set to now, so ``mkdocs serve --dirty``, which
    rebuilds only pages whose source is newer than their output, rebuilds them too. ``virtual`` names the source
    paths of generated pages that MkDocs is told of without a file (``mpchub_mkdocs.shells``): they may not
    collide with a hand-written page either."""
    wanted: dict[str, bytes] = {}
    for directory, _subfolders, names in os.walk(source):
        for name in names:
            path = Path(directory, name)
            wanted[path.relative_to(source).as_posix()] = path.read_bytes()
    claimed = set(wanted)
    for rel in [*(page.source_path for page in pages), *virtual]:
        if rel in claimed:
            raise StagingConflict(f"docs/{rel} is also generated from the records: rename or delete docs/{rel}")
        claimed.add(rel)
    wanted.update((page.source_path, stub(page).encode("utf-8")) for page in pages)
    written = 0
    for rel, data in wanted.items():
        path = target / rel
        try:
            if path.read_bytes() == data:
                if touch and rel in touch:
                    os.utime(path)
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


def hand_written_urls(source: Path, registry: Registry) -> set[str]:
    """Site paths of the hand-written pages and files, for the generated pages' link check: the core's, which
    ``mpchub check`` resolves body links against too."""
    return hub.hand_written_urls(source, registry)
