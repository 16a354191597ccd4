"""The field reference: every field of every collection and every allowed value, in Turkish or English.

Generated from the schemas and vocabularies at build time; nothing in it is written by hand, so it
cannot fall out of step with what ``mpchub check`` accepts.
"""

from __future__ import annotations

from mpchub.project import COLLECTIONS
from mpchub.rules import RULES
from mpchub.schemas import FieldSpec, SchemaSet, iter_fields

WORDS = {
    "tr": {
        "title": "Alan rehberi",
        "intro": (
            "Bu sayfa, kayıtlarda kullanılabilecek her alanı ve her alanın alabileceği değerleri listeler. "
            "Şemalardan ve sözlüklerden otomatik olarak üretilir. Kayıtlarda her zaman **anahtar** yazılır "
            "(ör. `social-cohesion`); sitede Türkçe veya İngilizce **etiket** gösterilir."
        ),
        "languages": (
            "Türkçe ana dosya (`ad.md`) tüm alanları taşır. İngilizce ikiz (`ad.en.md`) yalnızca "
            "**çevrilen** alanları ve metni taşır; dil bağımsız alanlar (tarihler, anahtarlar, sayılar, "
            "kaynaklar) yalnızca Türkçe ana dosyada yer alır."
        ),
        "field": "Alan", "label": "Ad", "required": "Zorunlu", "translated": "Çevrilir",
        "allowed": "Alabileceği değerler", "yes": "evet", "no": "hayır",
        "vocabularies": "Sözlükler", "key": "Anahtar", "tr": "Türkçe", "en": "İngilizce",
        "plate": "Plaka", "mmu": "MBB kapsamı", "list_of": "liste:",
        "one_key": "{link} sözlüğünden bir anahtar", "many_keys": "{link} sözlüğünden anahtarların listesi",
        "file": "Dosya",
    },
    "en": {
        "title": "Field reference",
        "intro": (
            "This page lists every field a record can use and every value it can take. It is generated "
            "from the schemas and vocabularies. Records always store the **key** (e.g. `social-cohesion`); "
            "the site shows its Turkish or English **label**."
        ),
        "languages": (
            "The Turkish master (`name.md`) holds every field. The English twin (`name.en.md`) holds only the "
            "**translated** fields and the text; language-neutral fields (dates, keys, numbers, sources) "
            "live only in the Turkish master."
        ),
        "field": "Field", "label": "Name", "required": "Required", "translated": "Translated",
        "allowed": "Allowed values", "yes": "yes", "no": "no",
        "vocabularies": "Vocabularies", "key": "Key", "tr": "Turkish", "en": "English",
        "plate": "Plate", "mmu": "MMU scope", "list_of": "list of",
        "one_key": "one key from {link}", "many_keys": "a list of keys from {link}",
        "file": "File",
    },
}  # fmt: skip


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _allowed(spec: FieldSpec, schemas: SchemaSet, lang: str) -> str:
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
        provinces = name == "provinces"
        header = f"| {words['key']} | {words['tr']} | {words['en']} |"
        rule = "|---|---|---|"
        if provinces:
            header += f" {words['plate']} | {words['mmu']} |"
            rule += "---|---|"
        lines += [header, rule]
        for term in vocabulary:
            row = f"| `{term.key}` | {_cell(term.labels['tr'])} | {_cell(term.labels['en'])} |"
            if provinces:
                mmu = words["yes"] if term.extra.get("mmu_scope") else ""
                row += f" {term.extra.get('plate', '')} | {mmu} |"
            lines.append(row)
        lines.append("")
    return lines


def render(schemas: SchemaSet, lang: str) -> str:
    """The whole field reference page as Markdown."""
    words = WORDS[lang]
    lines = [f"# {words['title']}", "", words["intro"], "", words["languages"], ""]
    for collection in COLLECTIONS:
        schema = schemas.schema(collection.name, twin=False)
        lines += [f"## {schema['x-label'][lang]} (`{collection.folder}/`)", ""]
        lines += field_table(collection.name, schemas, lang)
        lines.append("")
    lines += vocabulary_tables(schemas, lang)
    return "\n".join(lines)


RULE_WORDS = {
    "tr": (
        "Denetim kuralları",
        "Kural",
        "Ad",
        "Ne denetlenir",
        "`mpchub check` her iletinin sonunda kuralın kimliğini ve adını yazar.",
    ),
    "en": (
        "Check rules",
        "Rule",
        "Name",
        "What is checked",
        "`mpchub check` ends every message with the rule's id and name.",
    ),
}


def check_rules_table(lang: str) -> str:
    """The rules of ``mpchub check`` as a Markdown table, for the field reference (ids never change)."""
    heading, rule, name, what, intro = RULE_WORDS[lang]
    rows = [f"## {heading}", "", intro, "", f"| {rule} | {name} | {what} |", "|---|---|---|"]
    rows += [f"| `{r.id}` | `{r.name}` | {_cell(getattr(r, lang))} |" for r in RULES.values()]
    return "\n".join(rows) + "\n"
