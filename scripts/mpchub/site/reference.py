"""The field reference: every field of every collection and every allowed value, in a language of the hub.

Generated from the schemas and vocabularies at build time; nothing in it is written by hand, so it
cannot fall out of step with what ``mpchub check`` accepts.
"""

from __future__ import annotations

from mpchub.content.rules import RULES
from mpchub.content.schemas import FieldSpec, SchemaSet, iter_fields
from mpchub.render.formatting import number
from mpchub.render.strings import STRINGS


class _Words(dict):
    """The page's words: the catalogue's ``reference_*`` keys of a language, without the prefix."""

    def __missing__(self, lang: str) -> dict[str, str]:
        words = STRINGS[lang]
        return {key.removeprefix("reference_"): text for key, text in words.items() if key.startswith("reference_")}


WORDS = _Words()


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _bounds(spec: FieldSpec, schemas: SchemaSet, lang: str) -> str:
    """The field's bounds from ``mpchub.content.limits`` (written into the loaded schema): lengths, list sizes,
    the largest number, and whether a line break is allowed."""
    words = WORDS[lang]
    locale = schemas.project.registry.language(lang).locale

    def n(value: int) -> str:  # 2100 (a year) stays 2100; 10,000 and more are grouped in the page's locale
        return number(value, locale) if value >= 10_000 else str(value)

    schema = spec.schema
    item = schema.get("items", {}) if schema.get("type") == "array" else {}
    found = []
    if "maxItems" in schema:
        found.append(words["max_items"].format(n=n(schema["maxItems"])))
    if "maxLength" in item and not item.get("x-vocabulary") and not item.get("pattern"):
        found.append(words["max_item_characters"].format(n=n(item["maxLength"])))
    if "maxLength" in schema and not schema.get("x-vocabulary") and not schema.get("x-date"):
        found.append(words["max_characters"].format(n=n(schema["maxLength"])))
        if schema.get("x-one-line"):
            found.append(words["one_line"])
    if "maximum" in schema and not schema.get("x-date"):
        found.append(words["maximum"].format(n=n(schema["maximum"])))
    return "; ".join(found)


def _allowed(spec: FieldSpec, schemas: SchemaSet, lang: str) -> str:
    text = _allowed_values(spec, schemas, lang)
    bounds = _bounds(spec, schemas, lang)
    if text == WORDS[lang]["list_of"].strip():
        return f"{text} {bounds}"  # "list of at most 20 items; each at most 1,000 characters"
    return f"{text} ({bounds})" if text and bounds else text or bounds


def _allowed_values(spec: FieldSpec, schemas: SchemaSet, lang: str) -> str:
    words = WORDS[lang]
    schema = spec.schema
    is_list = schema.get("type") == "array"
    node = schema.get("items", {}) if is_list else schema
    prefix = f"{words['list_of']} " if is_list and node.get("type") != "object" else ""
    name = node.get("x-vocabulary")
    if name:
        link = f"[{schemas.vocabularies[name].title[lang]}](#vocabulary-{name})"
        return (words["many_keys"] if is_list else words["one_key"]).format(link=link)
    reference = schema.get("x-reference")
    if reference:
        return f"{prefix}id ({reference})"
    help_text = spec.help(lang)
    if node.get("type") == "object":
        return help_text
    return f"{prefix}{help_text}".strip()


def field_table(collection: str, schemas: SchemaSet, lang: str) -> list[str]:
    words = WORDS[lang]
    schema = schemas.schema(collection, twin=False)
    twin_fields = set(schemas.schema(collection, twin=True)["properties"])
    lines = [
        f"| {words['field']} | {words['label']} | {words['required']} | {words['translated']} | {words['allowed']} |",
        "|---|---|---|---|---|",
    ]
    for spec in iter_fields(schema):
        depth = len(spec.path) - 1
        name = ("&nbsp;&nbsp;" * 2 * depth) + f"`{spec.path[-1]}`"
        translated = spec.path[0] in twin_fields and depth == 0
        lines.append(
            f"| {name} | {_cell(spec.label(lang))} | {words['yes'] if spec.required else words['no']} | "
            f"{words['yes'] if translated else words['no']} | {_cell(_allowed(spec, schemas, lang))} |"
        )
    return lines


def vocabulary_tables(schemas: SchemaSet, lang: str) -> list[str]:
    words = WORDS[lang]
    lines = [f"## {words['vocabularies']}", ""]
    for name, vocabulary in sorted(schemas.vocabularies.items()):
        lines += [
            f"### {vocabulary.title[lang]} {{ #vocabulary-{name} }}",
            "",
            f"{vocabulary.description[lang]} {words['file']}: `vocabularies/{name}.yml`",
            "",
        ]
        registry = schemas.project.registry
        provinces = name == "provinces"
        header = f"| {words['key']} | " + " | ".join(language.name_in(lang) for language in registry.languages) + " |"
        rule = "|---" * (len(registry.languages) + 1) + "|"
        if provinces:
            header += f" {words['plate']} | {words['mmu']} |"
            rule += "---|---|"
        lines += [header, rule]
        for term in vocabulary:
            labels = " | ".join(_cell(term.labels[code]) for code in registry.codes)
            row = f"| `{term.key}` | {labels} |"
            if provinces:
                mmu = words["yes"] if term.extra.get("mmu_scope") else ""
                plate = term.extra.get("plate")
                row += f" {plate:02d} | {mmu} |" if isinstance(plate, int) else f" | {mmu} |"
            lines.append(row)
        lines.append("")
    return lines


def render(schemas: SchemaSet, lang: str) -> str:
    """The whole field reference page as Markdown."""
    words = WORDS[lang]
    lines = [f"# {words['title']}", "", words["intro"], "", words["languages"], ""]
    for collection in schemas.project.registry.collections:
        schema = schemas.schema(collection.name, twin=False)
        labels = schema.get("x-label", {})
        lines += [
            f"## {labels.get(lang) or labels.get(schemas.project.registry.master.code)} (`{collection.folder}/`)",
            "",
        ]
        lines += field_table(collection.name, schemas, lang)
        lines.append("")
    lines += vocabulary_tables(schemas, lang)
    return "\n".join(lines)


def check_rules_table(lang: str) -> str:
    """The rules of ``mpchub check`` as a Markdown table, for the field reference (ids never change)."""
    words = WORDS[lang]
    heading, rule, name, what, intro = (words[f"rules_{k}"] for k in ("heading", "rule", "name", "what", "intro"))
    rows = [f"## {heading}", "", intro, "", f"| {rule} | {name} | {what} |", "|---|---|---|"]
    rows += [f"| `{r.id}` | `{r.name}` | {_cell(r.statement(lang))} |" for r in RULES.values()]
    return "\n".join(rows) + "\n"
