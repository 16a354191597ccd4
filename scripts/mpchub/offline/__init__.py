"""The service worker (``sw.js`` at the site's root), written into the built site after both languages.

It sits at the root so that its scope is the whole site, also under a sub-path (``/repo/`` on GitHub Pages,
which cannot send the ``Service-Worker-Allowed`` header that would let a deeper script control the root).
What it does and why it is written by hand is said in ``sw.js`` beside this module; here its data are filled
in: the files to keep from the start (Material's and the site's own hashed scripts and styles, the offline
pages), where each language's home, catalog, offline page and search bundle are, and a version. The version
is the hash of all of that and of the offline pages' bytes, so a build that changes any of them changes
``sw.js`` and browsers install the new worker; one that changes nothing leaves it byte for byte.
"""

from __future__ import annotations

import json
from pathlib import Path

from mpchub.content.registry import Language, Registry
from mpchub.render.assets import IMMUTABLE, digest

SERVICE_WORKER = "sw.js"
TEMPLATE = Path(__file__).with_name("sw.js")
DATA_MARK = "/*@DATA@*/null"
OFFLINE_PAGE = "offline/"  # docs/offline.md and its translations
# A language's whole search bundle is kept for offline use while it is at most this large (bytes as sent);
# above it, only the index (results then need the pages' fragments, kept as they are fetched).
BUDGET = 1_500_000
KEPT = r"^(assets/|([a-z]{2}/)?pagefind/)"  # what runtime caching may keep: not the open-data downloads
MATERIAL = ("assets/javascripts/bundle.*.min.js", "assets/stylesheets/*.min.css")


def shell(site_dir: Path, own: list[str]) -> list[str]:
    """The hashed scripts and styles every page loads (Material's, found in the built site, and ours)."""
    material = sorted(p.relative_to(site_dir).as_posix() for pattern in MATERIAL for p in site_dir.glob(pattern))
    return [*material, *sorted(set(own))]


def service_worker(site_dir: Path, own: list[str], registry: Registry, bundles: dict[str, str]) -> str:
    """The text of ``sw.js`` for the site built in ``site_dir``; ``own``: the site's own hashed files;
    ``bundles``: each language's search bundle folder. The catalog kept from the start is the first collection's."""
    languages: tuple[Language, ...] = registry.languages
    catalog = registry.collections[0].folder + "/"
    offline = {lang.code: lang.url_prefix + OFFLINE_PAGE for lang in languages}
    data = {
        "master": registry.master.code,
        "prefixes": {lang.code: lang.url_prefix for lang in languages},
        "shell": shell(site_dir, own),
        "offline": offline,
        "home": {lang.code: lang.url_prefix for lang in languages},
        "catalog": {lang.code: lang.url_prefix + catalog for lang in languages},
        "bundle": {lang.code: bundles[lang.code] + "/" for lang in languages},
        "immutable": IMMUTABLE.pattern,
        "kept": KEPT,
        "budget": BUDGET,
    }
    template = TEMPLATE.read_text(encoding="utf-8")
    pages = b"".join((site_dir / path / "index.html").read_bytes() for path in offline.values())
    data["version"] = digest(template.encode() + json.dumps(data, sort_keys=True).encode() + pages)
    return template.replace(DATA_MARK, json.dumps(data, sort_keys=True), 1)


def write(site_dir: Path, own: list[str], registry: Registry, bundles: dict[str, str]) -> Path:
    """Write ``sw.js`` at the root of ``site_dir``."""
    target = site_dir / SERVICE_WORKER
    target.write_text(service_worker(site_dir, own, registry, bundles), encoding="utf-8")
    return target
