"""The core as a build tool sees it: the one face the MkDocs adapter (or any other engine's) talks to.

A :class:`Hub` is one build: it reads and checks the content, makes every generated page (the site with the
open data's parts wired in: a record's citation and structured data, a catalog's downloads, the statistics
page, the open-data file list), checks their links, and after the engine has written the site adds the open
data files, the search assets and the search index. The adapter may call only what is here (an
import-linter contract holds it to that); everything it passes in and gets back is plain data.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from markupsafe import Markup, escape

from mpchub import exports, offline
from mpchub.cms import admin
from mpchub.content import synonyms
from mpchub.content.corpus import Corpus, Record, load_corpus
from mpchub.content.problems import DefinitionError, Problem
from mpchub.content.project import Project
from mpchub.content.registry import Language, Registry
from mpchub.content.reuse import Memo, Reuse
from mpchub.content.schemas import SchemaSet
from mpchub.content.sitemap import STATISTICS, hand_written_urls
from mpchub.contribute import mail
from mpchub.contribute.forms import proposal_form
from mpchub.render import assets, strings
from mpchub.render.strings import STRINGS, t
from mpchub.search import assets as search_assets
from mpchub.search import bundle as search_bundle
from mpchub.search import pagefind
from mpchub.search import scan as search_scan
from mpchub.search import service as search_service
from mpchub.search import words as search_words
from mpchub.site import csp, shell
from mpchub.site import parallel as site_parallel
from mpchub.site.build import Parts, Site
from mpchub.site.links import broken
from mpchub.site.pages import Page
from mpchub.site.paths import body_link_problems, page_urls
from mpchub.site.view import View
from mpchub.timings import Timings

EditorMissing = admin.EditorMissing
SERVICE_WORKER = offline.SERVICE_WORKER
hashed_name = assets.hashed_name  # the site's own scripts and styles get their content's hash in the name
# Sections for contributors and maintainers (Contribute, its field reference and translation status) and the
# offline page: not what a visitor searches for, so out of the visitor's index (reached from the menu).
UNINDEXED_SECTIONS = frozenset({"contribute", "offline"})
PERMALINK = re.compile(r'(<a class="headerlink" href="#[^"<>]*" title=")Permanent link(")')
PagefindFailed = pagefind.PagefindFailed


class PageCollision(Exception):
    """Two generated pages have the same path."""


def _described(page: Page) -> str:
    return f"the page of {page.source}" if page.source else f"{page.kind} page '{page.title}'"


# Pages indexed as they are written (search.service): by `mpchub index --build`, or by services of the build's own.
IndexFeed = search_service.Feed


def feeding(environ: dict[str, str] | os._Environ[str]) -> bool:
    """Whether the build runs under ``mpchub index --build``, which indexes the pages it reports."""
    return bool(environ.get(search_service.FEED))


# Generated pages written into page shells the engine renders once per language, folder and variant (site.shell).
Shell = shell.Shell
ShellError = shell.ShellError
ShellVariant = shell.Variant
shell_variant = shell.variant
shell_page = shell.shell_page
shell_markers = shell.markers
fits_shell = shell.fits
is_indexed = shell.indexed
LIST_KINDS = shell.LIST_KINDS
PageWithoutHead = csp.PageWithoutHead


def page_address(site_url: str | None, url: str) -> str:
    """A page's full address when the site's is known (``SITE_URL``), else its site-relative one."""
    return (site_url.rstrip("/") + "/" + url.lstrip("/")) if site_url else url


def _parts(corpus: Corpus, site_url: str | None) -> Parts:
    """What the open data and the ways to contribute add to the site's pages."""
    form = proposal_form(corpus.schemas)

    def extras(record: Record, lang: str) -> dict[str, Markup]:
        language = corpus.registry.language(lang)
        return {
            # mpchub.exports renders both with the same autoescaping environment: safe to insert as markup
            "citation": Markup(exports.citation_html(corpus, record, lang, site_url, heading=False)),
            "structured_data": Markup(exports.jsonld_html(corpus, record, lang, site_url)),
            # "suggest a correction" by e-mail (mpchub.contribute renders it with the core's environment)
            "correction": Markup(
                mail.correction_html(
                    form.address,
                    lang,
                    record.slug,
                    str(record.fields(lang).get("title", record.slug)),
                    page_address(site_url, language.url(record.path)),
                )
            ),
        }

    def pages(view: View) -> list[Page]:
        html = exports.statistics_page_html(corpus, view.lang, STATISTICS)
        return [Page(STATISTICS, view.language, exports.statistics_title(view.lang), "index", html=html)]

    return Parts(
        extras=extras,
        downloads=lambda collection, view: Markup(
            exports.listing_downloads_html(collection, view.language, collection.catalog)
        ),
        download_control=lambda collection, view: Markup(
            exports.download_control_html(corpus, collection, view.language, collection.catalog)
        ),
        pages=pages,
        fragments=lambda view: {
            "open-data-files": exports.open_data_html(corpus, view.lang, view.here),
            "proposal-form": mail.proposal_form_html(form, view.lang),
        },
        known=exports.site_paths(corpus),
    )


