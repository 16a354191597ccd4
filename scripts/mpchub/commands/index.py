"""``mpchub index SITE``: make the search index of a built site (one Pagefind bundle per language) and
check it, after ``mkdocs build`` has run with ``MPCHUB_SEARCH=false``.

The published build runs the two one after the other (``./dev.sh build``, publish.yml): Pagefind holds
what it indexes in memory, and run after the build has exited its memory does not add to the build's.
"""

from __future__ import annotations

import argparse
import sys

from mpchub.content.project import Project
from mpchub.search.pagefind import PagefindFailed, index_site


def run(project: Project, args: argparse.Namespace) -> int:
    site = args.site
    if not (site / "index.html").is_file():
        print(f"mpchub index: {site} is not a built site (no index.html): run 'mkdocs build' first", file=sys.stderr)
        return 2
    try:
        counts = index_site(site, project.registry.languages)
    except PagefindFailed as exc:
        print(f"mpchub index: {exc}", file=sys.stderr)
        return 1
    print("search index: " + ", ".join(f"{language} {pages} pages" for language, pages in sorted(counts.items())))
    return 0
