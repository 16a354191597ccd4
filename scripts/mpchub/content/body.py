"""The one way a record body becomes HTML: Markdown with a fixed extension set, then an allow-list sanitiser.

Record bodies are the only Markdown a contributor writes, and every contributor is a stranger. The
checker and the build both call :func:`render`, so ``mpchub check`` and the site accept exactly the same
content: whatever the sanitiser would drop is a located error in the check, and the build never publishes
it.

How it works, and why each step is there:

1. **Limits first** (``mpchub.content.limits``): size, line length, control and bidi characters, list, bracket
   and emphasis nesting. Python-Markdown's inline parser recurses; 5,000 nested ``*`` raised
   RecursionError and 5,000 ``[`` took six seconds. A body over a limit is not rendered at all.
2. **Python-Markdown** with the extensions listed in ``EXTENSIONS`` only. ``attr_list`` stays on so that
   ``{: .note }`` gives a clear error instead of literal braces, but every attribute it sets must pass the
   same allow-list as raw HTML. ``md_in_html`` is off: bodies need no Markdown inside raw HTML.
3. **The allow-list** (``TAGS``, ``ATTRIBUTES``, ``_attribute_problem``): a scanner lists every element,
   attribute and URL outside it, with the source line, what is wrong and what is allowed.
4. **nh3** (the Rust ``ammonia`` sanitiser, parsing like a browser with html5ever) enforces the same list
   on the HTML that is published. The scanner explains; nh3 decides. If nh3 changes anything the scanner
   did not explain (a parser differential), a catch-all problem is reported, so check and build still
   agree.

What the build does with dropped content: it publishes ``RenderedBody.html``, which never contains it
(the element's text stays, its markup goes; a ``<script>`` or ``<style>`` disappears with its content).
The build is only reached with content that passed ``mpchub check``, where every drop is an error, so in
practice nothing is ever dropped silently; if the check is bypassed the page is still safe.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from html.parser import HTMLParser

import markdown
import nh3

from mpchub.content import budget, limits, rules
from mpchub.content.text import toc_slugify

EXTENSIONS = ["admonition", "attr_list", "tables", "pymdownx.details", "pymdownx.superfences", "toc"]
EXTENSION_CONFIGS = {
    "toc": {"permalink": True, "slugify": lambda value, separator: heading_anchor(value, separator)},
    "tables": {"use_align_attribute": True},  # align="left" instead of style="text-align: left"
    "pymdownx.highlight": {"use_pygments": False},  # <code class="language-x">: no span soup of classes
}

# Admonition and details kinds that Material styles (its canonical names, without the aliases).
ADMONITION_KINDS = frozenset(
    {
        "note",
        "abstract",
        "info",
        "tip",
        "success",
        "question",
        "warning",
        "failure",
        "danger",
        "bug",
        "example",
        "quote",
    }
)
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
TAGS = frozenset(
    {
        "p", "br", "hr", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
        "table", "thead", "tbody", "tr", "th", "td", "div", "details", "summary", "sub", "sup",
    }
    | HEADINGS
)  # fmt: skip
ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"lang"}),
    "a": frozenset({"href", "title", "class"}),
    "ol": frozenset({"start"}),
    "th": frozenset({"align"}),
    "td": frozenset({"align"}),
    "div": frozenset({"class"}),
    "p": frozenset({"class"}),
    "details": frozenset({"class", "open"}),
    "pre": frozenset({"class"}),
    "code": frozenset({"class"}),
    **{heading: frozenset({"id"}) for heading in HEADINGS},
}
CLASSES: dict[str, frozenset[str]] = {
    "a": frozenset({"headerlink"}),  # the toc extension's permalink
    "div": frozenset({"admonition"}) | ADMONITION_KINDS,
    "p": frozenset({"admonition-title"}),
    "details": ADMONITION_KINDS,
    "pre": frozenset({"highlight"}),
}
URL_SCHEMES = frozenset({"https", "http", "mailto"})
LANGUAGE_CLASS = re.compile(r"^language-[a-z0-9][a-z0-9+#_-]{0,30}$")
LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def heading_anchor(value: str, separator: str = "-") -> str:
    """A heading's anchor: ``mpchub.content.text.toc_slugify``, kept out of the site's own ``mpc-`` ids.

    "## MPC Raporu" would give ``mpc-raporu``, in the namespace of the page's own ids (``mpc-content``,
    ``mpc-filters``…); such anchors get a ``b-`` prefix (b for body) instead of being refused.
    """
    slug = toc_slugify(value, separator)
    return "b-" + slug if slug.startswith("mpc-") else slug


# The ids the toc extension makes (mpchub.content.text.toc_slugify, with _1, _2 for repeats). Leading underscores
# (Material's own ids, e.g. __search) and the mpc- prefix (the site's own) are never a contributor's.
HEADING_ID = re.compile(r"^(?!mpc-)[a-z0-9]+(?:-[a-z0-9]+)*(?:_[0-9]+)?$|^_[0-9]+$")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


@dataclass(frozen=True)
class Heading:
    """A heading of the body, for a table of contents: level 2–6, its anchor, its plain text."""

    level: int
    id: str
    text: str


@dataclass(frozen=True)
class BodyProblem:
    """Something in a body that is refused; ``line`` and ``column`` count from the body's first line (1)."""

    line: int
    column: int
    message: str
    rule: rules.Rule
    facts: tuple[tuple[str, int | str], ...] = ()  # the numbers of the message (see Problem.facts)


