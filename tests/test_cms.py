"""The web editor's generated configuration, the record layout it writes, ``mpchub format``, and what /admin/ adds
to the built site (and what it does not add to visitor pages). The editor itself runs in test_browser_admin.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import VALID_PRACTICE, Hub, run_cli
from mpchub.cms import admin
from mpchub.cms.config import generate
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.content.writer import dump, record_text
from sites import BuiltSite

REPO = Path(__file__).resolve().parents[1]
REGISTRY = Project(REPO).registry
TEXT_FILES = (".html", ".js", ".css", ".xml", ".json", ".txt", ".webmanifest")
SVELTIA_SCHEMA = REPO / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"


@pytest.fixture(scope="module")
def schemas() -> SchemaSet:
    return SchemaSet(Project(REPO))


@pytest.fixture(scope="module")
def config(schemas: SchemaSet) -> dict:
    return generate(schemas, "example/hub")


# --- the configuration -------------------------------------------------------------------------------------


def test_the_configuration_is_valid_for_the_pinned_editor(config: dict) -> None:
    """The editor's own JSON Schema (shipped in the npm package) accepts what mpchub generates."""
    schema = json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8"))
    errors = [
        f"{list(e.absolute_path)}: {e.message[:200]}" for e in jsonschema.Draft7Validator(schema).iter_errors(config)
    ]
    assert not errors, errors[:5]


def test_collections_files_and_languages_follow_the_hub(config: dict) -> None:
    declared = [(c.name, c.folder) for c in REGISTRY.collections]
    assert [(c["name"], c["folder"]) for c in config["collections"]] == declared
    i18n = config["i18n"]
    assert i18n["structure"] == "multiple_files" and i18n["omit_default_locale_from_file_path"] is True
    assert i18n["default_locale"] == REGISTRY.master.code  # <slug>.md, and <slug>.<code>.md for the others
    assert i18n["locales"] == list(REGISTRY.codes)
    assert config["output"]["yaml"]["quote"] == "double" and config["output"]["omit_empty_optional_fields"]
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "example/hub", "branch": "main"}


def _walk(fields: list[dict], prefix: str = "") -> dict[str, dict]:
    found = {}
    for field in fields:
        path = prefix + field["name"]
        found[path] = field
        found |= _walk(field.get("fields", []), path + ".")
    return found


@pytest.mark.parametrize("collection", [c.name for c in REGISTRY.collections])
def test_every_schema_field_is_an_editor_field_with_its_rules(
    config: dict, schemas: SchemaSet, collection: str
) -> None:
    edited = next(c for c in config["collections"] if c["name"] == collection)
    fields = _walk(edited["fields"])
    master = schemas.masters[collection]

    def check(schema: dict, prefix: str = "", top: bool = True) -> None:
        required = set(schema.get("required", []))
        for name, spec in schema["properties"].items():
            if spec.get("x-twin-only"):
                assert prefix + name not in fields  # source_commit: kept as the twin has it, never edited
                continue
            field = fields[prefix + name]
            label = spec.get("x-label", {})
            if label:
                assert field["label"] == " · ".join(dict.fromkeys([label["tr"], label["en"]])), name
            for text in spec.get("x-help", {}).values():
                assert text in field["hint"], name
            translatable = top and bool(spec.get("x-translatable"))
            assert field.get("i18n", False) is translatable, name
            if name not in required:
                assert field["required"] is False, name
            elif translatable:
                assert field["required"] == ["tr"], name  # a record without a twin is valid
            else:
                assert "required" not in field, name  # the editor's default: required
            items = spec.get("items", {})
            vocabulary = spec.get("x-vocabulary") or items.get("x-vocabulary")
            if vocabulary and "x-reference" not in spec:
                terms = list(schemas.vocabularies[vocabulary])
                assert [o["value"] for o in field["options"]] == [term.key for term in terms]
                for option, term in zip(field["options"], terms, strict=True):
                    assert option["label"].split(" · ")[0] == term.labels["tr"]
                    assert option["label"].endswith(term.labels["en"])
                assert field.get("multiple", False) is (spec.get("type") == "array")
            if "x-reference" in spec:
                assert field["widget"] == "relation" and field["collection"] == spec["x-reference"]
            if "pattern" in spec and "x-reference" not in spec:  # a reference is chosen from the records
                assert field["pattern"][0] == spec["pattern"]
            for keyword, option in (("minItems", "min"), ("maxItems", "max"), ("minLength", "minlength")):
                if keyword in spec:
                    assert field[option] == spec[keyword], (name, keyword)
            inner = items if spec.get("type") == "array" else spec
            if inner.get("type") == "object":
                check(inner, prefix + name + ".", top=False)

    check(master)
    body = fields["body"]
    assert body["widget"] == "markdown" and body["i18n"] is True and "image" not in body["editor_components"]


# --- the layout the editor writes --------------------------------------------------------------------------


def test_the_writer_quotes_and_folds_as_the_editor_does() -> None:
    """Cases of the yaml library's output with the editor's options (checked against yaml 2.9 while writing)."""
    data = {
        "a": "short\nline",
        "b": "a long line of text that has a break here\nand goes on after it",
        "c": ['x "q" \\ y'],
        "d": {"e": 1e21, "f": 1e-7, "g": 0.000001, "h": 1e16, "i": 1500000.5, "j": -3},
        "k": "line one is long enough to pass forty chars\n second line starts with a space",
    }
    assert dump(data) == (
        'a: "short\\nline"\n'
        'b: "a long line of text that has a break here\n\n  and goes on after it"\n'
        'c:\n  - "x \\"q\\" \\\\ y"\n'
        "d:\n  e: 1e+21\n  f: 1e-7\n  g: 0.000001\n  h: 10000000000000000\n  i: 1500000.5\n  j: -3\n"
        'k: "line one is long enough to pass forty chars\n\n  \\ second line starts with a space"'
    )


