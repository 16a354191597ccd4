"""Bounds on contributor input, and the characters no one types.

Every record arrives from a stranger, so every input has a bound that is checked *before* the expensive
or fragile step it protects: the file size before the file is read, the YAML nesting before libyaml's
recursive C parser (30,000 ``[`` overflowed its stack and killed the process with no output), the Markdown
nesting before Python-Markdown's recursive inline parser. Each bound is generous for real writing (the
longest record in the repository is under 4 KB) and each refusal says which bound was met.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MAX_FILE_BYTES = 1_000_000  # one record file, front matter and body together (1 MB)
MAX_BODY_CHARACTERS = 50_000  # about 7,500 words: a record summarises, the full text stays at the source
# One paragraph (lines without a blank line between them). Python-Markdown's inline parser is quadratic
# in the links and emphasis of one paragraph: 27,000 links in one took 26 s; 20,000 characters take < 1 s.
MAX_PARAGRAPH_CHARACTERS = 20_000  # a table counts as one paragraph: about 1,000 rows
# Markup characters (* _ ` [ ] < > &) in one paragraph or list item: the inline parser's time grows with
# their square (2,700 links in each of six paragraphs took 16 s). 300 is about 150 links or bold words.
MAX_INLINE_MARKS = 300
MAX_YAML_DEPTH = 12  # the schemas nest three levels (implementers[0].name); 12 leaves room for mistakes
# The front matter's size, before YAML reads it: 30,000 small mappings took 4 s to compose and locate. Every
# field's bound (FIELDS) allows about 300,000 characters; the longest real front matter is under 4 KB.
MAX_FRONT_MATTER_CHARACTERS = 200_000
MAX_YAML_ITEMS = 5_000  # lines and flow separators (, [ {): a record has about a hundred
# Problems listed per file: a file with 60,000 unknown fields gave 13 MB of messages in 4 s; the first
# hundred say what is wrong, and the rest are counted in one line.
MAX_PROBLEMS_PER_FILE = 100
MAX_LIST_DEPTH = 8  # Markdown list or blockquote levels
MAX_BRACKET_DEPTH = 8  # unclosed [ or ( in one paragraph; Python-Markdown's link parser is cubic in them
MAX_EMPHASIS_RUN = 3  # *** is bold italic; longer runs only make the inline parser recurse
# Lines without a blank line between them: Python-Markdown's block parser splits such a block one line at
# a time and tests every block processor on the rest each time, so its work grows with the square of the
# lines when each is a block of its own (4,000 lines of '-' or '##' took 0.6-1.1 s, 50 KB of '##' 62.6 s).
MAX_BLOCK_LINES = 200  # a table of 200 rows, a list of 200 items
# Headings: the toc extension makes each id unique by trying _1, _2, … in turn (quadratic in repeated
# headings), and each heading becomes a permalink; a record summarises in a few sections.
MAX_HEADINGS = 100
MAX_BODY_HTML = (
    400_000  # characters of rendered HTML: real prose gives about 1.2 per character, a table of one-letter cells 6
)

# Bidirectional embeddings, overrides and isolates reorder what a reviewer sees ("Trojan Source",
# CVE-2021-42574); nobody types them in Turkish or English text. The marks U+200E/U+200F/U+061C stay
# allowed: they are what right-to-left writers insert, and they reorder nothing by themselves.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SEPARATORS = frozenset("\u2028\u2029")  # break YAML and JavaScript strings; no keyboard makes them


def forbidden_character(ch: str, allow_newlines: bool = True) -> str | None:
    """Why ``ch`` may not appear in contributor text, or None when it may.

    Letters of every script, punctuation, emoji, joiners and the Turkish letters all pass: what is
    refused is what a keyboard does not produce (control characters, bidi overrides, noncharacters).
    """
    code = ord(ch)
    if ch in "\t" or (allow_newlines and ch == "\n"):
        return None
    if code < 0x20 or code == 0x7F or 0x80 <= code <= 0x9F:
        return f"the control character U+{code:04X} is not allowed (delete it; it is invisible and breaks pages)"
    if ch in BIDI_CONTROLS:
        name = unicodedata.name(ch, "bidirectional control")
        return (
            f"the bidirectional control character U+{code:04X} ({name}) is not allowed: it reorders the text "
            "so that readers and reviewers see something else than what is written"
        )
    if ch in LINE_SEPARATORS:
        return f"the separator U+{code:04X} is not allowed: use an ordinary line break"
    if ch == "\ufeff":
        return "a byte order mark (U+FEFF) inside the text is not allowed: delete it"
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} is half of a character (a lone surrogate): delete it"
    if 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE:
        return f"U+{code:04X} is not a character (a Unicode noncharacter): delete it"
    return None


# Two patterns: a class listing the astral noncharacters one by one made every scan 35 times slower.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff\ufdd0-\ufdef\ufffe\uffff"
    "\ud800-\udfff]"  # lone surrogates: no UTF-8 file can hold them (writing one raised UnicodeEncodeError)
)
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")  # emoji and rare scripts: checked one by one for U+nFFFE/U+nFFFF


def forbidden_characters(text: str, allow_newlines: bool = True) -> Iterator[tuple[int, str]]:
    """(offset, reason) for each forbidden character in ``text``; a regex finds them, so clean text is fast."""
    for match in _SUSPECT.finditer(text):
        reason = forbidden_character(match.group(), allow_newlines)
        if reason:
            yield match.start(), reason
    if _ASTRAL.search(text):
        for match in _ASTRAL.finditer(text):
            if (ord(match.group()) & 0xFFFE) == 0xFFFE:
                yield match.start(), forbidden_character(match.group()) or ""
    if not allow_newlines:
        for match in re.finditer("\n", text):
            yield match.start(), "a line break is not allowed in this field"


def without_forbidden(text: str) -> str:
    """``text`` with every forbidden character removed (for showing refused text safely)."""
    text = _SUSPECT.sub("", text)
    return _ASTRAL.sub(lambda m: "" if (ord(m.group()) & 0xFFFE) == 0xFFFE else m.group(), text)


def front_matter_size_problem(text: str) -> str | None:
    """Why the front matter is too large for YAML to read quickly, judged on the text, or None."""
    if len(text) > MAX_FRONT_MATTER_CHARACTERS:
        return (
            f"the front matter is {len(text):,} characters long; the limit is {MAX_FRONT_MATTER_CHARACTERS:,}: a "
            "record's fields summarise (see each field's bound in the field reference)"
        )
    items = text.count("\n") + text.count(",") + text.count("[") + text.count("{")
    if items > MAX_YAML_ITEMS:
        return (
            f"the front matter has {items:,} lines and list or group separators; the limit is {MAX_YAML_ITEMS:,}: "
            "a record's fields fit in a few hundred lines"
        )
    return None


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


_BLOCK_START = re.compile(r"^( *)((?:-(?: +|$))*)")
_BLOCK_SCALAR = re.compile(r"(?:^|[:-] +|^ *)[|>][-+0-9]*\s*(?:#.*)?$")


def yaml_depth_problem(text: str) -> tuple[int, int, str] | None:
    """(line, column, message) when the YAML nests deeper than MAX_YAML_DEPTH, judged from the text alone.

    Runs before libyaml, whose recursive parser crashes the whole process on deep nesting (no exception
    can be caught). Flow brackets are counted outside quoted strings and comments; block nesting is
    counted from an indentation stack plus the '- ' markers that open a sequence on the same line; the
    lines of a literal or folded block (``|``, ``>``) are text and are skipped. The count errs on the
    high side: a false alarm needs a record nested twelve levels deep, which no schema allows.
    """
    # A block level needs one more space of indentation or a '- ' on the line, so a text whose lines start
    # with fewer such characters than the room left by its brackets cannot nest too deep.
    room = MAX_YAML_DEPTH - 1 - text.count("[") - text.count("{")
    if room > 0 and not re.search(rf"^[ -]{{{room},}}", text, re.MULTILINE):
        return None  # the common case, decided without the character loop below
    depth = 0  # open flow brackets
    indents: list[int] = []  # indentation of the open block levels
    scalar_indent = -1  # inside a block scalar: the indentation of the line that opened it
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" ")
        width = len(line) - len(stripped)
        if scalar_indent >= 0:
            if not stripped or width > scalar_indent:
                continue
            scalar_indent = -1
        if depth == 0 and stripped and not stripped.startswith("#"):
            while indents and indents[-1] >= width:
                indents.pop()
            indents.append(width)
            dashes = _BLOCK_START.match(line)
            chain = dashes.group(2).count("-") if dashes else 0
            if len(indents) + chain > MAX_YAML_DEPTH:
                return number, width + 1, _yaml_depth_message()
            if _BLOCK_SCALAR.search(line):
                scalar_indent = width
        quote = ""
        for column, ch in enumerate(line, start=1):
            if quote:
                if ch == quote:
                    quote = ""
                continue
            if ch in "\"'" and (column == 1 or line[column - 2] in " [{,:"):
                quote = ch
            elif ch == "#" and (column == 1 or line[column - 2] == " "):
                break
            elif ch in "[{":
                depth += 1
                if depth + len(indents) > MAX_YAML_DEPTH:
                    return number, column, _yaml_depth_message()
            elif ch in "]}":
                depth = max(depth - 1, 0)
    return None


def _yaml_depth_message() -> str:
    return (
        f"the front matter nests lists or groups more than {MAX_YAML_DEPTH} levels deep: "
        "records use at most three levels (e.g. implementers → one implementer → name)"
    )


# ---------------------------------------------------------------------------------------------------
# The bounds of every field: one table
#
# Why a table here and not ``maxLength`` in the schema files: these numbers are defences (against a
# record that slows the build, fills a page or stuffs the search index), reviewed with the code that
# relies on them (CODEOWNERS), and every field must have one, including a field added to a schema
# tomorrow by someone who does not think of it: a field missing from the table gets the default of its
# kind. ``mpchub.content.schemas`` writes them into the compiled schemas (``maxLength``, ``maxItems``,
# ``maximum``), so jsonschema enforces them with its located messages and the field reference prints
# them; the schema files may not set ``maxLength`` or ``maxItems`` themselves (a second source).


@dataclass(frozen=True)
class Bound:
    """How large one field may be. ``one_line``: a line break is refused (names, titles, addresses)."""

    characters: int | None = None  # a text's length, in characters (code points, as JSON Schema counts)
    items: int | None = None  # a list's length
    maximum: int | None = None  # a number's largest value (every number the site formats has one)
    one_line: bool = False


NAME = Bound(characters=150, one_line=True)  # an organisation's or a person's name: the longest real one is 106
ADDRESS = Bound(characters=2_000, one_line=True)  # a URL (the longest real one is 228)
ID = Bound(characters=80, one_line=True)  # a record's id (and file name)
LIST_ITEM = Bound(characters=1_000)  # one objective, activity, lesson…: the longest real one is 780
TEXT_LIST = Bound(items=20)

# Keys: a field's path with ``[]`` for "every item of the list" ("implementers[].name", "objectives[]");
# "<collection>:<path>" for a bound that one collection sets differently. Real records use about half of
# every bound (measured on the repository's 136 files when the table was written).
FIELDS: dict[str, Bound] = {
    "id": ID,
    "title": Bound(characters=300, one_line=True),
    "practice:title": Bound(characters=160, one_line=True),
    "recommendation:title": Bound(characters=200, one_line=True),
    "subtitle": Bound(characters=300, one_line=True),
    "summary": Bound(characters=1_200),
    "abstract": Bound(characters=3_000),
    "methodology": Bound(characters=3_000),
    "context": Bound(characters=5_000),
    "resources": Bound(characters=3_000),
    "transferability": Bound(characters=3_000),
    # Organisations: a practice has a few implementers and partners; more is a list of names for the search.
    "implementers": Bound(items=8),
    "implementers[].name": NAME,
    "implementers[].name_en": NAME,
    "implementers[].unit": NAME,
    "implementers[].unit_en": NAME,
    "partners": Bound(items=20),
    "partners[].name": NAME,
    "partners[].name_en": NAME,
    "district": Bound(characters=40, one_line=True),  # one district: "Küçükçekmece", not a list of them
    "themes": Bound(items=5),
    "target_groups": Bound(items=6),
    "sdgs": Bound(items=17),
    "gcm_objectives": Bound(items=23),
    "addressees": Bound(items=10),
    "geographic_scope": Bound(items=81),  # every province
    "objectives": TEXT_LIST,
    "objectives[]": LIST_ITEM,
    "activities": TEXT_LIST,
    "activities[]": LIST_ITEM,
    "outputs": TEXT_LIST,
    "outputs[]": LIST_ITEM,
    "outcomes": TEXT_LIST,
    "outcomes[]": LIST_ITEM,
    "challenges": TEXT_LIST,
    "challenges[]": LIST_ITEM,
    "lessons": TEXT_LIST,
    "lessons[]": LIST_ITEM,
    "next_steps": TEXT_LIST,
    "next_steps[]": LIST_ITEM,
    "caveats": TEXT_LIST,
    "caveats[]": LIST_ITEM,
    "evidence": TEXT_LIST,
    "evidence[]": LIST_ITEM,
    "funding.sources": Bound(items=10),
    "funding.programme": Bound(characters=300, one_line=True),
    "funding.amount": Bound(maximum=10**13),  # Babel cannot format 10^25 (the build crashed)
    "funding.currency": Bound(characters=3, one_line=True),
    "beneficiaries": Bound(items=10),
    "beneficiaries[].count": Bound(maximum=10**9),
    "contact.unit": NAME,
    "contact.email": Bound(characters=254, one_line=True),
    "contact.phone": Bound(characters=30, one_line=True),
    "contact.url": ADDRESS,
    "sources": Bound(items=40),
    "sources[].title": Bound(characters=400, one_line=True),
    "sources[].url": ADDRESS,
    "sources[].publisher": Bound(characters=200, one_line=True),
    "related_practices": TEXT_LIST,
    "related_practices[]": ID,
    "related_publications": TEXT_LIST,
    "related_publications[]": ID,
    "related_recommendations": TEXT_LIST,
    "related_recommendations[]": ID,
    "origin.publication": ID,
    "origin.pages": Bound(characters=50, one_line=True),
    "authors": Bound(items=30),
    "authors[].name": NAME,
    "authors[].affiliation": Bound(characters=200, one_line=True),
    "publisher": Bound(characters=200, one_line=True),
    "publisher_en": Bound(characters=200, one_line=True),
    "series": Bound(characters=200, one_line=True),
    "series_number": Bound(maximum=10_000),
    "project": Bound(characters=200, one_line=True),
    "editions": Bound(items=10),
    "editions[].title": Bound(characters=300, one_line=True),
    "editions[].url": ADDRESS,
    "editions[].isbn": Bound(characters=20, one_line=True),
    "pages": Bound(maximum=100_000),
}
# What a field missing from the table gets, by its JSON type: nothing is unbounded.
DEFAULTS: dict[str, Bound] = {
    "string": Bound(characters=2_000),
    "array": Bound(items=20),
    "integer": Bound(maximum=10**9),
    "number": Bound(maximum=10**9),
}


def field_key(path: tuple[str | int, ...]) -> str:
    """The table's key for a field path: ``('implementers', 0, 'name')`` or ``('implementers', '[]', 'name')``
    → ``implementers[].name``."""
    out = ""
    for part in path:
        if isinstance(part, int) or part == "[]":
            out += "[]"
        else:
            out += f".{part}" if out else part
    return out


def bound(collection: str, path: tuple[str | int, ...], kind: str | None = None) -> Bound:
    """The bound of the field at ``path`` in ``collection``; the default of its JSON ``kind`` when the table
    has no entry."""
    key = field_key(path)
    found = FIELDS.get(f"{collection}:{key}") or FIELDS.get(key)
    if found is not None:
        return found
    return DEFAULTS.get(kind or "", Bound())
