"""The search copy of a generated page, read from the HTML the core has just rendered, in one pass and without a
parse tree.

``mpchub.search.words.index_block`` parsed every indexed page with lxml to find its own text, its metadata labels
and the first word of each ``<dd>`` (8 % of a 1,000-record build). A generated page is the core's own markup:
its templates autoescape, and a record's body is sanitised HTML (``mpchub.content.body``), so it is well formed
and a tokenizer over its tags gives the same text nodes in the same order as lxml's tree. This module reads them
so, with lxml's rules where they matter to the words: an ignored element (``IGNORED_*``, ``data-pagefind-ignore``)
goes with its descendants and its tail joins the text before it (lxml's ``drop_tree``); any other tag or a comment
separates two texts. Hand-written pages (Markdown from anyone's editor) still go through lxml.

``tests/test_search_scan.py`` holds it to lxml's result on every generated page of the fixture hub, of the
repository and of synthetic records.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from mpchub.content.text import turkish_lower
from mpchub.search.words import IGNORED_CLASSES, IGNORED_ELEMENTS, WORD, assemble

# A tag (its attribute values may hold ">": html5ever does not escape it there), a comment, a declaration.
_TOKEN = re.compile(r"""<(/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--.*?-->|<![^>]*>""", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "basefont",
        "frame",
        "isindex",
        "keygen",
    ]
)
RAW_TEXT = frozenset({"script", "style"})
_IGNORED_CLASSES = frozenset(IGNORED_CLASSES)
_IGNORED_ELEMENTS = frozenset(IGNORED_ELEMENTS)


def _attributes(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(text):
        name = name.lower()
        if name not in found:
            found[name] = html.unescape(double or single or bare)
    return found


def _ignored(tag: str, attributes: dict[str, str]) -> bool:
    return (
        tag in _IGNORED_ELEMENTS
        or "data-pagefind-ignore" in attributes
        or "data-mpc-folded" in attributes
        or not _IGNORED_CLASSES.isdisjoint(attributes.get("class", "").split())
    )


@dataclass
class _Open:
    tag: str
    attributes: dict[str, str]
    texts: list[str] | None = None  # everything inside it, for text_content (metadata) and itertext (<dd>)
    text: str | None = None  # lxml's .text: its text before its first child
    children: bool = False


@dataclass
class Scanned:
    """What ``index_block`` reads from a page: its own text, its metadata labels (in lxml's order) and the first
    text of each ``<dd>``."""

    texts: list[str] = field(default_factory=list)  # text nodes, in order (itertext after the drops)
    marked: list[str] = field(default_factory=list)  # data-mpc-search-meta elements: data-value or text
    filters: list[str] = field(default_factory=list)  # theme, group and province filter values
    municipalities: list[str] = field(default_factory=list)  # links to municipality pages (without marks)
    districts: list[str] = field(default_factory=list)  # a <dd>'s text before its province link (without marks)
    definitions: list[str] = field(default_factory=list)  # each <dd>'s itertext, joined with spaces


def scan(page_html: str) -> Scanned:
    """Read a generated page's text and metadata as lxml's tree would give them."""
    out = Scanned()
    stack: list[_Open] = []
    current: list[str] = []  # the text node being read (an ignored element's tail joins it)
    collecting: list[_Open] = []  # open elements whose whole text is wanted

    def flush() -> None:
        if current:
            text = html.unescape("".join(current))
            current.clear()
            out.texts.append(text)
            for element in collecting:
                assert element.texts is not None
                element.texts.append(text)
            if stack and not stack[-1].children and stack[-1].text is None:
                stack[-1].text = text

    def child_starts() -> None:
        if stack:
            stack[-1].children = True

    at = 0
    length = len(page_html)
    while at < length:
        match = _TOKEN.search(page_html, at)
        if match is None:
            current.append(page_html[at:])
            break
        if match.start() > at:
            current.append(page_html[at : match.start()])
        at = match.end()
        closing, tag = match.group(1), match.group(2)
        if tag is None:  # a comment or a declaration: a node of its own, which separates two texts
            flush()
            child_starts()
            continue
        tag = tag.lower()
        if closing:
            flush()
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].tag == tag:
                    for element in stack[depth:]:
                        _closed(element, out, collecting)
                    del stack[depth:]
                    break
            continue
        attributes = _attributes(match.group(3))
        if _ignored(tag, attributes):
            at = _skip(page_html, at, tag, match.group(3))
            continue  # dropped with its descendants; what follows joins the text before it
        flush()
        child_starts()
        element = _Open(tag, attributes)
        if tag == "a":
            href = attributes.get("href", "")
            if "provinces/" in href and stack and stack[-1].tag == "dd":
                out.districts.append(stack[-1].text or "")
        if tag in VOID or match.group(3).rstrip().endswith("/"):
            _filter(element, out)
            continue
        if (
            "data-mpc-search-meta" in attributes
            or tag == "dd"
            or (tag == "a" and "municipalities/" in attributes.get("href", ""))
        ):
            element.texts = []
            collecting.append(element)
        _filter(element, out)
        if "data-mpc-search-meta" in attributes:
            out.marked.append("")  # its label, once its text is known (document order kept)
            element.attributes["\0marked"] = str(len(out.marked) - 1)
        stack.append(element)
    flush()
    for element in reversed(stack):
        _closed(element, out, collecting)
    return out


def _filter(element: _Open, out: Scanned) -> None:
    name = element.attributes.get("data-pagefind-filter")
    if name is not None and name.split("[", 1)[0] in ("theme", "group", "province"):
        value = element.attributes.get("data-value")
        if value:
            out.filters.append(value)


def _closed(element: _Open, out: Scanned, collecting: list[_Open]) -> None:
    if element.texts is None:
        return
    collecting.remove(element)
    if "\0marked" in element.attributes:
        out.marked[int(element.attributes["\0marked"])] = element.attributes.get("data-value") or "".join(element.texts)
    if element.tag == "dd":
        out.definitions.append(" ".join(element.texts))
    if element.tag == "a" and "municipalities/" in element.attributes.get("href", ""):
        out.municipalities.append("".join(element.texts))


def _skip(page_html: str, at: int, tag: str, attributes: str) -> int:
    """The end of an ignored element that starts just before ``at``: past its end tag (nested ones counted)."""
    if tag in VOID or attributes.rstrip().endswith("/"):
        return at
    if tag in RAW_TEXT:
        end = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(page_html, at)
        return end.end() if end else len(page_html)
    same = re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)
    depth = 1
    while depth:
        found = same.search(page_html, at)
        if found is None:
            return len(page_html)
        at = found.end()
        depth += -1 if found.group(1) else 1
    return at


def index_block(page_html: str, turkish: bool | None = None) -> str:
    """``mpchub.search.words.index_block`` of a page the core generated, read without a parse tree."""
    found = scan(page_html)
    labels = found.marked + found.filters
    if not found.marked:  # pages generated before their metadata was marked: the municipality and district
        labels += found.municipalities
        labels += [d for d in (t.strip().rstrip(",").strip() for t in found.districts) if d]
    metadata = [" ".join(label.split()) for label in labels if label.strip()]
    glued: dict[str, None] = {}
    for text in found.definitions:
        first = WORD.search(text)
        if first:
            glued.setdefault(turkish_lower(first.group(0)), None)
    return assemble(" ".join(found.texts), metadata, glued, turkish)