@dataclass
class RenderedBody:
    """Safe HTML for the page, what was refused, and the headings."""

    html: str
    problems: list[BodyProblem] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------------
# The allow-list, as one function the scanner and nh3 share


def _allowed_text(tag: str) -> str:
    names = sorted(ATTRIBUTES.get(tag, frozenset()) | ATTRIBUTES["*"])
    return ", ".join(names)


def url_problem(value: str) -> str | None:
    """Why a link target is refused, or None. Judged as a browser reads it: tabs and newlines removed."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"
                                                      "\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d"
                                                      "\x1e\x1f ")  # fmt: skip
    match = SCHEME.match(cleaned)
    if match is None:
        if cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
            return "a link starting with // is not allowed: write the full address, https://…"
        return None  # relative: another page of this site, or #a-heading
    scheme = match.group(1).lower()
    if scheme not in URL_SCHEMES:
        return f"a {scheme}: link is not allowed: links start with https://, http:// or mailto:"
    if scheme == "mailto" and "?" in cleaned:
        return (
            "a mailto: link with '?' parameters is not allowed: they can add hidden recipients or text; "
            "write only the address, mailto:name@example.org"
        )
    return None


def _attribute_problem(tag: str, name: str, value: str) -> str | None:
    """Why ``name="value"`` on ``<tag>`` is refused, or None when it is allowed (the allow-list itself)."""
    if name not in ATTRIBUTES.get(tag, frozenset()) and name not in ATTRIBUTES["*"]:
        if name.startswith("on"):
            why = "event attributes run JavaScript"
        elif name.startswith("data-pagefind"):
            why = "it would change the site's search index"
        elif name.startswith("data-"):
            why = "data- attributes belong to the site's own scripts"
        elif name == "style":
            why = "styles could cover the page or load images from other sites"
        else:
            why = "it is not on the list"
        allowed = _allowed_text(tag)
        return f"the attribute {name}= on <{tag}> is not allowed ({why}); allowed on <{tag}>: {allowed}"
    if name == "lang":
        return None if LANG.match(value) else f"lang={value!r} is not a language code: use e.g. lang=en or lang=ar"
    if name == "href":
        return url_problem(value)
    if name == "class":
        allowed_classes = CLASSES.get(tag, frozenset())
        for css_class in value.split():
            if css_class in allowed_classes or (tag == "code" and LANGUAGE_CLASS.match(css_class)):
                continue
            if tag in ("div", "details") and css_class not in allowed_classes:
                return (
                    f"the admonition kind {css_class!r} is not allowed; allowed: {', '.join(sorted(ADMONITION_KINDS))}"
                )
            shown = ", ".join(sorted(allowed_classes)) or "none"
            return f"the class {css_class!r} on <{tag}> is not allowed; allowed classes on <{tag}>: {shown}"
        return None
    if name == "id":
        return (
            None
            if HEADING_ID.match(value)
            else f"the anchor id {value!r} is not allowed: use lower-case a-z, 0-9 and hyphens, not starting "
            "with 'mpc-' (or leave it out: headings get an anchor from their text)"
        )
    if name == "align":
        return None if value in ("left", "right", "center") else "align must be left, right or center"
    if name == "start":
        return None if value.isdigit() else "start= must be a number"
    if name == "open":
        return None if value in ("", "open") else "open takes no value"
    return None


def _tag_problem(tag: str) -> str:
    if tag == "h1":
        return "a level-1 heading is not allowed in a record body: the page title is the only one; start with ##"
    if tag == "img":
        return (
            "images are not allowed in a record body: an image from another site would tell it who reads the "
            "page; link to the picture instead, [description](https://…)"
        )
    if tag in ("script", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "svg", "math"):
        why = "it can run code, load other sites or change the page"
    else:
        why = "it is not on the list"
    return (
        f"<{tag}> is not allowed in a record body ({why}); write Markdown: headings (##), lists, tables, "
        "links [text](https://…), admonitions (!!! note)"
    )


def _nh3_filter(tag: str, name: str, value: str) -> str | None:
    return None if _attribute_problem(tag, name, value) else value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_nh3_filter,
    strip_comments=True,
    link_rel=None,  # no target= is allowed, so no new window and no opener to protect
    url_schemes=set(URL_SCHEMES),
)


# ---------------------------------------------------------------------------------------------------
# Limits on the Markdown source


_LIST_OR_QUOTE = re.compile(r"^((?:[ \t]*(?:[-*+]|\d{1,9}[.)]|>)[ \t]+)+)")
_INLINE_MARKS = "*_`[]<>&"
_BRACKET = re.compile(r"[\[\]()]")
_LIST_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)]|>)[ \t]")
_EMPHASIS_RUN = re.compile(r"(?<!\\)([*_])\1{" + str(limits.MAX_EMPHASIS_RUN) + ",}")
_EMPHASIS_STARS, _EMPHASIS_LINES = "*" * (limits.MAX_EMPHASIS_RUN + 1), "_" * (limits.MAX_EMPHASIS_RUN + 1)
_THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


_DEEP_LINE_START = re.compile(rf"^[ \t>*+\-0-9.)]{{{limits.MAX_LIST_DEPTH},}}", re.MULTILINE)


_ATX_HEADING = re.compile(r"^[ \t>]*#")  # Python-Markdown needs no space after the #
_SETEXT_UNDERLINE = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$")  # under a line of text: a heading


def _may_exceed_a_line_limit(source: str) -> bool:
    """Whole-text upper bounds for the per-line limits below: most bodies are decided here at once."""
    if len(source) > limits.MAX_PARAGRAPH_CHARACTERS or _EMPHASIS_STARS in source or _EMPHASIS_LINES in source:
        return True
    if source.count("\n") >= min(limits.MAX_BLOCK_LINES, limits.MAX_HEADINGS):  # one heading or line per line
        return True
    if sum(map(source.count, _INLINE_MARKS)) > limits.MAX_INLINE_MARKS:
        return True
    if source.count("[") > limits.MAX_BRACKET_DEPTH or source.count("(") > limits.MAX_BRACKET_DEPTH:
        return True
    # A nesting level needs one more character of indentation or a marker with its space.
    return _DEEP_LINE_START.search(source) is not None


def _limit_problems(source: str) -> list[BodyProblem]:
    problems: list[BodyProblem] = []
    if len(source) > limits.MAX_BODY_CHARACTERS:
        return [
            BodyProblem(
                1,
                1,
                f"the body is {len(source):,} characters long; the limit is {limits.MAX_BODY_CHARACTERS:,}: "
                "summarise, and link to the full text at its source",
                rules.BODY_TOO_LONG,
                (("max_characters", limits.MAX_BODY_CHARACTERS), ("characters", len(source))),
            )
        ]
    for offset, reason in limits.forbidden_characters(source):
        line, column = limits.line_and_column(source, offset)
        problems.append(BodyProblem(line, column, reason, rules.CONTROL_CHARACTER))
        if len(problems) >= 20:
            break
    if not _may_exceed_a_line_limit(source):
        return problems
    fence = ""
    indents: list[int] = []
    depth = {"[": 0, "(": 0}  # open brackets in the current paragraph
    paragraph = 0  # characters in the current paragraph
    # Brackets can only nest too deep when there are that many of them (most bodies have a few links).
    bracket_check = source.count("[") > limits.MAX_BRACKET_DEPTH or source.count("(") > limits.MAX_BRACKET_DEPTH
    marks = 0  # inline markup characters in the current paragraph
    block_lines = 0  # lines since the last blank line (outside code fences)
    headings = 0
    previous = ""  # the line before, outside code fences
    for number, line in enumerate(source.split("\n"), start=1):
        paragraph = 0 if not line.strip() else paragraph + len(line) + 1
        if not fence and line.strip():
            block_lines += 1
            if block_lines == limits.MAX_BLOCK_LINES + 1:
                problems.append(
                    BodyProblem(
                        number - limits.MAX_BLOCK_LINES,
                        1,
                        f"more than {limits.MAX_BLOCK_LINES} lines follow each other here without a blank line: "
                        "put a blank line between paragraphs, list items or sections (a table may have "
                        f"{limits.MAX_BLOCK_LINES - 2} rows)",
                        rules.BODY_BUDGET,
                    )
                )
            if _ATX_HEADING.match(line) or (previous.strip() and _SETEXT_UNDERLINE.match(line)):
                headings += 1
                if headings == limits.MAX_HEADINGS + 1:
                    problems.append(
                        BodyProblem(
                            number,
                            1,
                            f"the body has more than {limits.MAX_HEADINGS} headings (lines starting with #, or "
                            "underlined with = or -): a record summarises in a few sections",
                            rules.BODY_BUDGET,
                        )
                    )
        elif not fence:
            block_lines = 0
        previous = line if not fence else ""
        if paragraph > limits.MAX_PARAGRAPH_CHARACTERS:
            problems.append(
                BodyProblem(
                    number,
                    1,
                    f"this paragraph is longer than {limits.MAX_PARAGRAPH_CHARACTERS:,} characters: "
                    "break it into shorter paragraphs with blank lines",
                    rules.PARAGRAPH_TOO_LONG,
                    (("max_characters", limits.MAX_PARAGRAPH_CHARACTERS),),
                )
            )
            paragraph = -limits.MAX_BODY_CHARACTERS  # one message per paragraph
            continue
        opening = _CODE_FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        if not line.strip():
            depth = {"[": 0, "(": 0}
            marks = 0
            continue
        if _LIST_ITEM.match(line):
            marks = 0  # a list item is an inline text of its own, like a paragraph
        marks += sum(map(line.count, _INLINE_MARKS))
        if marks > limits.MAX_INLINE_MARKS:
            problems.append(
                BodyProblem(
                    number,
                    1,
                    f"this paragraph has more than {limits.MAX_INLINE_MARKS:,} markup characters (* _ ` [ ] < > &): "
                    "split it into paragraphs, or write the list as a Markdown list",
                    rules.PARAGRAPH_TOO_LONG,
                )
            )
            marks = -limits.MAX_BODY_CHARACTERS  # one message per paragraph
        # List and quote nesting: markers at the start of the line and indentation levels.
        markers = _LIST_OR_QUOTE.match(line)
        width = len(line) - len(line.lstrip(" \t"))
        while indents and indents[-1] >= width:
            indents.pop()
        if markers:
            indents.append(width)
        same_line = len(_MARKER.findall(markers.group(1))) - 1 if markers else 0  # "- - - x" or "> > x"
        level = len(indents) + same_line
        if level > limits.MAX_LIST_DEPTH:
            problems.append(
                BodyProblem(
                    number,
                    width + 1,
                    f"lists or quotes nest more than {limits.MAX_LIST_DEPTH} levels deep here: flatten the list",
                    rules.NESTING,
                )
            )
            indents.clear()
        for bracket in _BRACKET.finditer(line) if bracket_check else ():
            column, ch = bracket.start() + 1, bracket.group()
            if ch in "[(" and (column == 1 or line[column - 2] != "\\"):
                depth[ch] += 1
                if depth[ch] > limits.MAX_BRACKET_DEPTH:
                    problems.append(
                        BodyProblem(
                            number,
                            column,
                            f"{ch} brackets open more than {limits.MAX_BRACKET_DEPTH} levels deep in one paragraph "
                            "without closing: a link is [text](https://…); write a literal bracket as \\" + ch,
                            rules.NESTING,
                        )
                    )
                    depth = {"[": 0, "(": 0}
                    break
            elif ch in "])" and (column == 1 or line[column - 2] != "\\"):
                opener = "[" if ch == "]" else "("
                depth[opener] = max(depth[opener] - 1, 0)
        if not _THEMATIC_BREAK.match(line):
            run = _EMPHASIS_RUN.search(line)
            if run:
                problems.append(
                    BodyProblem(
                        number,
                        run.start() + 1,
                        f"{run.group()[:10]!r}: more than {limits.MAX_EMPHASIS_RUN} emphasis marks in a row; "
                        "**bold**, *italic* and ***both*** are enough (write a literal star as \\*)",
                        rules.NESTING,
                    )
                )
    return problems


# ---------------------------------------------------------------------------------------------------
# Scanning the rendered HTML


class _Scanner(HTMLParser):
    """Lists what the allow-list refuses, in document order, with a text to find in the source."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, rules.Rule, tuple[str, ...]]] = []  # (message, rule, texts to find in the source)
        self.tokens: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tokens.append(("<", tag, *sorted(f"{n}={v or ''}" for n, v in attrs)))
        if tag not in TAGS:
            self.found.append((_tag_problem(tag), rules.HTML_ELEMENT, (f"<{tag}", "![" if tag == "img" else "<")))
            return
        for name, value in attrs:
            problem = _attribute_problem(tag, name, value or "")
            if problem:
                rule = rules.HTML_URL if name == "href" else rules.HTML_ATTRIBUTE
                needles = (value, re.sub(r"\s", "", value)[:3], "](") if name == "href" and value else (name,)
                self.found.append((problem, rule, needles))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tokens.append((">", tag))

    def handle_data(self, data: str) -> None:
        self.tokens.append(("t", data))

    def handle_comment(self, data: str) -> None:
        self.found.append(("HTML comments are not allowed in a record body: delete it", rules.HTML_COMMENT, ("<!--",)))

    def handle_decl(self, decl: str) -> None:
        self.found.append((f"<!{decl[:20]}> is not allowed in a record body: delete it", rules.HTML_ELEMENT, ("<!",)))

    def unknown_decl(self, data: str) -> None:
        self.found.append((f"<![{data[:20]}> is not allowed in a record body: delete it", rules.HTML_ELEMENT, ("<![",)))

    def handle_pi(self, data: str) -> None:
        self.found.append(("<?…> is not allowed in a record body: delete it", rules.HTML_ELEMENT, ("<?",)))


