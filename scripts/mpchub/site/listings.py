"""Listing pages: the catalog of every collection, browse pages, their indexes, and the generated parts of the
home page. This module chooses what each list holds; ``templates/`` decide how it looks. Collections, their
filters and their cards come from the registry (``hub.yml``)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from mpchub.content.corpus import Record
from mpchub.content.dates import year_of
from mpchub.content.registry import Collection, Facet
from mpchub.content.reuse import Memo
from mpchub.content.sitemap import BROWSE_HOME, browse_index
from mpchub.render.templates import render
from mpchub.render.urls import browse_path
from mpchub.site.index import Municipality, SiteIndex, date_of, facet_values, values
from mpchub.site.pages import Page
from mpchub.site.places import Places
from mpchub.site.view import View

# What a catalog shows below its cards besides them (the download links, from the exports).
Downloads = Callable[[Collection, View], Markup]


@dataclass(frozen=True)
class Located:
    """A municipality page's second list: the records in its area that others implement."""

    heading: str
    intro: str
    records: tuple[Record, ...]


def facet_attribute(found: list[Any]) -> str:
    """A card's values of one filter, for ``data-f-<param>`` (facets.js): keys joined by spaces, or a JSON list
    when a value holds a space (an implementer's or a district's name), so that a name stays one value."""
    texts = [str(v) for v in found]
    if any(not t or t.startswith("[") or any(c.isspace() for c in t) for t in texts):
        return json.dumps(texts, ensure_ascii=False)
    return " ".join(texts)


