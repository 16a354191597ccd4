"""Every generated page of the site, in every language of the hub, from a checked corpus.

The site knows nothing of the open data: what a page shows from the exports (a record's citation and
structured data, a catalog's download links, the statistics page, the open-data file list) arrives as
``Parts``, which ``mpchub.hub`` wires up. So ``mpchub.site`` and ``mpchub.exports`` stay siblings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from markupsafe import Markup

from mpchub.content.corpus import Corpus
from mpchub.content.registry import Language
from mpchub.content.reuse import Reuse
from mpchub.content.sitemap import FIELD_REFERENCE, TRANSLATION_STATUS
from mpchub.content.translations import MISSING, OUTDATED, statuses
from mpchub.render.strings import t
from mpchub.render.templates import render
from mpchub.site.index import SiteIndex
from mpchub.site.listings import Downloads, Listings
from mpchub.site.pages import Extras, Page, RecordPages
from mpchub.site.reference import check_rules_table
from mpchub.site.reference import render as render_reference
from mpchub.site.view import View

MARKER = re.compile(r"<!--\s*mpchub:([a-z-]+)\s*-->")


@dataclass
class Parts:
    """What other parts of the hub add to the site's pages (``mpchub.hub`` fills these from the exports)."""

    extras: Extras | None = None  # a record page's citation block and structured data
    downloads: Downloads | None = None  # a catalog's download links
    download_control: Downloads | None = None  # a catalog's "download these N", beside its result count
    pages: Callable[[View], list[Page]] = lambda view: []  # more generated pages per language (statistics)
    fragments: Callable[[View], dict[str, str]] = lambda view: {}  # more markers for hand-written pages
    known: set[str] = field(default_factory=set)  # site paths of files they write (for the link check)


class Site:
    """The generated part of the site. Built once per build; every language shares the index."""

    def __init__(
        self, corpus: Corpus, site_url: str | None = None, reuse: Reuse | None = None, parts: Parts | None = None
    ) -> None:
        """``reuse``: what an earlier build of this process made (under ``mkdocs serve``); None builds all."""
        self.corpus = corpus
        self.registry = corpus.registry
        self.site_url = site_url  # the published address, for citations and structured data
        self.reuse = reuse
        self.parts = parts or Parts()
        self.index = SiteIndex(corpus)
        self.translation = statuses(corpus)
        outdated = {(s.record.key, s.language.code) for s in self.translation if s.state == OUTDATED}
        memo = reuse.pages if reuse is not None else None
        self.records = RecordPages(self.index, outdated, site_url, memo, self.parts.extras)
        intros = {
            c.folder: {lang: t(lang, f"intro_{c.folder}") for lang in self.registry.codes}
            for c in self.registry.collections
        }
        self.listings = Listings(self.index, intros, self.parts.downloads, self.parts.download_control)

    def pages(self) -> list[Page]:
        return list(self.iter_pages())

    def iter_pages(self, languages: Iterable[Language] | None = None) -> Iterator[Page]:
        """Every generated page (of ``languages``: default all), one at a time (a caller may keep each in a smaller
        form as it comes)."""
        for language in self.registry.languages if languages is None else languages:
            lang = language.code
            yield from (self.records.page(record, lang) for record in self.corpus.all())
            yield from self.listings.catalogs(lang)
            yield from self.listings.browse_pages(lang)
            yield self.translation_page(lang)
            yield from self.parts.pages(View(self.index, lang, ""))
            yield Page(
                FIELD_REFERENCE,
                language,
                t(lang, "fields"),
                "reference",
                markdown=render_reference(self.corpus.schemas, lang) + "\n" + check_rules_table(lang),
            )

    def translation_page(self, lang: str) -> Page:
        """For maintainers: what has no translation, and which translations are older than their master."""
        view = View(self.index, lang, TRANSLATION_STATUS)
        sections = []
        for state, heading in ((MISSING, "missing_twins"), (OUTDATED, "outdated_twins")):
            found = {s.record: s.detail for s in self.translation if s.state == state}
            if found:
                ordered = self.index.sort_by_title(found, lang)
                sections.append((heading, [(r, found[r] if state == OUTDATED else "") for r in ordered]))
        html = render("listing/translations.html", v=view, sections=sections)
        return Page(view.here, view.language, view.t("translation_status"), "index", html=html)

    def fragments(self, page_url: str) -> dict[str, str]:
        """The generated parts a hand-written page may include, for the page at ``page_url`` (its language and
        depth come from its address, so a page shown in a language that has no translation of it, which
        static-i18n falls back to the master's file for, still links right): the home page's blocks and what
        ``Parts.fragments`` adds (the open-data page's file list)."""
        language = self.language_of(page_url)
        here = page_url[len(language.url_prefix) :].strip("/") or "index"
        fragments = self.listings.home_fragments(language.code, here)
        fragments.update(self.parts.fragments(View(self.index, language.code, here)))
        return fragments

    def language_of(self, page_url: str) -> Language:
        """The language of the page at a site-relative address (``en/about/`` → English)."""
        return next(
            (lang for lang in self.registry.translations if page_url.startswith(lang.url_prefix)),
            self.registry.master,
        )

    def fill_markers(self, html: str, page_url: str) -> str:
        """Replace ``<!-- mpchub:NAME -->`` markers in a hand-written page's HTML with generated HTML."""
        if "mpchub:" not in html:
            return html
        fragments = self.fragments(page_url)

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in fragments:
                raise KeyError(
                    f"/{page_url}: unknown marker <!-- mpchub:{name} -->; known: {', '.join(sorted(fragments))}"
                )
            return fragments[name]

        return MARKER.sub(replace, html)


__all__ = ["Markup", "Page", "Parts", "Site"]