def _scan(html: str) -> _Scanner | None:
    scanner = _Scanner()
    try:
        scanner.feed(html)
        scanner.close()
    except Exception:  # Python's HTMLParser raises AssertionError on some declarations (<![a[ )
        return None
    return scanner


def _signature(scanner: _Scanner) -> list[tuple[str, ...]]:
    """Tags, attributes and text with whitespace removed: what a visitor gets, whatever the serialisation."""
    merged: list[tuple[str, ...]] = []
    for token in scanner.tokens:
        if token[0] == "t":
            text = re.sub(r"\s+", "", token[1])
            if not text:
                continue
            if merged and merged[-1][0] == "t":
                merged[-1] = ("t", merged[-1][1] + text)
                continue
            merged.append(("t", text))
        else:
            merged.append(token)
    return merged


def _locate(source: str, needles: tuple[str, ...], start: int) -> tuple[int, int, int]:
    """(line, column, offset) of the first of ``needles`` found in the source, searching on from ``start``.

    Case-insensitive by regex, not by ``lower()``: 'İ'.lower() is two characters and would shift columns.
    """
    match = None
    for needle in needles:
        if needle:
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            match = pattern.search(source, start) or pattern.search(source)
            if match:
                break
    if match is None:
        return 1, 1, start
    line, column = limits.line_and_column(source, match.start())
    return line, column, match.start() + 1


