"""The page of one record in one language, whatever its collection.

This module gathers what a record page shows; ``templates/record/*.html`` decide how it looks (the
collection's own template, or ``record/record.html``). What is gathered depends on the record's fields, not
on its collection: implementers, dates, funding and beneficiaries where the record has them, the records it
names and the records that name it in every collection, and similar records where the registry gives weights.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from mpchub.content.body import rendered as render_body  # the check rendered it already in this process
from mpchub.content.corpus import Record
from mpchub.content.dates import year_of
from mpchub.content.organisations import is_municipality, municipality_key
from mpchub.content.registry import Language
from mpchub.content.reuse import Memo
from mpchub.content.stuffing import left_out_of_search
from mpchub.render.templates import exists, render, sanitised
from mpchub.render.urls import browse_path
from mpchub.site.index import SiteIndex, values
from mpchub.site.search_meta import result_meta
from mpchub.site.view import View


@dataclass
class Page:
    """A generated page: where it lives, what MkDocs needs to know about it, and its HTML.

    ``html`` is spliced in after MkDocs' Markdown step, so generated HTML is never parsed as Markdown;
    ``markdown`` is for the few generated pages that are Markdown (the field reference).
    """

    path: str  # without language suffix or extension, e.g. "practices/sisli-acik-ev"
    language: Language
    title: str
    kind: str  # a collection's name for record pages; listing, browse, index, reference
    html: str | None = None
    markdown: str = ""
    description: str = ""
    source: str | None = None  # the record file a visitor may suggest changes to
    translated: bool = True  # False: a page in another language showing a master-only record
    canonical: str | None = None  # for an untranslated record: the master page's URL, for search engines
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text) for the toc
    searchable: bool = True  # False: left out of the search index (a record written as a list of search words)

    @property
    def lang(self) -> str:
        return self.language.code

    @property
    def url(self) -> str:
        return self.language.url(self.path)

    @property
    def source_path(self) -> str:
        """The staged source file MkDocs builds the page from: ``practices/x.md`` or ``practices/x.en.md``."""
        return self.language.source(self.path)


class Fields(dict):
    """A record's fields for templates: an optional field that is absent reads as None, at any depth
    (the templates' environment is strict about every other undefined name)."""

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__((key, _fields(value)) for key, value in data.items())

    def __missing__(self, key: str) -> None:
        return None


def _fields(value: Any) -> Any:
    if isinstance(value, dict):
        return Fields(value)
    if isinstance(value, list):
        return [_fields(item) for item in value]
    return value


def _records_in(context: dict[str, Any]) -> list[Record]:
    """The other records a page shows: its context's values that are records, or lists or dicts holding them."""
    found = []
    for value in context.values():
        items = value.values() if isinstance(value, dict) else [value]
        for item in items:
            for one in item if isinstance(item, list) else [item]:
                if isinstance(one, Record):
                    found.append(one)
    return found


# What a record page shows of its record beyond its fields; the exports add its citation and structured data.
Extras = Callable[[Record, str], dict[str, Markup]]


class RecordPages:
    """Renders record pages. ``outdated`` holds (record key, language) of translations older than their master.

    ``extras(record, lang)`` adds what other parts of the hub make for a record page (its citation block and
    JSON-LD, from the exports); the site does not import them. ``memo`` (``Reuse.pages``, under ``mkdocs serve``)
    keeps pages from earlier builds. A page is made from its record, the fields of the records it shows (every
    ``Record`` in what ``shown`` returns; never their bodies), the vocabularies and the language; the key
    holds all of them but the vocabularies, whose change empties the memo."""

    def __init__(
        self,
        index: SiteIndex,
        outdated: set[tuple[str, str]] | None = None,
        site_url: str | None = None,
        memo: Memo | None = None,
        extras: Extras | None = None,
    ) -> None:
        self.index = index
        self.outdated = outdated or set()
        self.site_url = site_url
        self.memo = memo
        self.extras = extras or (lambda record, lang: {})

    def page(self, record: Record, lang: str) -> Page:
        view = View(self.index, lang, record.path)
        shown = self.shown(record, view)
        if self.memo is None:
            return self._page(record, view, shown)
        others = tuple(r.fields_fingerprint for r in _records_in(shown))
        key = (record.fingerprint, lang, self._outdated(record, lang), self.site_url, others)
        return self.memo.get(key, lambda: self._page(record, view, shown))

    def shown_records(self, record: Record, lang: str) -> list[Record]:
        """The other records the page of ``record`` in ``lang`` shows: what its memo key is made of."""
        return _records_in(self.shown(record, View(self.index, lang, record.path)))

    def _outdated(self, record: Record, lang: str) -> bool:
        return (record.key, lang) in self.outdated

    def _page(self, record: Record, view: View, shown: dict[str, Any]) -> Page:
        lang = view.lang
        fields = Fields(record.fields(lang))
        body = render_body(record.body(lang))
        collection = record.collection
        context: dict[str, Any] = {
            "v": view,
            "record": record,
            "c": collection.name,
            "fields": fields,
            "body": sanitised(body.html),
            "outdated": self._outdated(record, lang),
            "filters": self.search_filters(record, view),
            **self.extras(record, lang),
            "search_meta": result_meta(record, view),
            **shown,
        }
        translated = record.has_language(lang)
        master = self.index.registry.master
        return Page(
            path=record.path,
            language=view.language,
            title=str(fields.get("title", record.slug)),
            kind=collection.name,
            html=render(collection.template_for(exists), **context),
            description=" ".join(str(fields.get("summary") or fields.get("abstract") or "").split())[:300],
            source=record.file(lang).relpath,
            translated=translated,
            canonical=None if translated else master.url(record.path),
            headings=[(h.level, h.id, h.text) for h in body.headings],
            searchable=not left_out_of_search(record.master, record.translation(lang)),
        )

    def search_filters(self, record: Record, view: View) -> list[tuple[str, str]]:
        """Pagefind facets for this page, carried as attribute values so that they are not indexed as text."""
        data = record.data
        pairs = [("type", view.t(f"type_{record.collection.name}"))]
        pairs += [("theme", view.label("themes", k)) for k in values(record, "themes")]
        pairs += [("group", view.label("target-groups", k)) for k in values(record, "target_groups")]
        provinces = values(record, "province") or values(record, "geographic_scope")
        pairs += [("province", view.label("provinces", k)) for k in provinces]
        year = data.get("year") or year_of(data.get("start_date"))
        if year:
            pairs.append(("year", str(year)))
        return pairs

    # --- what a page shows besides the record's own fields ---------------------------------------------

    def shown(self, record: Record, view: View) -> dict[str, Any]:
        """The records a page links to, and the values of its fields as the page words them."""
        index = self.index
        links: dict[str, list[Record]] = {}
        for collection in index.registry.collections:
            named = index.named(record, collection.name)
            linked = named + [r for r in index.backlinks(record, collection.name) if r not in named and r is not record]
            links[collection.name] = linked
        shown: dict[str, Any] = {
            "links": links,
            "similar": index.related.get(record.key, []),
            "implementers": self._implementers(record, view),
            "dates": self._dates(record, view),
            "funding": self._funding(record, view),
            "beneficiaries": self._beneficiaries(record, view),
        }
        return shown

    def _implementers(self, record: Record, view: View) -> list[dict[str, Any]]:
        found = []
        for org in values(record, "implementers"):
            found.append(
                {
                    "name": view.org_name(org),
                    "browse": browse_path("municipalities", municipality_key(org["name"]))
                    if is_municipality(org)
                    else None,
                    "kind": view.label("organisation-kinds", org["kind"]),
                    "unit": view.named(org, "unit"),
                }
            )
        return found

    def _dates(self, record: Record, view: View) -> str:
        start, end = record.data.get("start_date"), record.data.get("end_date")
        if start and end:
            return f"{view.date(start)} – {view.date(end)}"
        return view.t("since", start=view.date(start)) if start else ""

    def _funding(self, record: Record, view: View) -> list[str]:
        fund = record.data.get("funding")
        if not isinstance(fund, dict):
            return []
        found = [view.label("funding-sources", s) for s in fund.get("sources", [])]
        if fund.get("programme"):
            found.append(fund["programme"])
        if fund.get("amount"):
            found.append(f"{view.number(fund['amount'])} {fund.get('currency', '')}".strip())
        return found

    def _beneficiaries(self, record: Record, view: View) -> list[str]:
        found = []
        for entry in values(record, "beneficiaries"):
            text = (
                f"{view.number(entry['count'])} — {view.label('beneficiary-counts', entry['counts'])}, "
                f"{view.label('periods', entry['period']).lower()}"
            )
            found.append(text + (f" ({entry['year']})" if entry.get("year") else ""))
        return found