def test_format_rewrites_a_record_in_the_editors_layout_and_keeps_its_data(hub: Hub) -> None:
    path = hub.write("practices/ornek-uygulama.md", VALID_PRACTICE)
    before = yaml.safe_load(VALID_PRACTICE.split("---")[1])
    assert run_cli("--root", str(hub.root), "format", "--check").exit_code == 1
    annotations = run_cli("--root", str(hub.root), "format", "--check", "--format", "github")
    assert annotations.exit_code == 0  # in a pull request: a warning on the line, never a failure
    assert annotations.out.startswith("::warning file=practices/ornek-uygulama.md,line=2,title=mpchub format::")
    result = run_cli("--root", str(hub.root), "format")
    assert result.exit_code == 0 and "practices/ornek-uygulama.md: rewritten" in result.out
    text = path.read_text(encoding="utf-8")
    after = yaml.safe_load(text.split("---")[1])
    assert after == {**before, "start_date": "2019-05", "end_date": "2021", "last_reviewed": "2026-01-15"}
    assert 'themes:\n  - "social-cohesion"\n  - "legal-counselling"\n' in text
    assert text.endswith("---\n\nBu kayıt testler için yazıldı.\n")
    assert hub.check().exit_code == 0
    assert run_cli("--root", str(hub.root), "format", "--check").exit_code == 0
    assert run_cli("--root", str(hub.root), "format").out == ""  # nothing left to do


def test_format_never_rewrites_a_record_it_could_not_read(hub: Hub) -> None:
    broken = VALID_PRACTICE.replace("province: istanbul", "province: [istanbul")
    path = hub.write("practices/ornek-uygulama.md", broken)
    result = run_cli("--root", str(hub.root), "format")
    assert result.exit_code == 1 and "cannot be read" in result.err
    assert path.read_text(encoding="utf-8") == broken


def test_format_says_which_comments_it_drops(hub: Hub) -> None:
    hub.write("practices/ornek-uygulama.md", VALID_PRACTICE.replace("scale: district", "scale: district  # ilçe"))
    assert "(1 comment lines dropped)" in run_cli("--root", str(hub.root), "format").out


def test_a_year_edited_as_text_is_written_as_text(schemas: SchemaSet) -> None:
    """The editor edits partial dates as text, and turns a year read as a number into text when it loads it."""
    text = record_text({"id": "x", "start_date": 2019, "sdgs": [4]}, "Gövde.", schemas.masters["practice"])
    assert 'start_date: "2019"' in text and "  - 4\n" in text


# --- /admin/ in the built site, and nothing of it in visitor pages ----------------------------------------------


def test_admin_is_served_by_the_site_with_its_own_policy(fixture_site: BuiltSite) -> None:
    folder = fixture_site.site / "admin"
    page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "lxml")
    policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";")}
    assert directives["connect-src"] == ["'self'", "data:", "blob:", "https://api.github.com"]
    assert directives["default-src"] == ["'none'"] and directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert all(source.startswith("'sha256-") for source in directives["style-src-elem"][1:])
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
    assert page.find(attrs={"data-pagefind-body": True}) is None
    assert [s["src"] for s in page.find_all("script")] == ["admin.js"]  # no inline script, nothing from a CDN
    assert not page.find_all(src=re.compile(r"^(https?:)?//")) and not page.find_all(href=re.compile(r"^(https?:)?//"))
    bundle = REPO / "node_modules" / "@sveltia" / "cms" / "dist" / "sveltia-cms.js"
    assert (folder / "sveltia-cms.js").read_bytes() == bundle.read_bytes()
    assert (folder / "tr.json").is_file() and (folder / "symbols.woff2").is_file()
    served = yaml.safe_load((folder / "config.yml").read_text(encoding="utf-8"))
    project = Project(fixture_site.root)
    assert served == generate(SchemaSet(project), "example/hub")  # REPO_URL of the test build


def test_robots_keep_crawlers_out_of_the_editor(fixture_site: BuiltSite) -> None:
    robots = (fixture_site.site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert robots == ["User-agent: *", "Disallow: /hub/admin/", "Sitemap: http://127.0.0.1:8000/hub/sitemap.xml"]


def test_visitor_pages_do_not_know_the_editor(fixture_site: BuiltSite) -> None:
    """No visitor page links to, loads or names /admin/; the sitemap and the search index leave it out."""
    found = []
    for path in fixture_site.site.rglob("*"):
        if path.is_dir() or path.relative_to(fixture_site.site).parts[0] == "admin" or path.name == "robots.txt":
            continue
        text = path.read_text(encoding="utf-8", errors="replace") if path.suffix in TEXT_FILES else ""
        if re.search(r"\badmin/", text):
            found.append(path.relative_to(fixture_site.site).as_posix())
    assert not found, found
    addresses = json.loads((fixture_site.site / "pagefind" / "mpc-addresses.tr.json").read_text(encoding="utf-8"))
    assert not [a for a in json.dumps(addresses).split('"') if "admin" in a]


def test_a_build_without_the_editor_installed_stops_with_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = Hub(tmp_path / "hub")
    monkeypatch.setattr(admin, "SVELTIA", "@sveltia/not-installed")
    with pytest.raises(admin.EditorMissing, match="npm ci"):
        admin.files(hub.project, SchemaSet(hub.project), None)
