"""Listing pages: the catalog, the recommendation and publication listings, browse pages, indexes and
the generated parts of the home page."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mpchub.corpus import Record
from mpchub.site import html
from mpchub.site.formatting import esc, number, sortable_date, year_of
from mpchub.site.index import BROWSES, SiteIndex, title, values
from mpchub.site.pages import Page, RecordPages
from mpchub.site.strings import t
from mpchub.site.urls import browse_path, relative, url
from mpchub.text import fold, turkish_sort_key


@dataclass(frozen=True)
class Facet:
    """A filter on a listing: the URL parameter, the record field and how values are labelled."""

    param: str
    field: str
    vocabulary: str | None  # None: the value is shown as it is (years)
    label_key: str | None = None  # interface word when the field label is not the right heading


PRACTICE_FACETS = (
    Facet("theme", "themes", "themes"),
    Facet("group", "target_groups", "target-groups"),
    Facet("province", "province", "provinces"),
    Facet("sdg", "sdgs", "sdgs"),
    Facet("status", "status", "practice-statuses"),
    Facet("year", "start_year", None, "start_year"),
)
RECOMMENDATION_FACETS = (Facet("theme", "themes", "themes"), Facet("year", "year", None, "year"))
PUBLICATION_FACETS = (
    Facet("type", "publication_type", "publication-types"),
    Facet("theme", "themes", "themes"),
    Facet("year", "year", None, "year"),
)


def sort_labels(items: Iterable[tuple[Any, str]], lang: str) -> list[tuple[Any, str]]:
    key = (lambda item: turkish_sort_key(item[1])) if lang == "tr" else (lambda item: fold(item[1]))
    return sorted(items, key=key)


class Listings:
    def __init__(self, index: SiteIndex, pages: RecordPages) -> None:
        self.index = index
        self.pages = pages

    # --- cards -------------------------------------------------------------------------------------

    def facet_values(self, record: Record, facet: Facet) -> list[Any]:
        if facet.field == "start_year":
            year = year_of(record.data.get("start_date"))
            return [year] if year else []
        return values(record, facet.field)

    def years(self, record: Record) -> str:
        start, end = year_of(record.data.get("start_date")), year_of(record.data.get("end_date"))
        if start and end:
            return f"{start}–{end}" if end != start else str(start)
        return f"{start}–" if start else ""

    def card(self, here: str, record: Record, lang: str, facets: tuple[Facet, ...]) -> str:
        attrs: dict[str, Any] = {f"f-{f.param}": self.facet_values(record, f) for f in facets}
        attrs["rank"] = self.index.title_rank[lang][f"{record.collection.name}:{record.slug}"]
        date_field = {"practice": "start_date", "publication": "date", "recommendation": "year"}[record.collection.name]
        attrs["date"] = sortable_date(record.data.get(date_field) or record.data.get("year"))
        fields = record.fields(lang)
        attrs["text"] = fold(
            " ".join(
                str(x)
                for x in (
                    title(record, lang),
                    fields.get("summary", ""),
                    fields.get("abstract", ""),
                    self.owner(record, lang),
                )
            )
        )
        meta = [m for m in (self.owner(record, lang), self.place(record, lang), self.when(record)) if m]
        themes = html.ul((esc(self.index.label("themes", k, lang)) for k in values(record, "themes")), "mpc-terms")
        badge = ""
        if lang != "tr" and not record.has_language(lang):
            badge = f' <span class="mpc-badge">{esc(t(lang, "turkish_only"))}</span>'
        link = html.a(
            relative(url(here, lang), url(f"{record.collection.folder}/{record.slug}", lang)),
            title(record, lang),
            class_="mpc-card__title",
        )
        lang_attr = ' lang="tr"' if lang != "tr" and not record.has_language(lang) else ""
        return (
            f'<li class="mpc-card"{html.data_attrs(attrs)}><h3{lang_attr}>{link}</h3>{badge}'
            f'<p class="mpc-card__meta">{" · ".join(esc(m) for m in meta)}</p>{themes}</li>'
        )

    def owner(self, record: Record, lang: str) -> str:
        if record.collection.name == "practice":
            orgs = values(record, "implementers")
            return self.pages.org_name(orgs[0], lang) if orgs else ""
        if record.collection.name == "publication":
            return self.index.label("publication-types", record.data.get("publication_type"), lang)
        return self.index.label("origin-kinds", (record.data.get("origin") or {}).get("kind"), lang)

    def place(self, record: Record, lang: str) -> str:
        province = record.data.get("province")
        return self.index.label("provinces", province, lang) if province else ""

    def when(self, record: Record) -> str:
        if record.collection.name == "practice":
            return self.years(record)
        return str(record.data.get("year", ""))

    def cards(self, here: str, records: Iterable[Record], lang: str, facets: tuple[Facet, ...] = ()) -> str:
        records = list(records)
        items = "".join(self.card(here, r, lang, facets) for r in records)
        if not items:
            return f'<p class="mpc-empty">{esc(t(lang, "empty_collection"))}</p>'
        kind = records[0].collection.name
        return f'<ul class="mpc-cards" data-mpc-list data-kind="{kind}">{items}</ul>'

    # --- faceted listing --------------------------------------------------------------------------

    def facet_form(self, records: list[Record], lang: str, facets: tuple[Facet, ...], collection: str) -> str:
        fieldsets = []
        schema = self.index.corpus.schemas.schema(collection, twin=False)["properties"]
        for facet in facets:
            counts = self.index.facet_counts(records, facet.field)
            if not counts:
                continue
            if facet.vocabulary:
                labelled = sort_labels(((k, self.index.label(facet.vocabulary, k, lang)) for k in counts), lang)
                if facet.vocabulary == "sdgs":
                    labelled = sorted(labelled, key=lambda item: item[0])
                    labelled = [(k, f"{k}. {label}") for k, label in labelled]
            else:
                labelled = [(k, str(k)) for k in sorted(counts, reverse=True)]
            heading = t(lang, facet.label_key) if facet.label_key else schema[facet.field]["x-label"][lang]
            options = "".join(
                f'<label><input type="checkbox" name="{facet.param}" value="{esc(key)}"> '
                f'<span>{esc(label)}</span> <span class="mpc-count" data-count>{counts[key]}</span></label>'
                for key, label in labelled
            )
            fieldsets.append(
                f'<fieldset data-facet="{facet.param}"><legend>{esc(heading)}</legend>{options}</fieldset>'
            )
        sort = (
            f'<label class="mpc-sort">{esc(t(lang, "sort"))} <select name="sort">'
            f'<option value="newest">{esc(t(lang, "sort_newest"))}</option>'
            f'<option value="title">{esc(t(lang, "sort_title"))}</option></select></label>'
        )
        search = (
            f'<label class="mpc-filter-text">{esc(t(lang, "search"))} '
            f'<input type="search" name="q" placeholder="{esc(t(lang, "search_placeholder"))}"></label>'
        )
        return (
            f'<form class="mpc-filters" data-mpc-facets hidden aria-label="{esc(t(lang, "filters"))}">'
            f'{search}{sort}<details class="mpc-facets" data-mpc-details><summary>{esc(t(lang, "filters"))}'
            f'</summary><div class="mpc-facets__groups">{"".join(fieldsets)}</div></details>'
            f'<button type="reset" class="md-button">{esc(t(lang, "clear_filters"))}</button></form>'
            f'<p class="mpc-status" aria-live="polite" data-mpc-status '
            f'data-template="{esc(t(lang, "showing", n="{n}"))}" data-empty="{esc(t(lang, "no_results"))}"></p>'
        )

    def listing_page(
        self,
        path: str,
        heading: str,
        intro: str,
        records: list[Record],
        lang: str,
        facets: tuple[Facet, ...],
        collection: str,
    ) -> Page:
        ordered = self.index.newest_first(
            records, {"practice": "start_date", "publication": "date", "recommendation": "year"}[collection]
        )
        body = (
            f'<h1>{esc(heading)}</h1><p class="mpc-intro">{esc(intro)}</p>'
            + self.facet_form(records, lang, facets, collection)
            + self.cards(path, ordered, lang, facets)
        )
        meta = {"title": esc(heading), "hide": ["toc"], "mpchub": {"kind": "listing"}}
        return Page(path, lang, html.front_matter(meta) + body + "\n")

    # --- browse pages -----------------------------------------------------------------------------

    def browse_pages(self, lang: str) -> list[Page]:
        pages = [self.browse_home(lang)]
        for browse in BROWSES:
            pages.append(self.browse_index(browse.kind, lang))
            if browse.kind == "municipalities":
                for key, municipality in self.index.municipalities.items():
                    pages.append(
                        self.group_page(
                            browse_path("municipalities", key), municipality.names[lang], municipality.practices, lang
                        )
                    )
                continue
            for key in self.index.browse_keys(browse.kind):
                label = self.index.label(browse.vocabulary, key, lang)
                if browse.kind == "sdgs":
                    label = f"{key}. {label}"
                practices = self.index.groups[browse.kind].get(key, [])
                others = self.index.other_groups[browse.kind].get(key, [])
                pages.append(self.group_page(browse_path(browse.kind, key), label, practices, lang, others))
        return pages

    def kind_title(self, kind: str, lang: str) -> str:
        if kind == "municipalities":
            return t(lang, "municipalities")
        vocabulary = next(b.vocabulary for b in BROWSES if b.kind == kind)
        return self.index.vocabularies[vocabulary].title[lang]  # type: ignore[index]

    def group_page(
        self, path: str, heading: str, practices: list[Record], lang: str, others: Iterable[Record] = ()
    ) -> Page:
        """A browse page: the practices under one heading, then its recommendations and publications."""
        ordered = self.index.sort_by_title(practices, lang)
        count = t(lang, "count_practices", n=number(len(ordered), lang))
        body = f'<h1>{esc(heading)}</h1><p class="mpc-intro">{esc(count)}</p>'
        if ordered:
            body += self.cards(path, ordered, lang, PRACTICE_FACETS)
        others = list(others)
        for collection in ("recommendation", "publication"):
            records = self.index.sort_by_title((r for r in others if r.collection.name == collection), lang)
            if records:
                body += f"<h2>{esc(t(lang, collection + 's'))}</h2>" + self.cards(path, records, lang)
        meta = {"title": esc(heading), "mpchub": {"kind": "browse"}}
        return Page(path, lang, html.front_matter(meta) + body + "\n")

    def browse_index(self, kind: str, lang: str) -> Page:
        path = f"{kind}/index"
        rows = []
        if kind == "municipalities":
            items = sort_labels(((k, m.names[lang]) for k, m in self.index.municipalities.items()), lang)
            counts = {k: len(m.practices) for k, m in self.index.municipalities.items()}
            linked = set(counts)
        else:
            browse = next(b for b in BROWSES if b.kind == kind)
            vocabulary = self.index.vocabularies[browse.vocabulary]  # type: ignore[index]
            counts = {k: len(v) for k, v in self.index.groups[kind].items()}
            linked = self.index.browse_keys(kind)
            items = [(term.key, term.label(lang)) for term in vocabulary]
            items = [(k, f"{k}. {label}") for k, label in items] if kind == "sdgs" else sort_labels(items, lang)
            if kind not in ("provinces", "sdgs"):
                items = [(k, label) for k, label in items if k in linked]
        for key, label in items:
            n = counts.get(key, 0)  # practices; the page also lists recommendations and publications
            name = (
                html.a(relative(url(path, lang), url(browse_path(kind, key), lang)), label)
                if key in linked
                else f'<span class="mpc-muted">{esc(label)}</span>'
            )
            rows.append(f'{name} <span class="mpc-count">{number(n, lang)}</span>')
        heading = self.kind_title(kind, lang)
        body = f"<h1>{esc(heading)}</h1>" + html.ul(rows, "mpc-index")
        return Page(path, lang, html.front_matter({"title": esc(heading), "mpchub": {"kind": "index"}}) + body + "\n")

    def browse_home(self, lang: str) -> Page:
        path = "browse/index"
        items = []
        for browse in BROWSES:
            heading = self.kind_title(browse.kind, lang)
            items.append(html.a(relative(url(path, lang), url(f"{browse.kind}/index", lang)), heading))
        heading = t(lang, "browse")
        body = f'<h1>{esc(heading)}</h1><p class="mpc-intro">{esc(t(lang, "browse_intro"))}</p>' + html.ul(
            items, "mpc-index"
        )
        return Page(path, lang, html.front_matter({"title": esc(heading), "mpchub": {"kind": "index"}}) + body + "\n")

    # --- home -------------------------------------------------------------------------------------

    def home_fragments(self, lang: str, here: str = "index") -> dict[str, str]:
        """The generated parts a hand-written page can include, with links relative to ``here``."""
        rel = lambda target: relative(url(here, lang), url(target, lang))  # noqa: E731
        catalog = rel("practices/index")
        search = (
            f'<form class="mpc-home-search" action="{esc(catalog)}" method="get" role="search">'
            f'<label for="mpc-home-q" class="md-visually-hidden">{esc(t(lang, "search"))}</label>'
            f'<input id="mpc-home-q" type="search" name="q" placeholder="{esc(t(lang, "search_placeholder"))}">'
            f'<button type="submit" class="md-button md-button--primary">{esc(t(lang, "search"))}</button></form>'
        )
        provinces = {p.data.get("province") for p in self.index.practices}
        organisations = {fold(str(o["name"])) for p in self.index.practices for o in values(p, "implementers")}
        stats = [
            (len(self.index.practices), "stats_practices", rel("practices/index")),
            (len(organisations), "stats_municipalities", rel("municipalities/index")),
            (len(provinces), "stats_provinces", rel("provinces/index")),
            (len(self.index.publications), "stats_publications", rel("publications/index")),
            (len(self.index.recommendations), "stats_recommendations", rel("recommendations/index")),
        ]
        stats_html = html.ul(
            (html.raw_a(href, f"<strong>{number(n, lang)}</strong> {esc(t(lang, key))}") for n, key, href in stats),
            "mpc-stats",
        )
        latest = self.cards(here, self.index.newest_first(self.index.practices)[:6], lang)
        latest_pubs = self.cards(here, self.index.newest_first(self.index.publications, "date")[:4], lang)
        themes = sort_labels(((k, self.index.label("themes", k, lang)) for k in self.index.groups["themes"]), lang)
        theme_links = html.ul(
            (
                f"{html.a(rel(browse_path('themes', k)), label)} "
                f'<span class="mpc-count">{len(self.index.groups["themes"][k])}</span>'
                for k, label in themes
            ),
            "mpc-index",
        )
        provinces_sorted = sort_labels(
            ((k, self.index.label("provinces", k, lang)) for k in self.index.groups["provinces"]), lang
        )
        province_links = html.ul(
            (
                f"{html.a(rel(browse_path('provinces', k)), label)} "
                f'<span class="mpc-count">{len(self.index.groups["provinces"][k])}</span>'
                for k, label in provinces_sorted
            ),
            "mpc-index",
        )
        see_all = lambda target: f"<p>{html.a(rel(target), t(lang, 'see_all'))}</p>"  # noqa: E731
        return {
            "search": search,
            "stats": stats_html,
            "latest-practices": latest + see_all("practices/index"),
            "latest-publications": latest_pubs + see_all("publications/index"),
            "browse-themes": theme_links,
            "browse-provinces": province_links + see_all("provinces/index"),
        }
