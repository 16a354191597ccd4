"""Generated pages outside the navigation, written by the core into shells that Material renders once.

MkDocs' page loop costs the same for a stub as for a real page (context, plugins, Material's ``base.html``,
static-i18n's language switcher, writing): on 1,000 records it was most of the build, for thousands of record and
browse pages that differ only in a few parts. Here Material renders, per language, one page per folder and
variant (``mpchub.hub.ShellVariant``) with markers where those parts go, and the core fills them for every page
(``mpchub.hub.Shell``). MkDocs' page loop keeps the hand-written pages, the generated pages of the navigation
(catalogs, browse indexes, statistics, the field reference …) and the shells.

What MkDocs still knows of a page written here: its file (static-i18n takes the language switcher's targets and
the sitemap's alternates from it, so the sitemap lists every page as before) and a ``Page`` object for the
sitemap; it neither reads, renders nor writes it. ``tests/test_shell.py`` compares every page type with a build
that renders every page through MkDocs (``MPCHUB_UNCACHED=1``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc

from mpchub import hub
from mpchub.hub import Page, Shell, ShellVariant

TOC = "partials/toc.html"  # Material's table of contents (toc.html): rendered per page with headings


def _walk_order(source: str) -> tuple[tuple[int, Any], ...]:
    """Where MkDocs' ``get_files`` lists a file: folders in name order, a folder's files before its subfolders',
    ``index`` and ``README`` first among them (``mkdocs.structure.files._file_sort_key``)."""
    *folders, name = source.split("/")
    return (*((1, folder) for folder in folders), (0, (os.path.splitext(name)[0] not in ("index", "README"), name)))


def toc_tokens(headings: list[tuple[int, str, str]]) -> list[dict[str, Any]]:
    """Nest (level, id, text) headings as the Markdown toc extension does, for ``get_toc``."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for level, anchor, name in headings:
        token = {"level": level, "id": anchor, "name": name, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def nav_paths(nav: Any) -> set[str]:
    """The source paths the navigation of ``mkdocs.yml`` lists (``practices/index.md`` …)."""
    found: set[str] = set()
    for item in nav or []:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, str):
                found.add(value)
            elif isinstance(value, list):
                found |= nav_paths(value)
    return found


