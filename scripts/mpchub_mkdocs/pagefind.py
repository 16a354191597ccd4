"""Running Pagefind over the built site.

Pagefind comes from PyPI as ``pagefind[bin]`` (the binary is inside the wheel; nothing is downloaded).
It is run as a program because its index is a post-processing step over HTML: the same call works after
MkDocs, ProperDocs or any other generator. The browser's search assets (``mpchub.search_assets``: the
folding and key tables, the browse labels) are written into the site by the plugin first.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from mpchub import search

EXCLUDE = ", ".join([*(f".{name}" for name in search.IGNORED_CLASSES), *search.IGNORED_ELEMENTS])


def build_index(site_dir: Path) -> dict[str, int]:
    """Index ``site_dir`` into ``site_dir/pagefind``; returns the number of pages per language."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet", "--exclude-selectors", EXCLUDE]
    process = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if process.returncode != 0:
        raise PluginError(f"Pagefind failed:\n{process.stdout}{process.stderr}")
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    return {language: data["page_count"] for language, data in entry["languages"].items()}