# ---------------------------------------------------------------------------------------------------
# Rendering


_local = threading.local()


def _markdown() -> markdown.Markdown:
    """One Markdown instance per thread, reset between bodies (building one costs more than a render)."""
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(
            extensions=[*EXTENSIONS, "pymdownx.highlight"], extension_configs=EXTENSION_CONFIGS, output_format="html"
        )
        _local.md = md
    md.reset()
    return md


def _headings(tokens: list[dict], html: str) -> list[Heading]:
    found: list[Heading] = []
    for token in tokens:
        if HEADING_ID.match(token["id"]) and f'id="{token["id"]}"' in html:
            found.append(Heading(token["level"], token["id"], token["name"]))
        found.extend(_headings(token.get("children", []), html))
    return found


def _fallback(source: str) -> str:
    """What the page shows for a body that cannot be rendered: its text, escaped, never markup."""
    parts = re.split(r"\n\s*\n", limits.without_forbidden(source))
    return "".join(f"<p>{escape(part.strip())}</p>\n" for part in parts if part.strip())


# What plain Markdown cannot contain without one of these: raw HTML and autolinks (<), entities (&), links
# and images ([ ]), attr_list ({ }), code and fences (` ~~~), escapes (\\), admonitions and details
# (!!! ???), and level-1 headings (a line starting with one # — Python-Markdown needs no space after it —
# or a === underline, also inside lists and quotes).
_MARKUP_CHARACTER = re.compile(r"[<&\[\]{}`\\]")
_LEVEL_ONE_HEADING = re.compile(r"^[ \t>*+\-0-9.)]*#(?!#)|^[ \t>]*=+[ \t]*$", re.MULTILINE)


