"""JSON Schemas: loading, vocabulary binding, the translation ("twin") schema, and compiled validators.

The schema files are the single source of truth for fields. They use a few ``x-`` keywords that JSON
Schema ignores and mpchub reads:

* ``x-vocabulary``: the value is a key of ``vocabularies/<name>.yml``; bound here as an ``enum``;
* ``x-translatable``: the field is translated, so it may (only) appear in a translation file;
* ``x-twin-only``: the field belongs in a translation file alone (``source_commit``);
* ``x-reference``: the value is the id of a record of that collection;
* ``x-date``: ``partial`` (YYYY[-MM[-DD]]) or ``full`` (YYYY-MM-DD), checked for real calendar dates;
* ``x-isbn``: checked with the ISBN check digit;
* ``x-label`` / ``x-help``: the field's wording in each language, for the field reference and the site.

Lengths, list sizes and the largest numbers are not in the files: they come from one table,
``mpchub.content.limits.FIELDS``, and are written into the loaded schemas here (``_bind_limits``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from mpchub.content import limits, termbase
from mpchub.content.problems import DefinitionError
from mpchub.content.project import Project
from mpchub.content.vocabularies import Vocabulary, load_vocabularies

Schema = dict[str, Any]
COMMON = "common.schema.json"


class SchemaError(DefinitionError):
    """A schema file is broken (a maintainer's mistake, not a contributor's)."""


def _read_json(path: Path) -> Schema:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise SchemaError(f"{path}: {exc}") from None


def _inline(node: Any, defs: dict[str, Schema]) -> Any:
    """Replace ``{"$ref": "common.schema.json#/$defs/x", ...}`` by the definition merged with siblings.

    Inlining gives one self-contained schema per collection, which the compiled validator, the field
    reference and the scaffold can all walk without a reference resolver.
    """
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inline(v, defs) for k, v in node.items() if k != "$ref"}
    ref = node.get("$ref")
    if ref:
        prefix = f"{COMMON}#/$defs/"
        if not ref.startswith(prefix) or ref[len(prefix) :] not in defs:
            raise SchemaError(f"unsupported $ref {ref!r}: only {prefix}NAME is understood")
        base = _inline(defs[ref[len(prefix) :]], defs)
        merged = {**base, **out}
        for key in ("x-label", "x-help"):  # siblings override per language, not wholesale
            if key in base and key in out:
                merged[key] = {**base[key], **out[key]}
        return merged
    return out


def _bind_vocabularies(node: Any, vocabularies: dict[str, Vocabulary], where: str) -> None:
    if isinstance(node, list):
        for item in node:
            _bind_vocabularies(item, vocabularies, where)
        return
    if not isinstance(node, dict):
        return
    name = node.get("x-vocabulary")
    if name is not None:
        if name not in vocabularies:
            raise SchemaError(f"{where}: x-vocabulary '{name}' has no file vocabularies/{name}.yml")
        node["enum"] = vocabularies[name].keys
    for value in node.values():
        _bind_vocabularies(value, vocabularies, where)


SIZE_KEYWORDS = ("maxLength", "maxItems")  # set from mpchub.content.limits only


def _bind_limits(node: Schema, collection: str, where: str, path: tuple[str, ...] = ()) -> None:
    """Write the bounds of ``mpchub.content.limits`` into a loaded schema: ``maxLength`` on every text,
    ``maxItems`` on every list, ``maximum`` on every number (the lower of the schema's and the table's)."""
    for keyword in SIZE_KEYWORDS:
        if keyword in node:
            raise SchemaError(
                f"{where}: {'.'.join(path) or 'the schema'} sets {keyword}: lengths and list sizes live in one "
                "table, mpchub.content.limits.FIELDS; move the bound there"
            )
    types = node.get("type")
    kinds = types if isinstance(types, list) else [types]
    if path:
        found = limits.bound(collection, path, next((k for k in kinds if k in limits.DEFAULTS), None))
        if "string" in kinds and found.characters is not None:
            node["maxLength"] = found.characters
        if "string" in kinds and found.one_line:
            node["x-one-line"] = True  # read by mpchub.content.values and the field reference
        if "array" in kinds and found.items is not None:
            node["maxItems"] = found.items
        if ("integer" in kinds or "number" in kinds) and found.maximum is not None:
            node["maximum"] = min(node.get("maximum", found.maximum), found.maximum)
    for name, spec in node.get("properties", {}).items():
        _bind_limits(spec, collection, where, (*path, name))
    if isinstance(node.get("items"), dict):
        _bind_limits(node["items"], collection, where, (*path, "[]"))


def twin_schema(master: Schema) -> Schema:
    """A translation file's schema: only translatable and twin-only fields, required where the master
    requires them."""
    props = {
        name: spec
        for name, spec in master["properties"].items()
        if spec.get("x-translatable") or spec.get("x-twin-only")
    }
    twin = {k: v for k, v in master.items() if k not in ("properties", "required")}
    twin["properties"] = props
    twin["required"] = [name for name in master.get("required", []) if name in props]
    twin["title"] = f"{master.get('title', '')} (translation)"
    return twin


def master_schema(schema: Schema) -> Schema:
    """The master file's schema: every field except the twin-only ones."""
    master = dict(schema)
    master["properties"] = {k: v for k, v in schema["properties"].items() if not v.get("x-twin-only")}
    return master


