"""HTML fragments the site generator places on its pages: the open-data file list, a listing's download
links, a record's citation block and JSON-LD, and the feed links of every page's head.

Each function takes the page it is for (``here``, a page path such as ``practices/sisli-acik-ev`` or
``open-data``, and the language) and returns markup from a template, with links relative to that page so
that the site works under any sub-path.
"""

from __future__ import annotations

from base64 import b64encode
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from mpchub.corpus import Corpus, Record
from mpchub.project import COLLECTION_BY_NAME, COLLECTIONS
from mpchub.site.formatting import number
from mpchub.site.urls import relative, url

from . import citations, hub, jsonld
from .strings import t
from .templates import template

FORMATS = {"json": "JSON", "csv": "CSV", **{ext: name for ext, name, _type, _write in citations.FORMATS}}


def _link(here: str, lang: str, site_path: str) -> str:
    return relative(url(here, lang), site_path)


def open_data_html(corpus: Corpus, lang: str, here: str = "open-data") -> str:
    """The table of every download, for the "Open data / Açık veri" page."""
    rows = []
    for collection in COLLECTIONS:
        count = number(len(corpus.of(collection.name)), lang)
        for extension in ("csv", "json"):
            for file_lang in hub.LANGUAGES:
                path = hub.collection_file(collection, file_lang, extension)
                rows.append(
                    {
                        "contents": t(lang, collection.folder),
                        "format": FORMATS[extension],
                        "language": t(lang, f"lang_{file_lang}"),
                        "href": _link(here, lang, path),
                        "name": path.rsplit("/", 1)[1],
                        "count": count,
                    }
                )
        for extension, _name, _type, _write in citations.FORMATS:
            for file_lang in hub.LANGUAGES:
                path = hub.citations_file(collection, file_lang, extension)
                rows.append(
                    {
                        "contents": t(lang, collection.folder) + " — " + t(lang, "cite_heading").lower(),
                        "format": FORMATS[extension],
                        "language": t(lang, f"lang_{file_lang}"),
                        "href": _link(here, lang, path),
                        "name": path.rsplit("/", 1)[1],
                        "count": count,
                    }
                )
        path = hub.collection_file(collection, None, "json")
        rows.append(
            {
                "contents": t(lang, collection.folder),
                "format": "JSON",
                "language": t(lang, "all_languages"),
                "href": _link(here, lang, path),
                "name": path.rsplit("/", 1)[1],
                "count": count,
            }
        )
    return template("open_data.html.j2").render(
        rows=rows,
        labels={k: t(lang, k) for k in ("contents", "format", "language", "file", "records")},
        package={"href": _link(here, lang, hub.PACKAGE_FILE), "name": "datapackage.json"},
        schemas=[
            {"href": _link(here, lang, hub.schema_file(c, n)), "name": hub.schema_file(c, n).rsplit("/", 1)[1]}
            for c in COLLECTIONS
            for n in (False, True)
        ],
        feeds=[
            {"href": _link(here, lang, hub.feed_file(f)), "title": t(f, "feed_link_title"), "lang": f}
            for f in hub.LANGUAGES
        ],
        licence=hub.licence(),
        statement=hub.licence().statement[lang],
    )


def listing_downloads_html(collection_name: str, lang: str, here: str) -> str:
    """Download links for a listing page (``here`` is e.g. ``practices/index``)."""
    collection = COLLECTION_BY_NAME[collection_name]
    links = [
        {"href": _link(here, lang, hub.collection_file(collection, lang, ext)), "format": FORMATS[ext]}
        for ext in ("csv", "json")
    ]
    return template("listing_downloads.html.j2").render(heading=t(lang, "downloads"), links=links)


def citation_html(record: Record, lang: str, site_url: str | None = None, heading: bool = True) -> str:
    """The citation block of a record page: the ready citation and the BibTeX, RIS and CSL-JSON files.

    ``heading=False`` leaves out the section and its heading, for a row of the record's facts panel."""
    item = citations.csl_item(record, lang, site_url)
    offered = citations.without_abstract(item)
    downloads = [
        {
            # base64 is plain ASCII (A-Z a-z 0-9 + / =): nothing a contributor wrote can leave the attribute
            "href": f"data:{mediatype};charset=utf-8;base64,{b64encode(write([offered]).encode()).decode()}",
            "file": f"{record.slug}.{lang}.{extension}",
            "name": name,
        }
        for extension, name, mediatype, write in citations.FORMATS
    ]
    return template("citation.html.j2").render(
        heading=t(lang, "cite_heading") if heading else None,
        intro=t(lang, "cite_intro"),
        citation=Markup(citations.render(item, lang, html=True)),  # citeproc-py escapes every value
        downloads_label=t(lang, "cite_downloads"),
        downloads=downloads,
        style_note=t(lang, "cite_style_note"),
        target=f"mpc-citation-{record.slug}",
        copy_label=t(lang, "cite_copy"),
    )


def jsonld_html(corpus: Corpus, record: Record, lang: str, site_url: str | None = None) -> str:
    """``<script type="application/ld+json">`` for a record page's head or body."""
    data = jsonld.script_json(jsonld.document(corpus, record, lang, site_url))  # no raw <, > or & left
    return template("jsonld.html.j2").render(data=Markup(data))


def feed_links_html(lang: str, here: str | None = None, page_url: str | None = None) -> str:
    """``<link rel="alternate" type="application/atom+xml">`` for a page's head: its language's feed first.

    The page is ``here`` (a page path such as ``practices/x``) or its site-relative ``page_url`` as MkDocs
    gives it (``en/practices/x/``), for pages the core did not generate."""
    start = page_url if page_url is not None else url(here or "index", lang)
    order = [lang, *[other for other in hub.LANGUAGES if other != lang]]
    return _feed_links(tuple((relative(start, hub.feed_file(f)), f) for f in order))


@lru_cache(maxsize=256)
def _feed_links(links: tuple[tuple[str, str], ...]) -> str:
    """Rendered once per language and page depth: every page of a build asks for one of a few blocks."""
    feeds: list[dict[str, Any]] = [{"href": href, "title": t(f, "feed_link_title"), "lang": f} for href, f in links]
    return template("feed_links.html.j2").render(feeds=feeds)
