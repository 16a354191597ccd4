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