@dataclass(frozen=True)
class FieldSpec:
    """One field of a collection, flattened for documentation and scaffolding."""

    path: tuple[str, ...]  # ('implementers', 'kind'); list items are implied
    schema: Schema
    required: bool

    @property
    def name(self) -> str:
        return ".".join(self.path)

    @property
    def translatable(self) -> bool:
        return bool(self.schema.get("x-translatable"))

    def label(self, lang: str) -> str:
        return self.schema.get("x-label", {}).get(lang, self.path[-1])

    def help(self, lang: str) -> str:
        return self.schema.get("x-help", {}).get(lang, "")


def iter_fields(schema: Schema, prefix: tuple[str, ...] = ()) -> Iterator[FieldSpec]:
    """Every field in document order, depth first, descending into objects and lists of objects."""
    required = set(schema.get("required", []))
    for name, spec in schema.get("properties", {}).items():
        path = (*prefix, name)
        yield FieldSpec(path, spec, name in required)
        inner = spec.get("items", spec) if spec.get("type") == "array" else spec
        if inner.get("type") == "object" and "properties" in inner:
            yield from iter_fields(inner, path)


Pattern = tuple[str, ...]  # field names, with "*" for "every item of the list"
MARKERS = ("x-date", "x-isbn", "x-reference")


def marked_paths(schema: Schema, prefix: Pattern = ()) -> list[tuple[Pattern, Schema]]:
    """Where in a record the checker has work beyond the schema: dates, ISBNs and references."""
    found = []
    for name, spec in schema.get("properties", {}).items():
        path = (*prefix, name)
        if any(marker in spec for marker in MARKERS):
            found.append((path, spec))
        if spec.get("type") == "array":
            items = spec.get("items", {})
            if any(marker in items for marker in MARKERS):
                found.append(((*path, "*"), items))
            if items.get("type") == "object":
                found += marked_paths(items, (*path, "*"))
        elif spec.get("type") == "object":
            found += marked_paths(spec, path)
    return found


def values_at(
    data: Any, pattern: Pattern, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """(path, value) for every value in ``data`` that ``pattern`` matches."""
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from values_at(item, rest, (*path, index))
    elif isinstance(data, dict) and head in data:
        yield from values_at(data[head], rest, (*path, head))


class SchemaSet:
    """The schemas of every collection, bound to the vocabularies and compiled once."""

    def __init__(self, project: Project, vocabularies: dict[str, Vocabulary] | None = None) -> None:
        self.project = project
        if vocabularies is None:
            vocabularies = load_vocabularies(
                project.vocabularies_dir, project.schemas_dir / "vocabulary.schema.json", project.registry.codes
            )
        self.vocabularies = vocabularies
        self.termbase = termbase.load(project.root)  # the agreed terms, checked in every record's prose
        defs = _read_json(project.schemas_dir / COMMON).get("$defs", {})
        self.masters: dict[str, Schema] = {}
        self.twins: dict[str, Schema] = {}
        for collection in project.registry.collections:
            path = project.root / collection.schema_file
            schema = _inline(_read_json(path), defs)
            _bind_vocabularies(schema, self.vocabularies, str(path))
            _bind_limits(schema, collection.name, str(path))
            self.twins[collection.name] = twin_schema(schema)
            self.masters[collection.name] = master_schema(schema)

    def schema(self, collection: str, twin: bool) -> Schema:
        return (self.twins if twin else self.masters)[collection]

    @cached_property
    def markers(self) -> dict[tuple[str, bool], list[tuple[Pattern, Schema]]]:
        return {(name, twin): marked_paths(self.schema(name, twin)) for name in self.masters for twin in (False, True)}

    @cached_property
    def _validators(self) -> dict[tuple[str, bool], Any]:
        compiled = {}
        for name in self.masters:
            for twin in (False, True):
                try:
                    compiled[(name, twin)] = jsonschema_rs.validator_for(self.schema(name, twin))
                except (ValueError, jsonschema_rs.ValidationError) as exc:
                    raise SchemaError(f"schemas/{name}.schema.json is not a valid JSON Schema: {exc}") from None
        return compiled

    def validator(self, collection: str, twin: bool) -> Any:
        return self._validators[(collection, twin)]
