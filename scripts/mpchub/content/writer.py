"""A record's text exactly as the web editor (Sveltia CMS) writes it.

Sveltia CMS rebuilds a whole file when it saves an entry: it orders the fields as its configuration
lists them (the schema's order, see ``mpchub.cms.config``), drops empty optional fields, and
serialises the front matter with the ``yaml`` library (eemeli/yaml) using the options it passes in
``formatYAML``: two-space indentation, indented sequences, no line folding (``lineWidth: 0``) and, as
``mpchub.cms.config`` asks with ``output.yaml.quote: double``, every string in double quotes. The body
follows a blank line after the closing ``---``. A file already written that way comes back unchanged
but for the edited fields, so the repository keeps its records in this form (``mpchub format``
rewrites them, and ``mpchub check`` warns about a record that is not).

Why double quotes: with plain strings the editor would write ``yes``, ``no``, ``on`` or ``1:30`` bare,
which YAML 1.2 (the editor's reader) takes as text but YAML 1.1 (ours, and PyYAML's) as a boolean or a
number. Quoted, every reader sees the same text; unlike single quotes, Turkish apostrophes
(``İstanbul'da``) stay as they are.

Why our own writer: PyYAML and ruamel.yaml both emit valid YAML, but not byte for byte what the
``yaml`` library emits (its escapes, its multi-line double-quoted strings, its number forms); only an
exact copy keeps the editor's diffs to the edited lines. It covers what records hold: mappings, lists,
strings, integers, floats, booleans and null. ``tests/test_cms_writer.py`` holds its cases, and the
browser test saves records through the real editor and compares the files with this writer's output.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from mpchub.content.records import FENCE_LINE
from mpchub.content.schemas import Schema

INDENT = "  "  # formatYAML: indent_size 2
MIN_MULTILINE = 40  # yaml's doubleQuotedMinMultiLineLength: shorter strings keep "\n" escapes

# yaml's doubleQuotedString turns these \u escapes of JSON.stringify into YAML's short escapes.
_SHORT_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e", "0085": "\\N", "00a0": "\\_"}
_SHORT_ESCAPES |= {"2028": "\\L", "2029": "\\P"}


def _double_quoted(value: str, indent: str) -> str:
    """yaml's ``doubleQuotedString`` (stringify/stringifyString.js), line for line, for a value that is
    not a mapping key: JSON's escapes, then line breaks written as folded lines when the text is long."""
    text = json.dumps(value, ensure_ascii=False)  # the same escapes as JavaScript's JSON.stringify
    if "\\n" not in text and "\\u" not in text:
        return text  # the common case: nothing below changes a text without line breaks or \u escapes

    def at(index: int) -> str:
        return text[index] if index < len(text) else ""

    out, start, i = "", 0, 0
    while i < len(text):
        ch = text[i]
        if ch == " " and at(i + 1) == "\\" and at(i + 2) == "n":
            out += text[start:i] + "\\ "  # a space before a line break is escaped, or folding would eat it
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = at(i + 1)
            if following == "u":
                out += text[start:i]
                code = text[i + 2 : i + 6]
                if code in _SHORT_ESCAPES:
                    out += _SHORT_ESCAPES[code]
                elif code.startswith("00"):
                    out += "\\x" + code[2:]
                else:
                    out += text[i : i + 6]
                i += 5
                start = i + 1
            elif following == "n":
                if at(i + 2) == '"' or len(text) < MIN_MULTILINE:
                    i += 1
                else:
                    out += text[start:i] + "\n\n"  # folding reads one line break as a space
                    while at(i + 2) == "\\" and at(i + 3) == "n" and at(i + 4) != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if at(i + 2) == " ":
                        out += "\\"  # a space after a line break is escaped, or folding would eat it
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    return out + text[start:] if start else text


def _number(value: float) -> str:
    """JavaScript's ``String(number)`` (what yaml writes), from the same shortest digits Python's repr finds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    if value == 0:
        return "0"
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    digits = all_digits.lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(all_digits) - len(digits))  # JavaScript's n
    digits = digits.rstrip("0")
    sign = "-" if value < 0 else ""
    if len(digits) <= point <= 21:
        return sign + digits + "0" * (point - len(digits))
    if 0 < point <= 21:
        return f"{sign}{digits[:point]}.{digits[point:]}"
    if -6 < point <= 0:
        return f"{sign}0.{'0' * -point}{digits}"
    rest = f".{digits[1:]}" if len(digits) > 1 else ""
    return f"{sign}{digits[0]}{rest}e{'+' if point > 0 else '-'}{abs(point - 1)}"


def _scalar(value: Any, indent: str) -> str:
    if value is None:
        return "null"
    if isinstance(value, str):
        return _double_quoted(value, indent)
    if isinstance(value, (bool, int, float)):
        return _number(value)
    raise TypeError(f"a record holds no {type(value).__name__} values")


def _is_collection(value: Any) -> bool:
    return isinstance(value, (Mapping, list))


def _mapping(data: Mapping[str, Any], indent: str) -> str:
    """A block mapping whose first line starts where the caller stands and the others at ``indent``."""
    return f"\n{indent}".join(_entry(f"{key}:", value, indent + INDENT) for key, value in data.items())


def _sequence(items: list[Any], indent: str) -> str:
    return f"\n{indent}".join(_entry("-", item, indent + INDENT) for item in items)


def _entry(head: str, value: Any, inner: str) -> str:
    """``key:`` or ``-`` and its value: an empty collection inline, a nested block below a key (beside a dash:
    a list item's first key shares the dash's line), a scalar after one space."""
    if _is_collection(value) and not value:
        return f"{head} {'{}' if isinstance(value, Mapping) else '[]'}"
    if isinstance(value, Mapping):
        block = _mapping(value, inner)
    elif isinstance(value, list):
        block = _sequence(value, inner)
    else:
        return f"{head} {_scalar(value, inner)}"
    return f"{head} {block}" if head == "-" else f"{head}\n{inner}{block}"


def dump(data: Mapping[str, Any]) -> str:
    """The front matter text (without the ``---`` lines) as the editor writes ``data``, keys in their order."""
    return _mapping(data, "") if data else "{}"


def ordered(data: Any, schema: Schema) -> Any:
    """``data`` as the editor holds it: every mapping's keys in the schema's order (the order of its fields),
    and a year written as a number in a field that takes text or a number (a partial date, edited as text)
    turned into text, as the editor's text field turns it on load.

    Keys the schema does not know (the check reports them) follow in their own order.
    """
    kinds = schema.get("type")
    if isinstance(data, int) and not isinstance(data, bool) and isinstance(kinds, list) and "string" in kinds:
        return str(data)
    if isinstance(data, Mapping):
        properties = schema.get("properties", {})
        known = [key for key in properties if key in data]
        rest = [key for key in data if key not in properties]
        return {key: ordered(data[key], properties.get(key, {})) for key in (*known, *rest)}
    if isinstance(data, list):
        return [ordered(item, schema.get("items", {})) for item in data]
    return data


def record_text(data: Mapping[str, Any], body: str, schema: Schema) -> str:
    """A whole record file as the editor writes it: front matter in the schema's order, a blank line, the
    body. The editor trims the file's surrounding whitespace when it reads it."""
    head = f"{FENCE_LINE}\n{dump(ordered(data, schema))}\n{FENCE_LINE}\n"
    body = body.lstrip("\n").rstrip()
    return f"{head}\n{body}\n" if body else head
