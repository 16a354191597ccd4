"""Listing pages: the catalogs of the three collections, browse pages, their indexes, and the generated
parts of the home page. This module chooses what each list holds; ``templates/`` decide how it looks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from mpchub import exports
from mpchub.corpus import Record
from mpchub.reuse import Memo, Reuse
from mpchub.site.formatting import sortable_date, year_of
from mpchub.site.index import BROWSES, DATE_FIELD, SiteIndex, values
from mpchub.site.pages import Page
from mpchub.site.templates import render
from mpchub.site.urls import browse_path
from mpchub.site.view import View
from mpchub.text import fold, turkish_sort_key


@dataclass(frozen=True)
class Facet:
    """A filter on a listing: the URL parameter, the record field and how values are labelled."""

    param: str
    field: str
    vocabulary: str | None  # None: the value is shown as it is (years)
    label_key: str | None = None  # interface word when the field label is not the right heading


FACETS = {
    "practice": (
        Facet("theme", "themes", "themes"),
        Facet("group", "target_groups", "target-groups"),
        Facet("province", "province", "provinces"),
        Facet("sdg", "sdgs", "sdgs"),
        Facet("status", "status", "practice-statuses"),
        Facet("year", "start_year", None, "start_year"),
    ),
    "recommendation": (Facet("theme", "themes", "themes"), Facet("year", "year", None, "year")),
    "publication": (
        Facet("type", "publication_type", "publication-types"),
        Facet("theme", "themes", "themes"),
        Facet("year", "year", None, "year"),
    ),
}
# The catalog's URL parameter for each browse kind whose key is also a catalog filter.
BROWSE_FACETS = {"themes": "theme", "target-groups": "group", "provinces": "province", "sdgs": "sdg"}
CATALOGS = {
    "practice": "practices/index",
    "recommendation": "recommendations/index",
    "publication": "publications/index",
}


def sort_labels(items: Iterable[tuple[Any, str]], lang: str) -> list[tuple[Any, str]]:
    key = (lambda item: turkish_sort_key(item[1])) if lang == "tr" else (lambda item: fold(item[1]))
    return sorted(items, key=key)


class Listings:
    """Catalogs, browse pages and home blocks. ``reuse`` (under ``mkdocs serve``) keeps cards and the pages of
    browse groups from earlier builds, keyed by the records they are made from."""

    def __init__(self, index: SiteIndex, intros: dict[str, dict[str, str]], reuse: Reuse | None = None) -> None:
        self.index = index
        self.intros = intros
        self._cards: Memo = reuse.cards if reuse is not None else Memo()
        self._groups: Memo | None = reuse.groups if reuse is not None else None

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

    def owner(self, record: Record, view: View) -> str:
        if record.collection.name == "practice":
            orgs = values(record, "implementers")
            return view.org_name(orgs[0]) if orgs else ""
        if record.collection.name == "publication":
            return view.label("publication-types", record.data.get("publication_type"))
        return view.label("origin-kinds", (record.data.get("origin") or {}).get("kind"))

    def card(self, view: View, record: Record, with_facets: bool) -> Markup:
        """A record's card, rendered once per language and link: its only link is relative, and pages at the same
        depth (every browse page of every kind) share it."""
        rank = self.index.title_rank[view.lang][record.key] if with_facets else None  # the catalog's sort
        key = (record.fields_fingerprint, view.lang, view.record_href(record), with_facets, rank)
        return self._cards.get(
            key, lambda: Markup(render("listing/card.html", **self._card_context(view, record, with_facets)))
        )

    def _card_context(self, view: View, record: Record, with_facets: bool) -> dict[str, Any]:
        kind = record.collection.name
        when = self.years(record) if kind == "practice" else str(record.data.get("year", ""))
        province = record.data.get("province")
        meta = [m for m in (self.owner(record, view), view.label("provinces", province) if province else "", when) if m]
        facets = None
        if with_facets:  # only the catalog's filters read these
            facets = {f"f-{f.param}": " ".join(map(str, self.facet_values(record, f))) for f in FACETS[kind]}
            facets["rank"] = self.index.title_rank[view.lang][record.key]  # in the card's key too
            facets["date"] = sortable_date(record.data.get(DATE_FIELD[kind]) or record.data.get("year"))
        return {
            "v": view,
            "record": record,
            "meta": meta,
            "themes": [view.label("themes", k) for k in values(record, "themes")],
            "facets": facets,
        }

    def cards(self, view: View, records: Iterable[Record], with_facets: bool = False) -> Markup:
        records = list(records)
        cards = [self.card(view, r, with_facets) for r in records]
        kind = records[0].collection.name if records else ""
        return Markup(render("listing/cards.html", v=view, cards=cards, kind=kind))

    # --- catalogs ----------------------------------------------------------------------------------

    def catalogs(self, lang: str) -> list[Page]:
        return [self.catalog(collection, lang) for collection in CATALOGS]

    def catalog(self, collection: str, lang: str) -> Page:
        path = CATALOGS[collection]
        view = View(self.index, lang, path)
        records = self.index.corpus.of(collection)
        heading = view.t(f"{collection}s")
        html = render(
            "listing/catalog.html",
            v=view,
            heading=heading,
            intro=self.intros[f"{collection}s"][lang],
            facet_groups=self.facet_groups(records, view, collection),
            showing=f"showing_{collection}",
            collection=collection,
            total=len(records),
            cards=self.cards(view, self.index.newest_first(records, DATE_FIELD[collection]), with_facets=True),
            downloads=Markup(exports.listing_downloads_html(collection, lang, path)),
        )
        return Page(path, lang, heading, "listing", html=html)

    def facet_groups(self, records: list[Record], view: View, collection: str) -> list[dict[str, Any]]:
        groups = []
        for facet in FACETS[collection]:
            counts = self.index.facet_counts(records, facet.field)
            if not counts:
                continue
            if facet.vocabulary == "sdgs":
                labelled = [(k, view.term("sdgs", k)) for k in sorted(counts)]
            elif facet.vocabulary:
                labelled = sort_labels(((k, view.label(facet.vocabulary, k)) for k in counts), view.lang)
            else:
                labelled = [(k, str(k)) for k in sorted(counts, reverse=True)]
            heading = view.t(facet.label_key) if facet.label_key else view.field(collection, facet.field)
            groups.append(
                {"param": facet.param, "heading": heading, "options": [(k, lab, counts[k]) for k, lab in labelled]}
            )
        return groups

    # --- browse pages ------------------------------------------------------------------------------

    def browse_pages(self, lang: str) -> list[Page]:
        pages = [self.browse_home(lang)]
        for browse in BROWSES:
            pages.append(self.browse_index(browse.kind, lang))
            if browse.kind == "municipalities":
                for key, municipality in self.index.municipalities.items():
                    path = browse_path("municipalities", key)
                    pages.append(self.group_page(path, municipality.names[lang], municipality.practices, lang))
                continue
            for key in self.index.browse_keys(browse.kind):
                view = View(self.index, lang, browse_path(browse.kind, key))
                practices = self.index.groups[browse.kind].get(key, [])
                others = self.index.other_groups[browse.kind].get(key, [])
                pages.append(
                    self.group_page(
                        view.here, view.term(browse.vocabulary, key), practices, lang, others, (browse.kind, key)
                    )
                )
        return pages

    def kind_title(self, kind: str, lang: str) -> str:
        if kind == "municipalities":
            return View(self.index, lang, "").t("municipalities")
        vocabulary = next(b.vocabulary for b in BROWSES if b.kind == kind)
        return self.index.vocabularies[vocabulary].title[lang]  # type: ignore[index]

    def refinements(self, view: View, practices: list[Record], kind: str, key: Any) -> dict[str, Any] | None:
        """Links into the catalog filtered by this page's key and one more facet (its provinces, or for a
        province its themes), so "language courses in İstanbul" is two taps from the home page."""
        param = BROWSE_FACETS.get(kind)
        if param is None or not practices:
            return None
        if kind == "provinces":
            other, field, vocabulary, heading = "theme", "themes", "themes", "refine_by_theme"
        else:
            other, field, vocabulary, heading = "province", "province", "provinces", "refine_by_province"
        counts = self.index.facet_counts(practices, field)
        catalog = view.href(CATALOGS["practice"])
        links = [
            (f"{catalog}?{urlencode({param: key, other: k})}#mpc-results", label, counts[k])
            for k, label in sort_labels(((k, view.label(vocabulary, k)) for k in counts), view.lang)
        ]
        # The links lead to the results (past the filters they set), as the catalog's own skip link does.
        return {"heading": view.t(heading), "links": links, "all": f"{catalog}?{urlencode({param: key})}#mpc-results"}

    def group_page(
        self,
        path: str,
        heading: str,
        practices: list[Record],
        lang: str,
        others: Iterable[Record] = (),
        browse: tuple[str, Any] | None = None,
    ) -> Page:
        others = list(others)
        if self._groups is None:
            return self._group_page(path, heading, practices, lang, others, browse)
        made_of = tuple(r.fields_fingerprint for r in [*practices, *others])
        return self._groups.get(
            (path, heading, lang, browse, len(practices), made_of),
            lambda: self._group_page(path, heading, practices, lang, others, browse),
        )

    def _group_page(
        self,
        path: str,
        heading: str,
        practices: list[Record],
        lang: str,
        others: list[Record],
        browse: tuple[str, Any] | None,
    ) -> Page:
        view = View(self.index, lang, path)
        ordered = self.index.sort_by_title(practices, lang)
        sections = []
        for collection in ("recommendation", "publication"):
            records = self.index.sort_by_title((r for r in others if r.collection.name == collection), lang)
            if records:
                sections.append((view.t(f"{collection}s"), self.cards(view, records)))
        html = render(
            "browse/group.html",
            v=view,
            heading=heading,
            count=len(ordered),
            practices=self.cards(view, ordered) if ordered else None,
            others=sections,
            refine=self.refinements(view, ordered, *browse) if browse else None,
        )
        return Page(path, lang, heading, "browse", html=html)

    def browse_index(self, kind: str, lang: str) -> Page:
        path = f"{kind}/index"
        view = View(self.index, lang, path)
        if kind == "municipalities":
            labelled = sort_labels(((k, m.names[lang]) for k, m in self.index.municipalities.items()), lang)
            counts = {k: len(m.practices) for k, m in self.index.municipalities.items()}
            linked = set(counts)
        else:
            browse = next(b for b in BROWSES if b.kind == kind)
            vocabulary = self.index.vocabularies[browse.vocabulary]  # type: ignore[index]
            counts = {k: len(v) for k, v in self.index.groups[kind].items()}
            linked = self.index.browse_keys(kind)
            terms = [(term.key, term.label(lang)) for term in vocabulary]
            labelled = [(k, view.term(browse.vocabulary, k)) for k, _ in terms] if kind == "sdgs" else terms
            labelled = labelled if kind == "sdgs" else sort_labels(labelled, lang)
            if kind not in ("provinces", "sdgs"):
                labelled = [(k, label) for k, label in labelled if k in linked]
        items = [(k, label, counts.get(k, 0), k in linked) for k, label in labelled]
        heading = self.kind_title(kind, lang)
        return Page(
            path,
            lang,
            heading,
            "index",
            html=render("browse/index.html", v=view, heading=heading, kind=kind, items=items),
        )

    def browse_home(self, lang: str) -> Page:
        view = View(self.index, lang, "browse/index")
        kinds = [(b.kind, self.kind_title(b.kind, lang)) for b in BROWSES]
        return Page(view.here, lang, view.t("browse"), "index", html=render("browse/home.html", v=view, kinds=kinds))

    # --- home --------------------------------------------------------------------------------------

    def home_fragments(self, lang: str, here: str = "index") -> dict[str, str]:
        """The generated parts a hand-written page can include, with links relative to ``here``."""
        view = View(self.index, lang, here)
        provinces = {p.data.get("province") for p in self.index.practices}
        stats = [
            (len(self.index.practices), "stats_practices", "practices/index"),
            # The municipalities the linked page lists (implementers of a municipal kind), not every organisation.
            (len(self.index.municipalities), "stats_municipalities", "municipalities/index"),
            (len(provinces), "stats_provinces", "provinces/index"),
            (len(self.index.publications), "stats_publications", "publications/index"),
            (len(self.index.recommendations), "stats_recommendations", "recommendations/index"),
        ]

        def terms(kind: str, vocabulary: str, see_all: str | None = None) -> str:
            groups = self.index.groups[kind]
            labelled = sort_labels(((k, view.label(vocabulary, k)) for k in groups), lang)
            items = [(k, label, len(groups[k])) for k, label in labelled]
            return render("home/terms.html", v=view, kind=kind, items=items, see_all=see_all)

        def latest(records: list[Record], see_all: str) -> str:
            return render("home/cards.html", v=view, cards=self.cards(view, records), see_all=see_all)

        return {
            "search": render("home/search.html", v=view),
            "stats": render("home/stats.html", v=view, stats=stats),
            "latest-practices": latest(self.index.newest_first(self.index.practices)[:6], "practices/index"),
            "latest-publications": latest(
                self.index.newest_first(self.index.publications, DATE_FIELD["publication"])[:4], "publications/index"
            ),
            "browse-themes": terms("themes", "themes"),
            "browse-provinces": terms("provinces", "provinces", "provinces/index"),
        }
