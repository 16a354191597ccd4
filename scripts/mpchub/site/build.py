"""Every generated page of the site, in both languages, from a checked corpus."""

from __future__ import annotations

import re

from mpchub import exports
from mpchub.corpus import Corpus
from mpchub.languages import LANGUAGES, MASTER
from mpchub.reference import check_rules_table
from mpchub.reference import render as render_reference
from mpchub.reuse import Reuse
from mpchub.site.index import SiteIndex
from mpchub.site.listings import Listings
from mpchub.site.pages import Page, RecordPages
from mpchub.site.strings import t
from mpchub.site.templates import render
from mpchub.site.view import View
from mpchub.translations import MISSING, OUTDATED, statuses

MARKER = re.compile(r"<!--\s*mpchub:([a-z-]+)\s*-->")
INTROS = {
    "practices": {
        "tr": "Belediyelerin göçmenler, mülteciler ve ev sahibi toplum için hayata geçirdiği iyi uygulamalar.",
        "en": "Good practices of municipalities for migrants, refugees and host communities.",
    },
    "recommendations": {
        "tr": (
            "Göç Politikaları Merkezinin yayınlarında, komisyon ve platform toplantılarında dile getirilen "
            "politika önerileri."
        ),
        "en": (
            "Policy recommendations stated in the Migration Policy Center's publications, committee and "
            "platform meetings."
        ),
    },
    "publications": {
        "tr": "Göç Politikaları Merkezi ve ortaklarının yayınları.",
        "en": "Publications of the Migration Policy Center and its partners.",
    },
}


class Site:
    """The generated part of the site. Built once per build; both languages share the index."""

    def __init__(self, corpus: Corpus, site_url: str | None = None, reuse: Reuse | None = None) -> None:
        """``reuse``: what an earlier build of this process made (under ``mkdocs serve``); None builds all."""
        self.corpus = corpus
        self.site_url = site_url  # the published address, for citations and structured data
        self.reuse = reuse
        self.index = SiteIndex(corpus)
        self.translation = statuses(corpus)
        outdated = {s.record.key for s in self.translation if s.state == OUTDATED}
        self.records = RecordPages(self.index, outdated, site_url, reuse.pages if reuse is not None else None)
        self.listings = Listings(self.index, INTROS, reuse)

    def pages(self) -> list[Page]:
        out: list[Page] = []
        for lang in LANGUAGES:
            for collection in ("practice", "recommendation", "publication"):
                out.extend(self.records.page(record, lang) for record in self.corpus.of(collection))
            out.extend(self.listings.catalogs(lang))
            out.extend(self.listings.browse_pages(lang))
            out.append(self.translation_page(lang))
            statistics = exports.statistics_page_html(self.corpus, lang, "statistics")
            out.append(Page("statistics", lang, exports.statistics_title(lang), "index", html=statistics))
            out.append(
                Page(
                    "contribute/fields",
                    lang,
                    t(lang, "fields"),
                    "reference",
                    markdown=render_reference(self.corpus.schemas, lang) + "\n" + check_rules_table(lang),
                )
            )
        return out

    def translation_page(self, lang: str) -> Page:
        """For maintainers: what has no English twin, and which twins are older than their master."""
        view = View(self.index, lang, "contribute/translations")
        sections = []
        for state, heading in ((MISSING, "missing_twins"), (OUTDATED, "outdated_twins")):
            found = {s.record: s.detail for s in self.translation if s.state == state}
            if found:
                ordered = self.index.sort_by_title(found, lang)
                sections.append((heading, [(r, found[r] if state == OUTDATED else "") for r in ordered]))
        html = render("listing/translations.html", v=view, sections=sections)
        return Page(view.here, lang, view.t("translation_status"), "index", html=html)

    def fragments(self, source: str) -> dict[str, str]:
        """The generated parts that the hand-written page ``source`` (e.g. ``index.en.md``) may include: the
        home page's blocks and the open-data page's file list."""
        lang = next((lang for lang in LANGUAGES if lang != MASTER and source.endswith(f".{lang}.md")), MASTER)
        here = source.removesuffix(".md").removesuffix(f".{lang}") if lang != MASTER else source.removesuffix(".md")
        fragments = self.listings.home_fragments(lang, here)
        fragments["open-data-files"] = exports.open_data_html(self.corpus, lang, here)
        return fragments

    def fill_markers(self, html: str, source: str) -> str:
        """Replace ``<!-- mpchub:NAME -->`` markers in a hand-written page's HTML with generated HTML."""
        if "mpchub:" not in html:
            return html
        fragments = self.fragments(source)

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in fragments:
                raise KeyError(
                    f"{source}: unknown marker <!-- mpchub:{name} -->; known: {', '.join(sorted(fragments))}"
                )
            return fragments[name]

        return MARKER.sub(replace, html)
