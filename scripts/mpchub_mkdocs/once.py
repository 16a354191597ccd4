"""Material's repeated work done once per build: the same output, computed once and handed out again.

Profiled on 1,000 records (2,513 pages), Material's templates were a quarter of the build, and most of it was
work whose result is the same on many pages:

* **Navigation and tabs.** Every page renders the whole ~16-entry navigation through Material's recursive
  ``partials/nav-item.html`` and the tabs through ``partials/tabs-item.html`` (12 % of the build). For a page that
  is not in the navigation (a record, a browse page) nothing in them is active, so their HTML depends only on the
  build (language, configuration, navigation) and on the page's folder, which decides every relative link. They
  are rendered once per language and folder and handed out again; pages in the navigation are rendered as before.
* **The language table.** Material's ``lang.t(key)`` evaluates a 70-entry dictionary literal on every call
  (``partials/languages/<code>.html``), a dozen calls a page: each key is looked up once per build.

Both are Jinja's own output, kept and repeated: ``tests/test_shell.py`` compares every page type with a build
without them, byte for byte, and pins the Material templates this reasoning reads (it fails when Material's
templates change, so that the reasoning is checked again). ``MPCHUB_UNCACHED=1`` turns this module off, and with
it the shells (``shells.py``) and the languages made at once (``mpchub.site.parallel``): the reference build
MkDocs renders page by page, which that test compares with.
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Callable, Iterator
from typing import Any

from jinja2 import Environment
from jinja2.runtime import Context

# Material's partials whose output, for a page outside the navigation, depends only on the build and the folder.
PER_FOLDER = ("partials/nav.html", "partials/tabs.html")
LANGUAGES = "partials/languages/{code}.html"
LANGUAGE = "partials/language.html"  # imports the page's table and the one it falls back to
FALLBACK = re.compile(r'import\s+"partials/languages/([\w-]+)\.html"\s+as\s+fallback')


def enabled() -> bool:
    """False under ``MPCHUB_UNCACHED=1``: the reference build the tests compare with."""
    return os.environ.get("MPCHUB_UNCACHED", "") in ("", "0")


class Once:
    """Installed on each build's Jinja environment (``on_env``); keeps what it computed for that build only."""

    def __init__(self) -> None:
        self.language = ""
        self._nav_urls: dict[int, tuple[frozenset[int], tuple[str, ...]]] = {}

    def install(self, env: Environment, language: str) -> None:
        """Wrap Material's per-folder partials and its language tables in ``env`` (a new one every build)."""
        self._nav_urls.clear()
        self.language = language
        for name in PER_FOLDER:
            template = env.get_template(name)
            template.root_render_func = self._per_folder(template.root_render_func, name)  # type: ignore[method-assign]
        source, _filename, _uptodate = env.loader.get_source(env, LANGUAGE)
        fallback = FALLBACK.search(source)
        for code in dict.fromkeys((language, *([fallback.group(1)] if fallback else []))):
            module = env.get_template(LANGUAGES.format(code=code)).module
            module.t = _looked_up_once(module.t)  # type: ignore[attr-defined]

    def _per_folder(self, render: Callable[[Context], Iterator[str]], name: str) -> Callable[[Context], Iterator[str]]:
        done: dict[tuple[Any, ...], str] = {}

        def cached(context: Context) -> Iterator[str]:
            key = self.folder_key(context)
            if key is None:
                yield from render(context)
                return
            html = done.get(key)
            if html is None:
                html = done[key] = "".join(render(context))
            yield html

        return cached

    def folder_key(self, context: Context) -> tuple[Any, ...] | None:
        """(language, folder) for a page outside the navigation; None when its navigation must be rendered."""
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or getattr(page, "url", None) is None:
            return None
        in_nav, urls = self._nav(nav)
        url: str = page.url
        if id(page) in in_nav or page.parent is not None or any(u.startswith(url) for u in urls):
            return None  # an active entry, or a link from inside the page's own folder: rendered as before
        return (self.language, posixpath.dirname(url.rstrip("/")), url.endswith("/"))

    def _nav(self, nav: Any) -> tuple[frozenset[int], tuple[str, ...]]:
        found = self._nav_urls.get(id(nav))
        if found is None:
            found = self._nav_urls[id(nav)] = (
                frozenset(id(p) for p in nav.pages),
                tuple(str(p.url) for p in nav.pages),
            )
        return found


def _looked_up_once(t: Callable[[str], str]) -> Callable[[str], str]:
    """Material's ``t(key)`` macro, each key evaluated once."""
    seen: dict[str, str] = {}

    def lookup(key: str) -> str:
        found = seen.get(key)
        if found is None:
            found = seen[key] = t(key)
        return found

    return lookup
