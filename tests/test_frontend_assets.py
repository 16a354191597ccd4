"""The site's own scripts and styles under content-hashed names, the service worker's file and the search
bundle's manifest, read from the shared fixture site (built as publish.yml builds it) and from the adapter."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from mpchub import offline
from mpchub.content.project import Project
from mpchub.hub import Hub
from mpchub.render.assets import digest, hashed_name, is_immutable
from mpchub.search import assets as search_assets
from mpchub.search import bundle as search_bundle
from mpchub.search.pagefind import bundle_dir
from mpchub.site import csp
from mpchub_mkdocs.assets import SiteAssets
from sites import REPO, BuiltSite

# The site's own scripts: mkdocs.yml's extra_javascript (read as text: the file has MkDocs' own YAML tags).
_LISTED = (REPO / "mkdocs.yml").read_text(encoding="utf-8").split("extra_javascript:", 1)[1].split("\n\n", 1)[0]
OURS = tuple(re.findall(r"^\s*- (assets/\S+\.js)", _LISTED, flags=re.MULTILINE))
PAGES = ("", "en/", "practices/", "practices/cagri-merkezi/", "en/about/", "offline/", "404.html")


def references(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="(?:\.\./)*(assets/[^"]+\.(?:js|css))"', html)


@pytest.mark.parametrize("url", PAGES)
def test_pages_name_the_sites_own_files_by_their_content(fixture_site: BuiltSite, url: str) -> None:
    html = str(fixture_site.page(url))
    own = [path for path in references(html) if not re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", path)]
    assert len(OURS) >= 3 and len(own) == len(OURS) + 1, own  # our scripts and hub.css (Material's are theirs)
    for path in own:
        assert re.search(r"\.[0-9a-f]{8}\.(js|css)$", path), path
        assert digest((fixture_site.site / path).read_bytes()) in path  # the name is the content's hash
    data = json.loads(fixture_site.page(url).select_one("script#mpc-assets").string)
    assert data["sw"] == "sw.js"
    text = fixture_site.site / data["text"]
    assert text.is_file() and digest(text.read_bytes()) in data["text"]
    assert (fixture_site.site / data["qr"]).is_file()


def test_no_unhashed_copy_is_left_in_the_site(fixture_site: BuiltSite) -> None:
    names = {p.relative_to(fixture_site.site).as_posix() for p in (fixture_site.site / "assets").rglob("*.*")}
    for plain in (*OURS, "assets/stylesheets/hub.css", "assets/javascripts/mpc-text.js"):
        assert plain not in names


def test_every_vendored_file_is_the_pinned_packages_file() -> None:
    """docs/assets/javascripts/vendor/ holds exactly what package.json's "vendor" map names, byte for byte the
    files of the versions package.json and package-lock.json pin (node_modules: ./dev.sh runs npm ci)."""
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    folder = REPO / "docs/assets/javascripts/vendor"
    wanted = {}
    for name, files in package["vendor"].items():
        pinned = package["dependencies"][name]
        assert re.fullmatch(r"\d+\.\d+\.\d+", pinned), name  # an exact version
        assert lock["packages"][f"node_modules/{name}"]["version"] == pinned, name
        installed = json.loads((REPO / "node_modules" / name / "package.json").read_text(encoding="utf-8"))
        assert installed["version"] == pinned, f"{name}: run ./dev.sh setup (npm ci)"
        for source, target in files.items():
            wanted[target.replace("{version}", pinned)] = REPO / "node_modules" / name / source
    assert sorted(p.name for p in folder.iterdir()) == sorted(wanted), "run npm run vendor"
    for target, source in wanted.items():
        assert (folder / target).read_bytes() == source.read_bytes(), f"{target}: run npm run vendor"
    notes = (REPO / "VENDOR.md").read_text(encoding="utf-8")
    assert all(f"`{name}` {package['dependencies'][name]}" in notes for name in package["vendor"])


def test_under_mkdocs_serve_names_stay_plain_and_no_worker_is_named(tmp_path: Path) -> None:
    """The edit loop shows files as they are: mkdocs serve sends no caching headers and a --dirty rebuild
    would leave unchanged pages pointing at an old hashed name; a worker would keep copies."""
    config = SimpleNamespace(
        extra_css=["assets/stylesheets/hub.css"], extra_javascript=["assets/javascripts/search.js"]
    )
    loaded = Hub.load(REPO)
    serving = SiteAssets(loaded, REPO / "docs", config, serving=True)
    assert serving.renamed == {} and serving.page_data("tr")["sw"] is None
    assert serving.page_data("tr")["text"] == search_assets.TEXT_MODULE
    built = SiteAssets(loaded, REPO / "docs", config, serving=False)
    source = (REPO / "docs/assets/javascripts/search.js").read_bytes()
    assert built.renamed["assets/javascripts/search.js"] == hashed_name("assets/javascripts/search.js", source)
    built.rename_config(config)
    assert config.extra_javascript == [built.renamed["assets/javascripts/search.js"]]


def test_the_service_worker_lists_files_that_exist_and_changes_with_them(fixture_site: BuiltSite) -> None:
    text = (fixture_site.site / offline.SERVICE_WORKER).read_text(encoding="utf-8")
    data = json.loads(re.search(r"var DATA = (\{.*?\});\n", text).group(1))
    assert data["shell"] and all((fixture_site.site / path).is_file() for path in data["shell"])
    assert all(is_immutable("/" + path) for path in data["shell"])  # kept from the cache: hashed names only
    for lang, path in data["offline"].items():
        page = fixture_site.page(path)
        assert page.html["lang"] == lang and page.select_one('meta[name="robots"]')["content"] == "noindex"
    assert data["version"] == json.loads(re.search(r"var DATA = (\{.*?\});\n", text).group(1))["version"]
    scripts = (fixture_site.site / "assets/javascripts").glob("search.*.js")
    own = [p.relative_to(fixture_site.site).as_posix() for p in scripts]
    registry = Project(fixture_site.root).registry
    bundles = {lang.code: bundle_dir(lang) for lang in registry.languages}
    changed = offline.service_worker(fixture_site.site, [*own, "x.1234abcd.js"], registry, bundles)
    assert offline.service_worker(fixture_site.site, own, registry, bundles) != changed


def test_the_policy_is_not_loosened_for_the_worker(fixture_site: BuiltSite) -> None:
    """The worker is a script of the site itself ('self'); nothing is added to the policy for it."""
    meta = fixture_site.page("").select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert "unsafe-inline" not in meta and "worker-src" not in meta
    assert meta.startswith("; ".join(" ".join((n, *v)) for n, v in csp.POLICY[:1]))


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_the_search_manifest_names_the_bundles_files(fixture_site: BuiltSite, lang: str) -> None:
    folder = fixture_site.site / bundle_dir(Project(REPO).registry.language(lang))
    manifest = json.loads((folder / search_bundle.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["tag"] == digest((folder / "pagefind-entry.json").read_bytes())
    assert manifest["core"][1] == f"pagefind-entry.json?ts={manifest['tag']}"
    for path in manifest["files"] + manifest["fragments"]:
        assert (folder / path.split("?", 1)[0]).is_file(), path
    assert manifest["index"] and set(manifest["index"]) <= set(manifest["files"])
    assert len(manifest["fragments"]) == len(list((folder / "fragment").iterdir()))
