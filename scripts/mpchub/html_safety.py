"""Unsafe HTML in Markdown bodies.

Contributions are untrusted. Markdown lets raw HTML through, so the body is scanned for the tags,
attributes and URL schemes that run code or pull in other pages. Code spans and fenced code blocks are
skipped: an example of ``<script>`` inside backticks is text, not markup, and Markdown escapes it.

The site build escapes or strips HTML as well (defence in depth); this check exists so that a pull
request fails with a clear message instead of content silently disappearing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "link", "meta",
    "style", "form", "input", "button", "textarea", "select", "svg", "math", "template", "portal",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
AUTOLINK = re.compile(r"<\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


def _mask_code(body: str) -> str:
    """Blank out fenced blocks and code spans, keeping offsets so positions stay right."""
    out = []
    fence: str | None = None
    for line in body.splitlines(keepends=True):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * len(opening.group(1))
            out.append(" " * (len(line) - 1) + line[-1:])
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append(re.sub(r"[^\n]", " ", line))
        else:
            out.append(CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line))
    return "".join(out)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[int, int], str]] = []

    def _report(self, message: str) -> None:
        line, column = self.getpos()
        self.found.append(((line, column + 1), message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self._report(
                f"<{tag}> is not allowed in a record: it can run code or load other sites; "
                "describe the content in Markdown, or link to it with [text](https://...)"
            )
        for name, value in attrs:
            if name.startswith("on"):
                self._report(f"the event attribute {name}= on <{tag}> is not allowed: it runs JavaScript")
            elif name in URL_ATTRIBUTES and value and BAD_SCHEME.match(value):
                scheme = value.strip().split(":", 1)[0].lower()
                self._report(f"a {scheme}: URL in {name}= on <{tag}> is not allowed: use an https:// link")

    handle_startendtag = handle_starttag


def _maybe_unsafe(body: str) -> bool:
    """A fast pre-test (plain substring search): most bodies have no tag and no script: or data: URL."""
    if "<" in body:
        return True
    lowered = body.lower()
    return "script" in lowered or "data" in lowered


def unsafe_html(body: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, message) for every unsafe construct in a Markdown body; lines start at 1."""
    if not _maybe_unsafe(body):  # most bodies are plain Markdown: skip the parser
        return
    masked = _mask_code(body)
    scanner = _Scanner()
    try:
        scanner.feed(masked)
        scanner.close()
    except Exception:
        pass
    for (line, column), message in scanner.found:
        yield line, column, message
    for pattern in (MARKDOWN_LINK, AUTOLINK):
        for match in pattern.finditer(masked):
            line = masked.count("\n", 0, match.start()) + 1
            column = match.start() - (masked.rfind("\n", 0, match.start()) + 1) + 1
            scheme = match.group(1).lower()
            yield line, column, f"a {scheme}: link is not allowed: links must start with https:// or http://"
