"""Every export file rendered in memory, then written into a built site or any folder.

``build_exports`` renders once; the adapter calls ``write_site_exports`` after MkDocs has built the site,
and ``mpchub export`` writes the same files into a folder of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mpchub.content.corpus import Corpus
from mpchub.content.history import read_history
from mpchub.content.registry import Collection

from . import citations, feeds, hub, model, sheets, tables
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
    return {"id": chosen.id, "title": chosen.title, "url": chosen.url, "statement": chosen.statement_in(lang)}


def collection_json(
    corpus: Corpus,
    collection: Collection,
    lang: str | None,
    site_url: str | None,
    entries: dict[str, list[dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """The content of ``data/<collection>.<lang>.json`` (``lang=None``: the language-neutral file).

    ``entries`` (language → ``model.export_record`` of every record, in corpus order) are reused when given.
    """
    records = corpus.of(collection.name)
    codes = corpus.registry.codes
    if lang is None:
        found = [
            model.export_neutral(
                corpus, r, site_url, {code: entries[code][i]["labels"] for code in codes} if entries else None
            )
            for i, r in enumerate(records)
        ]
    elif entries is not None:
        found = entries[lang]
    else:
        found = [model.export_record(corpus, r, lang, site_url) for r in records]
    titled = lang or corpus.registry.master.code
    return {
        "collection": collection.name,
        "language": lang or "neutral",
        "title": f"{hub.hub_name(titled)}: {collection.folder}",
        "licence": _licence(titled),
        "count": len(found),
        "records": found,
    }


def build_exports(corpus: Corpus, site_url: str | None = None) -> ExportBundle:
    """Render every download, schema, feed, citation file and the data package of ``corpus``."""
    bundle = ExportBundle()
    files = bundle.files
    registry = corpus.registry
    workbooks: dict[str, list[sheets.Table]] = {lang: [] for lang in registry.codes}
    for collection in registry.collections:
        records = corpus.of(collection.name)
        entries = {lang: [model.export_record(corpus, r, lang, site_url) for r in records] for lang in registry.codes}
        for lang in (*registry.codes, None):
            files[hub.collection_file(collection, lang, "json")] = _json(
                collection_json(corpus, collection, lang, site_url, entries)
            )
        for lang in registry.codes:
            files[hub.collection_file(collection, lang, "csv")] = tables.write_csv(
                corpus, collection, lang, entries[lang]
            )
            sheet = sheets.table(corpus, collection, lang, entries[lang])
            workbooks[lang].append(sheet)
            files[hub.collection_file(collection, lang, "xlsx")] = sheets.workbook([sheet])
            files[hub.collection_file(collection, lang, "table.json")] = sheets.table_json(sheet)
        files[hub.schema_file(collection, neutral=False)] = _json(model.file_schema(corpus, collection), True)
        files[hub.schema_file(collection, neutral=True)] = _json(model.neutral_file_schema(corpus, collection), True)
        for language in registry.languages:
            items = [citations.csl_item(corpus, r, language.code, site_url) for r in records]
            for extension, _name, _mediatype, write in citations.FORMATS:
                files[hub.citations_file(collection, language.code, extension)] = write(items).encode("utf-8")
    for lang, found in workbooks.items():
        files[hub.workbook_file(lang)] = sheets.workbook(found)
    history = read_history(corpus.project.root, [c.folder for c in registry.collections])
    for language in registry.languages:
        files[hub.feed_file(language)] = feeds.feed(corpus, language, site_url, history)
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
    registry = corpus.registry
    codes = registry.codes
    paths = {hub.PACKAGE_FILE, *(hub.feed_file(language) for language in registry.languages)}
    paths |= {hub.workbook_file(lang) for lang in codes}
    for collection in registry.collections:
        paths |= {hub.collection_file(collection, lang, "json") for lang in (*codes, None)}
        paths |= {hub.collection_file(collection, lang, ext) for lang in codes for ext in ("csv", "xlsx", "table.json")}
        paths |= {hub.schema_file(collection, neutral) for neutral in (False, True)}
        paths |= {hub.citations_file(collection, lang, f[0]) for lang in codes for f in citations.FORMATS}
    return paths


def write_site_exports(corpus: Corpus, site_dir: Path, site_url: str | None = None) -> list[Path]:
    """Write every export into the built site ``site_dir``; the adapter calls this once after the build.

    ``site_url`` is the site's public base address (``config.site_url``); feeds, JSON-LD and citations use
    it for absolute links and fall back to site-relative ones without it.
    """
    return build_exports(corpus, site_url).write(Path(site_dir))
