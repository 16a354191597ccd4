"""Links between pages: relative hrefs that work under any sub-path.

A page's address is its language's ``url(path)`` (``mpchub.content.registry.Language``): directory style,
the same in every language apart from the language's prefix, so that the switcher always finds the page in
the other language.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache


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


def browse_path(kind: str, key: object) -> str:
    """The path of a browse page: ``themes/education``, ``municipalities/sisli-belediyesi``."""
    return f"{kind}/{key}"
