"""The one way tests make a scratch hub: the repository's definitions, and only the records a test brings.

A hub needs its registry (``hub.yml``), schemas, vocabularies and termbase to check anything; one that is built
into a site needs ``docs/``, ``overrides/`` and ``mkdocs.yml`` too (``site=True``). Records come from a folder
that holds collection folders (``records``: the fixture hub, the hostile records …), or a test writes them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mpchub_tools.synthetic import DEFINITIONS, copy_items

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "hub"  # the fixture records: synthetic, every page type, hostile titles
SITE = ("mkdocs.yml", "package.json", "docs", "overrides")
COLLECTIONS = ("practices", "publications", "recommendations")


def make_hub(target: Path, *, site: bool = False, records: Path | None = None, content: bool = False) -> Path:
    """A hub at ``target``: definitions (and the site's sources with ``site``), then the collection folders of
    ``records`` (empty folders without it), or the repository's own records with ``content``."""
    target.mkdir(parents=True, exist_ok=True)
    copy_items(REPO, target, (*DEFINITIONS, *(SITE if site else ())))
    origin = REPO if content else records
    for folder in COLLECTIONS:
        if origin is not None and (origin / folder).is_dir():
            shutil.copytree(origin / folder, target / folder)
        else:
            (target / folder).mkdir(exist_ok=True)
    return target