@dataclass
class Hub:
    project: Project
    corpus: Corpus
    site_url: str | None
    reuse: Reuse | None = None
    _site: Site | None = None
    _editor: dict[str, bytes | Path] | None = None

    @classmethod
    def load(cls, root: Path, site_url: str | None = None, reuse: Reuse | None = None) -> Hub:
        """Read and check every record of the hub at ``root``; ``reuse`` keeps work between builds of one process."""
        project = Project(root)
        strings.use(project.root)
        if reuse is not None:  # `mkdocs serve`: an edited strings/<code>.yml is read again (two small files)
            strings.load.cache_clear()
        schemas = reuse.start_build(project) if reuse is not None else SchemaSet(project)
        corpus = check(project, schemas, reuse.files if reuse is not None else None)
        return cls(project, corpus, site_url, reuse)

    # --- the content ---------------------------------------------------------------------------------

    @property
    def registry(self) -> Registry:
        return self.project.registry

    @property
    def problems(self) -> list[Problem]:
        return self.corpus.problems

    @property
    def errors(self) -> list[Problem]:
        return self.corpus.errors

    def language_of(self, page_url: str) -> Language:
        """The language of the page at a site-relative address (``en/about/`` → English): a page static-i18n shows
        from the master's file, for want of a translation, is still in its address's language."""
        return self.site.language_of(page_url)

    def strings(self, lang: str) -> dict[str, str]:
        """The interface words of ``lang`` (the one catalogue), for templates of the engine's theme."""
        return STRINGS[lang]

    def catalogue(self) -> dict[str, dict[str, str]]:
        return catalogue_of(self.project)

    def word(self, lang: str, key: str) -> str:
        return t(lang, key)

    # --- generated pages -----------------------------------------------------------------------------

    @property
    def site(self) -> Site:
        if self._site is None:
            self._site = Site(self.corpus, self.site_url, self.reuse, _parts(self.corpus, self.site_url))
        return self._site

    def pages(self) -> list[Page]:
        """Every generated page; ``PageCollision`` when two would be the same page (the check refuses the
        records that could cause it: this is the second line, naming both pages instead of keeping the last)."""
        return list(self.iter_pages())

    def iter_pages(
        self,
        parallel: bool = False,
        meanwhile: Callable[[], object] | None = None,
        forked: Callable[[list[str]], None] | None = None,
    ) -> Iterator[Page]:
        """The generated pages one at a time: ``pages()`` without holding them all. ``parallel``: the languages
        other than the master's are made in a forked process at the same time (``site.parallel``), where that is
        possible; never in a process that runs threads of its own (``forked`` is told which languages).
        ``meanwhile``: work done first, while the child makes its pages."""
        seen: dict[str, Page] = {}
        for page in site_parallel.pages(self.site, meanwhile, allowed=parallel, forked=forked):
            other = seen.setdefault(page.source_path, page)
            if other is not page:
                raise PageCollision(
                    f"two generated pages would be /{page.url}: {_described(other)} and {_described(page)}"
                )
            yield page

    def known_paths(self) -> set[str]:
        """Site paths the core writes besides pages (downloads, feeds, citation files), for link checks."""
        return self.site.parts.known

    def broken_links(self, documents: Iterable[tuple[str, str]], known: set[str]) -> list[str]:
        """``page: href`` for every relative link of ``documents`` (URL, HTML) that leads to no known path."""
        return broken(documents, known)

    def fill_markers(self, html: str, page_url: str) -> str:
        """A hand-written page's ``<!-- mpchub:NAME -->`` markers filled with generated HTML (KeyError: unknown),
        for the page at the site-relative ``page_url``."""
        return self.site.fill_markers(html, page_url)

    def feedback(self, lang: str, page_url: str) -> str:
        """The foot of every page: "report a problem on this page", a prefilled e-mail to the MPC."""
        return mail.report_html(self._address, lang, page_address(self.site_url, page_url))

    @cached_property
    def _address(self) -> str:
        return proposal_form(self.corpus.schemas).address

    def feed_links(self, lang: str, page_url: str) -> str:
        return exports.feed_links_html(self.corpus, lang, page_url)

    def is_record_page(self, page: Page) -> bool:
        """A record's page (printed with a QR code of its address), not a list, browse or hand-written page."""
        return self.registry.by_name(page.kind) is not None

    def localise_permalinks(self, html: str, lang: str) -> str:
        """The toc extension's permalinks say "Permanent link" whatever the page's language (Python-Markdown has
        one setting for every page, and record bodies are rendered once for check and build): the catalogue's
        words in the page's language instead."""
        words = str(escape(t(lang, "permalink")))
        return PERMALINK.sub(lambda m: m.group(1) + words + m.group(2), html)

    @cached_property
    def synonyms(self) -> synonyms.Synonyms:
        """The search's synonyms (``synonyms.yml``); a broken file is one of the content errors already."""
        try:
            return synonyms.load(self.project.root, self.registry.codes)
        except synonyms.SynonymsError:
            return {code: [] for code in self.registry.codes}

    def text_module_path(self, hashed: bool) -> str:
        """The site path of the browser's text module (``mpc-text.js``), hashed unless serving."""
        turkish = tuple(language.code for language in self.registry.languages if language.turkish)
        return search_assets.text_module_path(self.synonyms, hashed, turkish)

    def browser_data(self, lang: str) -> dict[str, str | bool]:
        """What the site's scripts need to know about a page's language (the ``mpc-assets`` block), so that no
        script names a language or a collection: its search bundle and manifest (preloaded by every page),
        whether its words get Turkish search keys, and the catalog a search falls back on (the first collection's)."""
        language = self.registry.language(lang)
        bundle = pagefind.bundle_dir(language)
        return {
            "lang": language.code,
            "turkish": language.turkish,
            "bundle": bundle + "/",
            "manifest": f"{bundle}/{search_bundle.MANIFEST}",
            "catalog": language.url(self.registry.collections[0].catalog),
        }

    def search_copy(self, article_html: str, lang: str, generated: bool = False) -> str:
        """The hidden search copy of a page's indexed region (folded words and keys, weighted metadata).
        ``generated``: the core made the HTML (read in one pass, ``search.scan``; any other HTML is parsed)."""
        copy = search_scan.index_block if generated else search_words.index_block
        return copy(article_html, self.registry.language(lang).turkish)

    def prepare_editor(self, repo_url: str | None, branch: str, auth_url: str | None) -> None:
        """Make the web editor's files (``/admin/``) now, so that a missing ``npm ci`` stops the build at once
        (EditorMissing). ``repo_url``: the site's repository, which the editor proposes changes to."""
        repository = admin.repository(self.project, repo_url)
        self._editor = admin.files(self.project, self.corpus.schemas, repository, branch, auth_url)

    # --- after the engine has written the site -----------------------------------------------------------

    def write_editor(self, site_dir: Path) -> int:
        """The web editor's files, which the engine never sees (no sitemap entry, no search, no theme), and the
        site's ``robots.txt``, which keeps crawlers out of them."""
        (site_dir / "robots.txt").write_text(admin.robots(self.site_url), encoding="utf-8")
        return admin.write(site_dir, self._editor) if self._editor else 0

    def write_exports(self, site_dir: Path) -> list[Path]:
        return exports.write_site_exports(self.corpus, site_dir, self.site_url)

    def write_search_assets(self, site_dir: Path, hashed: bool = False) -> list[Path]:
        kinds = tuple(b.kind for b in self.registry.browses)
        return search_assets.write(site_dir, self.registry.languages, kinds, self.synonyms, hashed)

    def write_service_worker(self, site_dir: Path, own: list[str]) -> Path:
        """``sw.js`` at the site's root; ``own``: the site's own hashed files, kept from the start."""
        bundles = {lang.code: pagefind.bundle_dir(lang) for lang in self.registry.languages}
        return offline.write(site_dir, own, self.registry, bundles)


