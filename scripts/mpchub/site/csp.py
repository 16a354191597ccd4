"""The Content-Security-Policy of every page, as a ``<meta http-equiv>`` tag (GitHub Pages sets no headers).

The policy is the second line of defence behind the body sanitiser (``mpchub.content.body``): if a contributor's
markup ever got past it, the browser would still refuse to run an inline event handler, a
``javascript:`` URL or a script from another host, and would not load an image, font or frame from one.

Inline scripts: Material's base template writes a few small inline ``<script>`` blocks (the site scope,
``__md_get``/``__md_set``, the colour palette). They are allowed by the sha256 hash of their exact text,
computed from the page itself. That is safe because every inline script in a built page is template
output: contributor text reaches a page only through Jinja autoescape (titles, summaries, lists) or
through ``mpchub.body.render`` (bodies), and neither can produce a ``<script>`` element. ``'unsafe-inline'``
is never allowed for scripts, so event handler attributes (``onclick=``) never run whatever the page
contains.

Limits of a meta policy (they hold for headers only): ``frame-ancestors``, ``report-uri``/``report-to`` and
``sandbox`` are ignored in ``<meta>``, so they are not written. The tag must come before any script it
protects: it goes first in ``<head>``, right after ``<meta charset>`` when the page starts with one (the
charset declaration must stay within the first 1,024 bytes, and it is not a script).
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape

# Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows exactly that and not eval().
# Images: the site's own and data: URLs (Material's icons in CSS). connect-src: Pagefind fetches its index.
POLICY = (
    ("default-src", ("'self'",)),
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("object-src", ("'none'",)),
    ("frame-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'self'",)),
)

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"\s*<meta\s+charset\s*=\s*[\"']?[\w-]+[\"']?\s*/?>", re.IGNORECASE)
_EXISTING = re.compile(r"<meta\s+http-equiv\s*=\s*[\"']?content-security-policy", re.IGNORECASE)


class PageWithoutHead(ValueError):
    """A built page has no ``<head>``: the policy cannot be placed before its scripts."""


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` sources for every inline script the browser would run, in page order, without repeats."""
    hashes: list[str] = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue  # an external script: covered by 'self'
        kind = _TYPE.search(attributes)
        if kind and kind.group(1).lower() not in _EXECUTABLE_TYPES:
            continue  # a data block (application/json): never executed, needs no permission
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        source = f"'sha256-{digest}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(html: str) -> str:
    """The policy text for one page: ``POLICY`` plus the hashes of that page's inline scripts."""
    return policy_with(inline_script_hashes(html))


def policy_with(hashes: list[str]) -> str:
    """``POLICY`` with ``hashes`` (``'sha256-…'`` sources, in page order) allowed as scripts."""
    extra = {"script-src": tuple(hashes)}
    return "; ".join(" ".join((name, *sources, *extra.get(name, ()))) for name, sources in POLICY)


def meta_tag(html: str) -> str:
    return meta_tag_with(inline_script_hashes(html))


def meta_tag_with(hashes: list[str]) -> str:
    content = escape(policy_with(hashes), quote=False).replace('"', "&quot;")  # the policy has ' quotes, never "
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def has_policy(html: str) -> bool:
    return _EXISTING.search(html) is not None


def place(html: str) -> int | None:
    """Where ``apply`` puts the tag: right after ``<head>``, or after ``<meta charset>`` when the head starts with
    one; None without a head."""
    head = _HEAD.search(html)
    if head is None:
        return None
    charset = _CHARSET.match(html, head.end())
    return charset.end() if charset else head.end()


def apply(html: str) -> str:
    """The page with its Content-Security-Policy meta tag first in ``<head>``.

    Idempotent: a page that already has a policy tag is returned unchanged (an incremental build may
    see a page twice). Raises PageWithoutHead for a page without ``<head>``, so that no page is
    published without a policy by accident.
    """
    if _EXISTING.search(html):
        return html
    at = place(html)
    if at is None:
        raise PageWithoutHead("a built page has no <head>: cannot add the Content-Security-Policy")
    return html[:at] + "\n    " + meta_tag(html) + html[at:]
