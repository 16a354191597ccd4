"""Running Pagefind over the built site.

Pagefind comes from PyPI as ``pagefind[bin]`` (the binary is inside the wheel; nothing is downloaded).
It is run as a program because its index is a post-processing step over HTML: the same call works after
MkDocs, ProperDocs or any other generator. The browser's search assets (``mpchub.search_assets``: the
folding and key tables, the browse labels) are written into the site by the plugin first.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from mpchub import search

FRAGMENT_MARK = b"pagefind_dcd"  # what Pagefind writes before a fragment's JSON
EXCLUDE = ", ".join([*(f".{name}" for name in search.IGNORED_CLASSES), *search.IGNORED_ELEMENTS])


def build_index(site_dir: Path) -> dict[str, int]:
    """Index ``site_dir`` into ``site_dir/pagefind``; returns the number of pages per language."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet", "--exclude-selectors", EXCLUDE]
    process = subprocess.run(command, capture_output=True, text=True, timeout=900)
    if process.returncode != 0:
        raise PluginError(f"Pagefind failed:\n{process.stdout}{process.stderr}")
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    write_addresses(site_dir / "pagefind", list(entry["languages"]))
    return {language: data["page_count"] for language, data in entry["languages"].items()}


def write_addresses(index_dir: Path, languages: list[str]) -> None:
    """Write ``mpc-addresses.<language>.json``: each indexed page's Pagefind id and its address (site-relative).

    The catalog's text field keeps the cards among a query's results. Pagefind tells a result's address only
    in its fragment (one request per result); for a broad query at thousands of records the browser loads
    this list instead (search.js ``addresses``). Pagefind has no option to write it: the ids are the
    fragments' file names and the addresses are inside them (gzip, after Pagefind's ``pagefind_dcd`` mark).
    """
    found: dict[str, dict[str, str]] = {language: {} for language in languages}
    for fragment in (index_dir / "fragment").glob("*.pf_fragment"):
        language = fragment.name.split("_", 1)[0]
        if language in found:
            data = gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_MARK)
            found[language][fragment.stem] = json.loads(data)["url"].lstrip("/")
    for language, addresses in found.items():
        text = json.dumps(dict(sorted(addresses.items())), ensure_ascii=False, separators=(",", ":"))
        (index_dir / f"mpc-addresses.{language}.json").write_text(text, encoding="utf-8")
