"""Templates for new records, generated from the schemas so they never drift from them.

Every field is present: required ones with a value or a ``TODO`` placeholder (which ``mpchub check``
flags until it is filled), optional ones commented out with a hint of what they take.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from mpchub.content.project import Project
from mpchub.content.records import FENCE_LINE
from mpchub.content.schemas import Schema, SchemaSet
from mpchub.content.text import fold
from mpchub.content.vocabularies import Vocabulary
from mpchub.render.strings import t

TODO = "TODO"
DEFAULTS: dict[str, Any] = {"verification": "submitted"}


def body_placeholder(lang: str) -> str:
    """The body a new record starts with: what to write, in the file's language (the catalogue's ``scaffold_body``)."""
    return f"{TODO}: {t(lang, 'scaffold_body')}\n"


@dataclass
class Draft:
    slug: str
    files: dict[str, str]  # language code → the file's text, the master's first

    @property
    def master(self) -> str:
        return next(iter(self.files.values()))


# Characters YAML may not hold literally (control characters, line separators it would fold) are
# written as \\u escapes inside double quotes, so the value reads back exactly as given.
_ESCAPE = re.compile("[\\x7f-\\x9f\\u2028\\u2029\\ud800-\\udfff\\ufffe\\uffff]")
_FLOW_SPECIALS = set(",[]{}")


def _quote(value: Any, in_flow: bool = False) -> str:
    """A YAML scalar: bare when it reads back as the same text, double-quoted otherwise.

    ``in_flow`` is for items of a ``[a, b]`` list, where a comma or bracket would split the text and a
    colon can start a mapping.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = str(value)
    try:
        bare = yaml.safe_load(text) == text and "#" not in text and ": " not in text
    except yaml.YAMLError:
        bare = False
    if bare and ((in_flow and (_FLOW_SPECIALS & set(text) or ":" in text)) or _ESCAPE.search(text)):
        bare = False
    if bare:
        return text
    return _ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _hint(spec: Schema, vocabularies: dict[str, Vocabulary], lang: str) -> str:
    node = spec.get("items", spec) if spec.get("type") == "array" else spec
    name = node.get("x-vocabulary")
    if name:
        keys = [str(k) for k in vocabularies[name].keys]
        shown = ", ".join(keys[:6]) + (", …" if len(keys) > 6 else "")
        return f"{shown} (vocabularies/{name}.yml)"
    return spec.get("x-help", {}).get(lang, "")


def _placeholder(spec: Schema, name: str, lang: str) -> Any:
    label = spec.get("x-label", {}).get(lang, name)
    kind = spec.get("type")
    if kind == "array":
        item = spec.get("items", {})
        if item.get("type") == "object":
            return [None]  # rendered as one object with its own fields
        return [f"{TODO}: {label}"] if item.get("type") == "string" and "x-vocabulary" not in item else [TODO]
    if kind == "object":
        return {}
    return f"{TODO}: {label}" if kind == "string" and "x-vocabulary" not in spec else TODO


def _render(
    schema: Schema,
    values: dict[str, Any],
    vocabularies: dict[str, Vocabulary],
    lang: str,
    indent: str = "",
    commented_parent: bool = False,
) -> list[str]:
    lines: list[str] = []
    required = set(schema.get("required", []))
    for name, spec in schema.get("properties", {}).items():
        optional = name not in required and name not in values
        prefix = indent + ("# " if optional or commented_parent else "")
        hint = _hint(spec, vocabularies, lang)
        comment = f"  # {hint}" if hint else ""
        value = values.get(name, _placeholder(spec, name, lang))
        item_schema = spec.get("items", {})
        if spec.get("type") == "array" and item_schema.get("type") == "object":
            lines.append(f"{prefix}{name}:{comment}")
            entries = value if isinstance(value, list) else [None]
            for entry in entries:
                rendered = _render(
                    item_schema, entry or {}, vocabularies, lang, indent + "    ", optional or commented_parent
                )
                first = rendered[0]
                marker = indent + ("# " if optional or commented_parent else "") + "  - "
                lines.append(marker + first.lstrip("# ").lstrip())
                lines.extend(rendered[1:])
        elif spec.get("type") == "object":
            lines.append(f"{prefix}{name}:{comment}")
            lines.extend(
                _render(
                    spec,
                    value if isinstance(value, dict) else {},
                    vocabularies,
                    lang,
                    indent + "  ",
                    optional or commented_parent,
                )
            )
        elif isinstance(value, list):
            shown = ", ".join(_quote(v, in_flow=True) if v != TODO else TODO for v in value)
            lines.append(f"{prefix}{name}: [{shown}]{comment}")
        else:
            shown = TODO if value == TODO else _quote(value)
            lines.append(f"{prefix}{name}: {shown}{comment}")
    return lines


