"""Every generated page of the site, in both languages, from a checked corpus."""

from __future__ import annotations

import re

from mpchub.corpus import Corpus
from mpchub.reference import render as render_reference
from mpchub.site.formatting import esc
from mpchub.site.html import front_matter, ul
from mpchub.site.index import SiteIndex
from mpchub.site.listings import PRACTICE_FACETS, PUBLICATION_FACETS, RECOMMENDATION_FACETS, Listings
from mpchub.site.pages import Page, RecordPages
from mpchub.site.strings import t
from mpchub.translations import MISSING, OUTDATED, statuses

LANGUAGES = ("tr", "en")
MARKER = re.compile(r"<!--\s*mpchub:([a-z-]+)\s*-->")
INTROS = {
    "practices": {
        "tr": "Belediyelerin göçmenler, mülteciler ve ev sahibi toplum için hayata geçirdiği iyi uygulamalar.",
        "en": "Good practices of municipalities for migrants, refugees and host communities.",
    },
    "recommendations": {
        "tr": (
            "Göç Politikaları Merkezi'nin yayınlarında, komisyon ve platform toplantılarında dile getirilen "
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

    def __init__(self, corpus: Corpus, edit_base: str | None = None) -> None:
        self.corpus = corpus
        self.index = SiteIndex(corpus)
        self.translation = statuses(corpus)
        outdated = {f"{s.record.collection.name}:{s.record.slug}" for s in self.translation if s.state == OUTDATED}
        self.records = RecordPages(self.index, edit_base, outdated)
        self.listings = Listings(self.index, self.records)

    def pages(self) -> list[Page]:
        out: list[Page] = []
        for lang in LANGUAGES:
            for record in self.index.practices:
                out.append(self.records.practice(record, lang))
            for record in self.index.recommendations:
                out.append(self.records.recommendation(record, lang))
            for record in self.index.publications:
                out.append(self.records.publication(record, lang))
            out.append(
                self.listings.listing_page(
                    "practices/index",
                    t(lang, "practices"),
                    INTROS["practices"][lang],
                    self.index.practices,
                    lang,
                    PRACTICE_FACETS,
                    "practice",
                )
            )
            out.append(
                self.listings.listing_page(
                    "recommendations/index",
                    t(lang, "recommendations"),
                    INTROS["recommendations"][lang],
                    self.index.recommendations,
                    lang,
                    RECOMMENDATION_FACETS,
                    "recommendation",
                )
            )
            out.append(
                self.listings.listing_page(
                    "publications/index",
                    t(lang, "publications"),
                    INTROS["publications"][lang],
                    self.index.publications,
                    lang,
                    PUBLICATION_FACETS,
                    "publication",
                )
            )
            out.extend(self.listings.browse_pages(lang))
            out.append(self.translation_page(lang))
            reference = render_reference(self.corpus.schemas, lang)
            out.append(
                Page(
                    "contribute/fields",
                    lang,
                    front_matter({"title": t(lang, "fields"), "mpchub": {"kind": "reference"}}) + reference + "\n",
                )
            )
        return out

    def translation_page(self, lang: str) -> Page:
        """For maintainers: what has no English twin, and which twins are older than their master."""
        path = "contribute/translations"
        sections = []
        for state, heading in ((MISSING, "missing_twins"), (OUTDATED, "outdated_twins")):
            found = [s for s in self.translation if s.state == state]
            if found:
                records = self.index.sort_by_title((s.record for s in found), lang)
                detail = {f"{s.record.collection.name}:{s.record.slug}": s.detail for s in found}
                items = [
                    f"{self.records.record_link(path, r, lang)} <small>({esc(r.collection.folder)}/"
                    f"{esc(r.slug)}.md)</small>"
                    + (f" — {esc(detail[f'{r.collection.name}:{r.slug}'])}" if state == OUTDATED else "")
                    for r in records
                ]
                sections.append(f"<h2>{esc(t(lang, heading))} ({len(found)})</h2>" + ul(items))
        body = "".join(sections) or f"<p>{esc(t(lang, 'all_translated'))}</p>"
        heading = t(lang, "translation_status")
        content = (
            front_matter({"title": esc(heading), "mpchub": {"kind": "index"}})
            + f"<h1>{esc(heading)}</h1><p>{esc(t(lang, 'translation_intro'))}</p>{body}\n"
        )
        return Page(path, lang, content)

    def fill_markers(self, markdown: str, source: str) -> str:
        """Replace ``<!-- mpchub:NAME -->`` markers in the hand-written page ``source`` (e.g. ``index.en.md``)
        with generated HTML, linked relative to that page."""
        if "mpchub:" not in markdown:
            return markdown
        lang = "en" if source.endswith(".en.md") else "tr"
        here = source[: -len(".en.md")] if lang == "en" else source[: -len(".md")]
        fragments = self.listings.home_fragments(lang, here)

        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in fragments:
                raise KeyError(f"unknown marker <!-- mpchub:{name} -->; known: {', '.join(sorted(fragments))}")
            return fragments[name]

        return MARKER.sub(replace, markdown)
