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

from mpchub.content.corpus import Corpus, Record
from mpchub.content.registry import Collection, Language
from mpchub.content.text import slugify
from mpchub.render.data_templates import template
from mpchub.render.formatting import number
from mpchub.render.strings import t
from mpchub.render.urls import relative

from . import citations, hub, jsonld

FORMATS = {
    "json": "JSON",
    "csv": "CSV",
    "xlsx": "Excel (.xlsx)",
    **{ext: name for ext, name, _type, _write in citations.FORMATS},
}


def _link(here: str, language: Language, site_path: str) -> str:
    return relative(language.url(here), site_path)


def open_data_html(corpus: Corpus, lang: str, here: str = "open-data") -> str:
    """The table of every download, for the "Open data / Açık veri" page."""
    registry = corpus.registry
    language = registry.language(lang)
    rows = []
    for collection in registry.collections:
        count = number(len(corpus.of(collection.name)), language.locale)
        for extension in ("xlsx", "csv", "json"):
            for file_lang in registry.codes:
                path = hub.collection_file(collection, file_lang, extension)
                rows.append(
                    {
                        "contents": t(lang, collection.folder),
                        "format": FORMATS[extension],
                        "language": registry.language(file_lang).name_in(lang),
                        "href": _link(here, language, path),
                        "name": path.rsplit("/", 1)[1],
                        "count": count,
                    }
                )
        for extension, _name, _type, _write in citations.FORMATS:
            for file_lang in registry.codes:
                path = hub.citations_file(collection, file_lang, extension)
                rows.append(
                    {
                        "contents": t(lang, collection.folder) + " — " + t(lang, "cite_heading").lower(),
                        "format": FORMATS[extension],
                        "language": registry.language(file_lang).name_in(lang),
                        "href": _link(here, language, path),
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
                "href": _link(here, language, path),
                "name": path.rsplit("/", 1)[1],
                "count": count,
            }
        )
    return template("open_data.html.j2").render(
        rows=rows,
        labels={k: t(lang, k) for k in ("contents", "format", "language", "file", "records")},
        package={"href": _link(here, language, hub.PACKAGE_FILE), "name": "datapackage.json"},
        schemas=[
            {"href": _link(here, language, hub.schema_file(c, n)), "name": hub.schema_file(c, n).rsplit("/", 1)[1]}
            for c in registry.collections
            for n in (False, True)
        ],
        feeds=[
            {"href": _link(here, language, hub.feed_file(f)), "title": t(f.code, "feed_link_title"), "lang": f.code}
            for f in registry.languages
        ],
        licence=hub.licence(),
        statement=hub.licence().statement_in(lang),
    )


def listing_downloads_html(collection: Collection, language: Language, here: str) -> str:
    """Download links for a listing page (``here`` is e.g. ``practices/index``)."""
    links = [
        {"href": _link(here, language, hub.collection_file(collection, language.code, ext)), "format": FORMATS[ext]}
        for ext in ("xlsx", "csv", "json")
    ]
    return template("listing_downloads.html.j2").render(heading=t(language.code, "downloads"), links=links)


WRITER = "assets/javascripts/vendor/write-excel-file.min.js"  # VENDOR.md


def download_control_html(corpus: Corpus, collection: Collection, language: Language, here: str) -> str:
    """ "Download these N" for a catalog (``here``: ``practices/index``): the table it reads and the writer it loads."""
    lang = language.code
    count = len(corpus.of(collection.name))
    return template("download_control.html.j2").render(
        table=_link(here, language, hub.collection_file(collection, lang, "table.json")),
        root=_link(here, language, "") or "./",
        writer=_link(here, language, WRITER),
        name=slugify(t(lang, collection.folder)),
        lang=lang,
        template=t(lang, "download_these", n="{n}"),
        template_one=t(lang, "download_these_one", n="{n}"),
        label=t(lang, "download_these_one" if count == 1 else "download_these", n=number(count, language.locale)),
        xlsx=t(lang, "download_xlsx"),
        csv=t(lang, "download_csv"),
        failed=t(lang, "download_failed"),
    )


def citation_html(corpus: Corpus, record: Record, lang: str, site_url: str | None = None, heading: bool = True) -> str:
    """The citation block of a record page: the ready citation and the BibTeX, RIS and CSL-JSON files.

    ``heading=False`` leaves out the section and its heading, for a row of the record's facts panel."""
    item = citations.csl_item(corpus, record, lang, site_url)
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
        # citeproc-py escapes every value
        citation=Markup(citations.render(item, corpus.registry.language(lang), html=True)),
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


def feed_links_html(corpus: Corpus, lang: str, page_url: str) -> str:
    """``<link rel="alternate" type="application/atom+xml">`` for a page's head: its language's feed first.

    ``page_url`` is the page's site-relative URL (``en/practices/x/``)."""
    languages = corpus.registry.languages
    order = sorted(languages, key=lambda language: language.code != lang)
    return _feed_links(tuple((relative(page_url, hub.feed_file(f)), f.code) for f in order))


@lru_cache(maxsize=256)
def _feed_links(links: tuple[tuple[str, str], ...]) -> str:
    """Rendered once per language and page depth: every page of a build asks for one of a few blocks."""
    feeds: list[dict[str, Any]] = [{"href": href, "title": t(f, "feed_link_title"), "lang": f} for href, f in links]
    return template("feed_links.html.j2").render(feeds=feeds)
