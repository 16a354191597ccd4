"""The core as a build tool sees it: the one face the MkDocs adapter (or any other engine's) talks to.

A :class:`Hub` is one build: it reads and checks the content, makes every generated page (the site with the
open data's parts wired in: a record's citation and structured data, a catalog's downloads, the statistics
page, the open-data file list), checks their links, and after the engine has written the site adds the open
data files, the search assets and the search index. The adapter may call only what is here (an
import-linter contract holds it to that); everything it passes in and gets back is plain data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from mpchub import exports
from mpchub.content.corpus import Corpus, Record, load_corpus
from mpchub.content.problems import Problem
from mpchub.content.project import Project
from mpchub.content.registry import Language, Registry
from mpchub.content.reuse import Memo, Reuse
from mpchub.content.schemas import SchemaSet
from mpchub.content.sitemap import STATISTICS, hand_written_urls
from mpchub.render.strings import STRINGS, t
from mpchub.search import assets as search_assets
from mpchub.search import pagefind
from mpchub.search import words as search_words
from mpchub.site import csp
from mpchub.site.build import Parts, Site
from mpchub.site.links import broken
from mpchub.site.pages import Page
from mpchub.site.paths import body_link_problems, page_urls
from mpchub.site.view import View

PagefindFailed = pagefind.PagefindFailed


class PageCollision(Exception):
    """Two generated pages have the same path."""


def _described(page: Page) -> str:
    return f"the page of {page.source}" if page.source else f"{page.kind} page '{page.title}'"


PageWithoutHead = csp.PageWithoutHead
MIN_SHARE = pagefind.MIN_SHARE


def _parts(corpus: Corpus, site_url: str | None) -> Parts:
    """What the open data adds to the site's pages."""

    def extras(record: Record, lang: str) -> dict[str, Markup]:
        return {
            # mpchub.exports renders both with the same autoescaping environment: safe to insert as markup
            "citation": Markup(exports.citation_html(corpus, record, lang, site_url, heading=False)),
            "structured_data": Markup(exports.jsonld_html(corpus, record, lang, site_url)),
        }

    def pages(view: View) -> list[Page]:
        html = exports.statistics_page_html(corpus, view.lang, STATISTICS)
        return [Page(STATISTICS, view.language, exports.statistics_title(view.lang), "index", html=html)]

    return Parts(
        extras=extras,
        downloads=lambda collection, view: Markup(
            exports.listing_downloads_html(collection, view.language, collection.catalog)
        ),
        pages=pages,
        fragments=lambda view: {"open-data-files": exports.open_data_html(corpus, view.lang, view.here)},
        known=exports.site_paths(corpus),
    )


@dataclass
class Hub:
    project: Project
    corpus: Corpus
    site_url: str | None
    reuse: Reuse | None = None
    _site: Site | None = None

    @classmethod
    def load(cls, root: Path, site_url: str | None = None, reuse: Reuse | None = None) -> Hub:
        """Read and check every record of the hub at ``root``; ``reuse`` keeps work between builds of one process."""
        project = Project(root)
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

    def language_of(self, source: str) -> Language:
        """The language of a source file by its suffix (``about.en.md`` → English)."""
        found = self.registry.file_language(source.rsplit("/", 1)[-1])
        return found[1] if found else self.registry.master

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
        pages = self.site.pages()
        seen: dict[str, Page] = {}
        for page in pages:
            other = seen.setdefault(page.source_path, page)
            if other is not page:
                raise PageCollision(
                    f"two generated pages would be /{page.url}: {_described(other)} and {_described(page)}"
                )
        return pages

    def known_paths(self) -> set[str]:
        """Site paths the core writes besides pages (downloads, feeds, citation files), for link checks."""
        return self.site.parts.known

    def broken_links(self, documents: Iterable[tuple[str, str]], known: set[str]) -> list[str]:
        """``page: href`` for every relative link of ``documents`` (URL, HTML) that leads to no known path."""
        return broken(documents, known, self.reuse.links if self.reuse is not None else None)

    def fill_markers(self, html: str, source: str) -> str:
        """A hand-written page's ``<!-- mpchub:NAME -->`` markers filled with generated HTML (KeyError: unknown)."""
        return self.site.fill_markers(html, source)

    def feed_links(self, lang: str, page_url: str) -> str:
        return exports.feed_links_html(self.corpus, lang, page_url)

    def search_copy(self, article_html: str, lang: str) -> str:
        """The hidden search copy of a page's indexed region (folded words and keys, weighted metadata)."""
        return search_words.index_block(article_html, self.registry.language(lang).turkish)

    # --- after the engine has written the site -----------------------------------------------------------

    def write_exports(self, site_dir: Path) -> list[Path]:
        return exports.write_site_exports(self.corpus, site_dir, self.site_url)

    def write_search_assets(self, site_dir: Path) -> list[Path]:
        kinds = tuple(b.kind for b in self.registry.browses)
        return search_assets.write(site_dir, self.registry.languages, kinds)


def check(project: Project, schemas: SchemaSet | None = None, checked: Memo | None = None) -> Corpus:
    """What ``mpchub check`` and the build check: every record (``load_corpus``), then what needs the whole
    site, resolved as the build resolves it: each relative link of each body against every page and file the
    build makes (generated pages, hand-written pages, the open data's files)."""
    corpus = load_corpus(project, schemas, checked)
    known = page_urls(corpus) | hand_written_urls(project.docs_dir, project.registry) | exports.site_paths(corpus)
    body_link_problems(corpus, known)
    return corpus


# --- steps that need no checked content: they work on any built site ------------------------------------


def catalogue_of(project: Project) -> dict[str, dict[str, str]]:
    """The interface words of every language of the hub (the 404 page speaks them all)."""
    return {lang: STRINGS[lang] for lang in project.registry.codes}


def secure(html: str) -> str:
    """A page with the site's Content-Security-Policy (raises ``PageWithoutHead``)."""
    return csp.apply(html)


def index_site(site_dir: Path, project: Project, marked: dict[str, int] | None, min_share: float) -> dict[str, int]:
    """Pagefind over the built site, a bundle per language, checked against the pages marked for it."""
    return pagefind.index_site(site_dir, project.registry.languages, marked, min_share)


def build_index(site_dir: Path, project: Project) -> dict[str, int]:
    return pagefind.build_index(site_dir, project.registry.languages)


__all__ = [
    "Hub",
    "Page",
    "PageCollision",
    "PageWithoutHead",
    "PagefindFailed",
    "Project",
    "Registry",
    "Reuse",
    "build_index",
    "catalogue_of",
    "check",
    "hand_written_urls",
    "index_site",
    "secure",
]
