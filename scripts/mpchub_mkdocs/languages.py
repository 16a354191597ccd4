"""MkDocs, Material and mkdocs-static-i18n configured from the hub's languages (``hub.yml``) and its catalogue.

``mkdocs.yml`` names no language and writes no interface word: the site's name, description and copyright,
the palette toggle's names and the navigation's titles are catalogue keys (``nav_*``, ``palette_*``,
``hub_name`` …), and static-i18n's ``languages`` come from ``hub.yml``. This runs in the plugin's
``on_config`` before static-i18n's own (priority -100) reads its configuration. static-i18n validates its
configuration when MkDocs loads it, before any plugin runs, so ``mkdocs.yml`` keeps the one entry static-i18n
insists on (a default language); it is replaced here.
"""

from __future__ import annotations

from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs_static_i18n.config import I18nPluginLanguage

from mpchub.hub import Hub

# The palette's three states (mkdocs.yml theme.palette), by media query: the catalogue key of each toggle's name.
PALETTE = {
    "(prefers-color-scheme)": "palette_auto",
    "(prefers-color-scheme: light)": "palette_light",
    "(prefers-color-scheme: dark)": "palette_dark",
}


def _palette(palette: list[dict[str, Any]], words: dict[str, str]) -> list[dict[str, Any]]:
    named = []
    for entry in palette:
        entry = dict(entry, toggle=dict(entry.get("toggle", {})))
        key = PALETTE.get(entry.get("media", ""))
        if key:
            entry["toggle"]["name"] = words[key]
        named.append(entry)
    return named


def _nav_titles(nav: Any) -> set[str]:
    """Every title the navigation gives (its catalogue keys)."""
    found: set[str] = set()
    for item in nav or []:
        if isinstance(item, dict):
            for title, target in item.items():
                found.add(title)
                found |= _nav_titles(target if isinstance(target, list) else [])
    return found


def configure(config: Any, hub: Hub) -> None:
    """Set the site's words and static-i18n's languages from ``hub.yml`` and the catalogue."""
    registry = hub.registry
    catalogue = hub.catalogue()
    master = registry.master
    titles = _nav_titles(config.nav)
    unknown = sorted(t for t in titles if t not in catalogue[master.code])
    if unknown:
        raise PluginError(f"mkdocs.yml nav: titles are catalogue keys (strings/*.yml); unknown: {', '.join(unknown)}")
    words = catalogue[master.code]
    config.site_name = words["hub_name"]
    config.site_description = words["site_description"]
    config.copyright = words["publisher_name"]
    config.theme["language"] = master.code
    palette = config.theme.get("palette") or []
    config.theme["palette"] = _palette(palette, words)
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    languages = []
    for language in registry.languages:
        words = catalogue[language.code]
        entry: dict[str, Any] = {
            "locale": language.code,
            "name": language.name,
            "default": language.master,
            "build": True,
            "nav_translations": {title: words[title] for title in titles},
        }
        if not language.master:
            entry |= {
                "site_name": words["hub_name"],
                "site_description": words["site_description"],
                "copyright": words["publisher_name"],
                "theme": {"palette": _palette(palette, words)},
            }
        option = I18nPluginLanguage()
        option.load_dict(entry)
        failed, _warnings = option.validate()
        if failed:
            raise PluginError(f"static-i18n refuses the language '{language.code}' of hub.yml: {failed}")
        languages.append(option)
    i18n.config.languages = languages
