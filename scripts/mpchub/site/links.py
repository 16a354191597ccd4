"""Internal links in generated HTML, checked at build time.

Generated HTML is spliced into pages after MkDocs' Markdown step, so MkDocs' own link validation never
sees it: this check takes its place and the build fails on a link that leads to no page.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable

HREF = re.compile(r'\shref="([^"]*)"')
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def resolve(page_url: str, href: str) -> str:
    """The site-relative path a relative ``href`` on the page at ``page_url`` leads to (no slashes at the
    ends, no fragment or query), e.g. ``("practices/x/", "../../themes/a/")`` → ``"themes/a"``."""
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return page_url.strip("/")
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    target = posixpath.normpath(posixpath.join(base, path))
    return "" if target == "." else target.strip("/")


def broken(documents: Iterable[tuple[str, str]], known: set[str]) -> list[str]:
    """``page: href`` for every relative link in ``documents`` (URL, HTML) that leads to no known path."""
    known = {k.strip("/") for k in known}
    problems = []
    for page_url, document in documents:
        links = _links(page_url, document)
        problems += [f"/{page_url}: {h} leads to no page (/{target})" for h, target in links if target not in known]
    return problems


def _links(page_url: str, document: str) -> tuple[tuple[str, str], ...]:
    """Each relative link of ``document`` and the site path it leads to."""
    found = []
    for match in HREF.finditer(document):
        href = html.unescape(match.group(1))
        if href and not EXTERNAL.match(href):
            found.append((href, resolve(page_url, href)))
    return tuple(found)
