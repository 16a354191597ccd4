"""Collections and languages are declared once (hub.yml) and everything else looks them up.

The proof is a hub with a third language (Arabic, which is also written right to left) and a collection of
its own ("events"), made by changing only what a maintainer would change: registry entries, a schema,
vocabulary labels and the catalogue's words. It is checked and built as the published site is, and every part
of the site picks both up. Product code that names a collection or a language code is refused.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from hubs import FIXTURES, REPO, make_hub
from mpchub.content.registry import RegistryError, load
from sites import BuiltSite, build

# Product code: the core and the adapter. (Tests and the measurement tools may name what they test.)
PRODUCT = ("scripts/mpchub", "scripts/mpchub_mkdocs")
EXEMPT_FILES = {
    "scripts/mpchub/content/registry.py",  # the registries themselves
    "scripts/mpchub/content/rules.py",
}
EXEMPT = {
    ("scripts/mpchub/content/body.py", "tr"),  # HTML's table row, not Turkish
    ("scripts/mpchub/cms/admin.py", "en"),  # the web editor's own bundled interface language, not the hub's
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = getattr(node, "body", [])
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_product_code_names_no_collection_and_no_language() -> None:
    registry = yaml.safe_load((REPO / "hub.yml").read_text(encoding="utf-8"))
    names = {c["name"] for c in registry["collections"]} | {c["folder"] for c in registry["collections"]}
    languages = registry["languages"]
    codes = {lang["code"] for lang in languages}
    locales = {lang["locale"] for lang in languages} | {lang["citation_locale"] for lang in languages}
    alternatives = "|".join(codes), "|".join(map(re.escape, locales))
    suffix = re.compile(r"\.({})\.md\b|\b({})\b".format(*alternatives))
    found = []
    for root in PRODUCT:
        for path in sorted((REPO / root).rglob("*.py")):
            rel = path.relative_to(REPO).as_posix()
            if rel in EXEMPT_FILES:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            docstrings = _docstrings(tree)
            for node in ast.walk(tree):
                if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in docstrings:
                    continue
                value = node.value
                if (value in names | codes | locales or suffix.search(value)) and (rel, value) not in EXEMPT:
                    found.append(f"{rel}:{node.lineno}: {value[:60]!r}")
    assert not found, "collections and languages are hub.yml's: look them up in project.registry\n" + "\n".join(found)


# A JavaScript string literal ('…' or "…"; template literals hold no language in these scripts).
_JS_STRING = re.compile(r"'((?:[^'\\\n]|\\.)*)'" + r'|"((?:[^"\\\n]|\\.)*)"')
SCRIPTS = ("docs/assets/javascripts", "scripts/mpchub/search/assets", "scripts/mpchub/offline")


def test_site_scripts_name_no_collection_and_no_language() -> None:
    """The site's own scripts learn the page's language, search bundle and catalog from the page (the
    ``mpc-assets`` block, ``Hub.browser_data``), never from a language code or a collection's folder."""
    registry = load(REPO)
    names = {c.name for c in registry.collections} | {c.folder for c in registry.collections}
    codes = set(registry.codes)
    found = []
    for folder in SCRIPTS:
        for path in sorted((REPO / folder).glob("*.js")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if line.lstrip().startswith(("//", "*", "/*")):
                    continue  # comments may name them
                for single, double in _JS_STRING.findall(line):
                    value = (single or double).strip("/")
                    if value in names | codes or re.fullmatch(r"({})/.*".format("|".join(codes)), single or double):
                        found.append(f"{path.relative_to(REPO)}:{number}: {value!r}")
    assert not found, "scripts read the page's language from mpc-assets (Hub.browser_data)\n" + "\n".join(found)


def test_mkdocs_yml_keeps_only_the_master_static_i18n_insists_on() -> None:
    """static-i18n checks its configuration before any plugin runs, so mkdocs.yml names one default language;
    the plugin replaces it with hub.yml's languages. It must be hub.yml's master."""
    mkdocs = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    i18n = next(p["i18n"] for p in mkdocs["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert [lang["locale"] for lang in i18n["languages"] if lang.get("default")] == [load(REPO).master.code]


class _MkDocsLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/name) read as plain values: only the structure matters here."""


_MkDocsLoader.add_constructor("!ENV", lambda loader, node: None)
_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def test_a_broken_registry_is_named_with_its_file(tmp_path: Path) -> None:
    hub = make_hub(tmp_path / "hub")
    registry = (hub / "hub.yml").read_text(encoding="utf-8")
    (hub / "hub.yml").write_text(registry.replace("    name: English\n", "    name: English\n    master: true\n"))
    with pytest.raises(RegistryError, match=r"hub.yml: exactly one language must say 'master: true' \(found 2\)"):
        load(hub)
    result = run_cli("--root", str(hub), "check")
    assert result.exit_code == 2 and "hub.yml: exactly one language" in result.err


@pytest.mark.parametrize(
    ("name", "content", "said"),
    [
        ("termbase.yml", b"terms: 3\n", "termbase.yml: terms:"),
        ("synonyms.yml", b"tr:\n  - [g\xf6\xe7]\n", "synonyms.yml:1:1: error: cannot read"),
    ],
)
def test_any_broken_definition_file_is_named_without_a_traceback(
    tmp_path: Path, name: str, content: bytes, said: str
) -> None:
    """The termbase (not caught before) and a synonyms file that is not UTF-8 (a traceback before)."""
    hub = make_hub(tmp_path / "hub")
    (hub / name).write_bytes(content)
    result = run_cli("--root", str(hub), "check")
    assert "Traceback" not in result.err and said in result.out + result.err, result.out + result.err
    assert result.exit_code != 0


# --- a third language and a collection of its own ------------------------------------------------------------

ARABIC = {"code": "ar", "name": "العربية", "locale": "ar_EG", "citation_locale": "ar", "direction": "rtl"}
EVENTS = {
    "name": "event",
    "folder": "events",
    "date_field": "date",
    "facets": [{"param": "theme", "field": "themes"}, {"param": "year", "field": "date", "year": True}],
    "card": {"place": "province", "period": ["date"]},
    "citation": {"type": "page", "authors": "publisher"},
    "statistics": ["themes"],
}
EVENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://mpc-hub.example/schemas/event.schema.json",
    "title": "Event",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "summary", "date", "province", "themes", "sources", "last_reviewed"],
    "x-label": {"tr": "Etkinlik", "en": "Event", "ar": "فعالية"},
    "properties": {
        "id": {"$ref": "common.schema.json#/$defs/id"},
        "title": {"type": "string", "minLength": 3, "x-translatable": True, "x-label": {"tr": "Başlık", "en": "Title"}},
        "summary": {
            "type": "string",
            "minLength": 20,
            "x-translatable": True,
            "x-label": {"tr": "Özet", "en": "Summary"},
        },
        "date": {"$ref": "common.schema.json#/$defs/partial-date", "x-label": {"tr": "Tarih", "en": "Date"}},
        "province": {"type": "string", "x-vocabulary": "provinces", "x-label": {"tr": "İl", "en": "Province"}},
        "themes": {"$ref": "common.schema.json#/$defs/theme-list"},
        "related_practices": {"$ref": "common.schema.json#/$defs/references", "x-reference": "practice"},
        "sources": {"$ref": "common.schema.json#/$defs/sources"},
        "last_reviewed": {"$ref": "common.schema.json#/$defs/last-reviewed"},
        "source_commit": {"$ref": "common.schema.json#/$defs/source-commit"},
    },
}
EVENT = """\
---
id: sentetik-bulusma
title: Sentetik Buluşma
summary: "Sentetik bir test etkinliği; gerçek değildir ve yayımlanmaz."
date: 2024-05
province: istanbul
themes: [education]
related_practices: [cagri-merkezi]
sources:
  - {title: Sentetik kaynak, url: "https://example.org/etkinlik"}
last_reviewed: 2026-01-15
---

Sentetik etkinlik metni.
"""
EVENT_ARABIC = """\
---
title: لقاء اصطناعي
summary: "فعالية اختبار اصطناعية؛ ليست حقيقية ولا تُنشر أبداً."
---

نص فعالية اصطناعي.
"""
PRACTICE_ARABIC = """\
---
title: مركز الاتصال
summary: "سجل اختبار اصطناعي: لا يصف ممارسة حقيقية ولا يُنشر أبداً."
objectives: [هدف اصطناعي.]
activities: [نشاط اصطناعي.]
---

نص اصطناعي.
"""


def make_trilingual_hub(target: Path) -> Path:
    """The fixture hub plus Arabic and an "events" collection: registry entries, a schema, labels, words, records."""
    hub = make_hub(target, site=True, records=FIXTURES)
    registry = yaml.safe_load((hub / "hub.yml").read_text(encoding="utf-8"))
    registry["languages"].append(ARABIC)
    registry["collections"].append(EVENTS)
    (hub / "hub.yml").write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (hub / "schemas" / "event.schema.json").write_text(json.dumps(EVENT_SCHEMA, ensure_ascii=False), encoding="utf-8")
    for path in (hub / "vocabularies").glob("*.yml"):  # an Arabic label beside every English one
        vocabulary = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in (vocabulary["title"], vocabulary["description"], *vocabulary["terms"]):
            entry["ar"] = f"ع {entry['en']}"
        path.write_text(yaml.safe_dump(vocabulary, allow_unicode=True, sort_keys=False), encoding="utf-8")
    words = {lang: yaml.safe_load((hub / "strings" / f"{lang}.yml").read_text("utf-8")) for lang in ("tr", "en")}
    event_words = {  # what the catalogue says of a collection: its name, its catalog's words
        "events": ("Etkinlikler", "Events"),
        "type_event": ("Etkinlik", "Event"),
        "intro_events": ("Sentetik test etkinlikleri.", "Synthetic test events."),
        "showing_event": ("{n} etkinlik gösteriliyor", "Showing {n} events"),
        "showing_event_one": ("{n} etkinlik gösteriliyor", "Showing {n} event"),
        "show_event": ("{n} etkinliği göster", "Show {n} events"),
        "show_event_one": ("{n} etkinliği göster", "Show {n} event"),
        "stats_events": ("etkinlik", "events"),
        "total_events": ("{n} etkinlik", "{n} events"),
        "chart_events_themes": ("Temalara göre etkinlikler", "Events by theme"),
    }
    for key, (turkish, english) in event_words.items():
        words["tr"][key], words["en"][key] = turkish, english
    words["ar"] = {key: f"ع {text}" for key, text in words["en"].items()}
    for lang, catalogue in words.items():
        (hub / "strings" / f"{lang}.yml").write_text(yaml.safe_dump(catalogue, allow_unicode=True), encoding="utf-8")
    (hub / "events").mkdir()
    (hub / "events" / "sentetik-bulusma.md").write_text(EVENT, encoding="utf-8")
    (hub / "events" / "sentetik-bulusma.ar.md").write_text(EVENT_ARABIC, encoding="utf-8")
    (hub / "practices" / "cagri-merkezi.ar.md").write_text(PRACTICE_ARABIC, encoding="utf-8")
    return hub


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    root = tmp_path_factory.mktemp("trilingual")
    return build(make_trilingual_hub(root / "hub"), root / "site")


@pytest.mark.site
def test_a_third_language_and_a_new_collection_need_no_code(trilingual: BuiltSite) -> None:
    site = trilingual.site
    checked = run_cli("--root", str(trilingual.root), "check")
    assert checked.exit_code == 0, checked.out + checked.err
    arabic = trilingual.page("ar/practices/cagri-merkezi/")
    assert arabic.html["lang"] == "ar" and arabic.body["dir"] == "rtl"  # Material writes right to left
    assert arabic.h1.get_text() == "مركز الاتصال"
    untranslated = trilingual.page("ar/practices/ilgaz-kulubu/")  # no Arabic file: the master, marked Turkish
    assert untranslated.select_one(".mpc-record")["lang"] == "tr"
    titles = {"tr": "Sentetik Buluşma", "en": "Sentetik Buluşma", "ar": "لقاء اصطناعي"}  # no English file: the master
    for lang, prefix in (("tr", ""), ("en", "en/"), ("ar", "ar/")):
        event = trilingual.page(f"{prefix}events/sentetik-bulusma/")
        assert event.h1.get_text() == titles[lang], lang
        links = {a["href"] for a in event.select(".mpc-linked a")}
        assert any("cagri-merkezi" in href for href in links), (lang, links)  # the record it names
        catalog = trilingual.page(f"{prefix}events/")
        assert catalog.select('.mpc-card a[href$="sentetik-bulusma/"]'), lang
        assert catalog.select("[data-f-theme]"), lang  # the catalog's filters, from hub.yml
        theme = trilingual.page(f"{prefix}themes/education/")
        assert theme.select('a[href$="events/sentetik-bulusma/"]'), lang  # browse pages list every collection
        practice = trilingual.page(f"{prefix}practices/cagri-merkezi/")
        assert practice.select('a[href$="events/sentetik-bulusma/"]'), lang  # and the practice links back
    assert (site / "ar" / "pagefind" / "pagefind.js").is_file()  # a search bundle for the new language
    assert (site / "ar" / "feed.xml").is_file()
    for name in ("events.ar.json", "events.tr.csv", "events.json", "practices.ar.csv"):
        assert (site / "data" / name).is_file(), name
    neutral = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))
    assert neutral["records"][0]["fields"]["title"] == {"tr": "Sentetik Buluşma", "ar": "لقاء اصطناعي"}
    switcher = {a.get("hreflang") for a in trilingual.page("practices/cagri-merkezi/").select("a[hreflang]")}
    assert {"tr", "en", "ar"} <= switcher
