"""The web editor's configuration (Sveltia CMS's ``config.yml``), generated from the schemas and vocabularies.

Nothing here is written by hand per field: every collection, field, label, help text, required mark,
pattern, length, list bound and vocabulary choice comes from ``schemas/*.schema.json`` (inlined and bound
to ``vocabularies/`` by ``mpchub.content.schemas.SchemaSet``), so the editor can never offer a field or a key the
check would refuse. What this module decides is how a schema shape is edited:

=================================  ==========================================================
schema                             editor field (Sveltia "widget")
=================================  ==========================================================
string with ``x-vocabulary``       ``select``; each choice labelled "Türkçe · English"
array of vocabulary keys           ``select`` with ``multiple``, ``min``/``max`` from the list bounds
``x-reference`` (id, or ids)       ``relation`` to that collection, its records named by title
string                             ``string`` (long translated text: ``text``), with ``pattern``
                                   and ``minlength``/``maxlength``
partial or full date               ``string`` with the date pattern (the editor writes text, which
                                   the schema allows; a number would come back as text anyway)
integer / number                   ``number`` (``int`` / ``float``) with ``min``/``max``
object                             ``object`` with its fields
array of objects / of text         ``list`` with ``fields`` / with one ``text`` field per item
=================================  ==========================================================

Languages: the Turkish master is ``<slug>.md`` and the English twin ``<slug>.en.md``
(``i18n.structure: multiple_files`` with ``omit_default_locale_from_file_path``); fields marked
``x-translatable`` (and the body) are edited in both, the others in the master only, which is exactly the
files' layout. A translated field is required in Turkish only (``required: [tr]``): a record without a
twin is valid. ``source_commit`` (``x-twin-only``) is left out of the editor: it is kept as the twin has it.

Output: ``omit_empty_optional_fields`` (an optional field left empty is not written) and YAML strings in
double quotes (see ``mpchub.content.writer`` for why, and for the file the editor writes).
"""

from __future__ import annotations

from typing import Any

from mpchub.content.registry import Collection, Registry
from mpchub.content.schemas import Schema, SchemaSet
from mpchub.render.strings import t

Field = dict[str, Any]

MEDIA_FOLDER = "docs/assets/uploads"  # required by the editor; records take no images (see ARCHITECTURE)
LONG_TEXT = 300  # a translated text without a bound, or allowed longer than this, gets a text area
BODY_BUTTONS = [  # what mpchub.body allows: no h1, no strikethrough, no images
    "bold", "italic", "code", "link", "heading-two", "heading-three", "heading-four",
    "quote", "bulleted-list", "numbered-list",
]  # fmt: skip


def _both(registry: Registry, labels: dict[str, str], fallback: str) -> str:
    """A label in every language, the master's first: "Başlık · Title" (one word when they are the same)."""
    master = labels.get(registry.master.code) or fallback
    others = [labels[lang.code] for lang in registry.translations if labels.get(lang.code)]
    return " · ".join(dict.fromkeys([master, *others]))


def _common(registry: Registry, name: str, spec: Schema, required: bool, translatable: bool) -> Field:
    field: Field = {"name": name, "label": _both(registry, spec.get("x-label", {}), name)}
    helps = spec.get("x-help", {})
    hint = " · ".join(helps[code] for code in registry.codes if helps.get(code))
    if hint:
        field["hint"] = hint
    if not required:
        field["required"] = False
    elif translatable:
        field["required"] = [registry.master.code]  # a translation is optional: only the master must have it
    if translatable:
        field["i18n"] = True
    return field


def _choices(schemas: SchemaSet, vocabulary: str) -> list[dict[str, Any]]:
    registry = schemas.project.registry
    return [
        {"label": _both(registry, term.labels, str(term.key)), "value": term.key}
        for term in schemas.vocabularies[vocabulary]
    ]


def _pattern(registry: Registry, spec: Schema) -> list[str] | None:
    if "pattern" not in spec:
        return None
    helps = spec.get("x-help", {})
    message = helps.get(registry.master.code) or f"{spec['pattern']}"
    return [spec["pattern"], message]


def _bounds(field: Field, spec: Schema, low: str, high: str, lower: str = "min", upper: str = "max") -> None:
    if low in spec:
        field[lower] = spec[low]
    if high in spec:
        field[upper] = spec[high]


def _relation(field: Field, collection: str, multiple: bool) -> Field:
    field.update(
        widget="relation",
        collection=collection,
        value_field="id",
        search_fields=["title", "id"],
        display_fields=["title"],
    )
    if multiple:
        field["multiple"] = True
    return field


