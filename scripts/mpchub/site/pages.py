"""The page of one record (practice, recommendation, publication) in one language.

This module gathers what a record page shows; ``templates/record/*.html`` decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from mpchub import exports
from mpchub.body import RenderedBody
from mpchub.body import render as render_body
from mpchub.corpus import Record
from mpchub.languages import MASTER
from mpchub.reuse import Memo
from mpchub.site.formatting import number, year_of
from mpchub.site.index import MUNICIPALITY_KINDS, SiteIndex, values
from mpchub.site.search_meta import result_meta
from mpchub.site.templates import render, sanitised
from mpchub.site.urls import browse_path, municipality_key, record_path, url
from mpchub.site.view import View


@dataclass
class Page:
    """A generated page: where it lives, what MkDocs needs to know about it, and its HTML.

    ``html`` is spliced in after MkDocs' Markdown step, so generated HTML is never parsed as Markdown;
    ``markdown`` is for the few generated pages that are Markdown (the field reference).
    """

    path: str  # without language suffix or extension, e.g. "practices/sisli-acik-ev"
    lang: str
    title: str
    kind: str  # practice, recommendation, publication, listing, browse, index, reference
    html: str | None = None
    markdown: str = ""
    description: str = ""
    source: str | None = None  # the record file a visitor may suggest changes to
    translated: bool = True  # False: an English page showing a Turkish-only record
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text) for the toc

    @property
    def url(self) -> str:
        return url(self.path, self.lang)

    @property
    def canonical(self) -> str | None:
        """An untranslated record's English page points search engines at the original."""
        return None if self.translated else url(self.path, MASTER)


@lru_cache(maxsize=8192)
def _body(source: str) -> RenderedBody:
    """A body rendered once per text: an untranslated record's English page shows the Turkish body, and under
    ``mkdocs serve`` every rebuild asks again for every unchanged body. Read-only for callers."""
    return render_body(source)


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
    """The other records a page shows: its context's values that are records or lists holding records."""
    found = []
    for value in context.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Record):
                found.append(item)
    return found