def _document(lines: list[str], body: str) -> str:
    return f"{FENCE_LINE}\n" + "\n".join(lines) + f"\n{FENCE_LINE}\n\n" + body


def guess_kind(municipality: str) -> str | None:
    """'İstanbul Büyükşehir Belediyesi' → metropolitan-municipality; None when unsure."""
    folded = fold(municipality)
    if "buyuksehir" in folded:
        return "metropolitan-municipality"
    if "belediyeler birligi" in folded:
        return "municipal-union"
    return None


def resolve_province(value: str, provinces: Vocabulary) -> str | None:
    """A province key from a key or a name in any language of the hub ('İstanbul', 'istanbul', 'Istanbul')."""
    wanted = fold(value.strip())
    for term in provinces:
        if wanted in (fold(str(term.key)), *(fold(label) for label in term.labels.values())):
            return str(term.key)
    return None


def draft(
    schemas: SchemaSet,
    collection: str,
    slug: str,
    title: str | None,
    municipality: str | None = None,
    province: str | None = None,
    *,
    answers: dict[str, Any] | None = None,
    translation_answers: dict[str, dict[str, Any]] | None = None,
    bodies: dict[str, str] | None = None,
) -> Draft:
    """The master file and a translation file per other language for a new record, as text.

    ``answers`` and ``translation_answers`` (language → answers) fill in fields beyond the title (``mpchub
    from-issue`` passes a proposal's answers), and ``bodies`` (language → Markdown) the text below the front
    matter; whatever is not given stays a ``TODO`` placeholder or a commented-out line, exactly as in a bare
    ``mpchub new``.
    """
    registry = schemas.project.registry
    master = registry.master.code
    values: dict[str, Any] = {"id": slug, "last_reviewed": dt.date.today().isoformat()}
    master_schema = schemas.schema(collection, twin=False)
    values.update({k: v for k, v in DEFAULTS.items() if k in master_schema["properties"]})
    if title:
        values["title"] = title
    if "implementers" in master_schema["properties"]:
        implementer: dict[str, Any] = {"name": municipality or f"{TODO}: {t(master, 'scaffold_municipality')}"}
        kind = guess_kind(municipality or "")
        if kind:
            implementer["kind"] = kind
        values["implementers"] = [implementer]
        if province:
            values["province"] = province
    values.update(answers or {})
    texts = {lang: body_placeholder(lang) for lang in registry.codes}
    texts |= {lang: text if text.endswith("\n") else text + "\n" for lang, text in (bodies or {}).items()}
    files = {master: _document(_render(master_schema, values, schemas.vocabularies, master), texts[master])}
    for language in registry.translations:
        translated = {
            "title": f"{TODO}: {language.english_name} title",
            **(translation_answers or {}).get(language.code, {}),
        }
        lines = _render(schemas.schema(collection, twin=True), translated, schemas.vocabularies, language.code)
        lines = [line for line in lines if not line.lstrip("# ").startswith("source_commit")]
        files[language.code] = _document(lines, texts[language.code])
    return Draft(slug, files)


class DraftExists(Exception):
    """A record with this file name is already there: never overwritten without ``--force``."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def draft_paths(project: Project, collection: str, slug: str) -> dict[str, Path]:
    """Where a new record's files go, by language: the master's ``<slug>.md`` first."""
    folder = project.collection_dir(project.registry.collection(collection))
    return {language.code: folder / language.source(slug) for language in project.registry.languages}


def write_draft(
    project: Project, collection: str, result: Draft, *, languages: list[str] | None = None, force: bool = False
) -> list[Path]:
    """Write a draft's files (the master, and the translations in ``languages``, every one by default); the one
    writer of ``new`` and ``from-issue``."""
    paths = draft_paths(project, collection, result.slug)
    master = project.registry.master.code
    wanted = [
        (paths[lang], text)
        for lang, text in result.files.items()
        if lang == master or languages is None or lang in languages
    ]
    existing = [p for p in paths.values() if p.exists()]
    if existing and not force:
        raise DraftExists(existing[0])
    paths[master].parent.mkdir(parents=True, exist_ok=True)
    for path, text in wanted:
        path.write_text(text, encoding="utf-8", newline="\n")
    return [path for path, _text in wanted]
