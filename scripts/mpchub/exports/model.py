"""A record as open data: its schema fields (keys, as stored) and the labels of its vocabulary keys.

Everything here is derived from the JSON Schemas, so a field is described once: the export's own JSON
Schemas embed the collection schema, and a label exists only where the schema binds a field to a
vocabulary (``x-vocabulary``). Languages are never mixed: an English export of a record without an English
translation says ``"language": "tr"``, and a translatable field the translation lacks is left out and
named in ``untranslated_fields`` instead of showing the master's text in another language's file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from mpchub.content.corpus import Corpus, Record
from mpchub.content.registry import Collection
from mpchub.content.schemas import Schema, SchemaSet
from mpchub.content.vocabularies import Vocabulary

from . import hub

EXCLUDED = ("source_commit",)  # bookkeeping of translations (x-twin-only), not a fact about the record


@lru_cache(maxsize=32)  # called per record; the SchemaSet of a build never changes
def properties(schemas: SchemaSet, collection: Collection) -> dict[str, Schema]:
    """The collection's fields in schema order, without twin-only bookkeeping."""
    master = schemas.schema(collection.name, twin=False)["properties"]
    return {name: spec for name, spec in master.items() if name not in EXCLUDED and not spec.get("x-twin-only")}


def translatable(spec: Schema) -> bool:
    return bool(spec.get("x-translatable"))


def _label(value: Any, spec: Schema, vocabularies: dict[str, Vocabulary], lang: str) -> Any:
    """The labels inside ``value`` in the shape of ``value``; None where no vocabulary is bound."""
    name = spec.get("x-vocabulary")
    if name is not None:
        vocabulary = vocabularies[name]
        return vocabulary.label(value, lang) if value in vocabulary else str(value)
    if isinstance(value, list) and isinstance(spec.get("items"), dict):
        found = [_label(item, spec["items"], vocabularies, lang) for item in value]
        return found if any(item is not None for item in found) else None
    if isinstance(value, dict) and isinstance(spec.get("properties"), dict):
        inner = {}
        for key, item in value.items():
            if key in spec["properties"]:
                label = _label(item, spec["properties"][key], vocabularies, lang)
                if label is not None:
                    inner[key] = label
        return inner or None
    return None


def _has_vocabulary(spec: Any) -> bool:
    if isinstance(spec, dict):
        return "x-vocabulary" in spec or any(_has_vocabulary(v) for v in spec.values())
    if isinstance(spec, list):
        return any(_has_vocabulary(v) for v in spec)
    return False


_LABELLED: dict[int, dict[str, Schema]] = {}


def labelled(props: dict[str, Schema]) -> dict[str, Schema]:
    """The fields that hold vocabulary keys somewhere inside (computed once per schema)."""
    found = _LABELLED.get(id(props))
    if found is None:
        found = _LABELLED[id(props)] = {n: s for n, s in props.items() if _has_vocabulary(s)}
    return found


def labels(fields: dict[str, Any], props: dict[str, Schema], vocabularies: dict[str, Vocabulary], lang: str) -> dict:
    """The labels of every vocabulary key in ``fields``, shaped like the fields. Vocabulary-bound fields
    are never translatable, so a record's labels are the same whichever language its texts are in."""
    found = {}
    for name, spec in labelled(props).items():
        if name in fields:
            label = _label(fields[name], spec, vocabularies, lang)
            if label is not None:
                found[name] = label
    return found


@dataclass
class LanguageView:
    """A record's fields as read in one language, with what that language lacks."""

    fields: dict[str, Any]
    content_language: str  # the language the record's texts are in: the master's for an untranslated record
    translated: bool
    untranslated_fields: list[str]


def view(record: Record, lang: str, props: dict[str, Schema]) -> LanguageView:
    """The fields of ``record`` in ``lang``, in schema order, never mixing the master's text into another language."""
    master = record.data
    translation = record.translation(lang)
    if translation is None:
        fields = {name: master[name] for name in props if name in master}
        is_master = lang == record.master.lang
        return LanguageView(fields, record.master.lang, is_master, [])
    assert translation.data is not None
    translated = translation.data
    fields, missing = {}, []
    for name, spec in props.items():
        if translatable(spec):
            if name in translated:
                fields[name] = translated[name]
            elif name in master:
                missing.append(name)
        elif name in master:
            fields[name] = master[name]
    return LanguageView(fields, lang, True, missing)


def export_record(corpus: Corpus, record: Record, lang: str, site_url: str | None) -> dict[str, Any]:
    """One entry of ``data/<collection>.<lang>.json``."""
    props = properties(corpus.schemas, record.collection)
    seen = view(record, lang, props)
    page = hub.record_page(record, corpus.registry.language(lang))
    return {
        "url": hub.absolute(site_url, page) or page,
        "language": seen.content_language,
        "translated": seen.translated,
        "untranslated_fields": seen.untranslated_fields,
        "fields": seen.fields,
        "labels": labels(seen.fields, props, corpus.schemas.vocabularies, lang),
        # the record's text (Markdown), in the language of its fields: the master's for an untranslated record
        "body": record.body(seen.content_language).strip(),
    }


