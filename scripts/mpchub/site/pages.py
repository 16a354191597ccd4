"""The page of one record (practice, recommendation, publication) in one language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mpchub.corpus import Record
from mpchub.site import html
from mpchub.site.formatting import date, esc, number, year_of
from mpchub.site.index import SiteIndex, title, values
from mpchub.site.strings import t
from mpchub.site.urls import browse_path, municipality_key, relative, url

REPO_PLACEHOLDER = "{repo}"


@dataclass
class Page:
    """A generated page: where its source goes (suffix layout) and its Markdown with front matter."""

    path: str  # without language suffix or extension, e.g. "practices/sisli-acik-ev"
    lang: str
    content: str


class RecordPages:
    """Renders record pages. ``edit_base`` is the URL prefix of the repository's edit view, if known."""

    def __init__(self, index: SiteIndex, edit_base: str | None = None, outdated: set[str] | None = None) -> None:
        self.index = index
        self.schemas = index.corpus.schemas
        self.edit_base = edit_base
        self.outdated = outdated or set()  # "collection:slug" of twins older than their master

    # --- helpers ---------------------------------------------------------------------------------

    def field_label(self, collection: str, name: str, lang: str) -> str:
        spec = self.schemas.schema(collection, twin=False)["properties"].get(name, {})
        return spec.get("x-label", {}).get(lang, name)

    def link_to(self, here: str, path: str, lang: str, text: str) -> str:
        return html.a(relative(url(here, lang), url(path, lang)), text)

    def term_links(self, here: str, kind: str, vocabulary: str, keys: list[Any], lang: str) -> str:
        return html.ul(
            (self.link_to(here, browse_path(kind, k), lang, self._term_text(vocabulary, k, lang)) for k in keys),
            "mpc-terms",
        )

    def _term_text(self, vocabulary: str, key: Any, lang: str) -> str:
        label = self.index.label(vocabulary, key, lang)
        return f"{key}. {label}" if isinstance(key, int) else label

    def terms(self, vocabulary: str, keys: list[Any], lang: str) -> str:
        return html.ul((esc(self._term_text(vocabulary, k, lang)) for k in keys), "mpc-terms")

    def record_link(self, here: str, record: Record, lang: str) -> str:
        link = self.link_to(here, f"{record.collection.folder}/{record.slug}", lang, title(record, lang))
        if lang != "tr" and not record.has_language(lang):
            link += f' <span class="mpc-badge" lang="{lang}">{esc(t(lang, "turkish_only"))}</span>'
        return link

    def sources(self, record: Record) -> str:
        items = []
        for source in values(record, "sources"):
            text = html.a(source["url"], source["title"], rel="noopener nofollow")
            if source.get("publisher"):
                text += f" — {esc(source['publisher'])}"
            items.append(text)
        return html.ul(items)

    def classification(self, record: Record, here: str, lang: str) -> list[tuple[str, str]]:
        """Themes, target groups, SDGs (linked to their browse pages) and GCM objectives, for any record."""
        label = lambda name: self.field_label(record.collection.name, name, lang)  # noqa: E731
        return [
            (label("themes"), self.term_links(here, "themes", "themes", values(record, "themes"), lang)),
            (
                label("target_groups"),
                self.term_links(here, "target-groups", "target-groups", values(record, "target_groups"), lang),
            ),
            (label("sdgs"), self.term_links(here, "sdgs", "sdgs", values(record, "sdgs"), lang)),
            (label("gcm_objectives"), self.terms("gcm-objectives", values(record, "gcm_objectives"), lang)),
        ]

    def panel(self, rows: list[tuple[str, str]]) -> str:
        body = "".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in rows if value)
        return f'<dl class="mpc-panel">{body}</dl>'

    def org_name(self, org: dict[str, Any], lang: str) -> str:
        return str(org.get("name_en") if lang == "en" and org.get("name_en") else org["name"])

    def search_filters(self, record: Record, lang: str) -> str:
        """Pagefind facets for this page, as attribute values (so they are not indexed as text)."""
        f = record.data
        year = f.get("year") or year_of(f.get("start_date"))
        pairs = [("type", t(lang, f"type_{record.collection.name}"))]
        pairs += [("theme", self.index.label("themes", k, lang)) for k in values(record, "themes")]
        pairs += [("group", self.index.label("target-groups", k, lang)) for k in values(record, "target_groups")]
        provinces = values(record, "province") or values(record, "geographic_scope")
        pairs += [("province", self.index.label("provinces", k, lang)) for k in provinces]
        if year:
            pairs.append(("year", str(year)))
        spans = "".join(
            f'<span data-pagefind-filter="{name}[data-value]" data-value="{esc(value)}"></span>'
            for name, value in pairs
        )
        return f'<div hidden class="mpc-search-filters">{spans}</div>'

    def shell(self, record: Record, lang: str, lead: str, panel: str, extra: str = "") -> str:
        """Title, notice, lead, panel, body, extras and the change links, in that order."""
        here = f"{record.collection.folder}/{record.slug}"
        fields = record.fields(lang)
        translated = record.has_language(lang)
        notice = ""
        original = esc(relative(url(here, lang), url(here, "tr")))
        if not translated:
            notice = f'<p class="mpc-notice" role="note">{t(lang, "untranslated_notice", url=original)}</p>'
        elif lang != "tr" and f"{record.collection.name}:{record.slug}" in self.outdated:
            notice = (
                f'<p class="mpc-notice mpc-notice--outdated" role="note">{t(lang, "outdated_notice", url=original)}</p>'
            )
        content_lang = "" if translated else ' lang="tr"'
        header = (
            f'<div class="mpc-record mpc-{record.collection.name}"{content_lang}>'
            f"<h1>{esc(fields.get('title', record.slug))}</h1>{notice}{lead}{panel}"
            f"{self.search_filters(record, lang)}</div>"
        )
        body = record.body(lang).strip()
        body_block = f'<div class="mpc-body" lang="tr" markdown="1">\n\n{body}\n\n</div>' if not translated else body
        source = f"{record.collection.folder}/{record.slug}{'.md' if lang == 'tr' or not translated else '.en.md'}"
        actions = []
        if self.edit_base:
            actions.append(html.a(f"{self.edit_base}{source}", t(lang, "suggest_change"), rel="nofollow"))
        meta = {
            "title": esc(fields.get("title", record.slug)),
            "description": esc(" ".join(str(fields.get("summary") or fields.get("abstract") or "").split())[:300]),
            "mpchub": {
                "kind": record.collection.name,
                "source": source,
                "translated": translated,
                "canonical": None if translated else url(here, "tr"),
            },
        }
        footer = f'<p class="mpc-actions">{" · ".join(actions)}</p>' if actions else ""
        return html.front_matter(meta) + header + "\n\n" + body_block + "\n\n" + extra + footer + "\n"

    # --- practice ----------------------------------------------------------------------------------

    def practice(self, record: Record, lang: str) -> Page:
        here = f"practices/{record.slug}"
        f = record.fields(lang)
        label = lambda name: self.field_label("practice", name, lang)  # noqa: E731
        implementers = []
        for org in values(record, "implementers"):
            name = self.org_name(org, lang)
            if org.get("kind") in (
                "metropolitan-municipality",
                "provincial-municipality",
                "district-municipality",
                "town-municipality",
            ):
                name_html = self.link_to(here, browse_path("municipalities", municipality_key(org["name"])), lang, name)
            else:
                name_html = esc(name)
            detail = esc(self.index.label("organisation-kinds", org["kind"], lang))
            unit = org.get("unit_en") if lang == "en" and org.get("unit_en") else org.get("unit")
            implementers.append(f"{name_html} <small>({detail}{', ' + esc(unit) if unit else ''})</small>")
        place = self.link_to(
            here, browse_path("provinces", f["province"]), lang, self.index.label("provinces", f["province"], lang)
        )
        if f.get("district"):
            place = f"{esc(f['district'])}, {place}"
        dates = ""
        if f.get("start_date") and f.get("end_date"):
            dates = f"{esc(date(f['start_date'], lang))} – {esc(date(f['end_date'], lang))}"
        elif f.get("start_date"):
            dates = esc(t(lang, "since", start=date(f["start_date"], lang)))
        kind_of = lambda org: esc(self.index.label("organisation-kinds", org["kind"], lang))  # noqa: E731
        partners = [f"{esc(self.org_name(p, lang))} <small>({kind_of(p)})</small>" for p in values(record, "partners")]
        funding = ""
        if isinstance(f.get("funding"), dict):
            fund = f["funding"]
            parts = [esc(self.index.label("funding-sources", s, lang)) for s in fund.get("sources", [])]
            if fund.get("programme"):
                parts.append(esc(fund["programme"]))
            if fund.get("amount"):
                parts.append(esc(f"{number(fund['amount'], lang)} {fund.get('currency', '')}".strip()))
            funding = " · ".join(parts)
        beneficiaries = []
        for entry in values(record, "beneficiaries"):
            text = (
                f"{number(entry['count'], lang)} — {self.index.label('beneficiary-counts', entry['counts'], lang)}, "
                f"{self.index.label('periods', entry['period'], lang).lower()}"
            )
            if entry.get("year"):
                text += f" ({entry['year']})"
            beneficiaries.append(esc(text))
        contact = []
        if isinstance(f.get("contact"), dict):
            c = f["contact"]
            if c.get("unit"):
                contact.append(esc(c["unit"]))
            if c.get("email"):
                contact.append(html.a(f"mailto:{c['email']}", c["email"]))
            if c.get("phone"):
                contact.append(html.a(f"tel:{c['phone'].replace(' ', '')}", c["phone"]))
            if c.get("url"):
                contact.append(html.a(c["url"], c["url"], rel="noopener nofollow"))
        rows = [
            (label("implementers"), "<br>".join(implementers)),
            (t(lang, "where"), place),
            (t(lang, "dates"), dates),
            (label("status"), esc(self.index.label("practice-statuses", f["status"], lang))),
            (label("practice_type"), esc(self.index.label("practice-types", f["practice_type"], lang))),
            (label("scale"), esc(self.index.label("scales", f["scale"], lang))),
            *self.classification(record, here, lang),
            (label("context"), esc(f.get("context", ""))),
            (label("objectives"), html.text_list(f.get("objectives", []))),
            (label("activities"), html.text_list(f.get("activities", []))),
            (label("resources"), esc(f.get("resources", ""))),
            (label("partners"), html.ul(partners)),
            (label("funding"), funding),
            (label("beneficiaries"), html.ul(beneficiaries)),
            (label("outputs"), html.text_list(f.get("outputs", []))),
            (label("outcomes"), html.text_list(f.get("outcomes", []))),
            (label("challenges"), html.text_list(f.get("challenges", []))),
            (label("lessons"), html.text_list(f.get("lessons", []))),
            (label("next_steps"), html.text_list(f.get("next_steps", []))),
            (label("transferability"), esc(f.get("transferability", ""))),
            (label("contact"), "<br>".join(contact)),
            (label("sources"), self.sources(record)),
            (label("verification"), esc(self.index.label("verification-levels", f["verification"], lang))),
            (label("last_reviewed"), esc(date(f["last_reviewed"], lang))),
            (label("caveats"), html.text_list(f.get("caveats", []))),
        ]
        extra = (
            self.section(here, "related", self.index.related.get(record.slug, []), lang, "mpc-related")
            + self.section(
                here, "related_publications", self.named(record, "related_publications", "publication"), lang
            )
            + self.section(
                here, "related_recommendations", self.named(record, "related_recommendations", "recommendation"), lang
            )
        )
        lead = f'<p class="mpc-lead">{esc(f["summary"])}</p>'
        return Page(here, lang, self.shell(record, lang, lead, self.panel(rows), extra))

    def named(self, record: Record, field_name: str, collection: str) -> list[Record]:
        """The records of ``collection`` that ``record`` names in ``field_name`` (unknown ids never pass check)."""
        return [r for slug in values(record, field_name) if (r := self.index.record(collection, slug))]

    def section(self, here: str, heading: str, records: list[Record], lang: str, cls: str = "mpc-linked") -> str:
        """A titled list of links to records; nothing when there are none."""
        if not records:
            return ""
        links = html.ul(self.record_link(here, r, lang) for r in records)
        return f'<section class="{cls}"><h2>{esc(t(lang, heading))}</h2>{links}</section>\n\n'

    # --- recommendation ------------------------------------------------------------------------------

    def recommendation(self, record: Record, lang: str) -> Page:
        here = f"recommendations/{record.slug}"
        f = record.fields(lang)
        label = lambda name: self.field_label("recommendation", name, lang)  # noqa: E731
        origin = f.get("origin", {})
        origin_parts = [esc(self.index.label("origin-kinds", origin.get("kind"), lang))]
        publication = (
            self.index.record("publication", origin.get("publication", "")) if origin.get("publication") else None
        )
        if publication:
            origin_parts.append(self.record_link(here, publication, lang))
        if origin.get("pages"):
            origin_parts.append(f"{esc(t(lang, 'pages'))} {esc(origin['pages'])}")
        if origin.get("date"):
            origin_parts.append(esc(date(origin["date"], lang)))
        rows = [
            (label("origin"), ", ".join(origin_parts)),
            (label("addressees"), self.terms("addressees", values(record, "addressees"), lang)),
            (label("level"), esc(self.index.label("recommendation-levels", f["level"], lang))),
            (label("year"), esc(f["year"])),
            (label("status"), esc(self.index.label("recommendation-statuses", f["status"], lang))),
            *self.classification(record, here, lang),
            (label("evidence"), html.text_list(f.get("evidence", []))),
            (label("sources"), self.sources(record)),
            (label("last_reviewed"), esc(date(f["last_reviewed"], lang))),
        ]
        extra = self.section(here, "related", self.named(record, "related_practices", "practice"), lang, "mpc-related")
        lead = f'<p class="mpc-lead">{esc(f["summary"])}</p>'
        return Page(here, lang, self.shell(record, lang, lead, self.panel(rows), extra))

    # --- publication ---------------------------------------------------------------------------------

    def citation(self, record: Record, lang: str) -> str:
        """A ready-made citation in APA style: Surname, I. (Year). Title. Publisher."""
        f = record.fields(lang)
        names = []
        for author in values(record, "authors"):
            parts = str(author["name"]).split()
            surname, given = parts[-1], parts[:-1]
            initials = " ".join(f"{p.rstrip('.')[0]}." for p in given if p.rstrip("."))
            names.append(f"{surname}, {initials}".strip(", "))
        if len(names) > 1:
            authors = ", ".join(names[:-1]) + (", & " if lang == "en" else " ve ") + names[-1]
        else:
            authors = names[0] if names else ""
        year = f.get("year") or ("t.y." if lang == "tr" else "n.d.")
        publisher = f.get("publisher_en") if lang == "en" and f.get("publisher_en") else f.get("publisher")
        authors = authors or str(publisher)  # an institutional publication: the publisher is the author
        text = f"{authors} ({year}). {f['title']}"
        if f.get("subtitle"):
            text += f": {f['subtitle']}"
        text += f". {publisher}."
        return text

    def publication(self, record: Record, lang: str) -> Page:
        here = f"publications/{record.slug}"
        f = record.fields(lang)
        label = lambda name: self.field_label("publication", name, lang)  # noqa: E731
        authors = [
            f"{esc(a['name'])} <small>({esc(self.index.label('author-roles', a['role'], lang))})</small>"
            for a in values(record, "authors")
        ]
        editions = []
        for edition in values(record, "editions"):
            parts = [f"<strong>{esc(self.index.label('languages', edition['lang'], lang))}</strong>"]
            if edition.get("title"):
                parts.append(f'<span lang="{esc(edition["lang"])}">{esc(edition["title"])}</span>')
            if edition.get("url"):
                parts.append(
                    html.a(edition["url"], t(lang, "edition_link"), hreflang=edition["lang"], rel="noopener nofollow")
                )
            if edition.get("isbn"):
                parts.append(f"ISBN {esc(edition['isbn'])}")
            editions.append(" · ".join(parts))
        publisher = f.get("publisher_en") if lang == "en" and f.get("publisher_en") else f.get("publisher")
        scope = [
            self.link_to(here, browse_path("provinces", p), lang, self.index.label("provinces", p, lang))
            for p in values(record, "geographic_scope")
        ]
        rows = [
            (label("publication_type"), esc(self.index.label("publication-types", f["publication_type"], lang))),
            (label("year"), esc(f.get("year", ""))),
            (label("date"), esc(date(f["date"], lang)) if f.get("date") else ""),
            (label("authors"), html.ul(authors)),
            (label("publisher"), esc(publisher)),
            (
                label("series"),
                esc(f.get("series", "")) + (f" ({esc(f['series_number'])})" if f.get("series_number") else ""),
            ),
            (label("project"), esc(f.get("project", ""))),
            (t(lang, "editions"), html.ul(editions)),
            (label("pages"), esc(f.get("pages", ""))),
            (label("methodology"), esc(f.get("methodology", ""))),
            (label("geographic_scope"), html.ul(scope, "mpc-terms")),
            *self.classification(record, here, lang),  # publications have no SDG or GCM fields: rows stay empty
            (t(lang, "cite"), f'<p class="mpc-citation">{esc(self.citation(record, lang))}</p>'),
            (label("sources"), self.sources(record)),
            (label("last_reviewed"), esc(date(f["last_reviewed"], lang))),
            (label("caveats"), html.text_list(f.get("caveats", []))),
        ]
        practices = self.named(record, "related_practices", "practice")
        practices += [p for p in self.index.backlinks("publication", record.slug, "practice") if p not in practices]
        recommendations = self.index.backlinks("publication", record.slug, "recommendation")
        extra = self.section(
            here, "related", self.index.sort_by_title(practices, lang), lang, "mpc-related"
        ) + self.section(here, "related_recommendations", recommendations, lang)
        subtitle = f'<p class="mpc-subtitle">{esc(f["subtitle"])}</p>' if f.get("subtitle") else ""
        lead = f'{subtitle}<p class="mpc-lead">{esc(f["abstract"])}</p>'
        return Page(here, lang, self.shell(record, lang, lead, self.panel(rows), extra))
