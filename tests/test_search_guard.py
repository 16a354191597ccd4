"""The build fails when the search index holds far fewer pages than were marked for it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from mpchub_mkdocs import plugin as adapter


def post_build(monkeypatch, indexed: dict[str, int], marked: dict[str, int]) -> None:
    monkeypatch.setattr(adapter.pagefind, "build_index", lambda site_dir: indexed)
    hub = adapter.MpcHubPlugin()
    hub.load_config({})
    hub.expected_in_index.update(marked)
    config = SimpleNamespace(plugins={"i18n": SimpleNamespace(building=False)}, site_dir="/nonexistent")
    hub.on_post_build(config)


def test_an_index_far_smaller_than_the_site_fails_the_build(monkeypatch) -> None:
    with pytest.raises(PluginError, match="holds 2 'tr' pages but 40 were marked"):
        post_build(monkeypatch, {"tr": 2, "en": 40}, {"tr": 40, "en": 40})


def test_a_complete_index_passes(monkeypatch) -> None:
    post_build(monkeypatch, {"tr": 40, "en": 39}, {"tr": 40, "en": 40})


def test_nested_language_builds_do_not_index(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(adapter.pagefind, "build_index", lambda site_dir: calls.append(site_dir) or {})
    hub = adapter.MpcHubPlugin()
    hub.load_config({})
    hub.on_post_build(SimpleNamespace(plugins={"i18n": SimpleNamespace(building=True)}, site_dir="/x"))
    assert calls == []


def test_indexing_after_the_build_counts_the_marked_pages_in_the_html(monkeypatch, tmp_path) -> None:
    """``mpchub index`` (publish.yml runs it after ``mkdocs build``) has no count from the build: it reads
    the marks in the built pages, a second language's under its folder, and fails the same way."""
    from conftest import REPO, run_cli
    from mpchub import pagefind

    for path in ("index.html", "practices/a/index.html", "en/practices/a/index.html", "en/about/index.html"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("<html><body><div data-pagefind-body><p>x</p></div></body></html>")
    (tmp_path / "themes/index.html").parent.mkdir()
    (tmp_path / "themes/index.html").write_text("<p>&lt;div data-pagefind-body&gt; written by a contributor</p>")
    assert pagefind.marked_pages(tmp_path) == {"tr": 2, "en": 2}
    monkeypatch.setattr(pagefind, "build_index", lambda site_dir: {"tr": 2, "en": 0})
    failed = run_cli("--root", str(REPO), "index", str(tmp_path))
    assert failed.exit_code == 1 and "holds 0 'en' pages but 2 were marked" in failed.err
    monkeypatch.setattr(pagefind, "build_index", lambda site_dir: {"tr": 2, "en": 2})
    assert run_cli("--root", str(REPO), "index", str(tmp_path)).out == "search index: en 2 pages, tr 2 pages\n"
    assert run_cli("--root", str(REPO), "index", str(tmp_path / "nowhere")).exit_code == 2