def _field(schemas: SchemaSet, name: str, spec: Schema, required: bool, translatable: bool = False) -> Field:
    """The editor field for one schema property (see the module's table)."""
    registry = schemas.project.registry
    field = _common(registry, name, spec, required, translatable)
    kind = spec.get("type")
    items = spec.get("items", {})
    if "x-reference" in spec:
        _bounds(field, spec, "minItems", "maxItems")
        return _relation(field, spec["x-reference"], multiple=kind == "array")
    if kind == "array" and "x-vocabulary" in items:
        field.update(widget="select", multiple=True, options=_choices(schemas, items["x-vocabulary"]))
        _bounds(field, spec, "minItems", "maxItems")
        return field
    if "x-vocabulary" in spec:
        field.update(widget="select", options=_choices(schemas, spec["x-vocabulary"]))
        return field
    if kind == "array":
        field["widget"] = "list"
        _bounds(field, spec, "minItems", "maxItems")
        if items.get("type") == "object":
            field["fields"] = _fields(schemas, items)
            first = next(iter(items.get("properties", {})), None)
            if first:
                field["summary"] = "{{fields." + first + "}}"
        else:
            field["field"] = _field(schemas, "item", {**items, "x-label": spec.get("x-label", {})}, True)
            field["field"]["widget"] = "text"
        return field
    if kind == "object":
        field.update(widget="object", fields=_fields(schemas, spec))
        return field
    if kind in ("integer", "number"):
        field.update(widget="number", value_type="int" if kind == "integer" else "float")
        _bounds(field, spec, "minimum", "maximum")
        if "exclusiveMinimum" in spec and "min" not in field:
            field["min"] = spec["exclusiveMinimum"]  # the check refuses the bound itself
        return field
    long_text = translatable and spec.get("maxLength", LONG_TEXT + 1) > LONG_TEXT
    field["widget"] = "text" if long_text else "string"
    pattern = _pattern(registry, spec)
    if pattern:
        field["pattern"] = pattern
    _bounds(field, spec, "minLength", "maxLength", "minlength", "maxlength")
    return field


def _fields(schemas: SchemaSet, schema: Schema, top: bool = False) -> list[Field]:
    required = set(schema.get("required", []))
    fields = []
    for name, spec in schema.get("properties", {}).items():
        if spec.get("x-twin-only"):
            continue  # source_commit: kept as the twin has it (the editor keeps fields it does not know)
        fields.append(_field(schemas, name, spec, name in required, top and bool(spec.get("x-translatable"))))
    return fields


def _in_every_language(registry: Registry, key: str) -> str:
    """An interface string of the catalogue in every language, the master's first."""
    return " · ".join(dict.fromkeys(t(code, key) for code in registry.codes))


def _body_field(registry: Registry) -> Field:
    return {
        "name": "body",
        "label": _in_every_language(registry, "admin_body_label"),
        "hint": _in_every_language(registry, "admin_body_hint"),
        "widget": "markdown",
        "i18n": True,
        "required": [registry.master.code],
        "modes": ["raw", "rich_text"],  # raw first: an edit changes only the lines typed (see ARCHITECTURE)
        "buttons": BODY_BUTTONS,
        "editor_components": [],
        "linked_images": False,
    }


def _collection(schemas: SchemaSet, collection: Collection) -> dict[str, Any]:
    registry = schemas.project.registry
    master = schemas.masters[collection.name]
    labels = master.get("x-label", {})
    return {
        "name": collection.name,
        "label": t(registry.master.code, collection.folder),
        "label_singular": labels.get(registry.master.code, collection.name),
        "description": _both(registry, labels, collection.name),
        "folder": collection.folder,
        "extension": "md",
        "format": "yaml-frontmatter",
        "filter": {"field": "id", "pattern": "^[a-z0-9]"},  # a folder's README.md is not a record
        "create": True,
        "delete": False,  # removing a published record is a maintainer's pull request, not a click
        "identifier_field": "title",
        "slug": "{{fields.id}}",  # the file name is the record's id
        "summary": "{{fields.title}}",
        "sortable_fields": ["title", "id"],
        "i18n": True,
        "editor": {"preview": False},  # the second pane shows the other language, side by side
        "fields": [*_fields(schemas, master, top=True), _body_field(registry)],
    }


PLACEHOLDER_REPOSITORY = "yerel/depo"  # "local/repository": the editor needs a name to start at all


def generate(
    schemas: SchemaSet, repository: str | None, branch: str = "main", auth_url: str | None = None
) -> dict[str, Any]:
    """The whole configuration.

    ``repository`` is GitHub's ``owner/name``; None (a preview without REPO_URL and no GitHub remote) leaves
    a placeholder, so only the local-repository mode works. Sign-in is with a personal access token, or
    also through the OAuth helper at ``auth_url`` when the MPC runs one (Sveltia CMS Authenticator).
    """
    registry = schemas.project.registry
    backend: dict[str, Any] = {
        "name": "github",
        "repo": repository or PLACEHOLDER_REPOSITORY,
        "branch": branch,
        "auth_methods": ["oauth", "token"] if auth_url else ["token"],
        "commit_messages": {
            "create": "{{collection}}: {{slug}} eklendi · added (web editor)",
            "update": "{{collection}}: {{slug}} güncellendi · updated (web editor)",
            "delete": "{{collection}}: {{slug}} silindi · deleted (web editor)",
            "uploadMedia": "{{path}} yüklendi · uploaded (web editor)",
            "deleteMedia": "{{path}} silindi · deleted (web editor)",
        },
    }
    if auth_url:
        backend["base_url"] = auth_url
    return {
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every edit is a pull request: main is protected by the checks
        "media_folder": MEDIA_FOLDER,
        "i18n": {
            "structure": "multiple_files",
            "locales": list(registry.codes),
            "default_locale": registry.master.code,
            "omit_default_locale_from_file_path": True,
            # A new record starts in Turkish alone, and a record without a twin stays without one, until
            # someone turns English on for it: the editor would otherwise write an empty <slug>.en.md.
            "initial_locales": "default",
        },
        "output": {
            "omit_empty_optional_fields": True,
            "yaml": {"quote": "double", "indent_size": 2, "indent_sequences": True},
        },
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [_collection(schemas, collection) for collection in registry.collections],
    }
