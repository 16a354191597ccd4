"""Every export file rendered in memory, then written into a built site or any folder.

``build_exports`` renders once; the adapter calls ``write_site_exports`` after MkDocs has built the site,
and ``mpchub export`` writes the same files into a folder of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mpchub.corpus import Corpus
from mpchub.project import COLLECTION_BY_NAME, COLLECTIONS

from . import citations, feeds, hub, model, tables
from .history import read_history
from .package import datapackage


def _json(data: Any, pretty: bool = False) -> bytes:
    """Compact JSON for the data (Python's fast C encoder only runs without ``indent``); indented for the
    few descriptive files people read (schemas, the data package)."""
    if pretty:
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


@dataclass
class ExportBundle:
    """Site path (``data/practices.tr.json``) → file content."""

    files: dict[str, bytes] = field(default_factory=dict)

    def write(self, target: Path) -> list[Path]:
        """Write every file under ``target``; returns the paths written."""
        written = []
        folders: set[Path] = set()
        for site_path, data in self.files.items():
            path = target / site_path
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            path.write_bytes(data)
            written.append(path)
        return written


def _licence(lang: str) -> dict[str, Any]:
    chosen = hub.licence()
    return {"id": chosen.id, "title": chosen.title, "url": chosen.url, "statement": chosen.statement[lang]}


def collection_json(
    corpus: Corpus,
    collection_name: str,
    lang: str | None,
    site_url: str | None,
    entries: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """The content of ``data/<collection>.<lang>.json`` (``lang=None``: the language-neutral file).

    ``entries`` (language → ``model.export_record`` of every record, in corpus order) are reused when given.
    """
    records = corpus.of(collection_name)
    collection = COLLECTION_BY_NAME[collection_name]
    if lang is None:
        found = [
            model.export_neutral(
                corpus, r, site_url, {code: entries[code][i]["labels"] for code in hub.LANGUAGES} if entries else None
            )
            for i, r in enumerate(records)
        ]
    elif entries is not None:
        found = entries[lang]
    else:
        found = [model.export_record(corpus, r, lang, site_url) for r in records]
    return {
        "collection": collection.name,
        "language": lang or "neutral",
        "title": f"{hub.HUB_NAME[lang or 'en']}: {collection.folder}",
        "licence": _licence(lang or "en"),
        "count": len(found),
        "records": found,
    }


def build_exports(corpus: Corpus, site_url: str | None = None) -> ExportBundle:
    """Render every download, schema, feed, citation file and the data package of ``corpus``."""
    bundle = ExportBundle()
    files = bundle.files
    for collection in COLLECTIONS:
        records = corpus.of(collection.name)
        entries = {lang: [model.export_record(corpus, r, lang, site_url) for r in records] for lang in hub.LANGUAGES}
        for lang in (*hub.LANGUAGES, None):
            files[hub.collection_file(collection, lang, "json")] = _json(
                collection_json(corpus, collection.name, lang, site_url, entries)
            )
        for lang in hub.LANGUAGES:
            files[hub.collection_file(collection, lang, "csv")] = tables.write_csv(
                corpus, collection, lang, entries[lang]
            )
        files[hub.schema_file(collection, neutral=False)] = _json(model.file_schema(corpus.schemas, collection), True)
        files[hub.schema_file(collection, neutral=True)] = _json(
            model.neutral_file_schema(corpus.schemas, collection), True
        )
        for lang in hub.LANGUAGES:
            items = [citations.csl_item(r, lang, site_url) for r in records]
            for extension, _name, _mediatype, write in citations.FORMATS:
                files[hub.citations_file(collection, lang, extension)] = write(items).encode("utf-8")
    history = read_history(corpus.project.root, [c.folder for c in COLLECTIONS])
    for lang in hub.LANGUAGES:
        files[hub.feed_file(lang)] = feeds.feed(corpus, lang, site_url, history)
    package = datapackage(corpus, files)
    if site_url:
        package["homepage"] = site_url
    else:
        del package["homepage"]
    files[hub.PACKAGE_FILE] = _json(package, True)
    return bundle


def site_paths(corpus: Corpus) -> set[str]:
    """Every site path the exports write, without rendering them: for the build's link checker, so that links
    to downloads, feeds and citation files count as links to existing files."""
    paths = {hub.PACKAGE_FILE, *(hub.feed_file(lang) for lang in hub.LANGUAGES)}
    for collection in COLLECTIONS:
        paths |= {hub.collection_file(collection, lang, ext) for lang in (*hub.LANGUAGES, None) for ext in ("json",)}
        paths |= {hub.collection_file(collection, lang, "csv") for lang in hub.LANGUAGES}
        paths |= {hub.schema_file(collection, neutral) for neutral in (False, True)}
        paths |= {hub.citations_file(collection, lang, f[0]) for lang in hub.LANGUAGES for f in citations.FORMATS}
    return paths


def write_site_exports(corpus: Corpus, site_dir: Path, site_url: str | None = None) -> list[Path]:
    """Write every export into the built site ``site_dir``; the adapter calls this once after the build.

    ``site_url`` is the site's public base address (``config.site_url``); feeds, JSON-LD and citations use
    it for absolute links and fall back to site-relative ones without it.
    """
    return build_exports(corpus, site_url).write(Path(site_dir))
