"""schema.org JSON-LD for each record page, for search engines and link previews.

* a record cited as the hub's page about it (a practice, a recommendation: registry ``citation.type:
  page``) is a ``CreativeWork``: ``spatialCoverage`` is its province (and district), ``about`` its themes,
  ``author`` its implementing organisations (or the MPC), ``dateModified`` its ``last_reviewed``.
  schema.org's ``Project`` is an Organization, which has none of these properties, so it does not fit;
* a publication (``citation.type: work``) is a ``Book`` when an edition has an ISBN, a ``Report``
  otherwise.

The script element carries data, not code; ``<``, ``>`` and ``&`` are written as JSON escapes so that no
contributor text can close the element (``</script>``) or open a comment.
"""

from __future__ import annotations

import json
from typing import Any

from mpchub.content.corpus import Corpus, Record
from mpchub.content.organisations import in_language, is_municipality, org_name

from . import hub

CONTEXT = "https://schema.org"


def _term(corpus: Corpus, vocabulary: str, key: Any, lang: str, site_url: str | None) -> dict[str, Any]:
    """A vocabulary key; its set is the absolute address of the vocabulary's browse index (themes/), which
    lists every term, or the vocabulary's name when the site's address is not known."""
    vocab = corpus.schemas.vocabularies[vocabulary]
    index = hub.absolute(site_url, corpus.registry.language(lang).url(f"{vocabulary}/index"))
    return {
        "@type": "DefinedTerm",
        "name": vocab.label(key, lang) if key in vocab else str(key),
        "termCode": str(key),
        "inDefinedTermSet": index or vocabulary,
    }


def _place(corpus: Corpus, key: str, lang: str, district: str | None = None) -> dict[str, Any]:
    province = {
        "@type": "AdministrativeArea",
        "name": corpus.schemas.vocabularies["provinces"].label(key, lang),
        "containedInPlace": {"@type": "Country", "name": "Türkiye", "identifier": "TR"},
    }
    if district:
        return {"@type": "AdministrativeArea", "name": district, "containedInPlace": province}
    return province


def _organisation(org: dict[str, Any], lang: str, master: str) -> dict[str, Any]:
    kind = "GovernmentOrganization" if is_municipality(org) else "Organization"
    return {"@type": kind, "name": org_name(org, lang, master)}


def _publisher(lang: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": hub.publisher(lang)}


def document(corpus: Corpus, record: Record, lang: str, site_url: str | None) -> dict[str, Any]:
    """The JSON-LD object of a record page in ``lang``."""
    fields = record.fields(lang)
    master = record.master.lang
    collection = record.collection
    page = hub.record_page(record, corpus.registry.language(lang))
    doc: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "CreativeWork",
        "name": str(fields.get("title", record.slug)),
        "identifier": record.slug,
        "inLanguage": record.content_language(lang),
        "isPartOf": {"@type": "WebSite", "name": hub.hub_name(lang)},
        "publisher": _publisher(lang),
        "dateModified": str(fields["last_reviewed"]),
    }
    absolute = hub.absolute(site_url, page)
    if absolute:
        doc["url"] = absolute
        doc["@id"] = absolute
    themes = fields.get("themes") or []
    if themes:
        doc["about"] = [_term(corpus, "themes", key, lang, site_url) for key in themes]
    if fields.get("target_groups"):
        doc["audience"] = [
            {"@type": "Audience", "audienceType": _term(corpus, "target-groups", key, lang, site_url)["name"]}
            for key in fields["target_groups"]
        ]
    sources = [s for s in fields.get("sources", []) if isinstance(s, dict)]
    if sources:
        doc["citation"] = [{"@type": "CreativeWork", "name": str(s["title"]), "url": str(s["url"])} for s in sources]
    if collection.citation_type == "work":
        _publication(corpus, doc, fields, lang, master)
        return doc
    doc["description"] = " ".join(str(fields.get("summary", "")).split())
    if collection.citation_authors == "implementers" and fields.get("implementers"):
        doc["author"] = [_organisation(org, lang, master) for org in fields["implementers"]]
    else:
        doc["author"] = _publisher(lang)
    if fields.get("province"):
        doc["spatialCoverage"] = _place(corpus, fields["province"], lang, fields.get("district"))
    start, end = fields.get("start_date"), fields.get("end_date")
    if start:
        doc["temporalCoverage"] = f"{start}/{end or '..'}"
    if fields.get("year"):
        doc["dateCreated"] = str(fields["year"])
    return doc


def _publication(corpus: Corpus, doc: dict[str, Any], fields: dict[str, Any], lang: str, master: str) -> None:
    editions = [e for e in fields.get("editions", []) if isinstance(e, dict)]
    isbns = [str(e["isbn"]) for e in editions if e.get("isbn")]
    doc["@type"] = "Book" if isbns else "Report"
    if isbns:
        doc["isbn"] = isbns[0] if len(isbns) == 1 else isbns
    if fields.get("subtitle"):
        doc["alternativeHeadline"] = str(fields["subtitle"])
    doc["abstract"] = " ".join(str(fields.get("abstract", "")).split())
    doc["publisher"] = {"@type": "Organization", "name": str(in_language(fields, "publisher", lang, master))}
    people: dict[str, list[dict[str, Any]]] = {}
    for author in fields.get("authors", []):
        role = "editor" if author.get("role") in ("editor", "compiler") else "author"
        if author.get("role") in ("author", "editor", "compiler"):
            people.setdefault(role, []).append({"@type": "Person", "name": str(author["name"])})
        else:
            people.setdefault("contributor", []).append({"@type": "Person", "name": str(author["name"])})
    doc.update(people)
    published = fields.get("date") or fields.get("year")
    if published:
        doc["datePublished"] = str(published)
    if fields.get("pages") and isbns:  # numberOfPages is a property of Book only
        doc["numberOfPages"] = int(fields["pages"])
    scope = fields.get("geographic_scope") or []
    if scope:
        doc["spatialCoverage"] = [_place(corpus, key, lang) for key in scope]
    if editions:
        doc["workExample"] = [
            {
                "@type": "Book" if e.get("isbn") else "CreativeWork",
                "inLanguage": str(e["lang"]),
                **({"url": str(e["url"])} if e.get("url") else {}),
                **({"isbn": str(e["isbn"])} if e.get("isbn") else {}),
                **({"name": str(e["title"])} if e.get("title") else {}),
            }
            for e in editions
        ]


def script_json(doc: dict[str, Any]) -> str:
    """JSON safe inside ``<script type="application/ld+json">``: no ``<``, ``>`` or ``&`` left raw."""
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
