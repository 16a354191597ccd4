"""The pages the site makes besides records, known before anything is rendered.

A record's page lives at ``<folder>/<id>`` (``practices/sisli-acik-ev``) and an implementing municipality's
at ``municipalities/<key>``, both made from what a contributor wrote; every other page has a fixed place:
the catalogs, the browse pages declared in ``hub.yml``, the field reference, the statistics page and the
hand-written pages in ``docs/``. A record with the id ``index`` (the issue form made it from the title
"Index") was the catalog ``practices/``: the check refuses such an id here, naming the page it would take,
so ``mpchub check``, ``mpchub from-issue`` and the build all say the same.

``mpchub.site`` makes the pages at these paths; ``tests/test_security_hostile.py`` holds the two in step
(every path here is a page the build makes).
"""

from __future__ import annotations

import os
from pathlib import Path

from mpchub.content import rules
from mpchub.content.project import Project
from mpchub.content.records import RecordFile
from mpchub.content.registry import Registry

# Generated pages with a fixed path (mpchub.site and mpchub.hub make them at these paths).
FIELD_REFERENCE = "contribute/fields"
TRANSLATION_STATUS = "contribute/translations"
STATISTICS = "statistics"
BROWSE_HOME = "browse/index"


def browse_index(kind: str) -> str:
    """The index of one kind of browse page: ``themes/index``."""
    return f"{kind}/index"


def fixed_pages(registry: Registry) -> dict[str, str]:
    """Path → what the page is, for every generated page whose path no record decides."""
    pages = {
        FIELD_REFERENCE: "the field reference",
        TRANSLATION_STATUS: "the translation status page",
        STATISTICS: "the statistics page",
        BROWSE_HOME: "the browse page",
    }
    for collection in registry.collections:
        pages[collection.catalog] = f"the catalog of all {collection.folder}"
    for browse in registry.browses:
        pages[browse_index(browse.kind)] = f"the list of all {browse.kind}"
    return pages


def hand_written_pages(docs_dir: Path, registry: Registry) -> dict[str, str]:
    """Path → source file for every hand-written page in ``docs/`` (``contribute/index.md`` → ``contribute/index``),
    in any language."""
    found: dict[str, str] = {}
    for directory, subfolders, names in os.walk(docs_dir):
        subfolders[:] = sorted(subfolders)
        for name in sorted(names):
            if not name.endswith(".md"):
                continue
            rel = Path(directory, name).relative_to(docs_dir).as_posix()
            stem, _language = registry.file_language(name) or (name, registry.master)
            found.setdefault(rel[: len(rel) - len(name)] + stem, f"docs/{rel}")
    return found


def hand_written_urls(docs_dir: Path, registry: Registry) -> set[str]:
    """Site paths of the hand-written pages and files in ``docs/``, as the build publishes them: a page in
    every language (static-i18n falls back to the master's page where no translation exists)."""
    found: set[str] = set()
    for directory, _subfolders, names in os.walk(docs_dir):
        for name in names:
            path = Path(directory, name)
            rel = path.relative_to(docs_dir).as_posix()
            if not rel.endswith(".md"):
                found.add(rel)
                continue
            name_stem, language = registry.file_language(path.name) or (path.name, registry.master)
            stem = rel[: len(rel) - len(path.name)] + name_stem
            found.add(language.url(stem))
            if language.master:
                found.update(other.url(stem) for other in registry.languages)
    return found


def taken(docs_dir: Path, registry: Registry) -> dict[str, str]:
    """Every page path a record or a municipality may not take, with what is there already."""
    pages = {path: f"{source}, a hand-written page" for path, source in hand_written_pages(docs_dir, registry).items()}
    pages.update(fixed_pages(registry))
    return pages


def collision_problems(masters: list[RecordFile], project: Project) -> None:
    """A record whose page would be a page the site already makes: refused, naming that page."""
    pages = taken(project.docs_dir, project.registry)
    for record in masters:
        path = record.collection.path(record.slug)  # the page is named after the file, which the id must equal
        if path in pages:
            url = record.language.url(path) or "/"
            record.problem_at(
                ("id",) if record.data and "id" in record.data else (),
                f"the id '{record.slug}' would give this record the page {url} ({path}), which is {pages[path]}: "
                "choose another id and file name (from the title, e.g. 'index-belediyesi-dil-kursu')",
                rules.PAGE_COLLISION,
            )
