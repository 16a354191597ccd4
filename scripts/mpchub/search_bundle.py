"""``mpc-search.json`` in each language's search bundle: what a page may load before the first query, and
what the service worker keeps for searching offline. Written by ``mpchub.pagefind`` after each Pagefind run.

Pagefind's first query, left to itself, makes its requests one after the other: ``pagefind.js``, then
``pagefind-entry.json`` (with ``?ts=`` and the time, a new address at every page load, so never cached), then
the language's ``pf_meta`` and WebAssembly, then the index chunks the query needs, then a fragment per
result: five round trips, each 2 s on a slow 3G line. This file names them all, so search.js can ask for
the entry, the WebAssembly, the meta file and (while they are small) every index chunk at once when the
page is idle or the search box is focused, and gives Pagefind a ``metaCacheTag`` (the entry's hash) instead
of the time: the entry's address changes when the index does and is cached otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path

from mpchub.assets import digest

MANIFEST = "mpc-search.json"
ENTRY = "pagefind-entry.json"


def manifest(index_dir: Path) -> dict[str, object]:
    """The manifest of the bundle in ``index_dir`` (paths relative to it)."""
    entry_bytes = (index_dir / ENTRY).read_bytes()
    entry = json.loads(entry_bytes)
    tag = digest(entry_bytes)
    core = ["pagefind.js", f"{ENTRY}?ts={tag}"]
    for language, data in sorted(entry["languages"].items()):
        core += [f"pagefind.{data['hash']}.pf_meta", f"wasm.{data.get('wasm') or 'unknown'}.pagefind"]
        core += [f"mpc-addresses.{language}.json"] if (index_dir / f"mpc-addresses.{language}.json").is_file() else []

    def listed(folder: str) -> list[str]:
        return sorted(p.relative_to(index_dir).as_posix() for p in (index_dir / folder).glob("*.pf_*"))

    def size(paths: list[str]) -> int:
        return sum((index_dir / path.split("?", 1)[0]).stat().st_size for path in paths)

    index, filters, fragments = listed("index"), listed("filter"), listed("fragment")
    files = [*core, *index, *filters]
    return {
        "tag": tag,
        "core": core[:4],  # what every first query needs: the script, the entry, the meta file, the WebAssembly
        "index": index,
        "index_bytes": size(index),
        "files": files,
        "fragments": fragments,
        "total": size(files) + size(fragments),
    }


def write_manifest(index_dir: Path) -> Path:
    target = index_dir / MANIFEST
    target.write_text(json.dumps(manifest(index_dir), separators=(",", ":")), encoding="utf-8")
    return target
