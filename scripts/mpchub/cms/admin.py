"""What ``/admin/`` serves: the editor's page, its generated configuration, and Sveltia CMS from ``node_modules``.

Everything comes from the site itself (no CDN): ``./dev.sh`` installs the exact versions that
``package-lock.json`` pins with ``npm ci``. The files:

=========================  =================================================================================
``index.html``             the page (``templates/admin/index.html``), with its own Content-Security-Policy
``config.yml``             ``mpchub.cms.config.generate``, written as YAML
``admin.js``/``admin.css`` ours: Turkish words from the site's locale file, the site's own fonts
``sveltia-cms.js``         the CMS (``@sveltia/cms``, ``dist/``)
``tr.json``                the CMS's Turkish interface (``@sveltia/cms``, ``locales/``)
``symbols.woff2``          its icon font (``@fontsource-variable/material-symbols-outlined``)
``licenses/``              the licences of the two packages
=========================  =================================================================================

The page's policy (``policy``) is stricter than the site's in what it may load and wider in one place only:
``connect-src`` allows GitHub's API, where the editor reads and writes the repository. Styles: Svelte adds
one ``<style>`` element per component, whose text is in the bundle; the policy allows each by its sha256 hash
(read from the pinned bundle at build time), and the few ``style`` attributes written in its templates by
``'unsafe-hashes'``, so neither ``'unsafe-inline'`` nor a style from anywhere else is allowed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from mpchub.cms.config import generate
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.render.strings import t
from mpchub.render.templates import render

FOLDER = "admin"  # the editor's address under the site: /admin/
SVELTIA = "@sveltia/cms"
ICONS = "@fontsource-variable/material-symbols-outlined"
GITHUB_API = "https://api.github.com"  # REST and GraphQL (api.github.com/graphql)
BUNDLED = "en"  # the interface language Sveltia CMS bundles: its own, not one of the hub's
STATIC = ("admin.js", "admin.css")  # ours, copied as they are from templates/admin/

# What the editor needs from the site (and GitHub's API); everything else is refused. blob: and data: are
# the editor's own in-memory files (previews, the entry being saved), never another site.
POLICY = (
    ("default-src", ("'none'",)),
    ("script-src", ("'self'",)),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:", "blob:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'", "data:", "blob:", GITHUB_API)),
    ("media-src", ("'self'", "blob:")),
    ("manifest-src", ("'self'",)),
    ("frame-src", ("'none'",)),
    ("worker-src", ("'self'", "blob:")),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'none'",)),
)
# Svelte's component styles as the bundle holds them: {hash:`svelte-…`,code:`…`} (a template literal).
_COMPONENT_STYLE = re.compile(r"\{hash:`(svelte-[a-z0-9]+)`,code:`((?:[^`\\]|\\.)*)`\}")
_STYLE_ATTRIBUTE = re.compile(r'\bstyle="([^"<>]*)"')
_TEMPLATE_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": ""}


class EditorMissing(Exception):
    """Sveltia CMS is not installed, or not at the version package.json pins."""


@dataclass(frozen=True)
class Packages:
    """Where the pinned npm packages are, and Sveltia CMS's version."""

    sveltia: Path
    icons: Path
    version: str

    @property
    def bundle(self) -> Path:
        return self.sveltia / "dist" / "sveltia-cms.js"

    def locale(self, lang: str) -> Path:
        return self.sveltia / "locales" / f"{lang}.json"

    @property
    def icon_font(self) -> Path:
        return self.icons / "files" / "material-symbols-outlined-latin-wght-normal.woff2"


def _pinned(root: Path) -> dict[str, str]:
    try:
        return json.loads((root / "package.json").read_text(encoding="utf-8")).get("dependencies", {})
    except (OSError, ValueError):
        return {}


def packages(project: Project) -> Packages:
    """The installed packages: the hub's own ``node_modules``, else the one beside the mpchub code (a test hub
    or a scratch copy of the content has no ``node_modules`` of its own)."""
    code_root = Path(__file__).resolve().parents[3]
    for root in dict.fromkeys((project.root, code_root)):
        modules = root / "node_modules"
        sveltia, icons = modules / SVELTIA, modules / ICONS
        if not (sveltia / "dist" / "sveltia-cms.js").is_file() or not icons.is_dir():
            continue
        version = json.loads((sveltia / "package.json").read_text(encoding="utf-8"))["version"]
        wanted = _pinned(root).get(SVELTIA)
        if wanted and wanted != version:
            raise EditorMissing(
                f"{modules / SVELTIA} is version {version} but package.json pins {wanted}: run ./dev.sh setup "
                "(npm ci) to install the pinned version"
            )
        return Packages(sveltia, icons, version)
    raise EditorMissing(
        f"the web editor (npm package {SVELTIA}) is not installed in {project.root / 'node_modules'}: "
        "run ./dev.sh setup, or 'npm ci' in the repository"
    )


