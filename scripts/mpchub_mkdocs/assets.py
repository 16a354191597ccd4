"""The site's own scripts and styles under content-hashed names, and what pages tell their scripts about them.

``mpchub.render.assets`` says why names carry hashes. Here, for MkDocs: the ``extra_css`` and
``extra_javascript`` entries that are files of ``docs/`` are renamed in the configuration (so Material's
templates write the new names) and in MkDocs' file list (so the files are written under them); the generated
``mpc-text.js`` gets its hashed name from the core. Pages name the files their scripts load on demand in a JSON
data block (``mpc-assets``: ``overrides/main.html``), relative to the site's root. Under ``mkdocs serve``
nothing is renamed and no service worker is named (``mpchub.offline``): the edit loop always shows the files
as they are.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mpchub import hub
from mpchub.hub import Hub

# Loaded by the site's scripts on demand (not listed in mkdocs.yml): the QR code library for printing,
# vendored from npm under the name package.json's "vendor" map gives it (scripts/vendor.mjs, VENDOR.md).
VENDOR = "assets/javascripts/vendor"


def qr_module(root: Path) -> str:
    """The site path of the vendored QR library, named by the version package.json pins."""
    package = json.loads((root / "package.json").read_text(encoding="utf-8"))
    name = package["vendor"]["lean-qr"]["nano.mjs"].replace("{version}", package["dependencies"]["lean-qr"])
    return f"{VENDOR}/{name}"


class SiteAssets:
    """The renamed files of one build (both languages share them)."""

    def __init__(self, loaded: Hub, docs_dir: Path, config: Any, serving: bool) -> None:
        root = loaded.project.root
        self.hub = loaded
        self.serving = serving
        self.renamed: dict[str, str] = {}
        if not serving:
            for entry in [*config.extra_css, *(str(s) for s in config.extra_javascript)]:
                source = docs_dir / entry
                if "://" not in entry and source.is_file():
                    self.renamed[entry] = hub.hashed_name(entry, source.read_bytes())
        self.text_module = loaded.text_module_path(hashed=not serving)
        self.qr_module = qr_module(root) if (root / "package.json").is_file() else None

    def rename_config(self, config: Any) -> None:
        """Point ``extra_css`` and ``extra_javascript`` at the hashed names (Material writes the tags)."""
        config.extra_css = [self.renamed.get(path, path) for path in config.extra_css]
        for script in config.extra_javascript:
            if hasattr(script, "path"):
                script.path = self.renamed.get(script.path, script.path)
        config.extra_javascript = [self.renamed.get(s, s) if isinstance(s, str) else s for s in config.extra_javascript]

    def rename_files(self, files: Any, site_dir: str) -> None:
        """Write the renamed files under their hashed names (static-i18n sets each file's absolute path too)."""
        for file in files:
            new = self.renamed.get(file.src_uri)
            if new is not None:
                file.dest_uri = new
                file.url = new
                file.abs_dest_path = os.path.normpath(os.path.join(site_dir, new))

    def page_data(self, language: str) -> dict[str, Any]:
        """What the site's scripts load on demand, relative to the site's root (the ``mpc-assets`` block)."""
        return {
            **self.hub.browser_data(language),
            "text": self.text_module,
            "qr": self.qr_module,
            "sw": None if self.serving else hub.SERVICE_WORKER,
        }

    def write_generated(self, site_dir: Path) -> None:
        """The generated search assets (``mpc-text.js`` and the browse labels), and the service worker."""
        self.hub.write_search_assets(site_dir, hashed=not self.serving)
        if not self.serving:
            self.hub.write_service_worker(site_dir, self.own_files())

    def own_files(self) -> list[str]:
        """Site paths of the hashed files this build wrote (for the service worker's first cache)."""
        return [*self.renamed.values(), self.text_module, *([self.qr_module] if self.qr_module else [])]