class RecordPages:
    """Renders record pages. ``outdated`` holds the keys of English twins older than their master.

    ``memo`` (``Reuse.pages``, under ``mkdocs serve``) keeps pages from earlier builds. A page is made from
    its record, the fields of the records it shows (related practices, cited publications, …: every
    ``Record`` in what ``_practice``, ``_recommendation`` or ``_publication`` return; never their bodies),
    the vocabularies and the language; the key holds all of them but the vocabularies, whose change
    empties the memo."""

    def __init__(
        self,
        index: SiteIndex,
        outdated: set[str] | None = None,
        site_url: str | None = None,
        memo: Memo | None = None,
    ) -> None:
        self.index = index
        self.outdated = outdated or set()
        self.site_url = site_url
        self.memo = memo

    def page(self, record: Record, lang: str) -> Page:
        here = record_path(record.collection.folder, record.slug)
        view = View(self.index, lang, here)
        shown = getattr(self, f"_{record.collection.name}")(record, view)
        if self.memo is None:
            return self._page(record, view, shown)
        others = tuple(r.fields_fingerprint for r in _records_in(shown))
        key = (record.fingerprint, lang, lang != MASTER and record.key in self.outdated, self.site_url, others)
        return self.memo.get(key, lambda: self._page(record, view, shown))

    def shown(self, record: Record, lang: str) -> list[Record]:
        """The other records the page of ``record`` in ``lang`` shows: what its memo key is made of."""
        view = View(self.index, lang, record_path(record.collection.folder, record.slug))
        return _records_in(getattr(self, f"_{record.collection.name}")(record, view))

    def _page(self, record: Record, view: View, shown: dict[str, Any]) -> Page:
        lang, here = view.lang, view.here
        fields = Fields(record.fields(lang))
        body = _body(record.body(lang))
        context: dict[str, Any] = {
            "v": view,
            "record": record,
            "c": record.collection.name,
            "fields": fields,
            "body": sanitised(body.html),
            "outdated": lang != MASTER and record.key in self.outdated,
            "filters": self.search_filters(record, view),
            "search_meta": result_meta(record, view),
            # mpchub.exports renders both with the same autoescaping environment: safe to insert as markup
            "citation": Markup(exports.citation_html(record, lang, self.site_url, heading=False)),
            "structured_data": Markup(exports.jsonld_html(self.index.corpus, record, lang, self.site_url)),
            **shown,
        }
        translated = record.has_language(lang)
        source_lang = lang if translated else MASTER
        return Page(
            path=here,
            lang=lang,
            title=str(fields.get("title", record.slug)),
            kind=record.collection.name,
            html=render(f"record/{record.collection.name}.html", **context),
            description=" ".join(str(fields.get("summary") or fields.get("abstract") or "").split())[:300],
            source=f"{record.collection.folder}/{record.slug}{'.md' if source_lang == MASTER else '.en.md'}",
            translated=translated,
            headings=[(h.level, h.id, h.text) for h in body.headings],
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

    def named(self, record: Record, field_name: str, collection: str) -> list[Record]:
        """The records of ``collection`` that ``record`` names in ``field_name`` (unknown ids never pass check)."""
        return [r for slug in values(record, field_name) if (r := self.index.record(collection, slug))]

    # --- what each collection adds -----------------------------------------------------------------

    def _practice(self, record: Record, view: View) -> dict[str, Any]:
        f = record.fields(view.lang)
        implementers = []
        for org in values(record, "implementers"):
            unit = org.get("unit_en") if view.lang == "en" and org.get("unit_en") else org.get("unit")
            municipal = org.get("kind") in MUNICIPALITY_KINDS
            implementers.append(
                {
                    "name": view.org_name(org),
                    "browse": browse_path("municipalities", municipality_key(org["name"])) if municipal else None,
                    "kind": view.label("organisation-kinds", org["kind"]),
                    "unit": unit,
                }
            )
        dates = ""
        if f.get("start_date") and f.get("end_date"):
            dates = f"{view.date(f['start_date'])} – {view.date(f['end_date'])}"
        elif f.get("start_date"):
            dates = view.t("since", start=view.date(f["start_date"]))
        funding: list[str] = []
        if isinstance(f.get("funding"), dict):
            fund = f["funding"]
            funding = [view.label("funding-sources", s) for s in fund.get("sources", [])]
            if fund.get("programme"):
                funding.append(fund["programme"])
            if fund.get("amount"):
                funding.append(f"{number(fund['amount'], view.lang)} {fund.get('currency', '')}".strip())
        beneficiaries = []
        for entry in values(record, "beneficiaries"):
            text = (
                f"{view.number(entry['count'])} — {view.label('beneficiary-counts', entry['counts'])}, "
                f"{view.label('periods', entry['period']).lower()}"
            )
            beneficiaries.append(text + (f" ({entry['year']})" if entry.get("year") else ""))
        return {
            "implementers": implementers,
            "dates": dates,
            "funding": funding,
            "beneficiaries": beneficiaries,
            "related": self.index.related.get(record.slug, []),
            "related_publications": self.named(record, "related_publications", "publication"),
            "related_recommendations": self.named(record, "related_recommendations", "recommendation"),
        }

    def _recommendation(self, record: Record, view: View) -> dict[str, Any]:
        origin = record.data.get("origin") or {}
        publication = origin.get("publication")
        return {
            "origin_publication": self.index.record("publication", publication) if publication else None,
            "related": self.named(record, "related_practices", "practice"),
        }

    def _publication(self, record: Record, view: View) -> dict[str, Any]:
        f = record.fields(view.lang)
        practices = self.named(record, "related_practices", "practice")
        practices += [p for p in self.index.backlinks("publication", record.slug, "practice") if p not in practices]
        return {
            "publisher": f.get("publisher_en") if view.lang == "en" and f.get("publisher_en") else f.get("publisher"),
            "related": self.index.sort_by_title(practices, view.lang),
            "related_recommendations": self.index.backlinks("publication", record.slug, "recommendation"),
        }