@dataclass
class Shells:
    """The plan (which pages, which shells) and, once Material has rendered them, the shells of one build."""

    pages: dict[str, list[Page]] = field(default_factory=dict)  # shelled pages by language
    variants: dict[str, ShellVariant] = field(default_factory=dict)  # by a shelled page's source path
    stubs: dict[str, tuple[ShellVariant, Page]] = field(default_factory=dict)  # by a shell's source path
    rendered: dict[tuple[str, ShellVariant], Shell] = field(default_factory=dict)
    destinations: dict[str, str] = field(default_factory=dict)  # a shelled page's output file, by source path
    _toc: dict[str, tuple[Callable[..., Iterator[str]], Any, dict[str, Any]]] = field(default_factory=dict)
    _packed: dict[str, bytes] = field(default_factory=dict)
    _in_nav: set[str] = field(default_factory=set)
    _edit_links: bool = False

    def begin(self, in_nav: set[str], edit_links: bool) -> None:
        """Start choosing the pages written into shells: generated HTML outside the navigation (``take``). Shells
        serve one-off builds only (not `mkdocs serve`), so a page's HTML is kept as UTF-8 bytes until written and
        dropped once written: at 5,000 records the pages' HTML, most of it two bytes a character in a Python
        string, was half of the build's memory."""
        self.pages, self.variants, self.stubs, self._packed = {}, {}, {}, {}
        self._in_nav, self._edit_links = in_nav, edit_links

    def take(self, page: Page, searched: bool, record: bool) -> None:
        """Consider a generated page as it is made; ``searched``: whether its content is marked for the index,
        ``record``: whether it is a record's page."""
        if f"{page.path}.md" in self._in_nav or not hub.fits_shell(page):
            return
        self.pages.setdefault(page.lang, []).append(page)
        self.variants[page.source_path] = hub.shell_variant(page, self._edit_links, searched, record)
        if page.html is not None:
            self._packed[page.source_path] = page.html.encode("utf-8")
            page.html = None

    def html(self, page: Page) -> str | None:
        """A generated page's HTML, packed or not."""
        packed = self._packed.get(page.source_path)
        return packed.decode("utf-8") if packed is not None else page.html

    def finish(self, languages: Any) -> list[Page]:
        """The shells' pages, to be staged like any generated page: one per variant in every language."""
        variants = dict.fromkeys(self.variants.values())
        stubs = []
        for number, variant in enumerate(variants):
            for language in languages:
                stub = hub.shell_page(variant, language, number)
                self.stubs[stub.source_path] = (variant, stub)
                stubs.append(stub)
        return stubs

    def start_build(self) -> None:
        self.rendered.clear()
        self._toc.clear()

    # --- MkDocs' files: shelled pages leave the page loop, shells leave the sitemap --------------------------

    def virtual(self) -> list[str]:
        """The source paths of the shelled pages: MkDocs is told of them without a file (``add_files``)."""
        return list(self.variants)

    def add_files(self, files: Any, config: Any) -> Any:
        """Tell MkDocs of the shelled pages, before static-i18n pairs every page with its translations (for the
        language switcher and the sitemap). They have no staged file: neither MkDocs nor static-i18n reads one,
        and writing thousands of stubs was a tenth of a build. They take the place in MkDocs' list that a staged
        file would (the order of its walk of ``docs_dir``), which the sitemap follows."""
        if not self.variants:
            return files
        docs, others = [], []
        folder = os.path.abspath(config.docs_dir) + os.sep
        for file in files:
            inside = file.abs_src_path is not None and os.path.abspath(file.abs_src_path).startswith(folder)
            (docs if inside else others).append(file)
        docs += [File(source, config.docs_dir, config.site_dir, config.use_directory_urls) for source in self.variants]
        docs.sort(key=lambda f: _walk_order(f.src_uri))
        return Files([*docs, *others])

    def take_files(self, files: Any, config: Any, sitemap: list[Any] | None) -> None:
        """Take the shelled pages out of MkDocs' page loop (after static-i18n has listed them for the sitemap and
        the language switcher), giving each the ``Page`` the sitemap reads; take the shells out of the sitemap."""
        for file in list(files):
            if file.src_uri in self.variants:
                files.remove(file)
                MkDocsPage(None, file, config)  # sets file.page: its canonical address and date for the sitemap
                self.destinations[file.src_uri] = file.abs_dest_path
        if sitemap is not None:
            sitemap[:] = [f for f in sitemap if f.src_uri not in self.stubs]

    # --- Material's rendering of a shell -----------------------------------------------------------------

    def install(self, env: Any) -> None:
        """Material's table of contents prints the toc marker on a shell of pages with headings, and is kept (its
        code and context) to render each such page's own."""
        template = env.get_template(TOC)
        render = template.root_render_func

        def toc(context: Any) -> Iterator[str]:
            page = context.get("page")
            shell = self.stubs.get(getattr(getattr(page, "file", None), "src_uri", ""))
            if shell is None or not shell[0].toc:
                yield from render(context)
                return
            self._toc[shell[1].lang] = (render, template, dict(context.get_all()))
            yield hub.shell_markers(shell[0])["toc"]

        template.root_render_func = toc

    def page_context(self, page: Any, context: dict[str, Any], site_url: str | None) -> ShellVariant | None:
        """Markers for what a shell's page context holds per page; its variant, or None if ``page`` is no shell."""
        found = self.stubs.get(page.file.src_uri)
        if found is None:
            return None
        variant, _stub = found
        markers = hub.shell_markers(variant)
        page.canonical_url = markers["canonical"] if site_url else None
        page.edit_url = markers.get("edit")
        context["mpchub_search"] = {"folded": markers["search"], "type": ""} if variant.indexed else None
        return variant

    def keep(self, page: Any, html: str, site_url: str | None, edit_base: str | None, description: str) -> bool:
        """Keep Material's rendering of a shell (its page is not written); False if ``page`` is no shell."""
        found = self.stubs.get(page.file.src_uri)
        if found is None:
            return False
        variant, stub = found
        slug = stub.path.rsplit("/", 1)[-1]
        self.rendered[(stub.lang, variant)] = Shell.parse(
            html, variant, stub.lang, slug, site_url=site_url, edit_base=edit_base, description=description
        )
        return True

    def toc(self, language: str) -> Callable[[list[tuple[int, str, str]]], str]:
        """Material's table of contents for headings of a page in ``language``, as the shell's page would have it."""

        def render(headings: list[tuple[int, str, str]]) -> str:
            code, template, context = self._toc[language]
            page = SimpleNamespace(toc=get_toc(toc_tokens(headings)))
            return "".join(code(template.new_context({**context, "page": page})))

        return render

    # --- writing --------------------------------------------------------------------------------------------

    def write(
        self,
        language: str,
        search: Callable[[Page], str],
        indexed: Callable[[Page, str, str], None] | None = None,
        content: Callable[[str, str], str] | None = None,
    ) -> int:
        """Write every shelled page of ``language`` (filled, with its policy) and return how many were written.
        ``search`` gives an indexed page's hidden search copy; ``indexed(page, path, html)`` is told of each
        indexed page once it is written; a page's HTML is dropped once written."""
        made: set[str] = set()
        written = 0
        toc = self.toc(language) if language in self._toc else None
        for page in self.pages.get(language, []):
            variant = self.variants[page.source_path]
            shell = self.rendered[(language, variant)]
            packed = self._packed.pop(page.source_path, None)
            if packed is not None:
                page.html = packed.decode("utf-8")
            if content is not None and page.html is not None:
                page.html = content(page.html, language)  # what the engine does to every page's content
            html = shell.fill(page, search(page) if variant.indexed else "", toc)
            path = self.destinations[page.source_path]
            folder = os.path.dirname(path)
            if folder not in made:
                try:
                    os.mkdir(folder)  # a page's own folder, whose parent the shell's folder holds
                except FileNotFoundError:
                    os.makedirs(folder, exist_ok=True)
                except FileExistsError:
                    pass
                made.add(folder)
            Path(path).write_bytes(html.encode("utf-8", errors="xmlcharrefreplace"))
            written += 1
            if indexed is not None and variant.indexed:
                indexed(page, path, html)
            page.html = None
        return written