class Listings:
    """Catalogs, browse pages and home blocks."""

    def __init__(
        self,
        index: SiteIndex,
        intros: dict[str, dict[str, str]],
        downloads: Downloads | None = None,
        download_control: Downloads | None = None,
    ) -> None:
        self.index = index
        self.registry = index.registry
        self.intros = intros
        self.downloads = downloads or (lambda collection, view: Markup(""))
        self.download_control = download_control or (lambda collection, view: Markup(""))
        self.places = Places(index)
        self._cards: Memo = Memo()  # a card, by its record, language, link and catalog rank (within this build)

    # --- cards -------------------------------------------------------------------------------------

    def years(self, record: Record) -> str:
        """'2019–2021', '2019–' or '2019' from the record's period fields (registry: card.period)."""
        period = record.collection.card.period
        if not period:
            return ""
        start = year_of(record.data.get(period[0]))
        end = year_of(record.data.get(period[1])) if len(period) > 1 else None
        if len(period) == 1:
            return str(start or "")
        if start and end:
            return f"{start}–{end}" if end != start else str(start)
        return f"{start}–" if start else ""

    def owner(self, record: Record, view: View) -> str:
        """Who is behind the record, as its card says (registry: card.owner, a field or field.subfield)."""
        name = record.collection.card.owner
        if not name:
            return ""
        head, _, rest = name.partition(".")
        value: Any = record.data.get(head)
        if rest and isinstance(value, dict):
            value = value.get(rest)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            return view.org_name(value)
        if value is None:
            return ""
        spec = self.index.corpus.schemas.schema(record.collection.name, twin=False)["properties"].get(head, {})
        if rest:
            spec = spec.get("properties", {}).get(rest, {})
        vocabulary = spec.get("x-vocabulary")
        return view.label(vocabulary, value) if vocabulary else str(value)

    def card(self, view: View, record: Record, with_facets: bool) -> Markup:
        """A record's card, rendered once per language and link: its only link is relative, and pages at the same
        depth (every browse page of every kind) share it."""
        rank = self.index.title_rank[view.lang][record.key] if with_facets else None  # the catalog's sort
        # theme links start from the site's root: the same from every page of a depth, so browse pages share cards
        root = view.href("").rstrip("/") + "/"
        key = (record.fields_fingerprint, view.lang, view.record_href(record), root, with_facets, rank)
        return self._cards.get(
            key, lambda: Markup(render("listing/card.html", **self._card_context(view, record, with_facets)))
        )

    def _card_context(self, view: View, record: Record, with_facets: bool) -> dict[str, Any]:
        card = record.collection.card
        place = record.data.get(card.place) if card.place else None
        meta = [
            m
            for m in (self.owner(record, view), view.label("provinces", place) if place else "", self.years(record))
            if m
        ]
        facets = None
        if with_facets:  # only the catalog's filters read these
            facets = {f"f-{f.param}": facet_attribute(facet_values(record, f)) for f in record.collection.facets}
            facets["rank"] = self.index.title_rank[view.lang][record.key]  # in the card's key too
            facets["date"] = date_of(record)
        return {
            "v": view,
            "record": record,
            "meta": meta,
            "themes": [(k, view.label("themes", k)) for k in values(record, "themes")],
            "theme_root": view.href("").rstrip("/") + "/" + self._theme_kind + "/",
            "facets": facets,
        }

    @property
    def _theme_kind(self) -> str:
        """The browse pages of the themes a card shows (the kind whose pages list the ``themes`` field)."""
        browse = self.registry.browse_of("themes")
        return browse.kind if browse else "themes"

    def cards(self, view: View, records: Iterable[Record], with_facets: bool = False) -> Markup:
        records = list(records)
        cards = [self.card(view, r, with_facets) for r in records]
        kind = records[0].collection.name if records else ""
        return Markup(render("listing/cards.html", v=view, cards=cards, kind=kind))

    # --- catalogs ----------------------------------------------------------------------------------

    def catalogs(self, lang: str) -> list[Page]:
        return [self.catalog(collection, lang) for collection in self.registry.collections]

    def catalog(self, collection: Collection, lang: str) -> Page:
        view = View(self.index, lang, collection.catalog)
        records = self.index.records(collection.name)
        heading = view.t(collection.folder)
        html = render(
            "listing/catalog.html",
            v=view,
            heading=heading,
            intro=self.intros[collection.folder][lang],
            facet_groups=self.facet_groups(records, view, collection),
            showing=f"showing_{collection.name}",
            collection=collection.name,
            total=len(records),
            cards=self.cards(view, self.index.newest_first(records), with_facets=True),
            downloads=self.downloads(collection, view),
            download_control=self.download_control(collection, view),
        )
        return Page(collection.catalog, view.language, heading, "listing", html=html)

    def facet_groups(self, records: list[Record], view: View, collection: Collection) -> list[dict[str, Any]]:
        groups = []
        schema = self.index.corpus.schemas.schema(collection.name, twin=False)["properties"]
        for facet in collection.facets:
            counts = self.index.facet_counts(records, facet)
            for hidden in facet.hide:  # hub.yml `hide:` keys that say nothing as a filter ("unknown")
                counts.pop(hidden, None)
            if not counts:
                continue
            head, _, sub = facet.field.partition(".")
            if sub:  # a field of a list of objects (implementers' names): labelled in the page's language
                names = self._subfield_names(records, head, sub, view)
                labelled = self.index.sort_labels(((k, names.get(k, str(k))) for k in counts), view.lang)
            else:
                labelled = self._labelled(facet, schema.get(facet.field, {}), counts, view)
            heading = view.t(facet.label) if facet.label else view.field(collection.name, head)
            groups.append(
                {"param": facet.param, "heading": heading, "options": [(k, lab, counts[k]) for k, lab in labelled]}
            )
        return groups

    @staticmethod
    def _subfield_names(records: list[Record], head: str, sub: str, view: View) -> dict[str, str]:
        """Value → its form in the page's language (``name_en``), from the first object that holds it."""
        names: dict[str, str] = {}
        for record in records:
            for item in values(record, head):
                if isinstance(item, dict) and isinstance(item.get(sub), str):
                    names.setdefault(" ".join(item[sub].split()), str(view.named(item, sub)))
        return names

    def _labelled(self, facet: Facet, spec: dict[str, Any], counts: Any, view: View) -> list[tuple[Any, str]]:
        """A facet's values with their labels: numbered vocabularies in number order, other vocabularies in
        alphabetical order, years newest first, free text alphabetically."""
        vocabulary = None if facet.year else (spec.get("x-vocabulary") or spec.get("items", {}).get("x-vocabulary"))
        if vocabulary and all(isinstance(k, int) for k in counts):
            return [(k, view.term(vocabulary, k)) for k in sorted(counts)]
        if vocabulary:
            return self.index.sort_labels(((k, view.label(vocabulary, k)) for k in counts), view.lang)
        if facet.year or all(isinstance(k, int) for k in counts):
            return [(k, str(k)) for k in sorted(counts, reverse=True)]
        return self.index.sort_labels(((k, str(k)) for k in counts), view.lang)

    # --- browse pages ------------------------------------------------------------------------------

    def browse_pages(self, lang: str) -> list[Page]:
        pages = [self.browse_home(lang)]
        for browse in self.registry.browses:
            pages.append(self.browse_index(browse.kind, lang))
            if browse.vocabulary is None:
                for key, municipality in self.index.municipalities.items():
                    path = browse_path(browse.kind, key)
                    by_collection = {self.index.primary.name: municipality.records}
                    located = self._located(municipality, View(self.index, lang, path))
                    pages.append(self.group_page(path, municipality.names[lang], by_collection, lang, located=located))
                continue
            for key in self.index.browse_keys(browse.kind):
                view = View(self.index, lang, browse_path(browse.kind, key))
                by_collection = self.index.groups[browse.kind].get(key, {})
                pages.append(
                    self.group_page(
                        view.here, view.term(browse.vocabulary, key), by_collection, lang, (browse.kind, key)
                    )
                )
        return pages

    def _located(self, municipality: Municipality, view: View) -> Located | None:
        """The records in a municipality's area that others implement, with a heading saying which area."""
        area = self.places.area(municipality)
        records = self.places.located(municipality)
        if area is None or not records:
            return None
        province = view.label("provinces", area.province) if area.province else ""
        if area.is_district:
            place = f"{area.district}, {province}" if province else str(area.district)
            words = ("located_district", "located_district_intro")
        else:
            place, words = province, ("located_province", "located_province_intro")
        return Located(view.t(words[0]), view.t(words[1], place=place), tuple(records))

    def kind_title(self, kind: str, lang: str) -> str:
        vocabulary = self.registry.browse(kind).vocabulary
        if vocabulary is None:
            return View(self.index, lang, "").t(kind)
        return self.index.vocabularies[vocabulary].title[lang]

    def refinements(self, view: View, records: list[Record], kind: str, key: Any) -> dict[str, Any] | None:
        """Links into the catalog filtered by this page's key and one more facet (its provinces, or for a
        province its themes), so "language courses in İstanbul" is two taps from the home page."""
        primary = self.index.primary
        params = {f.field: f for f in primary.facets}
        facet = next((params[name] for name in self.registry.browse(kind).fields if name in params), None)
        if facet is None or not records:
            return None
        other = params["themes" if kind == "provinces" else "province"]
        heading = "refine_by_theme" if kind == "provinces" else "refine_by_province"
        vocabulary = self.registry.browse("themes" if kind == "provinces" else "provinces").vocabulary or ""
        counts = self.index.facet_counts(records, other)
        catalog = view.href(primary.catalog)
        links = [
            (f"{catalog}?{urlencode({facet.param: key, other.param: k})}#mpc-results", label, counts[k])
            for k, label in self.index.sort_labels(((k, view.label(vocabulary, k)) for k in counts), view.lang)
        ]
        # The links lead to the results (past the filters they set), as the catalog's own skip link does.
        return {
            "heading": view.t(heading),
            "links": links,
            "all": f"{catalog}?{urlencode({facet.param: key})}#mpc-results",
        }

    def group_page(
        self,
        path: str,
        heading: str,
        by_collection: dict[str, list[Record]],
        lang: str,
        browse: tuple[str, Any] | None = None,
        located: Located | None = None,
    ) -> Page:
        """The records under one heading: the primary collection's first (with links into its catalog), then
        every other collection's, each under its name. A municipality's page adds the primary collection's
        records located in its area that others implement (``located``), under a heading that says so."""
        view = View(self.index, lang, path)
        primary = self.index.primary.name
        ordered = self.index.sort_by_title(by_collection.get(primary, []), lang)
        sections = []
        for collection in self.registry.collections[1:]:
            records = self.index.sort_by_title(by_collection.get(collection.name, []), lang)
            if records:
                sections.append((view.t(collection.folder), self.cards(view, records)))
        nearby = None
        if located is not None:
            nearby = {
                "heading": located.heading,
                "intro": located.intro,
                "cards": self.cards(view, self.index.sort_by_title(located.records, lang)),
            }
        html = render(
            "browse/group.html",
            v=view,
            heading=heading,
            count=len(ordered) + (len(located.records) if located else 0),
            practices=self.cards(view, ordered) if ordered else None,
            located=nearby,
            others=sections,
            refine=self.refinements(view, ordered, *browse) if browse else None,
        )
        return Page(path, view.language, heading, "browse", html=html)

    def browse_index(self, kind: str, lang: str) -> Page:
        path = browse_index(kind)
        view = View(self.index, lang, path)
        browse = self.registry.browse(kind)
        primary = self.index.primary.name
        if browse.vocabulary is None:
            municipalities = self.index.municipalities
            labelled = self.index.sort_labels(((k, m.names[lang]) for k, m in municipalities.items()), lang)
            counts = {k: len(m.records) + len(self.places.located(m)) for k, m in municipalities.items()}
            linked = set(counts)
        else:
            vocabulary = self.index.vocabularies[browse.vocabulary]
            counts = {k: len(v.get(primary, [])) for k, v in self.index.groups[kind].items()}
            linked = self.index.browse_keys(kind)
            numbered = all(isinstance(term.key, int) for term in vocabulary)
            if numbered:  # SDGs keep their numbers and their order, and every one is listed
                labelled = [(term.key, view.term(browse.vocabulary, term.key)) for term in vocabulary]
            else:
                terms = [(term.key, term.label(lang)) for term in vocabulary]
                labelled = self.index.sort_labels(terms, lang)
                if kind != "provinces":  # every province is listed, with or without practices
                    labelled = [(k, label) for k, label in labelled if k in linked]
        items = [(k, label, counts.get(k, 0), k in linked) for k, label in labelled]
        heading = self.kind_title(kind, lang)
        return Page(
            path,
            view.language,
            heading,
            "index",
            html=render("browse/index.html", v=view, heading=heading, kind=kind, items=items),
        )

    def browse_home(self, lang: str) -> Page:
        view = View(self.index, lang, BROWSE_HOME)
        kinds = [(b.kind, self.kind_title(b.kind, lang)) for b in self.registry.browses]
        return Page(
            view.here, view.language, view.t("browse"), "index", html=render("browse/home.html", v=view, kinds=kinds)
        )

    # --- home --------------------------------------------------------------------------------------

    def home_fragments(self, lang: str, here: str = "index") -> dict[str, str]:
        """The generated parts a hand-written page can include, with links relative to ``here``."""
        view = View(self.index, lang, here)
        primary = self.index.primary
        records = self.index.records(primary.name)
        provinces = {r.data.get("province") for r in records}
        stats = [
            (len(records), f"stats_{primary.folder}", primary.catalog),
            # The municipalities the linked page lists (implementers of a municipal kind), not every organisation.
            (len(self.index.municipalities), "stats_municipalities", "municipalities/index"),
            (len(provinces), "stats_provinces", "provinces/index"),
            *((len(self.index.records(c.name)), f"stats_{c.folder}", c.catalog) for c in self.registry.collections[1:]),
        ]

        def terms(kind: str, see_all: str | None = None) -> str:
            vocabulary = self.registry.browse(kind).vocabulary or ""
            groups = self.index.groups[kind]
            counted = {k: len(v.get(primary.name, [])) for k, v in groups.items() if v.get(primary.name)}
            labelled = self.index.sort_labels(((k, view.label(vocabulary, k)) for k in counted), lang)
            items = [(k, label, counted[k]) for k, label in labelled]
            return render("home/terms.html", v=view, kind=kind, items=items, see_all=see_all)

        ways = [(primary.catalog, view.t(primary.folder))]
        ways += [(f"{b.kind}/index", self.kind_title(b.kind, lang)) for b in self.registry.browses]
        ways += [(c.catalog, view.t(c.folder)) for c in self.registry.collections[1:]]
        fragments = {
            "search": render("home/search.html", v=view),
            "ways": render("home/ways.html", v=view, ways=ways),
            "stats": render("home/stats.html", v=view, stats=stats),
            "browse-themes": terms("themes"),
            "browse-provinces": terms("provinces", "provinces/index"),
        }
        for number, collection in enumerate(self.registry.collections):
            latest = self.index.newest_first(self.index.records(collection.name))[: 6 if number == 0 else 4]
            fragments[f"latest-{collection.folder}"] = render(
                "home/cards.html", v=view, cards=self.cards(view, latest), see_all=collection.catalog
            )
        return fragments
