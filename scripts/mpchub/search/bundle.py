"""``mpc-search.json`` in each language's search bundle: what a page may load before the first query, and
what the service worker keeps for searching offline. Written by ``mpchub.search.pagefind`` after each Pagefind run.

Pagefind's first query, left to itself, makes its requests one after the other: ``pagefind.js``, then
``pagefind-entry.json`` (with ``?ts=`` and the time, a new address at every page load, so never cached), then
the language's ``pf_meta`` and WebAssembly, then the index chunks the query needs, then a fragment per
result: five round trips, each 2 s on a slow 3G line. This file names them all, so search.js can ask for
the entry, the WebAssembly, the meta file and (while they are small) every index chunk at once when the
page is idle or the search box is focused, and gives Pagefind a ``metaCacheTag`` (the entry's hash) instead
of the time: the entry's address changes when the index does and is cached otherwise.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from mpchub.render.assets import digest

MANIFEST = "mpc-search.json"
ENTRY = "pagefind-entry.json"
RESULTS = "mpc-results.{language}.json"
FRAGMENT_MARK = b"pagefind_dcd"  # what Pagefind writes before a fragment's JSON (as mpchub.search.pagefind reads it)


def results(index_dir: Path) -> dict[str, dict[str, list[str]]]:
    """Per language, each indexed page's result line: Pagefind id → [address, title, type, municipality,
    province]. With it a first query draws its results (and orders them by title) as soon as the index has
    answered, instead of after a round trip for the pages' fragments, which then only fill in the excerpts."""
    found: dict[str, dict[str, list[str]]] = {}
    for fragment in sorted((index_dir / "fragment").glob("*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(FRAGMENT_MARK))
        meta, filters = data.get("meta", {}), data.get("filters", {})
        kind = meta.get("type") or (filters.get("type") or [""])[0]
        line = [
            data["url"].lstrip("/"),
            meta.get("title", ""),
            kind,
            meta.get("municipality", ""),
            meta.get("province", ""),
        ]
        found.setdefault(fragment.name.split("_", 1)[0], {})[fragment.stem] = line
    return found


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
    lines = sorted(p.name for p in index_dir.glob(RESULTS.format(language="*")))
    files = [*core, *index, *filters, *lines]
    return {
        "results": lines[0] if lines else None,
        "results_bytes": sum(len(gzip.compress((index_dir / name).read_bytes())) for name in lines),
        "tag": tag,
        "core": core[:4],  # what every first query needs: the script, the entry, the meta file, the WebAssembly
        "index": index,
        "index_bytes": size(index),
        "files": files,
        "fragments": fragments,
        "total": size(files) + size(fragments),
    }


def write_manifest(index_dir: Path) -> Path:
    """Write the result lines (``results``) and then the manifest that names them."""
    for language, lines in results(index_dir).items():
        text = json.dumps(lines, ensure_ascii=False, separators=(",", ":"))
        (index_dir / RESULTS.format(language=language)).write_text(text, encoding="utf-8")
    target = index_dir / MANIFEST
    target.write_text(json.dumps(manifest(index_dir), separators=(",", ":")), encoding="utf-8")
    return target
