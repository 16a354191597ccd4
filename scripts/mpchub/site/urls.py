"""Where every page lives: source paths (suffix layout) and the URLs MkDocs gives them.

URLs use directory style and are the same in both languages apart from the ``en/`` prefix, so that
the language switcher always finds the twin page.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from mpchub.text import slugify

LANG_PREFIX = {"tr": "", "en": "en/"}


def source_path(path: str, lang: str) -> str:
    """``practices/x`` → ``practices/x.md`` (Turkish) or ``practices/x.en.md`` (English)."""
    return f"{path}.md" if lang == "tr" else f"{path}.en.md"


def url(path: str, lang: str) -> str:
    """Site-relative URL of a page: ``practices/x`` → ``practices/x/`` or ``en/practices/x/``."""
    if path.endswith("/index"):
        path = path[: -len("/index")]
    elif path == "index":
        path = ""
    return LANG_PREFIX[lang] + (path + "/" if path else "")


@lru_cache(maxsize=65536)  # every card and term link asks again for the same few thousand pairs
def relative(from_url: str, to_url: str) -> str:
    """A link from one page URL to another, as relative hrefs (work under any sub-path)."""
    start = posixpath.dirname(from_url.rstrip("/") + "/x") if from_url else "."
    target = to_url or "."
    if ".." in start or ".." in target:
        rel = posixpath.relpath(target, start or ".")
    else:  # what relpath computes, without its two calls to os.getcwd (most of a 1,000-record build's links)
        here, there = _segments(start), _segments(target)
        common = 0
        for a, b in zip(here, there, strict=False):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return "./" if rel in (".", "./") else rel


def _segments(path: str) -> list[str]:
    return [part for part in path.split("/") if part and part != "."]


def record_path(folder: str, slug: str) -> str:
    return f"{folder}/{slug}"


def browse_path(kind: str, key: object) -> str:
    return f"{kind}/{key}"


def municipality_key(name: str) -> str:
    return slugify(name, max_length=80)