def needs_rendering(source: str) -> bool:  # kept for measurements: `problems` no longer skips rendering
    """True unless ``source`` is plain prose (see :func:`problems`); substring tests first, for speed."""
    return bool(
        _MARKUP_CHARACTER.search(source)
        or "~~~" in source
        or "!!!" in source
        or "???" in source
        or (("#" in source or "=" in source) and _LEVEL_ONE_HEADING.search(source))
    )


def problems(source: str) -> list[BodyProblem]:
    """What :func:`render` refuses in ``source``: the check renders every body, as the build does.

    It used to skip rendering plain prose (no ``< & [ ] { }``, backtick, backslash, fence, admonition or
    level-1 heading), whose only possible problems were the limits on the source. That held for the
    allow-list but not for time: 50 KB of ``##`` lines is plain prose and took 62.6 s to render. Bodies are
    now rendered once per text and process (:func:`rendered`), so the build reuses what the check made.
    """
    return rendered(source).problems


@lru_cache(maxsize=32768)  # every body of 5,000 bilingual records: 8,192 made the build render most again
def rendered(source: str) -> RenderedBody:
    """:func:`render`, once per text: ``mpchub check`` and the build in one process (``mkdocs build`` checks,
    then renders every page; an untranslated record's page in another language shows the master's body)
    render each body once. Read-only for callers."""
    return render(source)