def _cooked(raw: str) -> str:
    """A JavaScript template literal's value (what Svelte writes into the <style> element)."""

    def escape(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _SIMPLE_ESCAPES.get(code, code)

    return _TEMPLATE_ESCAPE.sub(escape, raw)


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def style_hashes(bundle: str) -> tuple[list[str], list[str]]:
    """Hashes of the bundle's component styles (<style> elements) and of the style attributes in its templates."""
    elements = sorted({_sha256(_cooked(code)) for _name, code in _COMPONENT_STYLE.findall(bundle)})
    attributes = sorted({_sha256(value) for value in _STYLE_ATTRIBUTE.findall(bundle)})
    if not elements:
        raise EditorMissing(
            "no component styles found in the Sveltia CMS bundle: its build changed; update "
            "mpchub.cms.admin._COMPONENT_STYLE for this version"
        )
    return elements, attributes


def policy(bundle: str) -> str:
    """The page's Content-Security-Policy, with the bundle's styles allowed by hash."""
    elements, attributes = style_hashes(bundle)
    directives = [(name, list(sources)) for name, sources in POLICY]
    directives += [("style-src-elem", ["'self'", *elements]), ("style-src-attr", ["'unsafe-hashes'", *attributes])]
    return "; ".join(" ".join((name, *sources)) for name, sources in directives)


def config_text(schemas: SchemaSet, repository: str | None, branch: str, auth_url: str | None) -> str:
    header = (
        "# Generated by mpchub (mpchub.cms.config) from schemas/ and vocabularies/ at build time: do not edit.\n"
        "# Sveltia CMS: https://sveltiacms.app/en/docs\n"
    )
    config = generate(schemas, repository, branch, auth_url)
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=1000)


def files(
    project: Project,
    schemas: SchemaSet,
    repository: str | None,
    branch: str = "main",
    auth_url: str | None = None,
) -> dict[str, bytes | Path]:
    """Every file of ``/admin/`` by its path in the site: generated text as bytes, packaged files as paths to
    copy. Raises EditorMissing when the pinned CMS is not installed."""
    found = packages(project)
    bundle = found.bundle.read_text(encoding="utf-8")
    codes = project.registry.codes
    master = project.registry.master.code
    # The editor's interface in the master language when Sveltia CMS is translated into it (else its English).
    locale = found.locale(master)
    page = render(
        "admin/index.html",
        lang=master if locale.is_file() else BUNDLED,
        direction=project.registry.master.direction if locale.is_file() else "ltr",
        version=found.version,
        locale_file=locale.name if locale.is_file() else "",
        policy=policy(bundle),
        title=" · ".join(dict.fromkeys(t(code, "admin_title") for code in codes)),
        noscript=" · ".join(dict.fromkeys(t(code, "admin_noscript") for code in codes)),
    )
    template_dir = Path(__file__).resolve().parents[1] / "templates" / FOLDER
    out: dict[str, bytes | Path] = {
        f"{FOLDER}/index.html": page.encode("utf-8"),
        f"{FOLDER}/config.yml": config_text(schemas, repository, branch, auth_url).encode("utf-8"),
        f"{FOLDER}/sveltia-cms.js": found.bundle,
        f"{FOLDER}/symbols.woff2": found.icon_font,
        f"{FOLDER}/licenses/sveltia-cms.txt": found.sveltia / "LICENSE.txt",
        f"{FOLDER}/licenses/material-symbols.txt": found.icons / "LICENSE",
    }
    if locale.is_file():
        out[f"{FOLDER}/{locale.name}"] = locale
    for name in STATIC:
        out[f"{FOLDER}/{name}"] = template_dir / name
    return out


def robots(site_url: str | None) -> str:
    """``robots.txt`` at the site's root: crawlers stay out of the editor's folder, and find the sitemap. A
    project site on GitHub Pages lives under a sub-path, where crawlers read no ``robots.txt``: the editor's page
    says ``noindex`` itself, and no visitor page links to it."""
    base = urlsplit(site_url).path if site_url else "/"
    lines = ["User-agent: *", f"Disallow: {base.rstrip('/')}/{FOLDER}/"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def write(site_dir: Path, admin_files: dict[str, bytes | Path]) -> int:
    """Write ``files()`` into a built site; returns the bytes written."""
    total = 0
    for rel, content in admin_files.items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        data = content.read_bytes() if isinstance(content, Path) else content
        target.write_bytes(data)
        total += len(data)
    return total


_REMOTE = re.compile(
    r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)(?P<repo>[\w.-]+/[\w.-]+?)(?:\.git)?/?$"
)


def repository(project: Project, repo_url: str | None) -> str | None:
    """GitHub's ``owner/name`` of the hub: from the site's repository address (REPO_URL, or GitHub Actions'
    variables), else from the clone's ``origin`` remote, so that ``./dev.sh serve`` on a clone knows it too."""
    found = _REMOTE.match(repo_url or "")
    if found:
        return found["repo"]
    try:
        remote = subprocess.run(
            ["git", "-C", str(project.root), "config", "--get", "remote.origin.url"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    found = _REMOTE.match(remote)
    return found["repo"] if found else None
