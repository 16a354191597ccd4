"""What a visitor sees of a built page: the article's text and its links, for before/after comparisons.

``python tests/visitor_view.py SITE_DIR OUT.json`` records the view of every page type of a built fixture
site; ``tests/test_site_baseline.py`` compares a fresh build against the committed record, so a refactoring
of page generation cannot change what visitors read or where links lead without the record changing too.
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
from pathlib import Path

from bs4 import BeautifulSoup

# One page of every type, in both languages (site-relative URLs of the fixture site).
PAGE_TYPES = {
    "home": "",
    "practice": "practices/cagri-merkezi/",
    "practice-untranslated": "practices/dil-kursu/",
    "recommendation": "recommendations/ornek-oneri/",
    "publication": "publications/ornek-rapor/",
    "catalog": "practices/",
    "recommendations": "recommendations/",
    "publications": "publications/",
    "browse": "browse/",
    "theme": "themes/",
    "theme-page": "themes/education/",
    "province-page": "provinces/istanbul/",
    "municipalities": "municipalities/",
    "translations": "contribute/translations/",
}


def view(html: str, url: str) -> dict[str, object]:
    """The article's words and its links (resolved against the page URL, fragment kept)."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    if article is None:
        return {"text": "", "links": []}
    # print-only parts (the print head) are not on screen
    for hidden in article.select("[hidden], script, style, .headerlink, .md-content__button, .mpc-print-head"):
        hidden.decompose()
    text = re.sub(r"\s+", " ", article.get_text(" ")).strip()
    links = []
    for a in article.select("a[href]"):
        href = a["href"]
        if not re.match(r"^[a-z]+:", href) and not href.startswith("#"):
            base = posixpath.dirname(url.rstrip("/") + "/x")
            path, _, fragment = href.partition("#")
            href = posixpath.normpath(posixpath.join(base, path)) + ("/" if path.endswith("/") else "")
            href = href.lstrip("./") + (f"#{fragment}" if fragment else "")
        links.append([re.sub(r"\s+", " ", a.get_text(" ")).strip(), href])
    return {"text": text, "links": links}


def site_view(site: Path) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, url in PAGE_TYPES.items():
        for prefix in ("", "en/"):
            page = site / prefix / url / "index.html"
            out[f"{prefix or 'tr/'}{name}"] = view(page.read_text(encoding="utf-8"), prefix + url)
    return out


if __name__ == "__main__":
    site_dir, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.write_text(json.dumps(site_view(site_dir), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