def _busiest_line(source: str) -> int:
    """The first line of the longest run of lines without a blank line: where a slow body most likely is."""
    best, best_start, start, length = 0, 1, 1, 0
    for number, line in enumerate(source.split("\n"), start=1):
        if line.strip():
            if length == 0:
                start = number
            length += 1
            if length > best:
                best, best_start = length, start
        else:
            length = 0
    return best_start


def render(source: str) -> RenderedBody:
    """Turn a record body (Markdown) into safe HTML, listing everything that is refused.

    Never raises for any input. ``problems`` empty means the HTML is exactly what the Markdown says;
    otherwise the check fails, and ``html`` is still safe to publish. Rendering is bounded twice: by the
    limits on the source, and by a budget of processor time (``mpchub.content.budget``) and of output.
    """
    problems = _limit_problems(source)
    if problems:
        return RenderedBody(_fallback(source) if len(source) <= limits.MAX_BODY_CHARACTERS else "", problems)
    try:
        with budget.cpu_limit(budget.RENDER_SECONDS):
            md = _markdown()
            raw = md.convert(source)
            toc_tokens = getattr(md, "toc_tokens", [])
            if len(raw) > limits.MAX_BODY_HTML:
                line = _busiest_line(source)
                message = (
                    f"this body makes more than {limits.MAX_BODY_HTML:,} characters of HTML: write fewer, longer "
                    "paragraphs, list items or table cells"
                )
                return RenderedBody(_fallback(source), [BodyProblem(line, 1, message, rules.BODY_BUDGET)])
            safe = _CLEANER.clean(raw)
            scanner = _scan(raw)
    except budget.BudgetExceeded:
        _local.md = None  # interrupted half-way: its state is not to be trusted
        message = (
            f"this body takes more than {budget.RENDER_SECONDS:g} s to render, which would slow the whole site's "
            "build: simplify the markup near here (fewer lines without a blank line, fewer headings and lists)"
        )
        return RenderedBody(_fallback(source), [BodyProblem(_busiest_line(source), 1, message, rules.BODY_BUDGET)])
    except (Exception, RecursionError) as exc:  # a Markdown extension's own bug must not stop the check
        _local.md = None
        message = f"this Markdown cannot be rendered ({type(exc).__name__}); simplify the nesting or the markup"
        return RenderedBody(_fallback(source), [BodyProblem(1, 1, message, rules.MARKDOWN)])
    start = 0
    if scanner is not None:
        for message, rule, needle in scanner.found[: limits.MAX_PROBLEMS_PER_FILE + 1]:  # each is located
            line, column, start = _locate(source, needle, start)
            problems.append(BodyProblem(line, column, message, rule))
    if not problems:
        after = _scan(safe)
        if scanner is None or after is None or _signature(scanner) != _signature(after):
            line, column, _ = _locate(source, ("<",), 0)
            problems.append(
                BodyProblem(
                    line,
                    column,
                    "this body contains HTML that the sanitiser changes (it is read differently by browsers "
                    "and by the checker): write the content in Markdown without raw HTML",
                    rules.HTML_AMBIGUOUS,
                )
            )
    return RenderedBody(safe, problems, _headings(toc_tokens, safe))
