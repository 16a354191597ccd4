"""Every page the site makes, by path, without rendering one; and the body links that lead to none.

The build checks the links of every generated page once the pages are made (``mpchub.site.links``) and
stops on a link to no page: a relative link in a record's body to a page that does not exist passed
``mpchub check`` and then aborted the build. The check now resolves each relative link of each body as the
build does (from the page the body appears on, in every language it appears in) against the same set of
pages, so the two refuse the same bodies, and the check says where the link is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from mpchub.content import limits, rules
from mpchub.content.body import rendered
from mpchub.content.corpus import Corpus, Record
from mpchub.content.sitemap import fixed_pages
from mpchub.render.urls import browse_path
from mpchub.site.index import SiteIndex
from mpchub.site.links import _links


def page_paths(index: SiteIndex) -> set[str]:
    """The path of every page ``mpchub.site.build.Site.pages`` makes (in each language), from the index alone."""
    registry = index.registry
    paths = set(fixed_pages(registry))
    paths |= {record.path for record in index.corpus.all()}
    for browse in registry.browses:
        keys: Iterable[object] = index.municipalities if browse.vocabulary is None else index.browse_keys(browse.kind)
        paths |= {browse_path(browse.kind, key) for key in keys}
    return paths


def page_urls(corpus: Corpus) -> set[str]:
    """The site-relative URL of every generated page in every language, for records that have no errors (the
    only ones that are ever built)."""
    index = SiteIndex(_without_errors(corpus))
    return {language.url(path) for path in page_paths(index) for language in corpus.registry.languages}


def _without_errors(corpus: Corpus) -> Corpus:
    def clean(record: Record) -> bool:
        return not any(p.is_error for f in (record.master, *record.translations.values()) for p in f.problems)

    kept = {name: {slug: r for slug, r in records.items() if clean(r)} for name, records in corpus.records.items()}
    return dataclasses.replace(corpus, records=kept)


def body_link_problems(corpus: Corpus, known: set[str]) -> None:
    """Add a located problem to each body file for each relative link that leads to none of ``known`` (site
    paths, as the build's link check reads them), resolved from every page the body is shown on."""
    known = {k.strip("/") for k in known}
    for record in corpus.all():
        reported: set[tuple[str, str]] = set()  # (file, href): a body shown in two languages is reported once
        for language in corpus.registry.languages:
            file = record.file(language.code)
            if not file.body.strip():
                continue
            page_url = language.url(record.path)
            for href, target in _links(page_url, rendered(file.body).html):
                if target in known or (file.relpath, href) in reported:
                    continue
                reported.add((file.relpath, href))
                at = file.body.find(href)
                line, column = limits.line_and_column(file.body, at) if at >= 0 else (1, 1)
                file.problem(
                    f"the link {href!r} leads to no page of the site (from /{page_url} it is /{target}): link to "
                    "an existing page with a path relative to this page (e.g. ../other-record/), or give the "
                    "full address https://…",
                    rules.BODY_LINK,
                    file.body_line + line - 1,
                    column,
                )