def export_neutral(
    corpus: Corpus, record: Record, site_url: str | None, known_labels: dict[str, dict] | None = None
) -> dict[str, Any]:
    """One entry of the language-neutral ``data/<collection>.json``: every text under its language.

    ``known_labels`` (language → labels) reuses the labels already made for the per-language files."""
    props = properties(corpus.schemas, record.collection)
    registry = corpus.registry
    languages = [lang for lang in registry.codes if record.has_language(lang)]
    views = {lang: view(record, lang, props) for lang in languages}
    fields: dict[str, Any] = {}
    for name, spec in props.items():
        if translatable(spec):
            texts = {lang: views[lang].fields[name] for lang in languages if name in views[lang].fields}
            if texts:
                fields[name] = texts
        elif name in record.data:
            fields[name] = record.data[name]
    vocabularies = corpus.schemas.vocabularies
    master_fields = views[registry.master.code].fields
    return {
        "url": {
            language.code: hub.absolute(site_url, page) or page
            for language in registry.languages
            for page in [hub.record_page(record, language)]
        },
        "languages": languages,
        "fields": fields,
        "labels": known_labels or {lang: labels(master_fields, props, vocabularies, lang) for lang in registry.codes},
        "body": {lang: record.body(lang).strip() for lang in languages},
    }


# --- the JSON Schemas of the export files, derived from the collection schemas -----------------------------


def _strip_ids(schema: Schema) -> Schema:
    return {k: v for k, v in schema.items() if k not in ("$id", "$schema")}


def _label_schema(spec: Schema) -> Schema | None:
    """The schema of a field's labels: strings where the field has vocabulary keys, same shape otherwise."""
    if "x-vocabulary" in spec:
        return {"type": "string", "minLength": 1}
    if spec.get("type") == "array" and isinstance(spec.get("items"), dict):
        inner = _label_schema(spec["items"])
        return None if inner is None else {"type": "array", "items": {"anyOf": [inner, {"type": "null"}]}}
    if spec.get("type") == "object" and isinstance(spec.get("properties"), dict):
        props = {k: s for k, v in spec["properties"].items() if (s := _label_schema(v)) is not None}
        return {"type": "object", "additionalProperties": False, "properties": props} if props else None
    return None


def labels_schema(props: dict[str, Schema]) -> Schema:
    inner = {name: s for name, spec in props.items() if (s := _label_schema(spec)) is not None}
    return {"type": "object", "additionalProperties": False, "properties": inner}


def fields_schema(schemas: SchemaSet, collection: Collection) -> Schema:
    """The collection's own schema (vocabularies bound), without twin-only bookkeeping."""
    master = copy.deepcopy(_strip_ids(schemas.schema(collection.name, twin=False)))
    master["properties"] = dict(properties(schemas, collection))  # a copy: properties() is cached
    return master


def neutral_fields_schema(schemas: SchemaSet, collection: Collection, languages: tuple[str, ...]) -> Schema:
    """As ``fields_schema``, with every translatable field as ``{"tr": …, "en": …}`` (one key per language)."""
    master = fields_schema(schemas, collection)
    for name, spec in list(master["properties"].items()):
        if translatable(spec):
            master["properties"][name] = {
                "type": "object",
                "additionalProperties": False,
                "required": [languages[0]],
                "properties": {lang: spec for lang in languages},
                "x-label": spec.get("x-label", {}),
                "x-translatable": True,
            }
    return master


def _envelope(collection: Collection, title: str, entry: Schema, languages: tuple[str, ...]) -> Schema:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": ["collection", "language", "licence", "count", "records"],
        "properties": {
            "collection": {"const": collection.name},
            "language": {"enum": [*languages, "neutral"]},
            "title": {"type": "string"},
            "licence": LICENCE_SCHEMA,
            "count": {"type": "integer", "minimum": 0},
            "records": {"type": "array", "items": entry},
        },
    }


BODY_SCHEMA: Schema = {"type": "string", "description": "The record's text below its fields, in Markdown, as written"}

LICENCE_SCHEMA: Schema = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "url", "statement"],
    "properties": {
        "id": {"type": ["string", "null"]},
        "title": {"type": ["string", "null"]},
        "url": {"type": ["string", "null"]},
        "statement": {"type": "string", "minLength": 1},
    },
}


def file_schema(corpus: Corpus, collection: Collection) -> Schema:
    """The JSON Schema of ``data/<collection>.<lang>.json`` (the same for every language)."""
    schemas, languages = corpus.schemas, corpus.registry.codes
    props = properties(schemas, collection)
    entry = {
        "type": "object",
        "additionalProperties": False,
        "required": ["url", "language", "translated", "untranslated_fields", "fields", "labels", "body"],
        "properties": {
            "url": {"type": "string"},
            "language": {"enum": list(languages)},
            "translated": {"type": "boolean"},
            "untranslated_fields": {
                "type": "array",
                "items": {"enum": [n for n, s in props.items() if translatable(s)]},
            },
            "fields": fields_schema(schemas, collection),
            "labels": labels_schema(props),
            "body": BODY_SCHEMA,
        },
    }
    return _envelope(collection, f"{collection.folder} (one language)", entry, languages)


def neutral_file_schema(corpus: Corpus, collection: Collection) -> Schema:
    """The JSON Schema of the language-neutral ``data/<collection>.json``."""
    schemas, languages = corpus.schemas, corpus.registry.codes
    props = properties(schemas, collection)
    per_language = {"type": "object", "additionalProperties": False, "required": list(languages)}
    entry = {
        "type": "object",
        "additionalProperties": False,
        "required": ["url", "languages", "fields", "labels", "body"],
        "properties": {
            "url": {**per_language, "properties": {lang: {"type": "string"} for lang in languages}},
            "languages": {"type": "array", "items": {"enum": list(languages)}, "minItems": 1},
            "fields": neutral_fields_schema(schemas, collection, languages),
            "labels": {**per_language, "properties": {lang: labels_schema(props) for lang in languages}},
            "body": {
                "type": "object",
                "additionalProperties": False,
                "properties": dict.fromkeys(languages, BODY_SCHEMA),
            },
        },
    }
    return _envelope(collection, f"{collection.folder} (every language)", entry, languages)