def check(project: Project, schemas: SchemaSet | None = None, checked: Memo | None = None) -> Corpus:
    """What ``mpchub check`` and the build check: every record (``load_corpus``), then what needs the whole
    site, resolved as the build resolves it: each relative link of each body against every page and file the
    build makes (generated pages, hand-written pages, the open data's files)."""
    corpus = load_corpus(project, schemas, checked)
    known = page_urls(corpus) | hand_written_urls(project.docs_dir, project.registry) | exports.site_paths(corpus)
    body_link_problems(corpus, known)
    return corpus


# --- steps that need no checked content: they work on any built site ------------------------------------


def sources(project: Project) -> list[Path]:
    """Everything a site is made from, for a server to watch: the records' folders, the hub's definitions and
    catalogue, the hand-written pages and the theme's overrides."""
    root = project.root
    folders = [project.collection_dir(c) for c in project.registry.collections]
    return [
        *folders,
        root / "hub.yml",
        root / "termbase.yml",
        root / "schemas",
        root / "vocabularies",
        root / strings.FOLDER,
        project.docs_dir,
        root / "overrides",
    ]


def catalogue_of(project: Project) -> dict[str, dict[str, str]]:
    """The interface words of every language of the hub (the 404 page speaks them all)."""
    return {lang: STRINGS[lang] for lang in project.registry.codes}


def indexed_section(source_path: str) -> bool:
    """Whether a hand-written page's section is searched by visitors (not Contribute, not the offline page)."""
    return source_path.split("/")[0].split(".")[0] not in UNINDEXED_SECTIONS


def secure(html: str) -> str:
    """A page with the site's Content-Security-Policy (raises ``PageWithoutHead``)."""
    return csp.apply(html)


def build_index(site_dir: Path, project: Project) -> dict[str, int]:
    return pagefind.build_index(site_dir, project.registry.languages)


__all__ = [
    "LIST_KINDS",
    "SERVICE_WORKER",
    "DefinitionError",
    "EditorMissing",
    "Hub",
    "IndexFeed",
    "Page",
    "PageCollision",
    "PageWithoutHead",
    "PagefindFailed",
    "Project",
    "Registry",
    "Reuse",
    "Shell",
    "ShellError",
    "ShellVariant",
    "Timings",
    "build_index",
    "catalogue_of",
    "check",
    "feeding",
    "fits_shell",
    "hand_written_urls",
    "hashed_name",
    "indexed_section",
    "is_indexed",
    "secure",
    "shell_markers",
    "shell_page",
    "shell_variant",
]
