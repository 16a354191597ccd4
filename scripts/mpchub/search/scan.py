"""The search copy of a generated page, read from the HTML the core has just rendered, without a parse tree.

``mpchub.search.words.index_block`` parsed every indexed page with lxml to find its own text, its metadata labels
and the first word of each ``<dd>`` (8 % of a 1,000-record build). A generated page is the core's own markup:
its templates autoescape, and a record's body is sanitised HTML (``mpchub.content.body``), so it is well formed
and its tags can be read with regular expressions, in a few passes of the regular-expression engine over the page
instead of a tree. lxml's rules are kept where they matter to the words: an ignored element (``IGNORED_*``,
``data-pagefind-ignore``) goes with its descendants and its tail joins the text before it (lxml's ``drop_tree``:
here, the element is cut out of the page's text); any other tag, or a comment, separates two texts. Hand-written
pages (Markdown from anyone's editor) still go through lxml.

``tests/test_search_scan.py`` holds it to lxml's result on every generated page of the fixture and hostile hubs,
on pieces of markup and on record bodies made of hostile Markdown; it was also compared on every page of the
repository and of 1,000 synthetic records.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from mpchub.content.text import turkish_lower
from mpchub.search.words import IGNORED_CLASSES, IGNORED_ELEMENTS, WEIGHTED_FILTERS, WORD, assemble

# A start or end tag (its attribute values may hold ">": html5ever does not escape it there), or a comment.
_ATTRIBUTES = r"""((?:[^>"']|"[^"]*"|'[^']*')*)"""
_TAG = re.compile(rf"<(/?)([A-Za-z][A-Za-z0-9-]*){_ATTRIBUTES}>|<!--.*?-->|<![^>]*>", re.DOTALL)
_START = re.compile(rf"<([A-Za-z][A-Za-z0-9-]*){_ATTRIBUTES}>")
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr basefont frame isindex keygen".split()  # noqa: SIM905
)
RAW_TEXT = frozenset({"script", "style"})
_IGNORED_CLASSES = frozenset(IGNORED_CLASSES)
# Start tags that may be ignored (each is then checked exactly): an ignored element's name, or an attribute or
# class name that ignores, anywhere in the tag.
_MAYBE_IGNORED = re.compile(
    "<(?:"
    + "|".join(IGNORED_ELEMENTS)
    + r")\b|data-pagefind-ignore|data-mpc-folded|"
    + "|".join(re.escape(name) for name in IGNORED_CLASSES)
)


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(text):
        name = name.lower()
        if name not in found:
            found[name] = html.unescape(double or single or bare)
    return found


def _ignored(tag: str, attributes: dict[str, str]) -> bool:
    return (
        tag in IGNORED_ELEMENTS
        or "data-pagefind-ignore" in attributes
        or "data-mpc-folded" in attributes
        or not _IGNORED_CLASSES.isdisjoint(attributes.get("class", "").split())
    )


@lru_cache(maxsize=64)
def _closing(tag: str) -> re.Pattern[str]:
    return re.compile(rf"</{tag}\s*>", re.IGNORECASE)


@lru_cache(maxsize=64)
def _same(tag: str) -> re.Pattern[str]:
    """A start or end tag of this name."""
    return re.compile(rf"<(/?){tag}\b{_ATTRIBUTES}>", re.IGNORECASE)


def _end(page: str, at: int, tag: str, raw: str) -> int:
    """Where the element whose start tag ends at ``at`` ends: past its end tag (nested ones of its name counted)."""
    if tag in VOID or raw.rstrip().endswith("/"):
        return at
    if tag in RAW_TEXT:
        end = _closing(tag).search(page, at)
        return end.end() if end else len(page)
    same = _same(tag)
    depth = 1
    while depth:
        found = same.search(page, at)
        if found is None:
            return len(page)
        at = found.end()
        depth += -1 if found.group(1) else 1
    return at


def _own(page: str) -> str:
    """The page without its ignored elements (each with its descendants), the text around each joined."""
    kept: list[str] = []
    at = 0  # what is before has been kept or cut out
    checked = -1  # the last start tag looked at
    for hint in _MAYBE_IGNORED.finditer(page):
        start = _tag_around(page, hint.start())
        if start is None or start.start() < at or start.start() <= checked:
            continue  # in a text (an escaped one), inside what is cut out, or a tag already looked at
        checked = start.start()
        tag, raw = start.group(1).lower(), start.group(2)
        if _ignored(tag, _attributes(raw)):
            kept.append(page[at : start.start()])
            at = _end(page, start.end(), tag, raw)
    kept.append(page[at:])
    return "".join(kept)


def _tag_around(page: str, at: int) -> re.Match[str] | None:
    """The start tag that holds the position ``at`` (an attribute value may hold ``<`` and ``>``), or None."""
    opening = at + 1
    for _ in range(16):
        opening = page.rfind("<", 0, opening)
        if opening < 0:
            return None
        start = _START.match(page, opening)
        if start is not None and start.end() > at:
            return start
    return None


def _inner(page: str, start: re.Match[str]) -> str:
    """The markup inside the element that ``start`` (a match of ``_START``) opens."""
    tag = start.group(1).lower()
    end = _end(page, start.end(), tag, start.group(2))
    inner = page[start.end() : end]
    closing = inner.rfind("</")
    if closing >= 0 and _closing(tag).fullmatch(inner, closing):
        return inner[:closing]
    return inner


def _itertext(markup: str) -> str:
    """lxml's ``" ".join(element.itertext())`` of some markup, as far as words go: texts separated by tags."""
    return html.unescape(_TAG.sub(" ", markup))


def _text_content(markup: str) -> str:
    """lxml's ``text_content()``: every text of the markup, joined as it is."""
    return html.unescape(_TAG.sub("", markup))


@dataclass
class Scanned:
    """What ``index_block`` reads from a page: its own text, its metadata labels (in lxml's order) and the text of
    each ``<dd>``."""

    text: str = ""  # the page's own text, its texts separated by spaces
    title: list[str] = field(default_factory=list)  # the first <h1>'s text, if any
    marked: list[str] = field(default_factory=list)  # data-mpc-search-meta elements: data-value or text
    filters: list[str] = field(default_factory=list)  # the weighted filters' values (the province)
    municipalities: list[str] = field(default_factory=list)  # links to municipality pages (without marks)
    districts: list[str] = field(default_factory=list)  # a <dd>'s text before its province link (without marks)
    definitions: list[str] = field(default_factory=list)  # each <dd>'s texts, separated by spaces


_DD = re.compile(rf"<(dd)\b{_ATTRIBUTES}>", re.IGNORECASE)
_H1 = re.compile(rf"<(h1)\b{_ATTRIBUTES}>", re.IGNORECASE)
_MARKED = re.compile(rf"<([A-Za-z][A-Za-z0-9-]*)(\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*data-mpc-search-meta{_ATTRIBUTES})>")
_FILTER = re.compile(rf"<[A-Za-z][A-Za-z0-9-]*(\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*data-pagefind-filter{_ATTRIBUTES})>")
_LINK = re.compile(rf"<(a)(\s{_ATTRIBUTES})>", re.IGNORECASE)


def scan(page_html: str) -> Scanned:
    """Read a generated page's text and metadata as lxml's tree would give them."""
    page = _own(page_html)
    out = Scanned(text=_itertext(page))
    heading = _H1.search(page)
    if heading is not None:
        out.title.append(_text_content(_inner(page, heading)))
    for start in _MARKED.finditer(page):
        attributes = _attributes(start.group(2))
        if "data-mpc-search-meta" in attributes:
            out.marked.append(attributes.get("data-value") or _text_content(_inner(page, start)))
    for start in _FILTER.finditer(page):
        attributes = _attributes(start.group(1))
        name = attributes.get("data-pagefind-filter")
        if name is not None and name.split("[", 1)[0] in WEIGHTED_FILTERS and attributes.get("data-value"):
            out.filters.append(attributes["data-value"])
    for start in _DD.finditer(page):
        out.definitions.append(_itertext(_inner(page, start)))
    if not out.marked:
        for start in _LINK.finditer(page):
            if "municipalities/" in _attributes(start.group(2)).get("href", ""):
                out.municipalities.append(_text_content(_inner(page, start)))
        out.districts = _districts(page)
    return out


def _districts(page: str) -> list[str]:
    """lxml's ``.text`` (its text before its first child) of the ``<dd>`` of each link to a province page that is
    a child of one, in the links' order."""
    found: list[str] = []
    stack: list[tuple[str, str]] = []  # open elements: (name, text before their first child)
    for tag in _TAG.finditer(page):
        closing, name = tag.group(1), tag.group(2)
        if name is None:
            continue
        name = name.lower()
        if closing:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
            continue
        raw = tag.group(3)
        if name == "a" and stack and stack[-1][0] == "dd" and "provinces/" in _attributes(raw).get("href", ""):
            found.append(stack[-1][1])
        if name not in VOID and not raw.rstrip().endswith("/"):
            following = _TAG.search(page, tag.end())
            stack.append((name, html.unescape(page[tag.end() : following.start() if following else len(page)])))
    return found


def index_block(page_html: str, turkish: bool | None = None) -> str:
    """``mpchub.search.words.index_block`` of a page the core generated, read without a parse tree."""
    found = scan(page_html)
    labels = found.title + found.marked + found.filters
    if not found.marked:  # pages generated before their metadata was marked: the municipality and district
        labels += found.municipalities
        labels += [d for d in (t.strip().rstrip(",").strip() for t in found.districts) if d]
    metadata = [" ".join(label.split()) for label in labels if label.strip()]
    glued: dict[str, None] = {}
    for text in found.definitions:
        first = WORD.search(text)
        if first:
            glued.setdefault(turkish_lower(first.group(0)), None)
    return assemble(found.text, metadata, glued, turkish)
