"""The Frictionless Data Package (``data/datapackage.json``) describing every download and every field.

Nothing is written twice: each CSV column's title and description come from the schema's ``x-label`` and
``x-help`` (in the file's language), and each JSON file points at its JSON Schema, which embeds the
collection schema itself.
"""

from __future__ import annotations

import hashlib
from typing import Any

from mpchub.content.corpus import Corpus
from mpchub.content.registry import Collection, Registry
from mpchub.render.strings import t

from . import citations, hub
from .tables import Column, columns


def _meta_description(column: Column, lang: str) -> tuple[str, str]:
    return t(lang, f"column_{column.meta}"), t(lang, f"column_{column.meta}_help")


def table_field(column: Column, lang: str) -> dict[str, Any]:
    """A Table Schema field for one CSV column, described from the JSON Schema."""
    if column.meta:
        title, description = _meta_description(column, lang)
        kind = "boolean" if column.meta == "translated" else "string"
        field: dict[str, Any] = {"name": column.name, "type": kind, "title": title, "description": description}
        if kind == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        return field
    spec = column.spec
    title = spec.get("x-label", {}).get(lang) or column.path[-1]
    parts = [spec.get("x-help", {}).get(lang, "")]
    if column.multiple:
        parts.append(t(lang, "column_list_help", separator=" | "))
    if column.label:
        title = t(lang, "column_label_title", field=title)
        parts.insert(0, t(lang, "column_label_help", field=column.name[: -len("_label")]))
    elif column.vocabulary:
        parts.append(t(lang, "column_keys_help", vocabulary=column.vocabulary))
    kind = spec.get("type")
    table_type = "string"
    if not column.multiple and not column.label and kind in ("integer", "number"):
        table_type = kind
    return {
        "name": column.name,
        "type": table_type,
        "title": title,
        "description": " ".join(p for p in parts if p),
    }


def _licence_entries() -> list[dict[str, str]]:
    chosen = hub.licence()
    if not chosen.chosen:
        return []
    return [{"name": chosen.id or "", "path": chosen.url or "", "title": chosen.title or ""}]


def _digest(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def datapackage(corpus: Corpus, files: dict[str, bytes]) -> dict[str, Any]:
    """The descriptor for the already rendered ``files`` (site path → bytes)."""
    resources = []

    def add(path: str, entry: dict[str, Any]) -> None:
        data = files[path]
        entry.update(
            path=path[len(hub.DATA_DIR) + 1 :], bytes=len(data), hash=_digest(data)
        )  # paths are relative to data/
        resources.append(entry)

    registry = corpus.registry
    codes, master = registry.codes, registry.master.code
    every = " + ".join(codes)
    for collection in registry.collections:
        count = len(corpus.of(collection.name))
        for lang in codes:
            path = hub.collection_file(collection, lang, "csv")
            add(
                path,
                {
                    "name": f"{collection.folder}-{lang}-csv",
                    "type": "table",
                    "title": _title(registry, collection, lang),
                    "description": t(lang, "csv_description", n=count, language=_name(registry, lang)),
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8-sig",
                    "dialect": {"csv": {"delimiter": ",", "quoteChar": '"', "lineTerminator": "\r\n"}},
                    "schema": {
                        "fields": [table_field(c, lang) for c in columns(corpus, collection)],
                        "primaryKey": ["id"],
                    },
                },
            )
        for lang in codes:
            add(
                hub.collection_file(collection, lang, "xlsx"),
                {
                    "name": f"{collection.folder}-{lang}-xlsx",
                    "type": "file",
                    "title": _title(registry, collection, lang) + " (Excel)",
                    "description": t(lang, "xlsx_description", n=count, language=_name(registry, lang)),
                    "format": "xlsx",
                    "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                },
            )
            add(
                hub.collection_file(collection, lang, "table.json"),
                {
                    "name": f"{collection.folder}-{lang}-table-json",
                    "type": "json",
                    "title": _title(registry, collection, lang) + " (table)",
                    "description": t(lang, "table_description", n=count),
                    "format": "json",
                    "mediatype": "application/json",
                    "encoding": "utf-8",
                },
            )
        for lang in (*codes, None):
            path = hub.collection_file(collection, lang, "json")
            schema = hub.schema_file(collection, neutral=lang is None)
            add(
                path,
                {
                    "name": f"{collection.folder}-{lang or 'neutral'}-json",
                    "type": "json",
                    "title": _title(registry, collection, lang or master) + ("" if lang else f" ({every})"),
                    "description": t(
                        lang or master,
                        "json_description" if lang else "neutral_description",
                        n=count,
                        language=_name(registry, lang or master),
                    ),
                    "format": "json",
                    "mediatype": "application/json",
                    "encoding": "utf-8",
                    "jsonSchema": schema[len(hub.DATA_DIR) + 1 :],
                },
            )
        for lang in codes:
            for extension, name, mediatype, _write in citations.FORMATS:
                add(
                    hub.citations_file(collection, lang, extension),
                    {
                        "name": f"{collection.folder}-{lang}-{extension.replace('.', '-')}",
                        "type": "json" if extension.endswith("json") else "file",
                        "title": f"{_title(registry, collection, lang)}: {name}",
                        "description": t(lang, "citations_description", n=count, format=name),
                        "format": extension.rsplit(".", 1)[-1],
                        "mediatype": mediatype,
                        "encoding": "utf-8",
                    },
                )
        for neutral in (False, True):
            path = hub.schema_file(collection, neutral)
            add(
                path,
                {
                    "name": f"{collection.folder}{'-neutral' if neutral else ''}-schema",
                    "type": "json",
                    "title": f"JSON Schema: {collection.folder}{f' ({every})' if neutral else ''}",
                    "format": "json",
                    "mediatype": "application/schema+json",
                    "encoding": "utf-8",
                },
            )
    for lang in codes:
        add(
            hub.workbook_file(lang),
            {
                "name": f"hub-{lang}-xlsx",
                "type": "file",
                "title": f"{hub.hub_name(lang)} (Excel, {_name(registry, lang)})",
                "description": t(lang, "workbook_description"),
                "format": "xlsx",
                "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            },
        )
    chosen = hub.licence()
    descriptor: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "mpc-knowledge-hub",
        "title": " / ".join(hub.hub_name(lang) for lang in codes),
        "description": "\n\n".join(t(lang, "package_description") for lang in codes),
        "homepage": "",
        "languages": list(codes),
        "contributors": [{"title": hub.publisher(master), "roles": ["publisher"]}],
        "licenses": _licence_entries(),
        "rights": chosen.statement_in(master) if not chosen.chosen else chosen.title,
        "x-rights": chosen.statement,
        "resources": resources,
    }
    if not descriptor["licenses"]:
        del descriptor["licenses"]
    return descriptor


def _name(registry: Registry, lang: str) -> str:
    """A language's name in itself: 'Türkçe', 'English'."""
    return registry.language(lang).name


def _title(registry: Registry, collection: Collection, lang: str) -> str:
    return f"{t(lang, collection.folder)} ({_name(registry, lang)})"
